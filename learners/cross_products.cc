// Exactly symmetric X₁X₂ᵀ; see cross_products.h.
#include "learners/cross_products.h"

#include "harness/contract.h"

namespace thmcheck {

bool SameMatrix(const Eigen::Ref<const Eigen::MatrixXd>& X1,
                const Eigen::Ref<const Eigen::MatrixXd>& X2) {
  return X1.data() == X2.data() && X1.rows() == X2.rows() && X1.cols() == X2.cols() &&
         X1.outerStride() == X2.outerStride();
}

void MirrorLowerTriangle(Eigen::MatrixXd& M) {
  THM_CHECK_EQ(M.rows(), M.cols());
  // A loop: `M = M.transpose()` would alias.
  for (Eigen::Index j = 1; j < M.cols(); ++j) {
    for (Eigen::Index i = 0; i < j; ++i) M(i, j) = M(j, i);
  }
}

Eigen::MatrixXd CrossProducts(const Eigen::Ref<const Eigen::MatrixXd>& X1,
                              const Eigen::Ref<const Eigen::MatrixXd>& X2, bool same) {
  Eigen::MatrixXd g(X1.rows(), X2.rows());
  g.noalias() = X1 * X2.transpose();
  if (same) MirrorLowerTriangle(g);
  return g;
}

Eigen::MatrixXd CrossProducts(const Eigen::Ref<const Eigen::MatrixXd>& X1,
                              const Eigen::Ref<const Eigen::MatrixXd>& X2) {
  return CrossProducts(X1, X2, SameMatrix(X1, X2));
}

}  // namespace thmcheck
