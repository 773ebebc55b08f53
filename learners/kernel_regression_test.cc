// Unit tests for kernel ridge regression: ridge path vs direct solves, interpolation at λ = 0
// (full rank and rank deficient), batched test errors, oracle and validated selection,
// multi-output, and the span projection: the exact bound 1 − N/C(d,k) averaged over all C(d,k)
// parities, its tight case, and that no KRR fit beats the projection.
// Legend: N train points, d dimension, k parity degree, M = 2^d cube points, q outputs, λ ridge.
#include "learners/kernel_regression.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <memory>
#include <vector>

#include <gtest/gtest.h>
#include <Eigen/LU>
#include <Eigen/QR>

#include "concepts/boolean_cube.h"
#include "learners/cube_spectrum.h"

namespace thmcheck {
namespace {

constexpr double kEps = 2.220446049250313e-16;

// N distinct cube points (drawn, duplicates skipped) so that Gram matrices of strictly positive
// definite kernels are invertible.
Eigen::MatrixXd DistinctCubePoints(Rng& rng, int n, int d) {
  Eigen::MatrixXd X(n, d);
  std::vector<uint32_t> seen;
  int filled = 0;
  while (filled < n) {
    const Eigen::MatrixXd x = SampleCube(rng, 1, d);
    const uint32_t idx = CubeIndices(x)[0];
    if (std::find(seen.begin(), seen.end(), idx) != seen.end()) continue;
    seen.push_back(idx);
    X.row(filled++) = x;
  }
  return X;
}

// Perturbation theory for (K + λI)C = Y: the backward-stable LDLT and the eigendecomposition
// each give relative error ≤ c·N·ε·cond(K + λI) (c = 4); their difference is at most twice that.
TEST(KernelRegressionTest, RidgePathMatchesDirectSolves) {
  Rng rng(1);
  const int n = 60, d = 10;
  const Eigen::MatrixXd X = DistinctCubePoints(rng, n, d);
  Eigen::MatrixXd Y(n, 3);
  FillNormal(rng, Y);
  const Eigen::MatrixXd K = RbfKernel(1.0).Gram(X, X);
  const KernelRidgePath path(K, Y);
  const Eigen::VectorXd ridges = RidgeGrid(K, 7, -6.0, 1.0);
  const Eigen::VectorXd& s = path.GramEigenvalues();
  for (int i = 0; i < ridges.size(); ++i) {
    const double cond = (s.maxCoeff() + ridges(i)) / (std::max(s.minCoeff(), 0.0) + ridges(i));
    const Eigen::MatrixXd c_path = path.Coefficients(ridges(i));
    const Eigen::MatrixXd c_direct = KrrSolve(K, Y, ridges(i));
    const double rel = (c_path - c_direct).norm() / c_direct.norm();
    EXPECT_LE(rel, 2 * 4.0 * n * kEps * cond) << "ridge " << ridges(i) << ", cond " << cond;
    // Control: a 1% change of λ is visible at this tolerance.
    const double moved = (c_path - KrrSolve(K, Y, 1.01 * ridges(i))).norm() / c_direct.norm();
    EXPECT_GT(moved, 100 * 2 * 4.0 * n * kEps * cond) << "ridge " << ridges(i);
  }
}

// λ = 0 interpolates when K is invertible: ‖KC − Y‖ ≤ c·N·ε·cond(K)·‖Y‖ (c = 4).
TEST(KernelRegressionTest, ZeroRidgeInterpolates) {
  Rng rng(2);
  const int n = 30, d = 10;
  const Eigen::MatrixXd X = DistinctCubePoints(rng, n, d);
  Eigen::MatrixXd Y(n, 2);
  FillNormal(rng, Y);
  const Eigen::MatrixXd K = RbfKernel(0.5).Gram(X, X);
  const KernelRidgePath path(K, Y);
  const double cond = path.GramEigenvalues().maxCoeff() / path.GramEigenvalues().minCoeff();
  const Eigen::MatrixXd fitted = K * path.Coefficients(0.0);
  EXPECT_LE((fitted - Y).norm(), 4.0 * n * kEps * cond * Y.norm()) << "cond " << cond;
}

// Rank-deficient K (the linear kernel, rank ≤ d < N): λ = 0 gives the minimum-norm solution K⁺Y,
// whose fit KC is the projection of Y on range(K) = range(X). Reference: the same projection from a
// QR of X. Control: inverting every eigenvalue, noise included, gives absurd coefficients.
TEST(KernelRegressionTest, ZeroRidgeOnARankDeficientGramIsTheMinimumNormFit) {
  Rng rng(3);
  const int n = 40, d = 6;
  const Eigen::MatrixXd X = SampleCube(rng, n, d);
  Eigen::MatrixXd Y(n, 1);
  FillNormal(rng, Y);
  const Eigen::MatrixXd K = PolynomialKernel(1, 0.0).Gram(X, X);
  const KernelRidgePath path(K, Y);
  const Eigen::MatrixXd c = path.Coefficients(0.0);
  const Eigen::HouseholderQR<Eigen::MatrixXd> qr(X);
  const Eigen::MatrixXd q = qr.householderQ() * Eigen::MatrixXd::Identity(n, d);
  const Eigen::MatrixXd projection = q * (q.transpose() * Y);
  // cond of K on its range is ≤ n/λ_min-ish; 1e-10 leaves 1e5 × headroom over N·ε·cond here.
  EXPECT_LE((K * c - projection).norm(), 1e-10 * Y.norm());
  EXPECT_LE(c.norm(), 1e3 * Y.norm());
  const Eigen::VectorXd& s = path.GramEigenvalues();
  ASSERT_LE(s.minCoeff(), path.RankCutoff());  // there is noise to invert
  ASSERT_GT(s.tail(d).minCoeff(), path.RankCutoff());
}

// Batched, multi-ridge test errors equal per-ridge predictions scored by hand; block size 7 forces
// a ragged last block. NOTE: the Gram of a 7-row block and of all 40 rows come from GEMMs of
// different shapes, whose summation orders differ, so K entries differ by ≈ (d + 2)·ε relative and
// predictions by ≤ (d + N + 2)·ε·(|K||C|)_i — large for small ridges, where |C| ≫ |f|. Hence the
// bound on the score: Σ_i 2|f_i − y_i|·c·(d + N + 2)·ε·(|K||C|)_i / M (c = 4), plus M·q·ε·score.
TEST(KernelRegressionTest, PathTestErrorsMatchPerRidgePredictions) {
  Rng rng(4);
  const int n = 25, d = 8, m = 40;
  const Eigen::MatrixXd X = SampleCube(rng, n, d), x_test = SampleCube(rng, m, d);
  Eigen::MatrixXd Y(n, 2), y_test(m, 2);
  FillNormal(rng, Y);
  FillNormal(rng, y_test);
  const LaplaceKernel kernel(1.0);
  const KernelRidgePath path(kernel.Gram(X, X), Y);
  const Eigen::VectorXd ridges = RidgeGrid(kernel.Gram(X, X), 5);
  const Eigen::VectorXd errors = PathTestErrors(kernel, X, path, ridges, x_test, y_test, 7);
  const Eigen::MatrixXd k_test = kernel.Gram(x_test, X);
  for (int i = 0; i < ridges.size(); ++i) {
    const Eigen::MatrixXd c = path.Coefficients(ridges(i));
    const Eigen::MatrixXd residual = k_test * c - y_test;
    const double by_hand = residual.squaredNorm() / m;
    const Eigen::MatrixXd scale = k_test.cwiseAbs() * c.cwiseAbs();
    const double tol =
        (2.0 * residual.cwiseAbs().cwiseProduct(scale).sum() * 4.0 * (d + n + 2) * kEps / m) +
        m * 2 * kEps * by_hand;
    EXPECT_NEAR(errors(i), by_hand, tol) << "ridge " << ridges(i);
  }
}

TEST(KernelRegressionTest, MultiOutputEqualsSeparateSingleOutputFits) {
  Rng rng(5);
  const int n = 30, d = 8;
  const Eigen::MatrixXd X = SampleCube(rng, n, d);
  Eigen::MatrixXd Y(n, 3);
  FillNormal(rng, Y);
  const Eigen::MatrixXd K = ArcCosineKernel(1, 0.5).Gram(X, X);
  const Eigen::MatrixXd joint = KernelRidgePath(K, Y).Coefficients(1e-3);
  for (int q = 0; q < 3; ++q) {
    const Eigen::MatrixXd single = KernelRidgePath(K, Y.col(q)).Coefficients(1e-3);
    // same eigendecomposition, same arithmetic per column: equal to rounding of one GEMV
    EXPECT_LE((joint.col(q) - single).norm(), 4 * n * kEps * single.norm());
  }
}

// The oracle picks the smallest test error on the grid (it is an oracle: it sees the test set);
// the validated fit picks the smallest validation error, refits on all rows with λ·N/N_fit, and is
// reproducible from its seed.
TEST(KernelRegressionTest, OracleAndValidatedSelection) {
  Rng rng(6);
  const int n = 80, d = 10;
  const Eigen::MatrixXd X = SampleCube(rng, n, d), x_test = EnumerateCube(d);
  const std::vector<int> s = {2, 7};
  const Eigen::MatrixXd Y = Parity(X, s), y_test = Parity(x_test, s);
  const RbfKernel kernel(1.0);
  const Eigen::VectorXd ridges = RidgeGrid(kernel.Gram(X, X), 9);
  const KrrFit oracle = FitKrrOracle(kernel, X, Y, ridges, x_test, y_test);
  EXPECT_EQ(oracle.selection_errors.minCoeff(), oracle.selection_errors(oracle.index));
  EXPECT_EQ(oracle.ridge, ridges(oracle.index));
  const KernelRidgePath path(kernel.Gram(X, X), Y);
  EXPECT_TRUE(oracle.coefficients == path.Coefficients(oracle.ridge));
  Rng a(77), b(77);
  const KrrFit v1 = FitKrrValidated(kernel, X, Y, ridges, 0.25, a);
  const KrrFit v2 = FitKrrValidated(kernel, X, Y, ridges, 0.25, b);
  EXPECT_EQ(v1.ridge, v2.ridge);
  EXPECT_TRUE(v1.coefficients == v2.coefficients);
  EXPECT_EQ(v1.selection_errors.minCoeff(), v1.selection_errors(v1.index));
  EXPECT_DOUBLE_EQ(v1.ridge, ridges(v1.index) * 80.0 / 60.0);
  // The oracle's test error is ≤ that of any grid ridge, including the one validation chose.
  EXPECT_LE(oracle.selection_errors(oracle.index), oracle.selection_errors(v1.index));
}

// Σ_T ‖P χ_T‖² = trace of P restricted to span{χ_T : |T| = k} ≤ rank P ≤ N for ANY N-dimensional
// span (the χ_T are orthonormal), so the projection risk averaged over all C(d,k) degree-k parities
// is ≥ 1 − N/C(d,k) ([derived]; docs/claims/parity_lower_bound.md, Calibration). All parities are
// projected at once as q = C(d,k) outputs. Rounding: Householder QR's residuals carry ≤ c·M·N·ε
// (c = 4) absolute error per output.
TEST(KernelRegressionTest, AveragedSpanRiskObeysTheExactBound) {
  const int d = 8, k = 3, n = 10;
  const Eigen::MatrixXd cube = EnumerateCube(d);
  const auto subsets = AllSubsets(d, k);
  const double num_parities = static_cast<double>(subsets.size());  // 56
  Eigen::MatrixXd y(cube.rows(), subsets.size());
  for (size_t t = 0; t < subsets.size(); ++t) y.col(t) = Parity(cube, subsets[t]);
  Rng rng(8);
  const Eigen::MatrixXd X = DistinctCubePoints(rng, n, d);
  const double bound = 1.0 - n / num_parities;
  const double tol = 4.0 * cube.rows() * n * kEps;
  Eigen::VectorXd only_k = Eigen::VectorXd::Zero(d + 1);
  only_k(k) = 1.0;
  const std::vector<std::shared_ptr<Kernel>> kernels = {
      std::make_shared<RbfKernel>(1.0),
      std::make_shared<LaplaceKernel>(1.0),
      std::make_shared<PolynomialKernel>(3, 1.0),
      std::make_shared<ArcCosineKernel>(1, 0.5),
      std::make_shared<NeuralKernel>(NeuralKernelKind::kNtk, 3, 0.5, Activation::kRelu),
      std::make_shared<CubeSpectralKernel>(only_k, d)};
  for (const auto& kernel : kernels) {
    const SpanProjection p = ProjectOntoSpan(*kernel, X, cube, y);
    EXPECT_GE(p.risk.mean(), bound - tol) << kernel->Name();
    std::printf("[ span ] %-28s rank %2d  mean risk %.6f  bound 1 - N/C(d,k) = %.6f\n",
                kernel->Name().substr(0, 28).c_str(), p.rank, p.risk.mean(), bound);
  }
  // Tight case: a kernel spanning only degree-k parities attains 1 − r/C(d,k), r = rank of the
  // ±1 matrix [χ_T(x_n)] (exact integer entries; full-pivot LU decides its rank reliably).
  Eigen::MatrixXd psi(subsets.size(), n);
  for (size_t t = 0; t < subsets.size(); ++t) psi.row(t) = Parity(X, subsets[t]).transpose();
  const int r = static_cast<int>(Eigen::FullPivLU<Eigen::MatrixXd>(psi).rank());
  const SpanProjection tight = ProjectOntoSpan(CubeSpectralKernel(only_k, d), X, cube, y);
  EXPECT_EQ(tight.rank, r);
  EXPECT_NEAR(tight.risk.mean(), 1.0 - r / num_parities, tol);
}

// No kernel regressor beats the projection: for every ridge the exact population risk of the KRR
// fit (enumeration) is ≥ the projection's. Control: with N well above D_3 = 93 a degree-3 kernel's
// span contains the parity, and the projection risk drops to rounding.
TEST(KernelRegressionTest, ProjectionIsNeverBeatenByKrrAndReachesZeroWithEnoughData) {
  const int d = 8;
  const Eigen::MatrixXd cube = EnumerateCube(d);
  const std::vector<int> s = {1, 4, 6};
  const Eigen::MatrixXd y_cube = Parity(cube, s);
  Rng rng(9);
  const Eigen::MatrixXd X = DistinctCubePoints(rng, 40, d);
  const Eigen::MatrixXd Y = Parity(X, s);
  const ArcCosineKernel kernel(1, 0.5);
  const SpanProjection p = ProjectOntoSpan(kernel, X, cube, y_cube);
  const KernelRidgePath path(kernel.Gram(X, X), Y);
  for (double ridge : std::vector<double>{0.0, 1e-6, 1e-3, 1e-1, 1.0}) {
    const double krr = SpanPredictorRisk(kernel, X, path.Coefficients(ridge), cube, y_cube)(0);
    EXPECT_GE(krr, p.risk(0) - 4.0 * cube.rows() * 40 * kEps) << "ridge " << ridge;
  }
  const Eigen::MatrixXd X_big = DistinctCubePoints(rng, 160, d);
  const SpanProjection full = ProjectOntoSpan(PolynomialKernel(3, 1.0), X_big, cube, y_cube);
  EXPECT_EQ(full.rank, 93);
  EXPECT_LE(full.risk(0), 1e-20 + 4.0 * cube.rows() * 160 * kEps);
}

}  // namespace
}  // namespace thmcheck
