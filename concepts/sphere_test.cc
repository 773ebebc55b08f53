// Tests for the sphere sampler and the Gaussian labels: exact properties (unit norms, nesting,
// determinism) and Monte-Carlo moments of the uniform law on S^{d-1}, each with a control arm
// that the same check must reject. Legend: n samples (N for Monte-Carlo size), d dimension.
#include "concepts/sphere.h"

#include <cmath>
#include <cstdio>
#include <limits>
#include <vector>

#include <gtest/gtest.h>

namespace thmcheck {
namespace {

constexpr double kEps = std::numeric_limits<double>::epsilon();
// Monte-Carlo agreement: |sample mean − truth| ≤ z·σ̂/√N with z = 5 (two-sided false-alarm rate
// 5.7e-7 per statistic; ≤ 25 statistics per call, so ≤ 1.5e-5 per call by Bonferroni).
constexpr double kZ = 5.0;

// z-score of mean(values) against `truth`, with σ̂ the sample standard deviation of `values`.
double ZScore(const std::vector<double>& values, double truth) {
  const double n = static_cast<double>(values.size());
  double mean = 0.0;
  for (double v : values) mean += v;
  mean /= n;
  double var = 0.0;
  for (double v : values) var += (v - mean) * (v - mean);
  var /= (n - 1.0);
  return (mean - truth) / std::sqrt(var / n);
}

// Largest |z| over the moments that pin the uniform law on S^{d-1} up to order 4:
// E x_j = 0, E x_j x_k = δ_jk / d, E x_j⁴ = 3 / (d(d+2)) (e.g. Muirhead 1982, Thm 1.5.7 via
// x = g/‖g‖ with ‖g‖ independent of x). NaN if any statistic is NaN.
double WorstMomentZ(const Eigen::MatrixXd& x) {
  const int n = static_cast<int>(x.rows());
  const int d = static_cast<int>(x.cols());
  std::vector<double> values(n);
  double worst = 0.0;
  auto consider = [&](double z) {
    if (std::isnan(z) || std::isnan(worst)) {
      worst = std::numeric_limits<double>::quiet_NaN();
    } else {
      worst = std::max(worst, std::abs(z));
    }
  };
  for (int j = 0; j < d; ++j) {
    for (int i = 0; i < n; ++i) values[i] = x(i, j);
    consider(ZScore(values, 0.0));
    for (int i = 0; i < n; ++i) values[i] = std::pow(x(i, j), 4);
    consider(ZScore(values, 3.0 / (d * (d + 2.0))));
    for (int k = j; k < d; ++k) {
      for (int i = 0; i < n; ++i) values[i] = x(i, j) * x(i, k);
      consider(ZScore(values, j == k ? 1.0 / d : 0.0));
    }
  }
  return worst;
}

TEST(SampleUnitSphere, RowsHaveUnitNorm) {
  Rng rng(11);
  const int d = 10;
  const Eigen::MatrixXd x = SampleUnitSphere(rng, 500, d);
  ASSERT_EQ(x.rows(), 500);
  ASSERT_EQ(x.cols(), d);
  // Sum of d squares (relative error ≤ d·ε), a sqrt, a division and the re-norm's own d + 1
  // operations: |‖x‖ − 1| ≤ c·n·ε with c = 2, n = 2d + 3.
  const double kTolerance = 2.0 * (2 * d + 3) * kEps;
  for (int i = 0; i < x.rows(); ++i) {
    const double err = std::abs(x.row(i).norm() - 1.0);
    ASSERT_TRUE(err <= kTolerance) << "row " << i << " err " << err;  // NaN-safe
  }
}

TEST(SampleUnitSphere, MomentsMatchUniformLaw) {
  Rng rng(12);
  const Eigen::MatrixXd x = SampleUnitSphere(rng, 20000, 5);
  const double z = WorstMomentZ(x);
  std::printf("uniform sphere: worst moment |z| = %.2f (bound %.1f)\n", z, kZ);
  EXPECT_TRUE(z <= kZ) << "worst |z| = " << z;
}

// Control arms: two wrong samplers the moment check must reject.
TEST(SampleUnitSphere, MomentCheckRejectsWrongLaws) {
  Rng rng(13);
  const int n = 20000, d = 5;
  // (a) Normalized uniform cube points: unit norm, but concentrated towards the cube's corners.
  Eigen::MatrixXd cube(n, d);
  for (int i = 0; i < n; ++i) {
    for (int j = 0; j < d; ++j) cube(i, j) = rng.Uniform(-1.0, 1.0);
    cube.row(i).normalize();
  }
  const double z_cube = WorstMomentZ(cube);
  EXPECT_TRUE(z_cube > kZ) << "cube |z| = " << z_cube;
  // (b) Gaussian rows scaled by 1/√d: right second moments, wrong fourth moment (3/d²).
  Eigen::MatrixXd gauss(n, d);
  FillNormal(rng, gauss, 1.0 / std::sqrt(static_cast<double>(d)));
  const double z_gauss = WorstMomentZ(gauss);
  std::printf("controls: worst moment |z| cube %.1f, gaussian %.1f (must exceed %.1f)\n", z_cube,
              z_gauss, kZ);
  EXPECT_TRUE(z_gauss > kZ) << "gaussian |z| = " << z_gauss;
}

TEST(SampleUnitSphere, SamplesNestAcrossSizesAndAreDeterministic) {
  Rng big_rng(21), small_rng(21), again_rng(21), other_rng(22);
  const Eigen::MatrixXd big = SampleUnitSphere(big_rng, 40, 7);
  const Eigen::MatrixXd small = SampleUnitSphere(small_rng, 15, 7);
  EXPECT_TRUE(big.topRows(15) == small);  // bitwise: the same draws in the same order
  EXPECT_TRUE(SampleUnitSphere(again_rng, 40, 7) == big);
  EXPECT_FALSE(SampleUnitSphere(other_rng, 40, 7) == big);
}

TEST(SampleGaussianLabels, MeanAndVarianceMatch) {
  Rng rng(31);
  const double sigma = 2.0;
  const Eigen::VectorXd y = SampleGaussianLabels(rng, 20000, sigma);
  std::vector<double> values(y.data(), y.data() + y.size());
  std::vector<double> squares(values.size());
  for (size_t i = 0; i < values.size(); ++i) squares[i] = values[i] * values[i];
  const double z_mean = ZScore(values, 0.0);
  const double z_var = ZScore(squares, sigma * sigma);
  EXPECT_TRUE(std::abs(z_mean) <= kZ) << z_mean;
  EXPECT_TRUE(std::abs(z_var) <= kZ) << z_var;
  // Control: the same check rejects a 5% error in σ (σ² off by 10%: about 10 standard errors).
  const double z_wrong = ZScore(squares, 1.05 * 1.05 * sigma * sigma);
  EXPECT_TRUE(std::abs(z_wrong) > kZ) << z_wrong;
}

}  // namespace
}  // namespace thmcheck
