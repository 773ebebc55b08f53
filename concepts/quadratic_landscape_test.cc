// Tests for the train/test landscape pairs of annealing_convex: the hand-built Hessian, the
// initial residual's range and signs, and the sampled least-squares pair (Ĥ = XᵀX/n symmetric PSD
// and close to Σ_x = I when n ≫ d, rank n when n < d; Σ_x geometric). Legend: n samples, d dim.
#include "concepts/quadratic_landscape.h"

#include <cmath>

#include <gtest/gtest.h>
#include <Eigen/Eigenvalues>

namespace thmcheck {
namespace {

TEST(QuadraticLandscape, TwoScaleHessianIsDiagOneAndOneOverKappa) {
  const Eigen::MatrixXd H = TwoScaleHessian(250.0);
  EXPECT_EQ(H(0, 0), 1.0);
  EXPECT_EQ(H(1, 1), 1.0 / 250.0);
  EXPECT_EQ(H(0, 1), 0.0);
  EXPECT_EQ(H(1, 0), 0.0);
}

TEST(QuadraticLandscape, SignedResidualHasMagnitudesInRangeAndBothSigns) {
  Rng rng(7);
  const Eigen::VectorXd e = SampleSignedResidual(rng, 2000, 0.5, 1.5);
  int negative = 0;
  for (int k = 0; k < e.size(); ++k) {
    EXPECT_GE(std::abs(e(k)), 0.5);
    EXPECT_LE(std::abs(e(k)), 1.5);
    negative += e(k) < 0;
  }
  // Binomial(2000, ½): 1000 ± 5σ (σ ≈ 22.4).
  EXPECT_NEAR(negative, 1000, 112);
  Rng again(7);
  EXPECT_EQ(SampleSignedResidual(again, 2000, 0.5, 1.5), e);
}

TEST(QuadraticLandscape, LeastSquaresHessianIsTheSampleGramAndNearIdentityForLargeN) {
  Rng rng(11);
  const int d = 5;
  const LeastSquaresLandscape ls = SampleLeastSquares(rng, 20000, d, 1.0);
  EXPECT_EQ(ls.test_hessian, Eigen::MatrixXd::Identity(d, d));
  EXPECT_EQ(ls.train_hessian, ls.train_hessian.transpose());
  // Ĥ − I has entries of sd ≈ 1/√n = 0.007 (√2/√n on the diagonal): within 6σ.
  EXPECT_LT((ls.train_hessian - Eigen::MatrixXd::Identity(d, d)).cwiseAbs().maxCoeff(), 0.06);
  const LeastSquaresLandscape small = SampleLeastSquares(rng, 3, d, 1.0);  // rank 3 of 5
  Eigen::SelfAdjointEigenSolver<Eigen::MatrixXd> es(small.train_hessian);
  EXPECT_GT(es.eigenvalues().minCoeff(), -1e-12);
  EXPECT_LT(es.eigenvalues()(1), 1e-12);  // two zero eigenvalues
}

TEST(QuadraticLandscape, LeastSquaresSpectrumRunsFromOneToOneOverSpread) {
  Rng rng(3);
  const LeastSquaresLandscape ls = SampleLeastSquares(rng, 10, 4, 1000.0);
  EXPECT_DOUBLE_EQ(ls.test_hessian(0, 0), 1.0);
  EXPECT_NEAR(ls.test_hessian(3, 3), 1e-3, 1e-15);
  EXPECT_NEAR(ls.test_hessian(1, 1), 0.1, 1e-15);
}

}  // namespace
}  // namespace thmcheck
