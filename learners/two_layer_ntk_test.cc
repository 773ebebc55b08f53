// Tests for the two-layer net's kernels. EmpiricalNtk: against an explicit Jacobian product J Jᵀ
// (J's rows from the net's own gradient, itself checked against finite differences in
// two_layer_net_test), across neuron-block boundaries and scalings; the symmetric path; positive
// semi-definiteness. AnalyticNtkTwoLayer (H∞): the ReLU closed form against the unit-sphere formula
// of docs/conventions.md, and against the empirical NTK of a wide net by Monte Carlo (with control
// arms that must be rejected).
// Legend: n (n₁, n₂) samples, d input dim, m width, p = m(d + 1) parameters, θ angle,
// ε = DBL_EPSILON.
#include "learners/two_layer_net.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>
#include <numbers>

#include <gtest/gtest.h>
#include <Eigen/Eigenvalues>
#include <boost/math/distributions/normal.hpp>

#include "concepts/sphere.h"
#include "learners/activation.h"
#include "learners/gaussian_moments.h"

namespace thmcheck {
namespace {

constexpr double kEps = std::numeric_limits<double>::epsilon();
constexpr double kPi = std::numbers::pi;

// n×p Jacobian of f at the rows of X, row i = ∇_θ f(x_i) = ∇_θ L for the single sample x_i with
// label f(x_i) − 1 (then r = 1). Parameters are ordered (vec W column-major, a).
Eigen::MatrixXd ExplicitJacobian(const TwoLayerNet& net, const Eigen::MatrixXd& X) {
  const int m = net.m(), d = net.d();
  Eigen::MatrixXd J(X.rows(), m * (d + 1));
  const Eigen::VectorXd f = net.Forward(X);
  TwoLayerNet::Gradient g;
  for (int i = 0; i < X.rows(); ++i) {
    const Eigen::VectorXd y_i = Eigen::VectorXd::Constant(1, f(i) - 1.0);
    net.LossAndGradient(X.row(i), y_i, &g);
    J.row(i).head(m * d) = g.W.reshaped().transpose();
    J.row(i).tail(m) = g.a.transpose();
  }
  return J;
}

struct Case {
  int m;
  Scaling scaling;
  Activation act;
};

class EmpiricalNtkVsJacobian : public ::testing::TestWithParam<Case> {};

TEST_P(EmpiricalNtkVsJacobian, MatchesExplicitGram) {
  const Case c = GetParam();
  Rng rng(100 + c.m);
  const int d = 5, n1 = 6, n2 = 4;
  const Eigen::MatrixXd X1 = SampleUnitSphere(rng, n1, d);
  const Eigen::MatrixXd X2 = SampleUnitSphere(rng, n2, d);
  const TwoLayerNet net = TwoLayerNet::Init(d, c.m, c.scaling, c.act, rng);
  const Eigen::MatrixXd J1 = ExplicitJacobian(net, X1), J2 = ExplicitJacobian(net, X2);
  const Eigen::MatrixXd want = J1 * J2.transpose();
  const Eigen::MatrixXd got = EmpiricalNtk(net, X1, X2);
  ASSERT_EQ(got.rows(), n1);
  ASSERT_EQ(got.cols(), n2);
  // Both sides sum the same p = m(d + 1) products, each formed with ≤ d + 4 roundings, in different
  // orders: |error| ≤ c·(p + d + 4)·ε·Σ_k |J1_ik J2_jk| with c = 2 (two computations).
  const Eigen::MatrixXd scale = J1.cwiseAbs() * J2.cwiseAbs().transpose();
  const double k = 2.0 * (c.m * (d + 1) + d + 4) * kEps;
  double worst = 0.0;
  for (int i = 0; i < n1; ++i) {
    for (int j = 0; j < n2; ++j) {
      const double err = std::abs(got(i, j) - want(i, j));
      EXPECT_TRUE(err <= k * scale(i, j)) << i << "," << j << " err " << err;
      worst = std::max(worst, err / (kEps * scale(i, j)));
    }
  }
  std::printf("m = %d: worst |H − JJᵀ| = %.1f ε·Σ|JJ| (bound %.0f ε)\n", c.m, worst, k / kEps);
}

INSTANTIATE_TEST_SUITE_P(Nets, EmpiricalNtkVsJacobian,
                         ::testing::Values(Case{16, Scaling::kNtk, Activation::kRelu},
                                           Case{16, Scaling::kNtk, Activation::kTanh},
                                           // 300 = 2 full neuron blocks of 128 and a partial one.
                                           Case{300, Scaling::kNtk, Activation::kRelu},
                                           Case{300, Scaling::kStandard, Activation::kTanh},
                                           Case{300, Scaling::kMeanField, Activation::kRelu}),
                         [](const ::testing::TestParamInfo<Case>& info) {
                           return std::string(ScalingName(info.param.scaling)) + "_" +
                                  ActivationName(info.param.act) + "_m" +
                                  std::to_string(info.param.m);
                         });

// First layer only: the Gram of the Jacobian's W block, on the general and the symmetric path.
TEST(EmpiricalNtk, FirstLayerIsTheGramOfTheInputWeightGradients) {
  Rng rng(6);
  const int d = 5, n1 = 6, n2 = 4, m = 300;
  const Eigen::MatrixXd X1 = SampleUnitSphere(rng, n1, d);
  const Eigen::MatrixXd X2 = SampleUnitSphere(rng, n2, d);
  const TwoLayerNet net = TwoLayerNet::InitSignPairs(d, m, Scaling::kNtk, Activation::kRelu, rng);
  const Eigen::MatrixXd J1 = ExplicitJacobian(net, X1).leftCols(m * d);
  const Eigen::MatrixXd J2 = ExplicitJacobian(net, X2).leftCols(m * d);
  // As in MatchesExplicitGram: ≤ 2(md + d + 4)ε·Σ_k |J1_ik J2_jk|.
  const double k = 2.0 * (m * d + d + 4) * kEps;
  const Eigen::MatrixXd got = EmpiricalNtk(net, X1, X2, TrainedLayers::kFirst);
  const Eigen::MatrixXd err = (got - J1 * J2.transpose()).cwiseAbs();
  EXPECT_TRUE((err.array() <= k * (J1.cwiseAbs() * J2.cwiseAbs().transpose()).array()).all())
      << err.maxCoeff();
  const Eigen::MatrixXd sym = EmpiricalNtk(net, X1, X1, TrainedLayers::kFirst);
  const Eigen::MatrixXd err_sym = (sym - J1 * J1.transpose()).cwiseAbs();
  EXPECT_TRUE(sym == sym.transpose());
  EXPECT_TRUE((err_sym.array() <= k * (J1.cwiseAbs() * J1.cwiseAbs().transpose()).array()).all())
      << err_sym.maxCoeff();
}

TEST(EmpiricalNtk, SymmetricPathIsSymmetricPsdAndMatchesGeneralPath) {
  Rng rng(5);
  const int n = 12, d = 7, m = 1000;
  const Eigen::MatrixXd X = SampleUnitSphere(rng, n, d);
  const Eigen::MatrixXd X_copy = X;  // a different object: the general (non-symmetric) path
  for (Activation act : {Activation::kRelu, Activation::kTanh}) {
    const TwoLayerNet net = TwoLayerNet::Init(d, m, Scaling::kNtk, act, rng);
    const Eigen::MatrixXd h = EmpiricalNtk(net, X, X);
    const Eigen::MatrixXd h_general = EmpiricalNtk(net, X, X_copy);
    EXPECT_TRUE(h == h.transpose()) << ActivationName(act);
    // Entries are averages of m nonnegative-scale terms of size O(1): two summation orders of
    // m + d terms differ by ≤ 2(m + d)ε·max|H| (c = 2, n = m + d).
    const double kTolerance = 2.0 * (m + d) * kEps * h.cwiseAbs().maxCoeff();
    EXPECT_TRUE((h - h_general).cwiseAbs().maxCoeff() <= kTolerance) << ActivationName(act);
    // A Gram matrix is PSD; the eigensolver's backward error is ≤ c·n·ε·‖H‖ (c = 4, n = 12).
    const double lambda_min = Eigen::SelfAdjointEigenSolver<Eigen::MatrixXd>(h).eigenvalues()(0);
    EXPECT_TRUE(lambda_min >= -4.0 * n * kEps * h.norm()) << lambda_min;
  }
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
      // be √(2·2(d + 4)ε) instead of 0 (the NOTE in gaussian_moments.h): |ΔH| ≤ θ/(2π)·(1 + θ).
      const double tol = i == j ? std::sqrt(4.0 * (d + 4) * kEps) / (2 * kPi) * 1.01
                                : 2.0 * (d + 4) * kEps / std::sin(th) + (d + 8) * kEps;
      const double err = std::abs(h(i, j) - want);
      EXPECT_TRUE(err <= tol) << i << "," << j << " err " << err << " tol " << tol;
    }
  }
}

// Du et al. 2018's H∞ (first layer, ReLU, unit inputs): (x·x')(π − θ)/(2π), written here
// independently; tolerances as in ReluMatchesUnitSphereFormula.
TEST(AnalyticNtkTwoLayer, FirstLayerReluIsDuEtAlsGram) {
  Rng rng(7);
  const int n = 15, d = 5;
  const Eigen::MatrixXd X = SampleUnitSphere(rng, n, d);
  const Eigen::MatrixXd h = AnalyticNtkTwoLayer(X, X, Activation::kRelu, TrainedLayers::kFirst);
  EXPECT_TRUE(h == h.transpose());
  for (int i = 0; i < n; ++i) {
    for (int j = 0; j < n; ++j) {
      const double t = std::clamp(X.row(i).dot(X.row(j)), -1.0, 1.0);
      const double th = std::acos(t);
      const double want = t * (kPi - th) / (2 * kPi);
      const double tol = i == j ? std::sqrt(4.0 * (d + 4) * kEps) / (2 * kPi) * 1.01
                                : 2.0 * (d + 4) * kEps / std::sin(th) + (d + 8) * kEps;
      EXPECT_TRUE(std::abs(h(i, j) - want) <= tol) << i << "," << j;
    }
  }
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

}  // namespace
}  // namespace thmcheck
