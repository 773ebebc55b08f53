// Linearized model in parameter space; see linearized_parameters.h.
#include "learners/linearized_parameters.h"

#include <cmath>

#include "harness/contract.h"
#include "learners/activation.h"

namespace thmcheck {

Eigen::MatrixXd ParameterJacobian(const TwoLayerNet& net,
                                  const Eigen::Ref<const Eigen::MatrixXd>& X) {
  THM_CHECK_EQ(X.cols(), net.d());
  const Eigen::Index n = X.rows(), m = net.m(), d = net.d();
  Eigen::MatrixXd s = X * net.W().transpose();  // n×m: Z, then σ(Z)
  Eigen::MatrixXd ds(n, m);                     // σ'(Z), then c σ'(Z) diag(a)
  ApplySigmaAndPrime(net.activation(), s, s, ds);
  ds.array().rowwise() *= net.output_scale() * net.a().transpose().array();
  Eigen::MatrixXd J(n, m * (d + 1));
  for (Eigen::Index k = 0; k < d; ++k)
    J.middleCols(k * m, m) = ds.array().colwise() * X.col(k).array();
  J.rightCols(m) = net.output_scale() * s;
  return J;
}

Eigen::VectorXd FlattenParameters(const TwoLayerNet& net) {
  const Eigen::Index m = net.m(), d = net.d();
  Eigen::VectorXd theta(m * (d + 1));
  theta.head(m * d) = net.W().reshaped();  // column-major: entry k·m + r is W(r, k)
  theta.tail(m) = net.a();
  return theta;
}

LinearizedParameters::LinearizedParameters(const TwoLayerNet& net0,
                                           const Eigen::Ref<const Eigen::MatrixXd>& X,
                                           const Eigen::Ref<const Eigen::VectorXd>& y)
    : jacobian_(ParameterJacobian(net0, X)),
      theta0_(FlattenParameters(net0)),
      delta_(Eigen::VectorXd::Zero(theta0_.size())),
      u0_(net0.Forward(X)),
      u_(u0_),
      y_(y),
      r_(y.size()) {
  THM_CHECK_EQ(X.rows(), y.size());
}

void LinearizedParameters::Step(double eta) {
  r_ = u_ - y_;
  delta_.noalias() -= eta * (jacobian_.transpose() * r_);
  // f_lin(θ̄) = f(θ₀) + J₀δ from δ itself, so that outputs and parameters cannot drift apart.
  u_.noalias() = jacobian_ * delta_;
  u_ += u0_;
}

double LinearizedParameters::DistanceTo(const TwoLayerNet& net) const {
  const Eigen::Index md = static_cast<Eigen::Index>(net.m()) * net.d();
  THM_CHECK_EQ(md + net.m(), theta0_.size());
  // Block by block, without flattening θ into a temporary (this runs every step).
  return std::sqrt((net.W().reshaped() - theta0_.head(md) - delta_.head(md)).squaredNorm() +
                   (net.a() - theta0_.tail(net.m()) - delta_.tail(net.m())).squaredNorm());
}

}  // namespace thmcheck
