// Uniform points on S^{d-1} and Gaussian labels; see sphere.h.
#include "concepts/sphere.h"

#include <cmath>

#include "harness/contract.h"

namespace thmcheck {

Eigen::MatrixXd SampleUnitSphere(Rng& rng, int n, int d) {
  THM_CHECK_GE(n, 0);
  THM_CHECK_GE(d, 1);
  // Column-major d×n so that point i is draws i·d … i·d + d − 1 (nesting across n), then transpose.
  Eigen::MatrixXd points(d, n);
  FillNormal(rng, points);
  for (int i = 0; i < n; ++i) {
    const double norm = points.col(i).norm();
    // A zero Gaussian vector has probability 0 (it needs d exact zeros from the polar method).
    THM_CHECK_MSG(norm > 0.0 && std::isfinite(norm), "point " << i << " has norm " << norm);
    points.col(i) /= norm;
  }
  return points.transpose();
}

Eigen::VectorXd SampleGaussianLabels(Rng& rng, int n, double sigma) {
  THM_CHECK_GE(n, 0);
  THM_CHECK_MSG(sigma >= 0.0 && std::isfinite(sigma), "sigma = " << sigma);
  Eigen::VectorXd y(n);
  FillNormal(rng, y, sigma);
  return y;
}

}  // namespace thmcheck
