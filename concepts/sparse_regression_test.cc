// Tests for noiseless sparse regression: θ* has r positive coordinates first and unit norm, the
// labels are Xθ* exactly, draws are reproducible, and the population loss is ½‖β − θ*‖² (checked
// against a Monte-Carlo average over fresh x ~ N(0, I)). Legend: n samples, d dimension, r
// non-zeros.
#include "concepts/sparse_regression.h"

#include <cmath>

#include <gtest/gtest.h>

namespace thmcheck {
namespace {

TEST(SparseRegression, ThetaIsUnitNormWithRPositiveLeadingCoordinates) {
  Rng rng(4);
  const SparseRegression s = SampleSparseRegression(rng, 30, 50, 7);
  EXPECT_NEAR(s.theta.norm(), 1.0, 1e-15);
  for (int j = 0; j < 50; ++j) {
    if (j < 7) {
      EXPECT_GT(s.theta(j), 0.0) << j;
    } else {
      EXPECT_EQ(s.theta(j), 0.0) << j;
    }
  }
  EXPECT_EQ(s.X.rows(), 30);
  EXPECT_EQ(s.X.cols(), 50);
  EXPECT_EQ(s.y, s.X * s.theta);
  Rng again(4);
  EXPECT_EQ(SampleSparseRegression(again, 30, 50, 7).X, s.X);
}

// E[(xᵀ(β − θ*))²]/2 over x ~ N(0, I) is ½‖β − θ*‖²: a Monte-Carlo mean of N = 200000 squares
// of N(0, ‖β − θ*‖²) variables has relative sd √(2/N) = 0.0032; the check allows 5σ.
TEST(SparseRegression, PopulationLossIsTheGaussianExpectation) {
  Rng rng(8);
  const SparseRegression s = SampleSparseRegression(rng, 200000, 6, 3);
  const Eigen::VectorXd beta = Eigen::VectorXd::LinSpaced(6, -0.3, 0.4);
  const double monte_carlo = (s.X * beta - s.y).squaredNorm() / (2.0 * 200000);
  const double exact = PopulationLoss(beta, s.theta);
  EXPECT_NEAR(monte_carlo / exact, 1.0, 5 * std::sqrt(2.0 / 200000));
}

}  // namespace
}  // namespace thmcheck
