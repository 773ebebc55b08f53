// Unit tests for random ReLU features: nesting of draws, convergence of ΦΦᵀ to the arc-cosine
// kernel k_1 (Monte Carlo, with and without bias), primal = dual = augmented least squares, the
// push-through identity with the kernel form, and interpolation at λ = 0 when D ≥ n.
// Legend: n samples, d dimension, D features, q outputs, λ ridge.
#include "learners/random_features.h"

#include <cmath>

#include <gtest/gtest.h>
#include <Eigen/QR>

#include "concepts/boolean_cube.h"
#include "concepts/sphere.h"
#include "learners/kernel_regression.h"

namespace thmcheck {
namespace {

constexpr double kEps = 2.220446049250313e-16;

TEST(RandomFeaturesTest, DrawsNestAcrossWidths) {
  Rng a(3), b(3);
  const RandomReluFeatures small = DrawRandomReluFeatures(a, 5, 4, 0.5);
  const RandomReluFeatures large = DrawRandomReluFeatures(b, 9, 4, 0.5);
  EXPECT_TRUE(large.w.topRows(5) == small.w);
  EXPECT_TRUE(large.b.head(5) == small.b);
}

// (φ(x)·φ(x'))_D is a mean of D i.i.d. terms 2·relu(w·x̃)relu(w·x̃') with mean k_1(x̃, x̃') (Cho &
// Saul's factor 2). Each of the 36 entries must lie within z·σ̂/√D of k_1, σ̂ the per-feature
// sample standard deviation; z = 5 gives a family-wise false-alarm rate ≤ 36·5.7e−7 ≈ 2e−5.
// Control: half the weight (√(1/D), the NNGP E[σσ]) is rejected by the same check.
TEST(RandomFeaturesTest, GramConvergesToTheArcCosineKernel) {
  const int d = 5, num_features = 40000;
  Rng rng(12);
  const Eigen::MatrixXd X = SampleUnitSphere(rng, 6, d);
  for (double bias : {0.0, 0.7}) {
    const RandomReluFeatures f = DrawRandomReluFeatures(rng, num_features, d, bias);
    Eigen::MatrixXd phi;
    RandomFeatureMap(f, X, &phi);
    const Eigen::MatrixXd k1 = ArcCosineKernel(1, bias).Gram(X, X);
    const Eigen::MatrixXd estimate = phi * phi.transpose();
    for (int i = 0; i < 6; ++i) {
      for (int j = 0; j < 6; ++j) {
        // per-feature terms D·φ_r(x_i)φ_r(x_j), whose mean is the estimate
        const Eigen::ArrayXd terms = num_features * phi.row(i).array() * phi.row(j).array();
        const double sd = std::sqrt((terms - terms.mean()).square().sum() / (num_features - 1));
        const double band = 5.0 * sd / std::sqrt(static_cast<double>(num_features));
        EXPECT_LE(std::abs(estimate(i, j) - k1(i, j)), band) << "bias " << bias << " " << i << j;
        if (i == j) {  // control
          EXPECT_GT(std::abs(0.5 * estimate(i, j) - k1(i, j)), band);
        }
      }
    }
  }
}

// For λ > 0 the ridge solution is the least-squares solution of the augmented system
// [Φ; √λ I] B = [Y; 0]; Householder QR of that system is a third, independent route. The primal and
// dual branches (D ≤ n and D > n) must both match it to c·max(n, D)·ε·cond (c = 4), with
// cond ≤ (σ_max² + λ)/λ.
TEST(RandomFeaturesTest, RidgeSolutionIsTheAugmentedLeastSquaresSolution) {
  Rng rng(13);
  const int n = 50, d = 6;
  const Eigen::MatrixXd X = SampleCube(rng, n, d);
  Eigen::MatrixXd Y(n, 2);
  FillNormal(rng, Y);
  const double ridge = 1e-2;
  for (int num_features : {20, 120}) {  // primal, then dual branch
    const RandomReluFeatures f = DrawRandomReluFeatures(rng, num_features, d);
    Eigen::MatrixXd phi;
    RandomFeatureMap(f, X, &phi);
    const Eigen::MatrixXd beta = RandomFeaturesRidge(phi, Y, ridge);
    Eigen::MatrixXd aug = Eigen::MatrixXd::Zero(n + num_features, num_features);
    aug.topRows(n) = phi;
    aug.bottomRows(num_features).diagonal().setConstant(std::sqrt(ridge));
    Eigen::MatrixXd rhs = Eigen::MatrixXd::Zero(n + num_features, 2);
    rhs.topRows(n) = Y;
    const Eigen::MatrixXd reference = aug.householderQr().solve(rhs);
    const double sigma_max2 =
        SymmetricEigenDecompose(phi.transpose() * phi, false).values.maxCoeff();
    const double cond = (sigma_max2 + ridge) / ridge;
    EXPECT_LE((beta - reference).norm(),
              4.0 * std::max(n, num_features) * kEps * cond * reference.norm())
        << "D = " << num_features;
  }
}

// KRR with the finite-D kernel ΦΦᵀ predicts as RF ridge: Φ'(ΦᵀΦ + λI)⁻¹ΦᵀY = Φ'Φᵀ(ΦΦᵀ + λI)⁻¹Y.
TEST(RandomFeaturesTest, KernelFormAgreesWithFeatureForm) {
  Rng rng(14);
  const int n = 40, d = 8;
  const Eigen::MatrixXd X = SampleCube(rng, n, d), x_new = SampleCube(rng, 15, d);
  const Eigen::MatrixXd Y = Parity(X, {0, 3});
  const double ridge = 0.05;
  Rng model_rng(15), kernel_rng(15);
  const RandomFeaturesModel model = FitRandomFeatures(model_rng, X, Y, 30, ridge);
  const RandomFeaturesKernel kernel(DrawRandomReluFeatures(kernel_rng, 30, d));
  const Eigen::MatrixXd c = KrrSolve(kernel.Gram(X, X), Y, ridge);
  const Eigen::MatrixXd via_kernel = KrrPredict(kernel, X, c, x_new);
  const Eigen::MatrixXd via_features = PredictRandomFeatures(model, x_new);
  // both solves are backward stable on systems with cond ≤ (‖Φ‖² + λ)/λ ≈ 1e3 here
  EXPECT_LE((via_kernel - via_features).norm(), 1e-10 * via_features.norm());
}

// D ≥ n features with λ = 0: the minimum-norm solution interpolates the training labels.
TEST(RandomFeaturesTest, ZeroRidgeInterpolatesWhenOverParameterized) {
  Rng rng(16);
  const int n = 30, d = 8;
  const Eigen::MatrixXd X = SampleUnitSphere(rng, n, d);
  Eigen::MatrixXd Y(n, 1);
  FillNormal(rng, Y);
  const RandomFeaturesModel model = FitRandomFeatures(rng, X, Y, 300, 0.0, 0.3);
  // residual ≤ c·D·ε·cond(Φ)·‖Y‖; cond(Φ) for 300 features on 30 points is ≲ 1e2: 1e-9 is loose
  EXPECT_LE((PredictRandomFeatures(model, X) - Y).norm(), 1e-9 * Y.norm());
}

}  // namespace
}  // namespace thmcheck
