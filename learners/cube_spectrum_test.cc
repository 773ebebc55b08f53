// Unit tests for the Krawtchouk spectrum of dot-product kernels on {±1/√d}^d: the polynomials'
// defining sum and orthogonality, eigenvalues vs brute-force eigendecomposition of the full 2^d
// Gram, a closed form for exp-type kernels, vanishing degrees, and exact span risks (enumerated vs
// spectral). Legend: d dimension, j degree, w Hamming distance, M = 2^d, N train points.
#include "learners/cube_spectrum.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <memory>
#include <vector>

#include <gtest/gtest.h>

#include "concepts/boolean_cube.h"
#include "concepts/sparse_parity.h"
#include "learners/kernel_regression.h"

namespace thmcheck {
namespace {

constexpr double kEps = 2.220446049250313e-16;

// The kernels under test; with_neural adds the wrapped ReLU NTKs (see the span-risk test's NOTE).
std::vector<std::shared_ptr<Kernel>> Family(int d, bool with_neural = true) {
  Eigen::VectorXd mu = Eigen::VectorXd::Zero(d + 1);
  mu(3) = 0.5;
  mu(0) = 1.0;
  std::vector<std::shared_ptr<Kernel>> family = {
      std::make_shared<RbfKernel>(1.0),          std::make_shared<RbfKernel>(0.5),
      std::make_shared<LaplaceKernel>(1.0),      std::make_shared<PolynomialKernel>(3, 1.0),
      std::make_shared<ArcCosineKernel>(0),      std::make_shared<ArcCosineKernel>(1),
      std::make_shared<ArcCosineKernel>(1, 0.5), std::make_shared<CubeSpectralKernel>(mu, d)};
  if (with_neural) {
    family.push_back(
        std::make_shared<NeuralKernel>(NeuralKernelKind::kNtk, 2, 0.0, Activation::kRelu));
    family.push_back(
        std::make_shared<NeuralKernel>(NeuralKernelKind::kNtk, 3, 0.5, Activation::kRelu));
  }
  return family;
}

// K_j(w) is by definition Σ_{|S|=j} χ_S(z) at a z with w minus signs; check against that sum.
TEST(CubeSpectrumTest, KrawtchoukIsTheSumOfParitiesOverADegree) {
  const int d = 7;
  const Eigen::MatrixXd cube = EnumerateCube(d);
  for (int w = 0; w <= d; ++w) {
    const Eigen::MatrixXd z = cube.row((1 << w) - 1);  // first w coordinates negative
    for (int j = 0; j <= d; ++j) {
      double sum = 0.0;
      for (const auto& s : AllSubsets(d, j)) sum += Parity(z, s)(0);
      EXPECT_EQ(Krawtchouk(j, w, d), sum) << "j = " << j << ", w = " << w;
    }
  }
}

// Orthogonality Σ_w C(d,w) K_i(w) K_j(w) = 2^d C(d,i) δ_ij, exact in integers at d = 20.
TEST(CubeSpectrumTest, KrawtchoukPolynomialsAreOrthogonal) {
  const int d = 20;
  for (int i = 0; i <= d; ++i) {
    for (int j = 0; j <= d; ++j) {
      long double sum = 0.0L;  // products reach C(20,10)³ ≈ 5e15: 64-bit mantissa keeps them exact
      for (int w = 0; w <= d; ++w) {
        sum += static_cast<long double>(BinomialCoefficient(d, w)) * Krawtchouk(i, w, d) *
               Krawtchouk(j, w, d);
      }
      const long double expected = i == j ? std::ldexp(BinomialCoefficient(d, i), d) : 0.0;
      EXPECT_EQ(sum, expected) << i << "," << j;
    }
  }
}

// Brute force: the full 2^d Gram divided by M has eigenvalue λ_j on every χ_S, |S| = j (Gram·χ_S =
// M λ_j χ_S), and its sorted spectrum is λ_j repeated C(d,j) times. Tolerance: Weyl's bound with
// the Gram's entrywise error (≤ 16·(d + 2)·ε, see kernels_test) times M/M, plus the symmetric
// eigensolver's backward error c·M·ε·‖G/M‖₂ with c = 4; ‖G/M‖₂ = max λ_j ≤ κ(1).
TEST(CubeSpectrumTest, EigenvaluesMatchBruteForceDiagonalization) {
  const int d = 8;
  const Eigen::MatrixXd cube = EnumerateCube(d);
  const double m = static_cast<double>(cube.rows());
  std::vector<Eigen::VectorXd> parities;
  std::vector<int> degrees;
  for (int j = 0; j <= d; ++j) {
    for (const auto& s : AllSubsets(d, j)) {
      parities.push_back(Parity(cube, s));
      degrees.push_back(j);
    }
  }
  double worst_ratio = 0.0, worst_abs = 0.0;
  for (const auto& kernel : Family(d)) {
    const Eigen::VectorXd lambda = CubeEigenvalues(*kernel, d);
    const Eigen::MatrixXd g = kernel->Gram(cube, cube) / m;
    const double kappa1 = kernel->Profile(1.0);
    const double tol = 16.0 * (d + 2) * kEps + 4.0 * m * kEps * kappa1;
    // (a) each parity is an eigenvector with the predicted eigenvalue (residual in sup norm).
    double residual = 0.0;
    for (size_t s = 0; s < parities.size(); ++s) {
      residual = std::max(
          residual, (g * parities[s] - lambda(degrees[s]) * parities[s]).cwiseAbs().maxCoeff());
    }
    EXPECT_LE(residual, tol) << kernel->Name();
    // (b) the sorted spectra agree.
    Eigen::VectorXd predicted(static_cast<Eigen::Index>(m));
    for (size_t s = 0; s < parities.size(); ++s) predicted(s) = lambda(degrees[s]);
    std::sort(predicted.data(), predicted.data() + predicted.size());
    // NOTE: a plain SelfAdjointEigenSolver fails to converge on the arc-cosine Gram here.
    const Eigen::VectorXd brute = SymmetricEigenDecompose(g, false).values;
    const double err = (brute - predicted).cwiseAbs().maxCoeff();
    EXPECT_LE(err, tol) << kernel->Name();
    worst_ratio = std::max(worst_ratio, err / tol);
    worst_abs = std::max({worst_abs, err, residual});
    // Mercer: κ(1) = Σ_j C(d,j) λ_j (the trace per point).
    double trace = 0.0;
    for (int j = 0; j <= d; ++j) trace += BinomialCoefficient(d, j) * lambda(j);
    EXPECT_NEAR(trace, kappa1, tol) << kernel->Name();
  }
  std::printf("[ spectrum ] d = %d, %zu kernels: max |brute − λ| = %.3g, max/tol = %.3g\n", d,
              Family(d).size(), worst_abs, worst_ratio);
}

// Reference with provenance: RBF on the sphere is e^{−β}·exp(β⟨x,x'⟩), β = 1/σ², and
// exp(β⟨x,x'⟩) = Π_i exp((β/d) s_i s'_i) factorizes over coordinates, each factor having
// eigenvalue cosh(β/d) on χ_∅ and sinh(β/d) on χ_{i}; so λ_j = e^{−β} cosh(β/d)^{d−j} sinh(β/d)^j,
// computed without cancellation. The Krawtchouk sum must agree within CubeEigenvalueErrorBound.
TEST(CubeSpectrumTest, RbfEigenvaluesMatchTheProductClosedForm) {
  for (int d : {8, 16, 30}) {
    for (double sigma : {0.5, 1.0, 2.0}) {
      const RbfKernel rbf(sigma);
      const Eigen::VectorXd lambda = CubeEigenvalues(rbf, d);
      const double bound = CubeEigenvalueErrorBound([&](double t) { return rbf.Profile(t); }, d);
      const double beta = 1.0 / (sigma * sigma);
      double worst = 0.0;
      for (int j = 0; j <= d; ++j) {
        const double closed = std::exp(-beta) * std::pow(std::cosh(beta / d), d - j) *
                              std::pow(std::sinh(beta / d), j);
        // the closed form's own error: ≤ (2d + 4) roundings relative to itself
        const double tol = bound + (2 * d + 4) * kEps * closed;
        worst = std::max(worst, std::abs(lambda(j) - closed) / tol);
      }
      EXPECT_LE(worst, 1.0) << "d = " << d << ", sigma = " << sigma;
    }
  }
}

// (t + c)^p spans exactly the parities of degree ≤ p on the cube; the ReLU arc-cosine kernel and
// two-layer NTK without bias have zero eigenvalues at odd degrees ≥ 3 (kernels.h NOTE), with bias
// they do not.
TEST(CubeSpectrumTest, VanishingDegreesAreZeroToRounding) {
  const int d = 12;
  const PolynomialKernel poly(3, 1.0);
  const Eigen::VectorXd lp = CubeEigenvalues(poly, d);
  const double bp = CubeEigenvalueErrorBound([&](double t) { return poly.Profile(t); }, d);
  for (int j = 0; j <= d; ++j) {
    if (j <= 3)
      EXPECT_GT(lp(j), 1e6 * bp) << j;
    else
      EXPECT_LE(std::abs(lp(j)), bp) << j;
  }
  const ArcCosineKernel relu(1), relu_bias(1, 0.5);
  const NeuralKernel ntk(NeuralKernelKind::kNtk, 2, 0.0, Activation::kRelu);
  const Eigen::VectorXd l0 = CubeEigenvalues(relu, d), l1 = CubeEigenvalues(relu_bias, d);
  const Eigen::VectorXd l2 = CubeEigenvalues(ntk, d);
  const double b0 = CubeEigenvalueErrorBound([&](double t) { return relu.Profile(t); }, d);
  const double b2 = CubeEigenvalueErrorBound([&](double t) { return ntk.Profile(t); }, d);
  for (int j = 3; j <= d; j += 2) {
    EXPECT_LE(std::abs(l0(j)), b0) << j;
    EXPECT_LE(std::abs(l2(j)), b2) << j;
    EXPECT_GT(l1(j), 1e3 * b0) << j;  // control: the bias restores odd degrees
  }
}

TEST(CubeSpectrumTest, SpectralKernelRoundTripsItsEigenvalues) {
  const int d = 10;
  Eigen::VectorXd mu(d + 1);
  for (int j = 0; j <= d; ++j) mu(j) = std::pow(0.5, j);
  const CubeSpectralKernel kernel(mu, d);
  const Eigen::VectorXd back = CubeEigenvalues(kernel, d);
  // profile values ≤ Σ_j C(d,j) μ_j = 1.5^10 ≈ 58, each with (d + 1)·ε relative rounding
  EXPECT_LE((back - mu).cwiseAbs().maxCoeff(), 2 * (d + 2) * kEps * 58.0);
}

// SpanPredictorRisk (enumeration) and SpanPredictorRiskSpectral (O(N²)) must agree for a
// multi-output separation target H = F + αG(F) and moderate coefficients; the spectral form's
// error is ≈ N·ε·(cᵀK²c + Σa²) per output (its header), here ≤ 64·N·ε·scale.
// NOTE: the wrapped ReLU NTKs are left out: their Gram is off by ≈ 1e−9 at coincident points
// (kernels_test), which enumeration sees whenever a training point is a cube point (always).
TEST(CubeSpectrumTest, EnumeratedAndSpectralSpanRisksAgree) {
  const int d = 9, n = 25;
  Rng rng(31);
  const Eigen::MatrixXd cube = EnumerateCube(d);
  const Eigen::MatrixXd x = SampleCube(rng, n, d);
  const SeparationConcept sep = DrawSeparationConcept(rng, d, 3, 0.4);
  const Eigen::MatrixXd y_cube = SeparationTarget(sep, cube);
  Eigen::MatrixXd c(n, 3);
  FillNormal(rng, c, 0.1);
  for (const auto& kernel : Family(d, /*with_neural=*/false)) {
    const Eigen::VectorXd enumerated = SpanPredictorRisk(*kernel, x, c, cube, y_cube, 100);
    const Eigen::VectorXd spectral =
        SpanPredictorRiskSpectral(CubeEigenvalues(*kernel, d), x, c, SeparationFourier(sep));
    const double scale = enumerated.maxCoeff() + (c.transpose() * kernel->Gram(x, x) * c).trace();
    EXPECT_LE((enumerated - spectral).cwiseAbs().maxCoeff(), 64.0 * n * kEps * scale)
        << kernel->Name();
  }
  // Control: the zero predictor's risk is E‖H‖² per output = 1 + α².
  const Eigen::VectorXd zero = SpanPredictorRiskSpectral(
      CubeEigenvalues(RbfKernel(1.0), d), x, Eigen::MatrixXd::Zero(n, 3), SeparationFourier(sep));
  EXPECT_NEAR(zero(0), 1.16, 4 * kEps);
}

}  // namespace
}  // namespace thmcheck
