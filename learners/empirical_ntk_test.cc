// Tests for EmpiricalNtk: against an explicit Jacobian product J Jᵀ (J's rows from the net's own
// gradient, itself checked against finite differences in two_layer_net_test), across neuron-block
// boundaries and scalings; the symmetric path; positive semi-definiteness.
// Legend: n₁, n₂ samples, d input dim, m width, p = m(d + 1) parameters, ε = DBL_EPSILON.
#include "learners/empirical_ntk.h"

#include <cmath>
#include <cstdio>
#include <limits>

#include <gtest/gtest.h>
#include <Eigen/Eigenvalues>

#include "concepts/sphere.h"

namespace thmcheck {
namespace {

constexpr double kEps = std::numeric_limits<double>::epsilon();

// n×p Jacobian of f at the rows of X, row i = ∇_θ f(x_i) = ∇_θ L for the single sample x_i with
// label f(x_i) − 1 (then r = 1). Parameters are ordered (vec W column-major, a).
Eigen::MatrixXd ExplicitJacobian(const TwoLayerNet& net, const Eigen::MatrixXd& X) {
  const int m = net.m(), d = net.d();
  Eigen::MatrixXd J(X.rows(), m * (d + 1));
  const Eigen::VectorXd f = net.Forward(X);
  TwoLayerNet::Gradient g;
  for (int i = 0; i < X.rows(); ++i) {
    const Eigen::VectorXd y_i = Eigen::VectorXd::Constant(1, f(i) - 1.0);
    net.LossAndGradient(X.row(i), y_i, &g);
    J.row(i).head(m * d) = g.W.reshaped().transpose();
    J.row(i).tail(m) = g.a.transpose();
  }
  return J;
}

struct Case {
  int m;
  Scaling scaling;
  Activation act;
};

class EmpiricalNtkVsJacobian : public ::testing::TestWithParam<Case> {};

TEST_P(EmpiricalNtkVsJacobian, MatchesExplicitGram) {
  const Case c = GetParam();
  Rng rng(100 + c.m);
  const int d = 5, n1 = 6, n2 = 4;
  const Eigen::MatrixXd X1 = SampleUnitSphere(rng, n1, d);
  const Eigen::MatrixXd X2 = SampleUnitSphere(rng, n2, d);
  const TwoLayerNet net = TwoLayerNet::Init(d, c.m, c.scaling, c.act, rng);
  const Eigen::MatrixXd J1 = ExplicitJacobian(net, X1), J2 = ExplicitJacobian(net, X2);
  const Eigen::MatrixXd want = J1 * J2.transpose();
  const Eigen::MatrixXd got = EmpiricalNtk(net, X1, X2);
  ASSERT_EQ(got.rows(), n1);
  ASSERT_EQ(got.cols(), n2);
  // Both sides sum the same p = m(d + 1) products, each formed with ≤ d + 4 roundings, in different
  // orders: |error| ≤ c·(p + d + 4)·ε·Σ_k |J1_ik J2_jk| with c = 2 (two computations).
  const Eigen::MatrixXd scale = J1.cwiseAbs() * J2.cwiseAbs().transpose();
  const double k = 2.0 * (c.m * (d + 1) + d + 4) * kEps;
  double worst = 0.0;
  for (int i = 0; i < n1; ++i) {
    for (int j = 0; j < n2; ++j) {
      const double err = std::abs(got(i, j) - want(i, j));
      EXPECT_TRUE(err <= k * scale(i, j)) << i << "," << j << " err " << err;
      worst = std::max(worst, err / (kEps * scale(i, j)));
    }
  }
  std::printf("m = %d: worst |H − JJᵀ| = %.1f ε·Σ|JJ| (bound %.0f ε)\n", c.m, worst, k / kEps);
}

INSTANTIATE_TEST_SUITE_P(Nets, EmpiricalNtkVsJacobian,
                         ::testing::Values(Case{16, Scaling::kNtk, Activation::kRelu},
                                           Case{16, Scaling::kNtk, Activation::kTanh},
                                           // 300 = 2 full neuron blocks of 128 and a partial one.
                                           Case{300, Scaling::kNtk, Activation::kRelu},
                                           Case{300, Scaling::kStandard, Activation::kTanh},
                                           Case{300, Scaling::kMeanField, Activation::kRelu}),
                         [](const ::testing::TestParamInfo<Case>& info) {
                           return std::string(ScalingName(info.param.scaling)) + "_" +
                                  ActivationName(info.param.act) + "_m" +
                                  std::to_string(info.param.m);
                         });

TEST(EmpiricalNtk, SymmetricPathIsSymmetricPsdAndMatchesGeneralPath) {
  Rng rng(5);
  const int n = 12, d = 7, m = 1000;
  const Eigen::MatrixXd X = SampleUnitSphere(rng, n, d);
  const Eigen::MatrixXd X_copy = X;  // a different object: the general (non-symmetric) path
  for (Activation act : {Activation::kRelu, Activation::kTanh}) {
    const TwoLayerNet net = TwoLayerNet::Init(d, m, Scaling::kNtk, act, rng);
    const Eigen::MatrixXd h = EmpiricalNtk(net, X, X);
    const Eigen::MatrixXd h_general = EmpiricalNtk(net, X, X_copy);
    EXPECT_TRUE(h == h.transpose()) << ActivationName(act);
    // Entries are averages of m nonnegative-scale terms of size O(1): two summation orders of
    // m + d terms differ by ≤ 2(m + d)ε·max|H| (c = 2, n = m + d).
    const double kTolerance = 2.0 * (m + d) * kEps * h.cwiseAbs().maxCoeff();
    EXPECT_TRUE((h - h_general).cwiseAbs().maxCoeff() <= kTolerance) << ActivationName(act);
    // A Gram matrix is PSD; the eigensolver's backward error is ≤ c·n·ε·‖H‖ (c = 4, n = 12).
    const double lambda_min = Eigen::SelfAdjointEigenSolver<Eigen::MatrixXd>(h).eigenvalues()(0);
    EXPECT_TRUE(lambda_min >= -4.0 * n * kEps * h.norm()) << lambda_min;
  }
}

}  // namespace
}  // namespace thmcheck
