// Sparse parities and the separation class H = F + αG(F); see sparse_parity.h.
#include "concepts/sparse_parity.h"

#include <cmath>

#include "concepts/boolean_cube.h"
#include "harness/contract.h"

namespace thmcheck {

SparseParity DrawSparseParity(Rng& rng, int d, int k) {
  SparseParity target;
  target.d = d;
  target.subset = RandomSubset(rng, d, k);
  return target;
}

Eigen::VectorXd ParityTarget(const SparseParity& target, const Eigen::MatrixXd& X) {
  THM_CHECK_EQ(X.cols(), target.d);
  return Parity(X, target.subset);
}

FourierExpansion ParityFourier(const SparseParity& target) { return {{target.subset, 1.0}}; }

SeparationConcept DrawSeparationConcept(Rng& rng, int d, int k, double alpha) {
  THM_CHECK_MSG(std::isfinite(alpha) && alpha >= 0.0, "alpha = " << alpha);
  THM_CHECK_GE(k, 1);  // F needs at least one output
  SeparationConcept sep;
  sep.d = d;
  sep.subset = RandomSubset(rng, d, k);
  sep.alpha = alpha;
  return sep;
}

Eigen::MatrixXd SeparationF(const SeparationConcept& sep, const Eigen::MatrixXd& X) {
  THM_CHECK_EQ(X.cols(), sep.d);
  const int k = static_cast<int>(sep.subset.size());
  Eigen::MatrixXd F(X.rows(), k);
  for (int j = 0; j < k; ++j) F.col(j) = Parity(X, {sep.subset[j]});
  return F;
}

Eigen::MatrixXd SeparationG(const Eigen::MatrixXd& Y) {
  const Eigen::VectorXd product = Y.rowwise().prod();
  return product.replicate(1, Y.cols());
}

Eigen::MatrixXd SeparationTarget(const SeparationConcept& sep, const Eigen::MatrixXd& X) {
  const Eigen::MatrixXd F = SeparationF(sep, X);
  return F + sep.alpha * SeparationG(F);
}

std::vector<FourierExpansion> SeparationFourier(const SeparationConcept& sep) {
  const int k = static_cast<int>(sep.subset.size());
  std::vector<FourierExpansion> outputs(k);
  for (int j = 0; j < k; ++j) {
    if (k == 1) {
      outputs[j] = {{sep.subset, 1.0 + sep.alpha}};  // χ_{{i₁}} and χ_S coincide
    } else {
      outputs[j] = {{{sep.subset[j]}, 1.0}, {sep.subset, sep.alpha}};
    }
  }
  return outputs;
}

}  // namespace thmcheck
