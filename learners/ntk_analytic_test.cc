// Tests for the infinite-width kernels: the Gauss–Hermite rule (closed form at K = 4, exact
// moments), the ReLU closed form against the unit-sphere formula of docs/conventions.md, the tanh
// quadrature against an independent composite Gauss–Legendre reference, H∞ against the empirical
// NTK of a wide net by Monte Carlo (with control arms that must be rejected), the depth recursion's
// identities.
// Legend: n samples, d input dim, m width, L depth, β bias, K nodes, θ angle, ε = DBL_EPSILON.
#include "learners/ntk_analytic.h"

#include <cmath>
#include <cstdio>
#include <limits>
#include <numbers>

#include <gtest/gtest.h>
#include <boost/math/distributions/normal.hpp>
#include <boost/math/quadrature/gauss.hpp>

#include "concepts/sphere.h"
#include "learners/empirical_ntk.h"
#include "learners/two_layer_net.h"

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

TEST(AnalyticNtkTwoLayer, ReluMatchesUnitSphereFormula) {
  Rng rng(3);
  const int n = 15, d = 5;
  const Eigen::MatrixXd X = SampleUnitSphere(rng, n, d);
  const Eigen::MatrixXd h = AnalyticNtkTwoLayer(X, X, Activation::kRelu);
  EXPECT_TRUE(h == h.transpose());
  for (int i = 0; i < n; ++i) {
    for (int j = 0; j < n; ++j) {
      // docs/conventions.md's H∞, written independently of the library code.
      const double t = std::clamp(X.row(i).dot(X.row(j)), -1.0, 1.0);
      const double th = std::acos(t);
      const double want =
          t * (kPi - th) / (2 * kPi) + (std::sin(th) + (kPi - th) * std::cos(th)) / (2 * kPi);
      // ρ carries ≤ (d + 4)ε relative error (a d-term dot product, two norms, a division) in both
      // codes; θ = arccos ρ amplifies it by 1/sin θ and H' (θ) is ≤ 1 in size, so off the diagonal
      // |ΔH| ≤ c·(d + 4)ε/sin θ + (d + 8)ε with c = 2. On the diagonal (ρ = 1 up to rounding) θ can
      // be √(2·2(d + 4)ε) instead of 0 (the NOTE in ntk_analytic.h): |ΔH| ≤ θ/(2π)·(1 + θ).
      const double tol = i == j ? std::sqrt(4.0 * (d + 4) * kEps) / (2 * kPi) * 1.01
                                : 2.0 * (d + 4) * kEps / std::sin(th) + (d + 8) * kEps;
      const double err = std::abs(h(i, j) - want);
      EXPECT_TRUE(err <= tol) << i << "," << j << " err " << err << " tol " << tol;
    }
  }
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
  // Gauss–Hermite error ≈ exp(−a√(2K)) with a = π/(2√q) (ntk_analytic.h): 1.2e-11 at q = 1,
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

// Monte Carlo: H₀ of a wide net (kNtk) is an average of m i.i.d. per-neuron terms
// t_r(i, j) = a_r² σ'(z_ir)σ'(z_jr)(x_i·x_j) + σ(z_ir)σ(z_jr) with mean H∞(i, j). Returns the
// largest |z| = |H₀ − kernel|/(σ̂/√m) over pairs i ≤ j, σ̂ the per-neuron standard deviation.
double WorstZ(const TwoLayerNet& net, const Eigen::MatrixXd& X, const Eigen::MatrixXd& kernel) {
  const Eigen::MatrixXd Z = net.Preactivations(X);
  const Eigen::MatrixXd h0 = EmpiricalNtk(net, X, X);
  const int n = static_cast<int>(X.rows()), m = net.m();
  double worst = 0.0;
  for (int i = 0; i < n; ++i) {
    for (int j = i; j < n; ++j) {
      double sum = 0.0, sum2 = 0.0, abs_sum = 0.0;
      const double dot = X.row(i).dot(X.row(j));
      for (int r = 0; r < m; ++r) {
        const double a2 = net.a()(r) * net.a()(r);
        const Activation act = net.activation();
        const double t = a2 * SigmaPrime(act, Z(i, r)) * SigmaPrime(act, Z(j, r)) * dot +
                         Sigma(act, Z(i, r)) * Sigma(act, Z(j, r));
        sum += t;
        sum2 += t * t;
        abs_sum += std::abs(t);
      }
      const double mean = sum / m, sd = std::sqrt((sum2 / m - mean * mean) * m / (m - 1.0));
      // The same average in two summation orders: ≤ c·(m + d + 4)·ε·Σ|t|/m with c = 2.
      EXPECT_NEAR(mean, h0(i, j), 2.0 * (m + net.d() + 4) * kEps * abs_sum / m);
      const double z = std::abs(h0(i, j) - kernel(i, j)) / (sd / std::sqrt(static_cast<double>(m)));
      worst = std::isnan(z) ? z : std::max(worst, z);
    }
  }
  return worst;
}

TEST(AnalyticNtkTwoLayer, MatchesWideNetByMonteCarlo) {
  Rng rng(4);
  const int n = 6, d = 5, m = 1 << 14;
  const Eigen::MatrixXd X = SampleUnitSphere(rng, n, d);
  // z_crit for a family false-alarm rate of 1e-4 over the n(n + 1)/2 = 21 pairs (Bonferroni),
  // two-sided: Φ⁻¹(1 − 1e-4/42) ≈ 4.57.
  const int pairs = n * (n + 1) / 2;
  const double z_crit =
      boost::math::quantile(boost::math::complement(boost::math::normal(), 1e-4 / (2.0 * pairs)));
  for (Activation act : {Activation::kRelu, Activation::kTanh}) {
    const TwoLayerNet net = TwoLayerNet::Init(d, m, Scaling::kNtk, act, rng);
    const Eigen::MatrixXd h_inf = AnalyticNtkTwoLayer(X, X, act);
    const double z = WorstZ(net, X, h_inf);
    // Control arms, same check: the c_σ = 2 convention (2·H∞) and the first-layer-only kernel.
    Eigen::MatrixXd first_only = h_inf;
    for (int i = 0; i < n; ++i) {
      for (int j = 0; j < n; ++j)
        first_only(i, j) -= ActivationMoments(act, X.row(i).squaredNorm(), X.row(j).squaredNorm(),
                                              X.row(i).dot(X.row(j)))
                                .sigma_sigma;
    }
    const double z_double = WorstZ(net, X, 2.0 * h_inf), z_first = WorstZ(net, X, first_only);
    std::printf(
        "H0 vs H_inf (%s, m = %d): worst |z| = %.2f (bound %.2f); controls 2H_inf %.0f, "
        "first layer only %.0f\n",
        ActivationName(act), m, z, z_crit, z_double, z_first);
    EXPECT_TRUE(z <= z_crit) << ActivationName(act);
    EXPECT_TRUE(z_double > z_crit && z_first > z_crit) << ActivationName(act);
  }
}

TEST(DeepNtk, TwoLayersWithoutBiasIsTheTwoLayerKernelBitForBit) {
  Rng rng(5);
  const Eigen::MatrixXd X1 = SampleUnitSphere(rng, 7, 4);
  const Eigen::MatrixXd X2 = 1.7 * SampleUnitSphere(rng, 5, 4);  // non-unit norms too
  for (Activation act : {Activation::kRelu, Activation::kTanh}) {
    EXPECT_TRUE(DeepNtk(X1, X1, 2, 0.0, act) == AnalyticNtkTwoLayer(X1, X1, act));
    EXPECT_TRUE(DeepNtk(X1, X2, 2, 0.0, act) == AnalyticNtkTwoLayer(X1, X2, act));
    // The NNGP of the two-layer net is E[σσ] alone.
    const DeepKernels k = DeepNngpAndNtk(X1, X2, 2, 0.0, act);
    EXPECT_TRUE(k.ntk == AnalyticNtkTwoLayer(X1, X2, act));
    for (int i = 0; i < 7; ++i) {
      for (int j = 0; j < 5; ++j) {
        EXPECT_EQ(k.nngp(i, j),
                  ActivationMoments(act, X1.row(i).squaredNorm(), X2.row(j).squaredNorm(),
                                    (X1 * X2.transpose())(i, j))
                      .sigma_sigma);
      }
    }
  }
}

TEST(DeepNtk, OneLayerIsTheLinearKernel) {
  Rng rng(6);
  const Eigen::MatrixXd X = SampleUnitSphere(rng, 5, 3);
  const Eigen::MatrixXd want = (X * X.transpose()).array() + 0.25;
  EXPECT_TRUE((DeepNtk(X, X, 1, 0.5, Activation::kTanh) - want).cwiseAbs().maxCoeff() <= 8 * kEps);
}

TEST(DeepNtk, ReluDiagonalIsLOver2ToTheLMinus1) {
  // β = 0, ‖x‖ = 1: Σ^l(x, x) = 2^{1−l}, Σ̇ = 1/2, so Θ^L(x, x) = Θ^{L−1}/2 + 2^{1−L} = L/2^{L−1}
  // (= L under the c_σ = 2 convention: the documented factor 2^{L−1}). Each layer adds ≤ 4ε
  // relative: kTolerance = 4·L·ε·Θ.
  Rng rng(7);
  const Eigen::MatrixXd X = SampleUnitSphere(rng, 3, 6);
  for (int L = 1; L <= 6; ++L) {
    const Eigen::MatrixXd theta = DeepNtk(X, X, L, 0.0, Activation::kRelu);
    const double want = L / std::pow(2.0, L - 1);
    // NOTE: the diagonal's ρ = 1 may round to 1 − ε (see ntk_analytic.h), moving Σ̇ by ≤ 2e-8/2π.
    const double tol = 4 * L * kEps * want + L * std::sqrt(4 * 10 * kEps) / (2 * kPi);
    for (int i = 0; i < 3; ++i) EXPECT_NEAR(theta(i, i), want, tol) << "L = " << L;
  }
}

TEST(DeepNtk, ReluWithoutBiasIsHomogeneousOfDegreeTwo) {
  // Scaling the inputs by 2 scales every Σ^l by 4 and leaves ρ and Σ̇ unchanged (powers of 2 are
  // exact), so Θ^L(2x, 2x') = 4 Θ^L(x, x') up to the rounding of ρ, ≤ 4Lε relative.
  Rng rng(8);
  const Eigen::MatrixXd X = SampleUnitSphere(rng, 6, 4);
  const Eigen::MatrixXd X2 = 2.0 * X;
  const Eigen::MatrixXd t1 = DeepNtk(X, X, 4, 0.0, Activation::kRelu);
  const Eigen::MatrixXd t2 = DeepNtk(X2, X2, 4, 0.0, Activation::kRelu);
  EXPECT_TRUE((t2 - 4.0 * t1).cwiseAbs().maxCoeff() <= 16 * kEps * 4.0 * t1.cwiseAbs().maxCoeff());
}

}  // namespace
}  // namespace thmcheck
