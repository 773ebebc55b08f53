// The train/test landscape pairs of annealing_convex; see quadratic_landscape.h.
#include "concepts/quadratic_landscape.h"

#include <cmath>

#include "harness/contract.h"

namespace thmcheck {

Eigen::MatrixXd TwoScaleHessian(double kappa) {
  THM_CHECK_MSG(kappa >= 1, "κ = " << kappa);
  Eigen::MatrixXd H = Eigen::MatrixXd::Zero(2, 2);
  H(0, 0) = 1;
  H(1, 1) = 1 / kappa;
  return H;
}

Eigen::VectorXd SampleSignedResidual(Rng& rng, int d, double lo, double hi) {
  THM_CHECK_MSG(d >= 1 && 0 < lo && lo <= hi, "d " << d << ", [" << lo << ", " << hi << "]");
  Eigen::VectorXd e(d);
  for (int k = 0; k < d; ++k) {
    const double magnitude = rng.Uniform(lo, hi);
    e(k) = rng.Sign() * magnitude;
  }
  return e;
}

LeastSquaresLandscape SampleLeastSquares(Rng& rng, int n, int d, double spread) {
  THM_CHECK_MSG(n >= 1 && d >= 2 && spread >= 1, "n " << n << ", d " << d << ", spread " << spread);
  Eigen::VectorXd s(d);  // s_j = spread^{−j/(d−1)}: 1 … 1/spread
  for (int j = 0; j < d; ++j) s(j) = std::pow(spread, -static_cast<double>(j) / (d - 1));
  Eigen::MatrixXd X(n, d);
  for (int i = 0; i < n; ++i)
    for (int j = 0; j < d; ++j) X(i, j) = std::sqrt(s(j)) * rng.Normal();
  Eigen::VectorXd beta(d);
  for (int j = 0; j < d; ++j) beta(j) = rng.Normal() / std::sqrt(static_cast<double>(d));
  LeastSquaresLandscape out;
  const Eigen::MatrixXd gram = X.transpose() * X / n;
  // GEMM's blocking can leave XᵀX asymmetric in the last bit; Ĥ is symmetric by definition.
  out.train_hessian = 0.5 * (gram + gram.transpose());
  out.test_hessian = s.asDiagonal();
  out.residual0 = -beta;
  return out;
}

}  // namespace thmcheck
