// Tests for DeepMlp: gradient against central differences (with a control arm), its empirical NTK
// against an explicit Jacobian product, agreement with TwoLayerNet at L = 2, and DeepNtk against
// the empirical NTK of independent wide nets by Monte Carlo at L = 3 (with control arms); the depth
// recursion's identities (L = 2 is the two-layer H∞ bit for bit, L = 1, ReLU's diagonal, degree-2
// homogeneity).
// Legend: n samples, d input dim, m width, L depth, β bias, R replicate nets, ε = DBL_EPSILON.
#include "learners/deep_mlp.h"

#include <cmath>
#include <cstdio>
#include <limits>
#include <numbers>

#include <gtest/gtest.h>
#include <boost/math/distributions/students_t.hpp>

#include "concepts/sphere.h"
#include "learners/gaussian_moments.h"
#include "learners/two_layer_net.h"

namespace thmcheck {
namespace {

constexpr double kEps = std::numeric_limits<double>::epsilon();
constexpr double kPi = std::numbers::pi;

// Parameters flattened in the order W⁰, b⁰, W¹, b¹, … (each W column-major).
Eigen::VectorXd Flatten(const std::vector<Eigen::MatrixXd>& W,
                        const std::vector<Eigen::VectorXd>& b) {
  Eigen::Index p = 0;
  for (size_t l = 0; l < W.size(); ++l) p += W[l].size() + b[l].size();
  Eigen::VectorXd out(p);
  Eigen::Index at = 0;
  for (size_t l = 0; l < W.size(); ++l) {
    out.segment(at, W[l].size()) = W[l].reshaped();
    at += W[l].size();
    out.segment(at, b[l].size()) = b[l];
    at += b[l].size();
  }
  return out;
}

TEST(DeepMlp, GradientMatchesCentralDifferences) {
  // h = 1e-5; as in two_layer_net_test: rounding ≤ (n + Lm)ε·L/h ≈ 1e-8, truncation
  // h²/6·|∂³L| ≤ 2e-10 for |∂³L| ≤ 10; kTolerance = 1e-6 relative to 1 + |g|.
  const double h = 1e-5, kTolerance = 1e-6;
  Rng rng(21);
  const int n = 5, d = 3, m = 6, L = 3;
  const Eigen::MatrixXd X = SampleUnitSphere(rng, n, d);
  const Eigen::VectorXd y = SampleGaussianLabels(rng, n);
  const DeepMlp net = DeepMlp::Init(d, m, L, 0.5, Activation::kTanh, rng);
  DeepMlp::Gradient g, unused;
  net.LossAndGradient(X, y, &g);
  const Eigen::VectorXd analytic = Flatten(g.W, g.b);
  // A unit step along parameter k of the flattened order, built as a "gradient" for Step.
  auto along = [&](Eigen::Index k, double t) {
    DeepMlp::Gradient e = g;
    Eigen::Index at = 0;
    for (int l = 0; l < L; ++l) {
      e.W[l].setZero();
      e.b[l].setZero();
      if (k >= at && k < at + e.W[l].size()) e.W[l].reshaped()(k - at) = -t;
      at += e.W[l].size();
      if (k >= at && k < at + e.b[l].size()) e.b[l](k - at) = -t;
      at += e.b[l].size();
    }
    DeepMlp probe = net;
    probe.Step(e, 1.0);  // θ ← θ + t·e_k
    return probe.LossAndGradient(X, y, &unused);
  };
  double worst = 0.0, worst_control = 0.0;
  for (Eigen::Index k = 0; k < analytic.size(); ++k) {
    const double fd = (along(k, h) - along(k, -h)) / (2 * h);
    const double err = std::abs(analytic(k) - fd) / (1 + std::abs(analytic(k)));
    worst = std::isnan(err) ? err : std::max(worst, err);
    // Control arm: the same check on a gradient off by 1e-4 in every coordinate.
    const double wrong = analytic(k) + 1e-4 * (1 + std::abs(analytic(k)));
    worst_control = std::max(worst_control, std::abs(wrong - fd) / (1 + std::abs(wrong)));
  }
  std::printf("DeepMlp gradient vs central difference: worst %.1e (bound %.0e), control %.1e\n",
              worst, kTolerance, worst_control);
  EXPECT_TRUE(worst <= kTolerance);
  EXPECT_TRUE(worst_control > kTolerance);
}

TEST(DeepMlp, EmpiricalNtkMatchesExplicitJacobian) {
  Rng rng(22);
  const int d = 4, m = 7;
  const Eigen::MatrixXd X1 = SampleUnitSphere(rng, 5, d), X2 = SampleUnitSphere(rng, 3, d);
  for (Activation act : {Activation::kRelu, Activation::kTanh}) {
    for (int L : {1, 2, 4}) {
      const DeepMlp net = DeepMlp::Init(d, m, L, 0.3, act, rng);
      // Row i of J = ∇_θ f(x_i) = ∇_θ L for the single sample with label f(x_i) − 1 (r = 1).
      auto jacobian = [&](const Eigen::MatrixXd& X) {
        const Eigen::VectorXd f = net.Forward(X);
        DeepMlp::Gradient g;
        Eigen::MatrixXd J;
        for (int i = 0; i < X.rows(); ++i) {
          net.LossAndGradient(X.row(i), Eigen::VectorXd::Constant(1, f(i) - 1.0), &g);
          const Eigen::VectorXd row = Flatten(g.W, g.b);
          J.conservativeResize(X.rows(), row.size());
          J.row(i) = row.transpose();
        }
        return J;
      };
      const Eigen::MatrixXd J1 = jacobian(X1), J2 = jacobian(X2);
      const Eigen::MatrixXd want = J1 * J2.transpose();
      const Eigen::MatrixXd got = net.EmpiricalNtk(X1, X2);
      // p = #parameters products per entry, each with ≤ 3L + d roundings: ≤ 2(p + 3L + d)ε·Σ|JJ|.
      const double p = static_cast<double>(J1.cols());
      const Eigen::MatrixXd scale = J1.cwiseAbs() * J2.cwiseAbs().transpose();
      const Eigen::ArrayXXd excess =
          (got - want).cwiseAbs().array() - 2 * (p + 3 * L + d) * kEps * scale.array();
      EXPECT_TRUE((excess <= 0).all()) << ActivationName(act) << " L " << L << "\n" << excess;
    }
  }
}

TEST(DeepMlp, TwoLayersWithoutBiasIsTwoLayerNet) {
  Rng rng(23);
  const int d = 5, m = 300;
  const Eigen::MatrixXd X = SampleUnitSphere(rng, 6, d);
  for (Activation act : {Activation::kRelu, Activation::kTanh}) {
    const DeepMlp deep = DeepMlp::Init(d, m, 2, 0.0, act, rng);
    const TwoLayerNet net = TwoLayerNet::FromParameters(
        deep.W(0), deep.W(1).row(0).transpose(), 1.0 / std::sqrt(static_cast<double>(m)), act);
    const Eigen::MatrixXd a = deep.EmpiricalNtk(X, X), b = EmpiricalNtk(net, X, X);
    // Same m + d term sums in different orders: ≤ 2(m + d + 4)ε·max|H| (c = 2).
    const double kTolerance = 2.0 * (m + d + 4) * kEps * b.cwiseAbs().maxCoeff();
    EXPECT_TRUE((a - b).cwiseAbs().maxCoeff() <= kTolerance) << ActivationName(act);
    EXPECT_TRUE((deep.Forward(X) - net.Forward(X)).cwiseAbs().maxCoeff() <=
                2.0 * (m + d + 4) * kEps * std::sqrt(static_cast<double>(m)));
  }
}

// Θ^L by Monte Carlo: R independent nets at width m; for each entry, t = (mean − Θ)/(s/√R) with s
// the replicates' standard deviation, against Student's t with R − 1 degrees of freedom at a family
// false-alarm rate of 1e-4 over the n(n + 1)/2 entries (Bonferroni). The finite-width bias of the
// mean is O(L/m) relative (≈ 0.6% at m = 512 for a unit constant), below the standard error of
// the mean (pilot: 1.1–1.5% relative; one net's NTK fluctuates by 5–7%).
TEST(DeepNtk, MatchesWideDeepMlpByMonteCarlo) {
  Rng rng(24);
  const int n = 5, d = 4, m = 512, L = 3, R = 20;
  const double beta = 0.5;
  const Eigen::MatrixXd X = SampleUnitSphere(rng, n, d);
  const int pairs = n * (n + 1) / 2;
  const double t_crit = boost::math::quantile(
      boost::math::complement(boost::math::students_t(R - 1), 1e-4 / (2.0 * pairs)));
  for (Activation act : {Activation::kRelu, Activation::kTanh}) {
    Eigen::MatrixXd sum = Eigen::MatrixXd::Zero(n, n), sum2 = Eigen::MatrixXd::Zero(n, n);
    for (int rep = 0; rep < R; ++rep) {
      const Eigen::MatrixXd theta = DeepMlp::Init(d, m, L, beta, act, rng).EmpiricalNtk(X, X);
      sum += theta;
      sum2 += theta.cwiseProduct(theta);
    }
    const Eigen::MatrixXd mean = sum / R;
    const Eigen::ArrayXXd se =
        ((sum2 / R - mean.cwiseProduct(mean)) * R / (R - 1.0) / R).array().sqrt();
    auto worst_t = [&](const Eigen::MatrixXd& kernel) {
      const Eigen::ArrayXXd t = (mean - kernel).cwiseAbs().array() / se;
      return t.hasNaN() ? std::numeric_limits<double>::quiet_NaN() : t.maxCoeff();
    };
    const double t = worst_t(DeepNtk(X, X, L, beta, act));
    // Control arms: the wrong depth, and β dropped from the recursion.
    const double t_depth = worst_t(DeepNtk(X, X, L - 1, beta, act));
    const double t_beta = worst_t(DeepNtk(X, X, L, 0.0, act));
    std::printf(
        "DeepNtk vs DeepMlp (%s, L = %d, m = %d, R = %d): worst |t| = %.2f (bound %.2f); "
        "controls L-1 %.0f, beta=0 %.0f\n",
        ActivationName(act), L, m, R, t, t_crit, t_depth, t_beta);
    EXPECT_TRUE(t <= t_crit) << ActivationName(act);
    EXPECT_TRUE(t_depth > t_crit && t_beta > t_crit) << ActivationName(act);
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
    // NOTE: the diagonal's ρ = 1 may round to 1 − ε (gaussian_moments.h), moving Σ̇ by ≤ 2e-8/2π.
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
