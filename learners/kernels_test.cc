// Unit tests for the kernel family: Gram vs dot-product profile on the cube, the Cho & Saul
// normalization of the arc-cosine kernels at known angles, exact diagonals near the
// non-smooth point t = 1, and the squared-distance recomputation. Legend: n points, d dimension.
#include "learners/kernels.h"

#include <cmath>
#include <memory>
#include <numbers>
#include <vector>

#include <gtest/gtest.h>

#include "concepts/boolean_cube.h"
#include "concepts/sphere.h"

namespace thmcheck {
namespace {

constexpr double kEps = 2.220446049250313e-16;

std::vector<std::shared_ptr<Kernel>> Family() {
  return {std::make_shared<RbfKernel>(1.0),
          std::make_shared<RbfKernel>(0.4),
          std::make_shared<LaplaceKernel>(1.0),
          std::make_shared<PolynomialKernel>(3, 1.0),
          std::make_shared<PolynomialKernel>(2, 0.0),
          std::make_shared<ArcCosineKernel>(0),
          std::make_shared<ArcCosineKernel>(1),
          std::make_shared<ArcCosineKernel>(1, 0.5),
          std::make_shared<ArcCosineKernel>(0, 0.5),
          std::make_shared<NeuralKernel>(NeuralKernelKind::kNtk, 2, 0.0, Activation::kRelu),
          std::make_shared<NeuralKernel>(NeuralKernelKind::kNtk, 3, 0.5, Activation::kRelu),
          std::make_shared<NeuralKernel>(NeuralKernelKind::kNngp, 3, 0.5, Activation::kRelu),
          std::make_shared<NeuralKernel>(NeuralKernelKind::kNtk, 2, 0.0, Activation::kTanh)};
}

// On cube points, Gram(x, x') must equal κ(⟨x,x'⟩) at the exact t_w = 1 − 2w/d. The Gram sees t
// (or ‖x − x'‖²) with ≤ (d + 2)·ε absolute error, which moves κ by ≤ |κ'|·(d + 2)·ε. On the grid
// |t| ≤ 1 − 2/d off the (exactly recomputed) t = ±1 pairs, |κ'| is at most 1/σ² = 6.25 (RBF,
// σ = 0.4), √d/(2σ) = 1.6 (Laplace), 3·2² = 12 (poly p = 3, c = 1), √d/(2π) = 0.5 (arc-cosine):
// all ≤ 16 at d = 10. Plus ≤ 8 roundings in evaluating κ itself: tol = (16·(d + 2) + 8)·ε.
TEST(KernelsTest, GramMatchesProfileOnTheCube) {
  Rng rng(7);
  const int d = 10;
  Eigen::MatrixXd X = SampleCube(rng, 40, d);
  X.row(1) = X.row(0);   // a coincident pair (t = 1)
  X.row(2) = -X.row(0);  // an antipodal pair (t = −1)
  const double tol = (16.0 * (d + 2) + 8.0) * kEps;
  // NOTE: the wrapped NTK/NNGP (learners/gaussian_moments.h NOTE) evaluates E[σ'σ'] for ReLU at a
  // rounded ρ ≈ 1, off by up to √(2δ)/(2π) per layer, δ ≤ (d + 2)·ε the rounding of ρ; so at t = ±1
  // pairs only, neural kernels get L·√(2(d + 2)ε)/(2π) ≈ 1.2e−8·L at d = 10 (measured: 2.4e−9 on
  // every diagonal entry of the two-layer ReLU NTK at d = 10; exact at d = 8).
  const double coincident_allowance = std::sqrt(2.0 * (d + 2) * kEps) / (2 * std::numbers::pi);
  for (const auto& kernel : Family()) {
    ASSERT_TRUE(kernel->IsDotProductOnSphere());
    const Eigen::MatrixXd G = kernel->Gram(X, X);
    const bool neural = kernel->Name().starts_with("ntk") || kernel->Name().starts_with("nngp");
    double worst = 0.0, worst_coincident = 0.0;
    for (int i = 0; i < X.rows(); ++i) {
      for (int j = 0; j < X.rows(); ++j) {
        const int w = HammingDistance(X.row(i), X.row(j));
        const double err = std::abs(G(i, j) - kernel->Profile(CubeInnerProductAtDistance(d, w)));
        if (neural && (w == 0 || w == d)) {
          worst_coincident = std::max(worst_coincident, err);
        } else {
          worst = std::max(worst, err);
        }
      }
    }
    EXPECT_LE(worst, tol) << kernel->Name();
    EXPECT_LE(worst_coincident, tol + 3 * coincident_allowance) << kernel->Name();
    EXPECT_TRUE((G - G.transpose()).cwiseAbs().maxCoeff() == 0.0) << kernel->Name();
  }
}

// Off the cube too (Gaussian points of unequal norms, an odd count): Gram(X, X) is exactly
// symmetric whatever the ISA's matrix-product kernels round (learners/cross_products.h).
TEST(KernelsTest, GramOfOnePointSetIsExactlySymmetric) {
  Rng rng(11);
  Eigen::MatrixXd X(37, 10);
  FillNormal(rng, X);
  for (const auto& kernel : Family()) {
    const Eigen::MatrixXd G = kernel->Gram(X, X);
    EXPECT_TRUE(G == G.transpose()) << kernel->Name();
  }
}

// The diagonal (t = 1) and antipodal pairs (t = −1) are where arccos and √(2 − 2t) lose half their
// digits; the recomputation must make them exact.
TEST(KernelsTest, NonSmoothKernelsAreExactAtCoincidentAndAntipodalPoints) {
  Rng rng(8);
  const Eigen::MatrixXd X = SampleUnitSphere(rng, 30, 7);
  const Eigen::MatrixXd Y = -X;
  EXPECT_TRUE((LaplaceKernel(0.7).Gram(X, X).diagonal().array() == 1.0).all());
  EXPECT_TRUE((ArcCosineKernel(0).Gram(X, X).diagonal().array() == 1.0).all());
  EXPECT_TRUE((ArcCosineKernel(0).Gram(X, Y).diagonal().array() == 0.0).all());
  // k_1(x, x) = ‖x‖²/π·J_1(0) = ‖x‖² (within the norm's own (d + 1)·ε rounding).
  const Eigen::VectorXd k1 = ArcCosineKernel(1).Gram(X, X).diagonal();
  EXPECT_LE((k1.array() - X.rowwise().squaredNorm().array()).abs().maxCoeff(), 16 * kEps);
  EXPECT_LE(ArcCosineKernel(1).Gram(X, Y).diagonal().cwiseAbs().maxCoeff(), 16 * kEps);
}

// Cho & Saul 2009 (§2) at θ = π/2: k_0 = (π − π/2)/π = 1/2 and k_1 = ‖x‖‖y‖·1/π; and degree-n
// homogeneity k_n(a x, b y) = (ab)^n k_n(x, y) for β = 0.
TEST(KernelsTest, ArcCosineFollowsChoSaulNormalization) {
  Eigen::MatrixXd x(1, 3), y(1, 3);
  x << 2.0, 0.0, 0.0;
  y << 0.0, 3.0, 0.0;
  EXPECT_NEAR(ArcCosineKernel(0).Gram(x, y)(0, 0), 0.5, 4 * kEps);
  EXPECT_NEAR(ArcCosineKernel(1).Gram(x, y)(0, 0), 6.0 / std::numbers::pi, 16 * kEps);
  Rng rng(9);
  const Eigen::MatrixXd U = SampleUnitSphere(rng, 5, 4);
  const Eigen::MatrixXd G = ArcCosineKernel(1).Gram(U, U);
  const Eigen::MatrixXd G_scaled = ArcCosineKernel(1).Gram(2.0 * U, 0.5 * U);
  EXPECT_LE((G - G_scaled).cwiseAbs().maxCoeff(), 16 * kEps);
  // With bias β the kernel is the plain one on x̃ = (x, β).
  Eigen::MatrixXd U_aug(5, 5);
  U_aug << U, Eigen::VectorXd::Constant(5, 0.5);
  EXPECT_LE((ArcCosineKernel(1, 0.5).Gram(U, U) - ArcCosineKernel(1).Gram(U_aug, U_aug))
                .cwiseAbs()
                .maxCoeff(),
            16 * kEps);
}

// Two independent implementations must agree: the wrapped analytic NTK (learners/two_layer_net.h)
// and ½(t·k_0 + k_1) from the arc-cosine kernels here, at unit inputs. Both evaluate the same
// closed form with ≤ 8 roundings each.
TEST(KernelsTest, WrappedTwoLayerNtkEqualsTheArcCosineComposition) {
  const NeuralKernel ntk(NeuralKernelKind::kNtk, 2, 0.0, Activation::kRelu);
  const NeuralKernel nngp(NeuralKernelKind::kNngp, 2, 0.0, Activation::kRelu);
  for (double t : {-1.0, -0.6, 0.0, 0.3, 0.8, 1.0}) {
    const double k0 = ArcCosineKernel(0).Profile(t), k1 = ArcCosineKernel(1).Profile(t);
    EXPECT_NEAR(ntk.Profile(t), 0.5 * (t * k0 + k1), 16 * kEps) << "t = " << t;
    EXPECT_NEAR(nngp.Profile(t), 0.5 * k1, 16 * kEps) << "t = " << t;  // Σ² = E[σσ] = k_1/2
  }
  EXPECT_EQ(ntk.Name(), "ntk(relu,L=2,beta=0)");
}

// docs/conventions.md: the two-layer ReLU NTK H∞ = t(π − θ)/(2π) + (sin θ + (π − θ)cos θ)/(2π)
// must equal ½(t·k_0 + k_1) in Cho & Saul's normalization (the header's statement).
TEST(KernelsTest, ArcCosinesComposeTheTwoLayerNtkOfTheConventions) {
  for (double t : {-0.9, -0.3, 0.0, 0.4, 0.95}) {
    const double theta = std::acos(t);
    constexpr double kPi = std::numbers::pi;
    const double h_inf =
        t * (kPi - theta) / (2 * kPi) + (std::sin(theta) + (kPi - theta) * t) / (2 * kPi);
    const double composed =
        0.5 * (t * ArcCosineKernel(0).Profile(t) + ArcCosineKernel(1).Profile(t));
    EXPECT_NEAR(composed, h_inf, 8 * kEps) << "t = " << t;
  }
}

// Against the direct Σ (x_i − y_i)²: far pairs keep the expansion's absolute error
// ≤ (d + 2)·ε·(‖x‖² + ‖y‖²) = 16ε here; near pairs are recomputed, so they equal the direct sum.
TEST(KernelsTest, SquaredDistancesAreAccurateNearAndFar) {
  Rng rng(10);
  const int d = 6;
  const Eigen::MatrixXd X = SampleUnitSphere(rng, 20, d);
  Eigen::MatrixXd Y = X;
  Y.row(3).array() += 1e-9;  // ‖x − y‖² ≈ 6e−18: far below the expansion's rounding
  const Eigen::MatrixXd D = SquaredDistances(X, Y);
  for (int i = 0; i < 20; ++i) {
    for (int j = 0; j < 20; ++j) {
      const double direct = (X.row(i) - Y.row(j)).squaredNorm();
      EXPECT_LE(std::abs(D(i, j) - direct), (d + 2) * 2.0 * kEps) << i << "," << j;
    }
    if (i != 3) {
      EXPECT_EQ(D(i, i), 0.0);
    }
  }
  const double direct = (X.row(3) - Y.row(3)).squaredNorm();
  EXPECT_GT(direct, 0.0);
  EXPECT_EQ(D(3, 3), direct);
  // Control: the expansion alone returns a multiple of ulp(1) ≈ 2.2e−16 (or 0), off by ≥ 100%.
  const double expansion =
      X.row(3).squaredNorm() + Y.row(3).squaredNorm() - 2.0 * X.row(3).dot(Y.row(3));
  EXPECT_GT(std::abs(expansion - direct), 0.5 * direct);
}

TEST(KernelsTest, NamesCarryTheParameters) {
  EXPECT_EQ(RbfKernel(0.5).Name(), "rbf(sigma=0.5)");
  EXPECT_EQ(PolynomialKernel(3, 1.0).Name(), "poly(p=3,c=1)");
  EXPECT_EQ(ArcCosineKernel(1, 0.0).Name(), "arccos1(bias=0)");
}

}  // namespace
}  // namespace thmcheck
