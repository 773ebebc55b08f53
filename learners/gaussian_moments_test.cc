// Tests for the Gaussian moments of σ shared by the infinite-width kernels: the Gauss–Hermite rule
// (closed form at K = 4, exact moments), ReLU's moments at special angles, the tanh quadrature
// against an independent composite Gauss–Legendre reference (with a control arm that must be
// rejected). The kernels built on them: two_layer_ntk_test.cc, deep_mlp_test.cc.
// Legend: (u, v) ~ N(0, [[q₁, c₁₂], [c₁₂, q₂]]), ρ correlation, K nodes, θ angle, ε = DBL_EPSILON.
#include "learners/gaussian_moments.h"

#include <cmath>
#include <cstdio>
#include <limits>
#include <numbers>

#include <gtest/gtest.h>
#include <boost/math/quadrature/gauss.hpp>

namespace thmcheck {
namespace {

constexpr double kEps = std::numeric_limits<double>::epsilon();
constexpr double kPi = std::numbers::pi;

TEST(ProbabilistsGaussHermite, FourNodesMatchClosedForm) {
  // He₄(z) = z⁴ − 6z² + 3: nodes ±√(3 ∓ √6), weights (3 ± √6)/12 (inner nodes carry the larger).
  const GaussHermiteRule rule = ProbabilistsGaussHermite(4);
  const double s6 = std::sqrt(6.0);
  const double z_in = std::sqrt(3 - s6), z_out = std::sqrt(3 + s6);
  const double want_z[4] = {-z_out, -z_in, z_in, z_out};
  const double want_w[4] = {(3 - s6) / 12, (3 + s6) / 12, (3 + s6) / 12, (3 - s6) / 12};
  // Eigenvalues of a 4×4 tridiagonal: error ≤ c·K·ε·‖T‖ with c = 4, ‖T‖ ≤ 2√3 (Gershgorin).
  const double kTolerance = 4 * 4 * kEps * 2 * std::sqrt(3.0);
  for (int k = 0; k < 4; ++k) {
    EXPECT_NEAR(rule.nodes(k), want_z[k], kTolerance) << k;
    EXPECT_NEAR(rule.weights(k), want_w[k], kTolerance) << k;
  }
}

TEST(ProbabilistsGaussHermite, IntegratesGaussianMomentsExactly) {
  for (int K : {20, kTanhQuadratureNodes}) {
    const GaussHermiteRule rule = ProbabilistsGaussHermite(K);
    EXPECT_NEAR(rule.weights.sum(), 1.0, 2 * K * kEps);
    // E Z^{2j} = (2j − 1)!!, exact for 2j ≤ 2K − 1. Node error δz ≤ K·ε·‖T‖ with ‖T‖ ≤ 2√K moves
    // z^{2j} by a relative 2j·δz/|z|; with |z| ≥ 1 dominating the moment, kTolerance (relative)
    // = 2j·K·ε·2√K + K·ε (summation).
    double double_factorial = 1.0;  // (2j − 1)!!
    for (int j = 1; j <= std::min(K - 1, 10); ++j) {
      double_factorial *= 2 * j - 1;
      const double moment = (rule.weights.array() * rule.nodes.array().pow(2 * j)).sum();
      const double rel = std::abs(moment / double_factorial - 1.0);
      const double tol = 2.0 * j * K * kEps * 2 * std::sqrt(static_cast<double>(K)) + K * kEps;
      EXPECT_TRUE(rel <= tol) << "K " << K << " degree " << 2 * j << " rel err " << rel;
    }
    const double odd = (rule.weights.array() * rule.nodes.array().pow(3)).sum();
    EXPECT_NEAR(odd, 0.0, K * kEps);  // symmetric nodes: odd moments cancel pairwise
  }
}

TEST(ActivationMoments, ReluSpecialAngles) {
  // θ = 0: E[relu(u)²] = q/2, E[step²] = 1/2. θ = π/2: (√(q₁q₂))/(2π) and 1/4. θ = π: 0 and 0.
  const double q = 2.25;
  const auto same = ActivationMoments(Activation::kRelu, q, q, q);
  EXPECT_NEAR(same.sigma_sigma, q / 2, 4 * kEps * q);
  EXPECT_NEAR(same.dsigma_dsigma, 0.5, 4 * kEps);
  const auto orth = ActivationMoments(Activation::kRelu, 1.0, 4.0, 0.0);
  EXPECT_NEAR(orth.sigma_sigma, 2.0 / (2 * kPi), 4 * kEps);
  EXPECT_NEAR(orth.dsigma_dsigma, 0.25, 4 * kEps);
  const auto opposite = ActivationMoments(Activation::kRelu, 1.0, 1.0, -1.0);
  EXPECT_NEAR(opposite.sigma_sigma, 0.0, 4 * kEps);
  EXPECT_NEAR(opposite.dsigma_dsigma, 0.0, 4 * kEps);
  const auto zero = ActivationMoments(Activation::kRelu, 0.0, 1.0, 0.0);  // u ≡ 0, ReLU'(0) = 0
  EXPECT_EQ(zero.sigma_sigma, 0.0);
  EXPECT_EQ(zero.dsigma_dsigma, 0.0);
  const auto nan = ActivationMoments(Activation::kRelu, 1.0, 1.0, std::nan(""));
  EXPECT_TRUE(std::isnan(nan.sigma_sigma) && std::isnan(nan.dsigma_dsigma));
}

// E[σ(u)σ(v)], E[σ'(u)σ'(v)] for tanh by composite 20-point Gauss–Legendre (Boost.Math) on 40
// panels of [−10, 10]² in the standard normal coordinates (truncation: 2φ(10)/10 < 2e-23). In a
// pilot this agreed with 80 panels to 2e-16 on every case below: an independent reference.
GaussianMoments TanhReference(double q1, double q2, double c12) {
  using boost::math::quadrature::gauss;
  const double s1 = std::sqrt(q1), s2 = std::sqrt(q2), rho = c12 / (s1 * s2);
  const double co = std::sqrt(std::max(0.0, 1 - rho * rho));
  const double phi0 = 1.0 / std::sqrt(2 * kPi);
  auto composite = [](auto f) {
    double total = 0.0;
    for (int p = 0; p < 40; ++p)
      total += gauss<double, 20>::integrate(f, -10.0 + 0.5 * p, -9.5 + 0.5 * p);
    return total;
  };
  GaussianMoments out{0.0, 0.0};
  for (int which = 0; which < 2; ++which) {
    auto g = [which](double t) { return which == 0 ? t : 1.0 - t * t; };
    out.*(which == 0 ? &GaussianMoments::sigma_sigma : &GaussianMoments::dsigma_dsigma) =
        composite([&](double z1) {
          const double inner = composite([&](double z2) {
            return phi0 * std::exp(-0.5 * z2 * z2) * g(std::tanh(s2 * (rho * z1 + co * z2)));
          });
          return phi0 * std::exp(-0.5 * z1 * z1) * g(std::tanh(s1 * z1)) * inner;
        });
  }
  return out;
}

// A 2-D Gauss–Hermite sum with any rule (the control arm's under-resolved quadrature).
GaussianMoments TanhWithRule(const GaussHermiteRule& rule, double q1, double q2, double c12) {
  const double s1 = std::sqrt(q1), s2 = std::sqrt(q2), rho = c12 / (s1 * s2);
  const double co = std::sqrt(std::max(0.0, 1 - rho * rho));
  GaussianMoments out{0.0, 0.0};
  for (int a = 0; a < rule.nodes.size(); ++a) {
    for (int b = 0; b < rule.nodes.size(); ++b) {
      const double tu = std::tanh(s1 * rule.nodes(a));
      const double tv = std::tanh(s2 * (rho * rule.nodes(a) + co * rule.nodes(b)));
      out.sigma_sigma += rule.weights(a) * rule.weights(b) * tu * tv;
      out.dsigma_dsigma += rule.weights(a) * rule.weights(b) * (1 - tu * tu) * (1 - tv * tv);
    }
  }
  return out;
}

TEST(ActivationMoments, TanhQuadratureMatchesIndependentReference) {
  // Gauss–Hermite error ≈ exp(−a√(2K)) with a = π/(2√q) (gaussian_moments.h): 1.2e-11 at q = 1,
  // K = 128. kTolerance = 1e-10 leaves a factor 8 for the constant; the reference's own error
  // (2e-16) is negligible.
  const double kTolerance = 1e-10;
  const double cases[][3] = {{1, 1, 0.3}, {1, 1, -0.7}, {1, 1, 0.99}, {1, 1, 1}, {0.25, 1, 0.2}};
  double worst = 0.0;
  for (const auto& c : cases) {
    const GaussianMoments got = ActivationMoments(Activation::kTanh, c[0], c[1], c[2]);
    const GaussianMoments want = TanhReference(c[0], c[1], c[2]);
    const double err = std::max(std::abs(got.sigma_sigma - want.sigma_sigma),
                                std::abs(got.dsigma_dsigma - want.dsigma_dsigma));
    EXPECT_TRUE(err <= kTolerance) << c[0] << " " << c[1] << " " << c[2] << " err " << err;
    worst = std::isnan(err) ? err : std::max(worst, err);
  }
  // Control arm: a 16-node rule must be rejected by the same tolerance at ρ = 1.
  const GaussianMoments coarse = TanhWithRule(ProbabilistsGaussHermite(16), 1, 1, 1);
  const GaussianMoments want = TanhReference(1, 1, 1);
  const double coarse_err = std::abs(coarse.dsigma_dsigma - want.dsigma_dsigma);
  std::printf("tanh quadrature (K = %d): worst error %.1e (bound %.0e); K = 16: %.1e\n",
              kTanhQuadratureNodes, worst, kTolerance, coarse_err);
  EXPECT_TRUE(coarse_err > kTolerance);
  // ρ = 0: E[tanh u tanh v] = E[tanh u]·E[tanh v] = 0 (odd), up to K·ε cancellation.
  EXPECT_NEAR(ActivationMoments(Activation::kTanh, 1, 1, 0).sigma_sigma, 0.0,
              kTanhQuadratureNodes * kEps);
}

}  // namespace
}  // namespace thmcheck
