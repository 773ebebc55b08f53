// Unit tests for sparse-parity targets and the separation class H = F + αG(F)
// (arXiv 1905.10337 §7.1). Exact checks on the enumerated cube. Legend: d, k, α, M = 2^d.
#include "concepts/sparse_parity.h"

#include <gtest/gtest.h>

#include "concepts/boolean_cube.h"

namespace thmcheck {
namespace {

// Evaluates Σ a_S χ_S on the rows of X.
Eigen::VectorXd Evaluate(const FourierExpansion& f, const Eigen::MatrixXd& X) {
  Eigen::VectorXd out = Eigen::VectorXd::Zero(X.rows());
  for (const auto& [s, a] : f) out += a * Parity(X, s);
  return out;
}

TEST(SparseParityTest, ParityTargetIsAUnitVarianceDegreeKParity) {
  Rng rng(1);
  const SparseParity target = DrawSparseParity(rng, 8, 3);
  ASSERT_EQ(target.subset.size(), 3u);
  const Eigen::MatrixXd X = EnumerateCube(8);
  const Eigen::VectorXd y = ParityTarget(target, X);
  EXPECT_EQ(y.sum(), 0.0);                       // mean 0 (exact integer sums)
  EXPECT_EQ(y.squaredNorm(), double(X.rows()));  // variance 1
  EXPECT_TRUE(Evaluate(ParityFourier(target), X) == y);
}

// On the whole cube, H = F + αG(F) equals its Fourier expansion, G(F) = χ_S in every output, and
// E‖H‖² = k(1 + α²). The values are dyadic sums of ±1 and ±α, so the comparisons are exact up to
// one rounding per addition of α: M·k terms of size ≤ 1 + α give a bound (M·k)·ε·(1 + α)².
TEST(SparseParityTest, SeparationClassMatchesItsFourierExpansion) {
  Rng rng(2);
  const double alpha = 0.3;
  const int d = 8, k = 3;
  const SeparationConcept sep = DrawSeparationConcept(rng, d, k, alpha);
  const Eigen::MatrixXd X = EnumerateCube(d);
  const Eigen::MatrixXd H = SeparationTarget(sep, X);
  const Eigen::MatrixXd F = SeparationF(sep, X);
  ASSERT_EQ(H.cols(), k);
  const Eigen::VectorXd chi_s = Parity(X, sep.subset);
  const std::vector<FourierExpansion> fourier = SeparationFourier(sep);
  for (int j = 0; j < k; ++j) {
    EXPECT_TRUE(SeparationG(F).col(j) == chi_s);
    EXPECT_TRUE(F.col(j) == Parity(X, {sep.subset[j]}));
    EXPECT_TRUE(Evaluate(fourier[j], X) == H.col(j));
  }
  const double M = static_cast<double>(X.rows());
  const double tol = M * k * 2.220446049250313e-16 * (1 + alpha) * (1 + alpha);
  EXPECT_NEAR(H.squaredNorm() / M, k * (1 + alpha * alpha), tol);
  // Control: the part a kernel cannot learn carries kα² of the risk.
  EXPECT_NEAR((H - F).squaredNorm() / M, k * alpha * alpha, tol);
}

TEST(SparseParityTest, DegreeOneSeparationMergesTheCoincidingParities) {
  Rng rng(3);
  const SeparationConcept sep = DrawSeparationConcept(rng, 5, 1, 0.5);
  const std::vector<FourierExpansion> fourier = SeparationFourier(sep);
  ASSERT_EQ(fourier.size(), 1u);
  ASSERT_EQ(fourier[0].size(), 1u);
  EXPECT_EQ(fourier[0][0].second, 1.5);
  const Eigen::MatrixXd X = EnumerateCube(5);
  EXPECT_TRUE(Evaluate(fourier[0], X) == SeparationTarget(sep, X).col(0));
}

TEST(SparseParityTest, DrawsAreReproducible) {
  Rng a(99), b(99);
  EXPECT_EQ(DrawSparseParity(a, 20, 4).subset, DrawSparseParity(b, 20, 4).subset);
}

}  // namespace
}  // namespace thmcheck
