// Tests for the parameter-space linearized model: the Jacobian against the empirical NTK (J Jᵀ = H)
// and against the net's own gradient, and GD on f_lin against the function-space LinearizedModel
// (the same outputs) and against an explicit parameter update.
// Legend: n samples, d input dim, m width, p = m(d + 1), η step, ε = DBL_EPSILON.
#include "learners/linearized_parameters.h"

#include <limits>

#include <gtest/gtest.h>

#include "concepts/sphere.h"
#include "learners/linearized_model.h"

namespace thmcheck {
namespace {

constexpr double kEps = std::numeric_limits<double>::epsilon();

TEST(ParameterJacobian, GramIsTheEmpiricalNtkAndRowsAreGradients) {
  Rng rng(1);
  const int n = 7, d = 4, m = 300;
  const Eigen::MatrixXd X = SampleUnitSphere(rng, n, d);
  for (Activation act : {Activation::kRelu, Activation::kTanh}) {
    const TwoLayerNet net = TwoLayerNet::Init(d, m, Scaling::kNtk, act, rng);
    const Eigen::MatrixXd J = ParameterJacobian(net, X);
    ASSERT_EQ(J.cols(), m * (d + 1));
    // Two orders of p products each: ≤ 2(p + d + 4)ε·Σ|J J| (as in two_layer_ntk_test).
    const Eigen::MatrixXd err = (J * J.transpose() - EmpiricalNtk(net, X, X)).cwiseAbs();
    const Eigen::MatrixXd scale = J.cwiseAbs() * J.cwiseAbs().transpose();
    EXPECT_TRUE((err.array() <= 2.0 * (m * (d + 1) + d + 4) * kEps * scale.array()).all())
        << ActivationName(act);
    // Row i is ∇_θ f(x_i): the loss gradient for the single sample, divided by its residual
    // (≈ 1: f on one row and on seven may round apart). Entries are products of ≤ 4 factors in
    // other orders (≤ 6ε relative), except that z_r = w_r·x is summed apart in a 1-row and a
    // 7-row product: |Δz| ≤ 2(d + 2)ε·Σ_k|w_rk x_k|, and |σ'|, |σ''| ≤ 1 carry it into the
    // entries with a factor ≤ c·|a_r| (W) or c (a).
    TwoLayerNet::Gradient g;
    Eigen::VectorXd r;
    const Eigen::VectorXd f = net.Forward(X);
    const double c = net.output_scale();
    for (int i = 0; i < n; ++i) {
      const Eigen::VectorXd y_i = Eigen::VectorXd::Constant(1, f(i) - 1.0);
      net.LossAndGradient(X.row(i), y_i, &g, &r);
      Eigen::VectorXd want(m * (d + 1)), tol(m * (d + 1));
      want << g.W.reshaped(), g.a;
      want /= r(0);
      const Eigen::VectorXd dz =
          2.0 * (d + 2) * kEps * (net.W().cwiseAbs() * X.row(i).cwiseAbs().transpose());
      for (int k = 0; k < d; ++k) tol.segment(k * m, m) = c * net.a().cwiseAbs().cwiseProduct(dz);
      tol.tail(m) = c * dz;
      tol += 6.0 * kEps * want.cwiseAbs();
      EXPECT_TRUE(((J.row(i).transpose() - want).array().abs() <= tol.array()).all())
          << ActivationName(act) << " row " << i;
    }
  }
}

TEST(LinearizedParameters, OutputsFollowTheFunctionSpaceModelAndStepsAreExplicit) {
  Rng rng(2);
  const int n = 6, d = 3, m = 200;
  const Eigen::MatrixXd X = SampleUnitSphere(rng, n, d);
  const Eigen::VectorXd y = Eigen::VectorXd::LinSpaced(n, -1.0, 1.0);
  const TwoLayerNet net = TwoLayerNet::Init(d, m, Scaling::kNtk, Activation::kTanh, rng);
  LinearizedParameters lin(net, X, y);
  LinearizedModel fn = LinearizedModel::FromNet(net, X, y, X);
  EXPECT_EQ(lin.DistanceTo(net), 0.0);
  const Eigen::MatrixXd J = ParameterJacobian(net, X);
  Eigen::VectorXd theta = FlattenParameters(net);
  const double eta = 0.2;
  for (int t = 0; t < 20; ++t) {
    theta -= eta * (J.transpose() * (lin.outputs() - y));  // before the step: the same residual
    lin.Step(eta);
    fn.Step(eta);
    // u = f₀ + J₀δ against u ← u − ηH₀r: the same linear map, rounded in two ways, with η‖H₀‖
    // ≤ 0.6 so errors do not grow: ≤ 1e-12 over 20 steps (|u| ≤ 2).
    EXPECT_TRUE((lin.outputs() - fn.u_train()).cwiseAbs().maxCoeff() <= 1e-12) << t;
  }
  // ‖θ − θ̄‖ for a net at θ: the explicit update above reaches the same θ̄ up to rounding.
  const Eigen::Index md = static_cast<Eigen::Index>(m) * d;
  const TwoLayerNet moved = TwoLayerNet::FromParameters(
      theta.head(md).reshaped(m, d), theta.tail(m), net.output_scale(), net.activation());
  EXPECT_TRUE(lin.DistanceTo(moved) <= 1e-12 * theta.norm()) << lin.DistanceTo(moved);
}

}  // namespace
}  // namespace thmcheck
