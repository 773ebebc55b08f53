// Tests for the activations and TwoLayerNet: σ/σ' conventions, forward against a per-sample loop,
// gradient against central differences (with a control arm the check must reject), the loss as a
// SUM over mini-batches, GD/SGD convergence, and the θ-space measurements.
// Legend: n samples, d input dim, m width, η step, h finite-difference step, ε = DBL_EPSILON.
#include "learners/two_layer_net.h"

#include <cmath>
#include <cstdio>
#include <limits>
#include <numeric>
#include <vector>

#include <gtest/gtest.h>

#include "concepts/sphere.h"
#include "learners/activation.h"
#include "learners/sgd.h"

namespace thmcheck {
namespace {

constexpr double kEps = std::numeric_limits<double>::epsilon();
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

TEST(Activation, ReluConventionsAndNaN) {
  EXPECT_EQ(SigmaPrime(Activation::kRelu, 0.0), 0.0);  // NOTE: ReLU'(0) = 0 by convention
  EXPECT_EQ(SigmaPrime(Activation::kRelu, -0.0), 0.0);
  EXPECT_EQ(SigmaPrime(Activation::kRelu, 1e-300), 1.0);
  EXPECT_EQ(Sigma(Activation::kRelu, -2.0), 0.0);
  EXPECT_EQ(Sigma(Activation::kRelu, 3.0), 3.0);
  Eigen::MatrixXd z(2, 3);
  z << -1.0, 0.0, 2.0, kNaN, 0.5, -0.0;
  for (Activation act : {Activation::kRelu, Activation::kTanh}) {
    EXPECT_TRUE(std::isnan(Sigma(act, kNaN)));
    EXPECT_TRUE(std::isnan(SigmaPrime(act, kNaN)));
    Eigen::MatrixXd s(2, 3), ds(2, 3), s2(2, 3), ds2 = z;
    ApplySigma(act, z, s);
    ApplySigmaPrime(act, z, ds);
    for (int i = 0; i < 2; ++i) {
      for (int j = 0; j < 3; ++j) {
        if (std::isnan(z(i, j))) {
          EXPECT_TRUE(std::isnan(s(i, j)) && std::isnan(ds(i, j))) << ActivationName(act);
        } else {
          // The matrix and scalar forms run the same kernel (learners/fast_tanh.h): bitwise equal.
          EXPECT_EQ(s(i, j), Sigma(act, z(i, j))) << ActivationName(act);
          EXPECT_EQ(ds(i, j), SigmaPrime(act, z(i, j))) << ActivationName(act);
        }
      }
    }
    s2 = z;  // in place: s aliases z
    ApplySigmaAndPrime(act, s2, s2, ds2);
    EXPECT_TRUE(s2.array().isNaN().cast<int>().sum() == 1 &&
                ds2.array().isNaN().cast<int>().sum() == 1);
    EXPECT_TRUE((s2.array() == s.array() || s2.array().isNaN()).all()) << ActivationName(act);
    EXPECT_TRUE((ds2.array() == ds.array() || ds2.array().isNaN()).all()) << ActivationName(act);
  }
}

TEST(Activation, TanhDerivativeMatchesCentralDifference) {
  // Central difference with h = 1e-5: truncation h²/6·max|tanh'''| ≤ h²/6·2 = 3.4e-11, rounding
  // ≤ 2ε/(2h)·max|tanh| = 2.2e-11; kTolerance = 1e-9 is 10× their sum.
  const double h = 1e-5, kTolerance = 1e-9;
  for (double z : {-3.0, -0.7, 0.0, 0.3, 1.9}) {
    const double fd = (Sigma(Activation::kTanh, z + h) - Sigma(Activation::kTanh, z - h)) / (2 * h);
    const double err = std::abs(fd - SigmaPrime(Activation::kTanh, z));
    EXPECT_TRUE(err <= kTolerance) << "z = " << z << " err " << err;
  }
}

TEST(TwoLayerNet, InitScalesAndDeterminism) {
  const int d = 5, m = 4000;
  for (Scaling scaling : {Scaling::kNtk, Scaling::kStandard, Scaling::kMeanField}) {
    Rng rng(7), again(7);
    const TwoLayerNet net = TwoLayerNet::Init(d, m, scaling, Activation::kRelu, rng);
    const TwoLayerNet same = TwoLayerNet::Init(d, m, scaling, Activation::kRelu, again);
    ASSERT_EQ(net.W().rows(), m);
    ASSERT_EQ(net.W().cols(), d);
    ASSERT_EQ(net.a().size(), m);
    EXPECT_TRUE(net.W() == same.W() && net.a() == same.a());
    const double md = m;
    const double want_c = scaling == Scaling::kNtk        ? 1 / std::sqrt(md)
                          : scaling == Scaling::kStandard ? 1.0
                                                          : 1 / md;
    EXPECT_EQ(net.output_scale(), want_c) << ScalingName(scaling);
    // E a² = 1 (kNtk, kMeanField) or 1/m (kStandard); Var(a²) = 2(E a²)². Sample mean of m draws:
    // |mean − E| ≤ z·√2·E/√m with z = 5 (two-sided false alarm 5.7e-7). Same for w entries (E = 1).
    const double want_a2 = scaling == Scaling::kStandard ? 1 / md : 1.0;
    const double a2 = net.a().squaredNorm() / md;
    EXPECT_TRUE(std::abs(a2 - want_a2) <= 5 * std::sqrt(2.0) * want_a2 / std::sqrt(md)) << a2;
    const double w2 = net.W().squaredNorm() / (md * d);
    EXPECT_TRUE(std::abs(w2 - 1.0) <= 5 * std::sqrt(2.0) / std::sqrt(md * d)) << w2;
  }
}

TEST(TwoLayerNet, ForwardMatchesPerSampleLoop) {
  Rng rng(8);
  const int n = 7, d = 6, m = 50;
  const Eigen::MatrixXd X = SampleUnitSphere(rng, n, d);
  for (Activation act : {Activation::kRelu, Activation::kTanh}) {
    const TwoLayerNet net = TwoLayerNet::Init(d, m, Scaling::kNtk, act, rng);
    const Eigen::VectorXd f = net.Forward(X);
    for (int i = 0; i < n; ++i) {
      double sum = 0.0, abs_sum = 0.0;
      for (int r = 0; r < m; ++r) {
        const double z = net.W().row(r).dot(X.row(i));
        sum += net.a()(r) * Sigma(act, z);
        abs_sum += std::abs(net.a()(r) * Sigma(act, z));
      }
      // Two evaluation orders of a d-term dot product, σ, and an m-term sum: each ≤ (d + m + 2)ε
      // relative to the absolute terms; c = 2 for the two sides.
      const double kTolerance = 2.0 * (d + m + 2) * kEps * net.output_scale() * abs_sum;
      const double err = std::abs(f(i) - net.output_scale() * sum);
      EXPECT_TRUE(err <= kTolerance) << ActivationName(act) << " i " << i << " err " << err;
    }
  }
}

// max over the checked coordinates of |g − g_fd| / (1 + |g|), for the loss at (W, a).
double WorstGradientError(const TwoLayerNet& net, const Eigen::MatrixXd& X,
                          const Eigen::VectorXd& y, const TwoLayerNet::Gradient& g, double h) {
  double worst = 0.0;
  TwoLayerNet::Gradient unused;
  auto loss_at = [&](const TwoLayerNet& probe) { return probe.LossAndGradient(X, y, &unused); };
  auto consider = [&](double analytic, double fd) {
    const double err = std::abs(analytic - fd) / (1.0 + std::abs(analytic));
    worst = std::isnan(err) ? kNaN : std::max(worst, err);
  };
  for (int r = 0; r < net.m(); r += 3) {
    for (int k = 0; k < net.d(); ++k) {
      TwoLayerNet plus = net, minus = net;
      plus.mutable_W()(r, k) += h;
      minus.mutable_W()(r, k) -= h;
      consider(g.W(r, k), (loss_at(plus) - loss_at(minus)) / (2 * h));
    }
    TwoLayerNet plus = net, minus = net;
    plus.mutable_a()(r) += h;
    minus.mutable_a()(r) -= h;
    consider(g.a(r), (loss_at(plus) - loss_at(minus)) / (2 * h));
  }
  return worst;
}

TEST(TwoLayerNet, GradientMatchesCentralDifferences) {
  // h = 1e-5. Rounding of L (≤ (d + m + n)ε·L, L = O(n)) over 2h: ≤ 2e-8; truncation h²/6·|∂³L|:
  // ≤ 2e-10 for |∂³L| ≤ 10 (L is a smooth function of each coordinate at this scale; ReLU nets
  // have no kink within h, asserted below). kTolerance = 1e-6 (relative to 1 + |g|) is ≥ 50× both.
  const double h = 1e-5, kTolerance = 1e-6;
  Rng rng(9);
  const int n = 8, d = 5, m = 40;
  const Eigen::MatrixXd X = SampleUnitSphere(rng, n, d);
  const Eigen::VectorXd y = SampleGaussianLabels(rng, n);
  for (Activation act : {Activation::kRelu, Activation::kTanh}) {
    for (Scaling scaling : {Scaling::kNtk, Scaling::kStandard, Scaling::kMeanField}) {
      const TwoLayerNet net = TwoLayerNet::Init(d, m, scaling, act, rng);
      // A step h in W(r, k) moves z_ir by h·|x_ik| ≤ h: no ReLU kink is crossed if all |z| > 2h.
      ASSERT_GT(net.Preactivations(X).cwiseAbs().minCoeff(), 2 * h);
      TwoLayerNet::Gradient g;
      net.LossAndGradient(X, y, &g);
      const double err = WorstGradientError(net, X, y, g, h);
      std::printf("gradient vs central difference, %s %s: worst %.1e (bound %.0e)\n",
                  ActivationName(act), ScalingName(scaling), err, kTolerance);
      EXPECT_TRUE(err <= kTolerance)
          << ActivationName(act) << " " << ScalingName(scaling) << " " << err;
      // Control arm: a gradient off by 1e-4 in one coordinate must be rejected by the same check.
      TwoLayerNet::Gradient wrong = g;
      wrong.W(3, 1) += 1e-4 * (1.0 + std::abs(g.W(3, 1)));
      EXPECT_TRUE(WorstGradientError(net, X, y, wrong, h) > kTolerance);
    }
  }
}

TEST(TwoLayerNet, LossIsASumOverMiniBatches) {
  Rng rng(10);
  const int n = 12, d = 4, m = 300;
  const Eigen::MatrixXd X = SampleUnitSphere(rng, n, d);
  const Eigen::VectorXd y = SampleGaussianLabels(rng, n);
  const TwoLayerNet net = TwoLayerNet::Init(d, m, Scaling::kNtk, Activation::kTanh, rng);
  TwoLayerNet::Gradient full, part, sum;
  const double loss = net.LossAndGradient(X, y, &full);
  const Eigen::VectorXd r = net.Forward(X) - y;
  EXPECT_NEAR(loss, 0.5 * r.squaredNorm(), 4 * n * kEps * loss);  // ½Σr², a sum: (n + 2)ε·L
  // A partition into batches of 5, 5, 2 (odd sizes exercise the grow-only scratch).
  const std::vector<int> perm = Permutation(rng, n);
  double batch_loss = 0.0;
  sum.W = Eigen::MatrixXd::Zero(m, d);
  sum.a = Eigen::VectorXd::Zero(m);
  for (int start : {0, 5, 10}) {
    const int b = std::min(5, n - start);
    batch_loss +=
        net.LossAndGradientOnRows(X, y, std::span<const int>(perm).subspan(start, b), &part);
    sum.W += part.W;
    sum.a += part.a;
  }
  // Sums of n terms regrouped: ≤ 2nε·Σ|terms|; Σ|terms| ≤ ‖full‖_∞-scale·n is bounded by the
  // largest entry times n (c = 2, n = 12, plus n for the bound on Σ|terms|).
  EXPECT_TRUE(std::abs(batch_loss - loss) <= 2 * n * kEps * loss);
  EXPECT_TRUE((sum.W - full.W).cwiseAbs().maxCoeff() <=
              2 * n * n * kEps * full.W.cwiseAbs().maxCoeff());
  EXPECT_TRUE((sum.a - full.a).cwiseAbs().maxCoeff() <=
              2 * n * n * kEps * full.a.cwiseAbs().maxCoeff());
  // The gathered path equals the explicit gather bit for bit.
  const std::vector<int> rows = {3, 3, 0, 11};
  Eigen::MatrixXd xb(4, d);
  Eigen::VectorXd yb(4);
  for (int k = 0; k < 4; ++k) {
    xb.row(k) = X.row(rows[k]);
    yb(k) = y(rows[k]);
  }
  TwoLayerNet::Gradient gathered, explicit_batch;
  EXPECT_EQ(net.LossAndGradientOnRows(X, y, rows, &gathered),
            net.LossAndGradient(xb, yb, &explicit_batch));
  EXPECT_TRUE(gathered.W == explicit_batch.W && gathered.a == explicit_batch.a);
}

TEST(TwoLayerNet, ScratchReuseDoesNotChangeResults) {
  Rng rng(11);
  const int d = 6, m = 200;
  const Eigen::MatrixXd X = SampleUnitSphere(rng, 9, d);
  const Eigen::VectorXd y = SampleGaussianLabels(rng, 9);
  TwoLayerNet net = TwoLayerNet::Init(d, m, Scaling::kNtk, Activation::kRelu, rng);
  const TwoLayerNet fresh = net;  // copies parameters, not scratch
  TwoLayerNet::Gradient g1, g2;
  net.Forward(SampleUnitSphere(rng, 30, d));  // grow the scratch past 9 rows first
  const double l1 = net.LossAndGradient(X, y, &g1);
  const double l2 = fresh.LossAndGradient(X, y, &g2);
  EXPECT_EQ(l1, l2);
  EXPECT_TRUE(g1.W == g2.W && g1.a == g2.a);
  EXPECT_TRUE(net.Forward(X) == fresh.Forward(X));
}

TEST(TwoLayerNet, StepNormAndDistance) {
  Rng rng(12);
  TwoLayerNet net = TwoLayerNet::Init(3, 20, Scaling::kNtk, Activation::kTanh, rng);
  const TwoLayerNet before = net;
  TwoLayerNet::Gradient g{Eigen::MatrixXd::Ones(20, 3), Eigen::VectorXd::Constant(20, 2.0)};
  net.Step(g, 0.25);
  EXPECT_TRUE(net.W() == (before.W().array() - 0.25).matrix());  // exact: one subtraction each
  EXPECT_TRUE(net.a() == (before.a().array() - 0.5).matrix());
  // ‖θ − θ'‖² = 60·0.25² + 20·0.5² = 8.75; one sum of 80 squares: ≤ 81ε relative.
  EXPECT_NEAR(net.DistanceTo(before), std::sqrt(8.75), 81 * kEps * 3);
  EXPECT_EQ(net.DistanceTo(net), 0.0);
  const double norm2 = before.W().squaredNorm() + before.a().squaredNorm();
  EXPECT_NEAR(before.ParameterNorm(), std::sqrt(norm2), 81 * kEps * std::sqrt(norm2));
}

TEST(TwoLayerNet, ResidualIsForwardMinusLabels) {
  Rng rng(17);
  const Eigen::MatrixXd X = SampleUnitSphere(rng, 9, 4);
  const Eigen::VectorXd y = Eigen::VectorXd::LinSpaced(9, -1.0, 1.0);
  const TwoLayerNet net = TwoLayerNet::Init(4, 50, Scaling::kNtk, Activation::kTanh, rng);
  TwoLayerNet::Gradient g;
  Eigen::VectorXd r;
  const double loss = net.LossAndGradient(X, y, &g, &r);
  EXPECT_TRUE(r == net.Forward(X) - y);  // the same products in the same order
  EXPECT_EQ(loss, 0.5 * r.squaredNorm());
}

TEST(TwoLayerNet, FirstLayerStepKeepsOutputWeights) {
  Rng rng(14);
  TwoLayerNet net = TwoLayerNet::Init(3, 20, Scaling::kNtk, Activation::kRelu, rng);
  const TwoLayerNet before = net;
  TwoLayerNet::Gradient g{Eigen::MatrixXd::Ones(20, 3), Eigen::VectorXd::Constant(20, 2.0)};
  net.Step(g, 0.25, TrainedLayers::kFirst);
  EXPECT_TRUE(net.W() == (before.W().array() - 0.25).matrix());
  EXPECT_TRUE(net.a() == before.a());
}

TEST(TwoLayerNet, SignPairsShareInputWeightsAndStartAtZero) {
  const int d = 5, m = 300;
  Rng rng(15);
  const Eigen::MatrixXd X = SampleUnitSphere(rng, 40, d);
  for (Scaling scaling : {Scaling::kNtk, Scaling::kMeanField}) {
    const TwoLayerNet net = TwoLayerNet::InitSignPairs(d, m, scaling, Activation::kRelu, rng);
    EXPECT_EQ(net.output_scale(), scaling == Scaling::kNtk ? 1.0 / std::sqrt(m) : 1.0 / m);
    for (int r = 0; r < m / 2; ++r) {
      EXPECT_TRUE(net.W().row(2 * r) == net.W().row(2 * r + 1)) << r;
      EXPECT_EQ(net.a()(2 * r), 1.0);
      EXPECT_EQ(net.a()(2 * r + 1), -1.0);
    }
    // Pairs cancel up to the rounding of a sum of m terms of size ≤ max σ: ≤ m·ε·c·Σ|σ|.
    const Eigen::VectorXd f = net.Forward(X);
    const double sum_sigma = (X * net.W().transpose()).cwiseMax(0.0).rowwise().sum().maxCoeff();
    EXPECT_TRUE(f.cwiseAbs().maxCoeff() <= m * kEps * net.output_scale() * sum_sigma)
        << f.cwiseAbs().maxCoeff();
  }
  // The same seed, the same net.
  Rng r1(16), r2(16);
  EXPECT_TRUE(TwoLayerNet::InitSignPairs(d, m, Scaling::kNtk, Activation::kRelu, r1).W() ==
              TwoLayerNet::InitSignPairs(d, m, Scaling::kNtk, Activation::kRelu, r2).W());
}

// Integration: full-batch GD at η = 1/λ_max(H) (the step of docs/claims/ntk_closeness.md) fits
// random labels, and mini-batch momentum SGD with a fresh permutation per epoch lowers the loss.
TEST(TwoLayerNet, GradientDescentAndSgdFit) {
  Rng rng(13);
  const int n = 10, d = 8, m = 512;
  const Eigen::MatrixXd X = SampleUnitSphere(rng, n, d);
  const Eigen::VectorXd y = SampleGaussianLabels(rng, n);
  TwoLayerNet net = TwoLayerNet::Init(d, m, Scaling::kNtk, Activation::kRelu, rng);
  TwoLayerNet sgd_net = net;
  TwoLayerNet::Gradient g;
  const double loss0 = net.LossAndGradient(X, y, &g);
  // λ_max(H₀) ≤ trace(H₀) = Σ_i H_ii and H_ii ≈ ‖x_i‖²/2 + ‖x_i‖²/2 = 1: η = 1/n is below 2/λ_max.
  const double eta = 1.0 / n;
  double loss = loss0;
  for (int t = 0; t < 2000; ++t) {
    loss = net.LossAndGradient(X, y, &g);
    net.Step(g, eta);
  }
  EXPECT_TRUE(loss < 1e-6 * loss0) << loss0 << " -> " << loss;
  MomentumSgd sgd({.lr = 0.05, .momentum = 0.9});
  double last_epoch = 0.0;
  for (int epoch = 0; epoch < 100; ++epoch) {
    const std::vector<int> perm = Permutation(rng, n);
    for (int start = 0; start < n; start += 5) {
      sgd_net.LossAndGradientOnRows(X, y, std::span<const int>(perm).subspan(start, 5), &g);
      sgd.Update(0, sgd_net.mutable_W(), g.W);
      sgd.Update(1, sgd_net.mutable_a(), g.a);
    }
    last_epoch = sgd_net.LossAndGradient(X, y, &g);
  }
  EXPECT_TRUE(last_epoch < 1e-3 * loss0) << loss0 << " -> " << last_epoch;
}

}  // namespace
}  // namespace thmcheck
