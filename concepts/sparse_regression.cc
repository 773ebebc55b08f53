// Noiseless sparse linear regression; see sparse_regression.h.
#include "concepts/sparse_regression.h"

#include <cmath>

#include "harness/contract.h"

namespace thmcheck {

SparseRegression SampleSparseRegression(Rng& rng, int n, int d, int r) {
  THM_CHECK_MSG(n >= 1 && d >= 1 && r >= 1 && r <= d, "n " << n << ", d " << d << ", r " << r);
  SparseRegression s;
  s.theta = Eigen::VectorXd::Zero(d);
  for (int j = 0; j < r; ++j) s.theta(j) = std::abs(rng.Normal());
  s.theta /= s.theta.norm();
  s.X.resize(n, d);
  for (int i = 0; i < n; ++i)
    for (int j = 0; j < d; ++j) s.X(i, j) = rng.Normal();
  s.y = s.X * s.theta;
  return s;
}

double PopulationLoss(const Eigen::VectorXd& beta, const Eigen::VectorXd& theta) {
  return 0.5 * (beta - theta).squaredNorm();
}

}  // namespace thmcheck
