// Unit tests for the scaled Boolean cube: enumeration, sampling, subsets, parities (exact
// orthonormality), Hamming helpers and binomials. Legend: d dimension, k degree, M = 2^d.
#include "concepts/boolean_cube.h"

#include <bit>
#include <cmath>
#include <map>
#include <set>

#include <gtest/gtest.h>

namespace thmcheck {
namespace {

TEST(BooleanCubeTest, EnumerationIsTheWholeCubeInIndexOrder) {
  for (int d : {1, 3, 8}) {
    const Eigen::MatrixXd X = EnumerateCube(d);
    ASSERT_EQ(X.rows(), int64_t{1} << d);
    const std::vector<uint32_t> idx = CubeIndices(X);
    const Eigen::VectorXi weights = HammingWeights(X);
    for (Eigen::Index b = 0; b < X.rows(); ++b) {
      EXPECT_EQ(idx[b], static_cast<uint32_t>(b));  // distinct rows, in order
      EXPECT_EQ(weights(b), std::popcount(static_cast<uint32_t>(b)));
      // ‖x‖² = d · (1/√d)² = 1 up to d roundings of the sum plus one of the square: (d + 1)ε.
      EXPECT_NEAR(X.row(b).squaredNorm(), 1.0, (d + 1) * 2.220446049250313e-16);
    }
  }
}

// E[χ_S χ_T] = δ_ST over all 2^d subsets: the Gram of the parity matrix is M·I exactly (the
// entries are ±1, so every sum is an integer ≤ 2^d and is computed without rounding).
TEST(BooleanCubeTest, ParitiesAreExactlyOrthonormalOnTheCube) {
  const int d = 6;
  const Eigen::MatrixXd X = EnumerateCube(d);
  const int64_t M = X.rows();
  Eigen::MatrixXd chi(M, M);
  int col = 0;
  for (int k = 0; k <= d; ++k) {
    for (const std::vector<int>& s : AllSubsets(d, k)) chi.col(col++) = Parity(X, s);
  }
  ASSERT_EQ(col, M);
  const Eigen::MatrixXd gram = chi.transpose() * chi;
  EXPECT_TRUE(gram == static_cast<double>(M) * Eigen::MatrixXd::Identity(M, M));
  // Control: a non-parity (χ_{0} with one value flipped) is no longer orthogonal to χ_∅.
  Eigen::VectorXd broken = chi.col(1);
  broken(0) = -broken(0);
  EXPECT_NE(broken.sum(), 0.0);
}

TEST(BooleanCubeTest, ParityMatchesTheLiteralProductOnSamples) {
  Rng rng(11);
  const int d = 9;
  const Eigen::MatrixXd X = SampleCube(rng, 50, d);
  const std::vector<int> s = {1, 4, 8};
  const Eigen::VectorXd chi = Parity(X, s);
  for (int i = 0; i < 50; ++i) {
    double literal = 1.0;
    for (int j : s) literal *= std::sqrt(9.0) * X(i, j);
    EXPECT_EQ(chi(i), literal > 0 ? 1.0 : -1.0);
    EXPECT_NEAR(chi(i), literal, 8 * 2.220446049250313e-16);  // 3 factors, ≤ 2 roundings each
  }
  EXPECT_TRUE(Parity(X, {}) == Eigen::VectorXd::Ones(50));
}

TEST(BooleanCubeTest, SamplesNestAcrossSampleSizesAndLieOnTheCube) {
  Rng a(5), b(5);
  const Eigen::MatrixXd small = SampleCube(a, 7, 12);
  const Eigen::MatrixXd large = SampleCube(b, 40, 12);
  EXPECT_TRUE(large.topRows(7) == small);
  EXPECT_TRUE(((large.array().abs() - 1.0 / std::sqrt(12.0)).abs() == 0.0).all());
}

// Each coordinate's sign is a fair coin: over n·d = 40000 draws the mean of √d·x is 0 ± 1/√40000;
// z = 5 gives a false-alarm rate of 6e-7.
TEST(BooleanCubeTest, SampleSignsAreBalanced) {
  Rng rng(17);
  const Eigen::MatrixXd X = SampleCube(rng, 4000, 10);
  const double mean = X.sum() * std::sqrt(10.0) / X.size();
  EXPECT_LT(std::abs(mean), 5.0 / std::sqrt(static_cast<double>(X.size())));
}

// Every 2-subset of 5 has probability 1/10: each of 20000 draws lands in a cell with count
// ~ Binomial(20000, 0.1), σ = √(20000·0.1·0.9) ≈ 42.4; z = 5 per cell (10 cells, family-wise
// false-alarm rate ≈ 6e-6).
TEST(BooleanCubeTest, RandomSubsetsAreUniformSortedAndDistinct) {
  Rng rng(23);
  std::map<std::vector<int>, int> counts;
  const int draws = 20000;
  for (int t = 0; t < draws; ++t) {
    const std::vector<int> s = RandomSubset(rng, 5, 2);
    ASSERT_EQ(s.size(), 2u);
    ASSERT_LT(s[0], s[1]);
    ++counts[s];
  }
  ASSERT_EQ(counts.size(), 10u);
  const double sigma = std::sqrt(draws * 0.1 * 0.9);
  for (const auto& [s, c] : counts) EXPECT_LT(std::abs(c - 0.1 * draws), 5.0 * sigma);
  EXPECT_EQ(RandomSubset(rng, 4, 4), (std::vector<int>{0, 1, 2, 3}));
  EXPECT_TRUE(RandomSubset(rng, 4, 0).empty());
}

TEST(BooleanCubeTest, AllSubsetsListsEachSubsetOnce) {
  const auto subsets = AllSubsets(7, 3);
  EXPECT_EQ(subsets.size(), 35u);
  EXPECT_EQ(std::set<std::vector<int>>(subsets.begin(), subsets.end()).size(), 35u);
  EXPECT_EQ(subsets.front(), (std::vector<int>{0, 1, 2}));
  EXPECT_EQ(subsets.back(), (std::vector<int>{4, 5, 6}));
  EXPECT_EQ(AllSubsets(3, 0).size(), 1u);
}

TEST(BooleanCubeTest, HammingDistanceGivesTheInnerProduct) {
  Rng rng(3);
  const int d = 10;
  const Eigen::MatrixXd X = SampleCube(rng, 20, d);
  for (int i = 0; i < 20; ++i) {
    for (int j = 0; j < 20; ++j) {
      const int w = HammingDistance(X.row(i), X.row(j));
      // ⟨x,x'⟩ is a sum of d terms ±fl(1/√d)²: (d + 1)ε with the products' roundings.
      EXPECT_NEAR(X.row(i).dot(X.row(j)), CubeInnerProductAtDistance(d, w),
                  (d + 2) * 2.220446049250313e-16);
    }
  }
}

TEST(BooleanCubeTest, BinomialsAreExact) {
  EXPECT_EQ(BinomialCoefficient(10, 3), 120.0);
  EXPECT_EQ(BinomialCoefficient(56, 28), 7648690600760440.0);  // < 2^53: exact
  // C(30,8) ≈ 5.9e6, the degree-8 parities of docs/claims/alpha_separation.md.
  EXPECT_EQ(BinomialCoefficient(30, 8), 5852925.0);
  EXPECT_EQ(BinomialCoefficient(5, 6), 0.0);
  EXPECT_EQ(LowDegreeDimension(10, 2), 56.0);
  EXPECT_EQ(LowDegreeDimension(6, 6), 64.0);
}

TEST(BooleanCubeDeathTest, RefusesWhatItCannotDo) {
  EXPECT_DEATH(EnumerateCube(kMaxEnumerableCubeDim + 1), "enumeration allows");
  Eigen::MatrixXd off_cube = Eigen::MatrixXd::Constant(2, 4, 0.5 + 1e-9);
  EXPECT_DEATH(Parity(off_cube, {0}), "is not");
  EXPECT_DEATH(Parity(EnumerateCube(3), {0, 0}), "CHECK failed");
}

}  // namespace
}  // namespace thmcheck
