// CrossProducts: exactly symmetric for Gram(X, X), the plain product otherwise.
#include "learners/cross_products.h"

#include <gtest/gtest.h>

#include <limits>

#include "harness/rng.h"

namespace thmcheck {
namespace {

Eigen::MatrixXd Normal(Rng& rng, int rows, int cols) {
  Eigen::MatrixXd x(rows, cols);
  FillNormal(rng, x);
  return x;
}

// Odd sizes: the GEMM's edge kernels differ from its main ones, where (i, j) and (j, i) are most
// likely to round apart.
TEST(CrossProductsTest, SameMatrixGivesAnExactlySymmetricProduct) {
  Rng rng(1);
  const Eigen::MatrixXd X = Normal(rng, 53, 31);
  const Eigen::MatrixXd G = CrossProducts(X, X);
  EXPECT_TRUE(G == G.transpose());
  // Each entry is a d-term sum: two roundings of it differ by ≤ 2dε‖x_i‖‖x_j‖.
  const Eigen::MatrixXd plain = X * X.transpose();
  const double tol = 2.0 * X.cols() * std::numeric_limits<double>::epsilon() *
                     X.rowwise().squaredNorm().maxCoeff();
  EXPECT_LE((G - plain).cwiseAbs().maxCoeff(), tol);
}

TEST(CrossProductsTest, DistinctMatricesGiveThePlainProduct) {
  Rng rng(2);
  const Eigen::MatrixXd X1 = Normal(rng, 7, 5), X2 = Normal(rng, 9, 5);
  EXPECT_FALSE(SameMatrix(X1, X2));
  const Eigen::MatrixXd plain = X1 * X2.transpose();
  EXPECT_TRUE(CrossProducts(X1, X2) == plain);
  // An equal copy is not the same matrix: it is multiplied as given.
  const Eigen::MatrixXd copy = X1;
  EXPECT_FALSE(SameMatrix(X1, copy));
  EXPECT_TRUE(SameMatrix(X1, X1));
  EXPECT_FALSE(SameMatrix(X1.topRows(6), X1));
}

}  // namespace
}  // namespace thmcheck
