// Tests for the three-layer ResNet: a hand-computed net, the batched forward against a plain
// reference formula, gradients against central finite differences, the empirical NTK against an
// explicit Jacobian, and training (loss falls; step scaling, decay and determinism).
// Legend: n samples, d input dim, m width, k outputs, h finite-difference step, ε machine epsilon.
#include "learners/resnet3.h"

#include <cmath>
#include <limits>
#include <numeric>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "concepts/boolean_cube.h"
#include "concepts/hierarchical.h"

namespace thmcheck {
namespace {

constexpr double kEps = std::numeric_limits<double>::epsilon();

// The textbook formula with every intermediate allocated and U = VA formed explicitly.
struct Reference {
  Eigen::MatrixXd z1, z2, out;
};
Reference RefForward(const ResNet3& net, const Eigen::MatrixXd& X) {
  const ResNet3::Params& p = net.params();
  const Eigen::MatrixXd u =
      net.second() == SecondLayer::kBottleneck ? Eigen::MatrixXd(p.v * net.a()) : p.v;
  Reference ref;
  ref.z1 = (X * p.w.transpose()).rowwise() + p.b1.transpose();
  const Eigen::MatrixXd h1 = ref.z1.cwiseMax(0.0);
  ref.z2 = (h1 * u.transpose()).rowwise() + p.b2.transpose();
  ref.out = (h1 + ref.z2.cwiseMax(0.0)) * net.a().transpose();
  return ref;
}

ResNet3 SmallNet(SecondLayer second, uint64_t seed, int d = 5, int m = 7, int k = 3) {
  ResNet3Options o;
  o.d = d;
  o.m = m;
  o.k = k;
  o.second = second;
  o.b1_scale = 0.5;
  o.v_scale = 0.8;  // V ≠ 0, so the second block and its Jacobian terms are exercised
  o.b2_scale = 0.5;
  Rng rng(seed);
  return ResNet3::Init(o, rng);
}

Eigen::MatrixXd Inputs(uint64_t seed, int n, int d) {
  Rng rng(seed);
  return SampleCube(rng, n, d);
}

class ResNet3Both : public ::testing::TestWithParam<SecondLayer> {};
INSTANTIATE_TEST_SUITE_P(Second, ResNet3Both,
                         ::testing::Values(SecondLayer::kBottleneck, SecondLayer::kFull),
                         [](const auto& info) { return std::string(SecondLayerName(info.param)); });

TEST(ResNet3, HandComputedNet) {
  // d = 2, m = 2, k = 1; x = (0.6, 0.8):
  // Z₁ = (0.6, 0.8 − 0.5) = (0.6, 0.3); s = A σ(Z₁) = 0.6 − 0.3 = 0.3;
  // Z₂ = V s + b₂ = (2·0.3 + 0.1, −1·0.3 + 0.1) = (0.7, −0.2); σ(Z₂) = (0.7, 0);
  // out = A(σ(Z₁) + σ(Z₂)) = (0.6 + 0.7) − (0.3 + 0) = 1.0.
  ResNet3::Params p;
  p.w = Eigen::Matrix2d::Identity();
  p.b1 = Eigen::Vector2d(0.0, -0.5);
  p.v = Eigen::Vector2d(2.0, -1.0);
  p.b2 = Eigen::Vector2d(0.1, 0.1);
  Eigen::MatrixXd a(1, 2);
  a << 1.0, -1.0;
  const ResNet3 net = ResNet3::FromParameters(p, a, SecondLayer::kBottleneck);
  Eigen::MatrixXd x(1, 2);
  x << 0.6, 0.8;
  // A handful of O(1) roundings: ≤ 8ε.
  EXPECT_NEAR(net.Forward(x)(0, 0), 1.0, 8 * kEps);
  const Eigen::MatrixXd h = net.FirstHidden(x);
  EXPECT_NEAR(h(0, 0), 0.6, 2 * kEps);
  EXPECT_NEAR(h(0, 1), 0.3, 2 * kEps);
}

TEST_P(ResNet3Both, ForwardMatchesReferenceAcrossBlocks) {
  const ResNet3 net = SmallNet(GetParam(), 1, 30, 16, 8);
  const int n = 2 * ResNet3::kForwardBlock + 77;  // three blocks, the last one partial
  const Eigen::MatrixXd x = Inputs(2, n, 30);
  const Reference ref = RefForward(net, x);
  // Same sums in another order: |δ| ≤ γ_N·Σ|terms| with N = d + 2m ≈ 62 terms per chain and
  // Σ|terms| = O(10) here: 62·ε·10 ≈ 1.4e−13; kTol = 1e−12.
  constexpr double kTol = 1e-12;
  EXPECT_LE((net.Forward(x) - ref.out).cwiseAbs().maxCoeff(), kTol);
  EXPECT_LE((net.FirstHidden(x) - ref.z1.cwiseMax(0.0)).cwiseAbs().maxCoeff(), kTol);
}

TEST(ResNet3, BottleneckEqualsFullWithUEqualVA) {
  const ResNet3 bottleneck = SmallNet(SecondLayer::kBottleneck, 3);
  ResNet3::Params p = bottleneck.params();
  p.v = p.v * bottleneck.a();  // U = VA, m×m
  const ResNet3 full = ResNet3::FromParameters(p, bottleneck.a(), SecondLayer::kFull);
  const Eigen::MatrixXd x = Inputs(4, 40, 5);
  // (VA)σ vs V(Aσ): reassociation of k + m-term sums, O(1) values: ≤ 64ε·O(1) → 1e−13.
  EXPECT_LE((bottleneck.Forward(x) - full.Forward(x)).cwiseAbs().maxCoeff(), 1e-13);
}

// ½Σ‖out − y‖² by the reference formula.
double RefLoss(const ResNet3& net, const Eigen::MatrixXd& x, const Eigen::MatrixXd& y) {
  return 0.5 * (RefForward(net, x).out - y).squaredNorm();
}

// Between ReLU kinks out is affine in any one parameter (a composition of affine maps with fixed
// activation patterns), so L is quadratic there and the central difference is EXACT up to
// rounding: |FD − ∂L| ≤ 2·δL/(2h), δL ≤ γ·ε·L_scale with γ = 4(d + m + k) (the longest chain of
// sums) and L_scale = ½Σ(|out| + |y|)². A step that flips any activation sign is skipped (and
// counted): there the difference straddles a kink and is not a derivative.
TEST_P(ResNet3Both, GradientMatchesCentralDifferences) {
  const int d = 5, m = 7, k = 3, n = 4;
  ResNet3 net = SmallNet(GetParam(), 5, d, m, k);
  const Eigen::MatrixXd x = Inputs(6, n, d);
  Eigen::MatrixXd y(n, k);
  Rng rng(7);
  FillNormal(rng, y);
  ResNet3::Gradient grad;
  const double loss = net.LossAndGradient(x, y, &grad);
  EXPECT_NEAR(loss, RefLoss(net, x, y), 1e-13);
  const Reference base = RefForward(net, x);
  const double l_scale = 0.5 * (base.out.cwiseAbs() + y.cwiseAbs()).squaredNorm();
  constexpr double kH = 1e-5;
  const double tol = 4.0 * (d + m + k) * kEps * l_scale / kH;
  auto pattern = [](const Reference& r) {
    return std::make_pair(Eigen::MatrixXi((r.z1.array() > 0).cast<int>()),
                          Eigen::MatrixXi((r.z2.array() > 0).cast<int>()));
  };
  const auto base_pattern = pattern(base);
  int checked = 0, skipped = 0;
  auto check = [&](Eigen::Ref<Eigen::MatrixXd> param, const Eigen::MatrixXd& g, const char* name) {
    for (long j = 0; j < param.size(); ++j) {
      double* entry = param.data() + j;
      const double saved = *entry;
      *entry = saved + kH;
      const Reference plus = RefForward(net, x);
      const double l_plus = 0.5 * (plus.out - y).squaredNorm();
      *entry = saved - kH;
      const Reference minus = RefForward(net, x);
      const double l_minus = 0.5 * (minus.out - y).squaredNorm();
      *entry = saved;
      if (pattern(plus) != base_pattern || pattern(minus) != base_pattern) {
        ++skipped;
        continue;
      }
      ++checked;
      EXPECT_NEAR((l_plus - l_minus) / (2 * kH), g.data()[j], tol) << name << "[" << j << "]";
    }
  };
  ResNet3::Params& p = net.mutable_params();
  check(p.w, grad.w, "W");
  check(p.b1, grad.b1, "b1");
  check(p.v, grad.v, "V/U");
  check(p.b2, grad.b2, "b2");
  // A kink within ±1e−5 of one of the n·2m preactivations is rare: nearly all are checked.
  EXPECT_GE(checked, 0.95 * (checked + skipped));
}

TEST_P(ResNet3Both, RowsAndScaleMatchTheGatheredBatch) {
  const ResNet3 net = SmallNet(GetParam(), 8);
  const Eigen::MatrixXd x = Inputs(9, 20, 5);
  Eigen::MatrixXd y(20, 3);
  Rng rng(10);
  FillNormal(rng, y);
  const std::vector<int> rows = {3, 17, 3, 0, 9};
  Eigen::MatrixXd xb(5, 5), yb(5, 3);
  for (int i = 0; i < 5; ++i) {
    xb.row(i) = x.row(rows[i]);
    yb.row(i) = y.row(rows[i]);
  }
  ResNet3::Gradient g_rows, g_batch;
  const double l_rows = net.LossAndGradientOnRows(x, y, rows, 0.2, &g_rows);
  const double l_batch = net.LossAndGradient(xb, yb, &g_batch);
  EXPECT_EQ(l_rows, l_batch);  // identical operations on identical data
  // Scaling the residual by 0.2 before backprop vs after: one extra rounding per entry.
  EXPECT_LE((g_rows.w - 0.2 * g_batch.w).cwiseAbs().maxCoeff(),
            4 * kEps * g_batch.w.cwiseAbs().maxCoeff());
  EXPECT_LE((g_rows.v - 0.2 * g_batch.v).cwiseAbs().maxCoeff(),
            4 * kEps * g_batch.v.cwiseAbs().maxCoeff());
}

// Flattened ∇_{W,V} out_a(x) from Backprop with R = e_a on the single row x.
Eigen::VectorXd JacobianRow(const ResNet3& net, const Eigen::MatrixXd& x_row, int a) {
  Eigen::MatrixXd r = Eigen::MatrixXd::Zero(1, net.k());
  r(0, a) = 1.0;
  ResNet3::Gradient g;
  net.Backprop(x_row, r, &g);
  Eigen::VectorXd flat(g.w.size() + g.v.size());
  flat << g.w.reshaped(), g.v.reshaped();
  return flat;
}

TEST_P(ResNet3Both, NtkMatchesExplicitJacobian) {
  const int d = 5, m = 7, k = 3, n1 = 6, n2 = 4;
  const ResNet3 net = SmallNet(GetParam(), 11, d, m, k);
  const Eigen::MatrixXd x1 = Inputs(12, n1, d);
  const Eigen::MatrixXd x2 = Inputs(13, n2, d);
  const auto per_output = ResNet3EmpiricalNtk(net, x1, x2, NtkOutputs::kPerOutput);
  const auto mean = ResNet3EmpiricalNtk(net, x1, x2, NtkOutputs::kMean);
  const auto sym = ResNet3EmpiricalNtk(net, x1, x1, NtkOutputs::kPerOutput);
  const Eigen::MatrixXd x1_copy = x1;  // a different object: the non-symmetric path
  const auto sym_ref = ResNet3EmpiricalNtk(net, x1, x1_copy, NtkOutputs::kPerOutput);
  ASSERT_EQ(per_output.size(), 3u);
  ASSERT_EQ(mean.size(), 1u);
  // Higham's γ_N bound for a dot product, N = m(d + k) + 2m terms (the Jacobian's own entries
  // are sums of ≤ 2m terms): |δ| ≤ 2·N·ε·‖∇out_a(x)‖‖∇out_a(x')‖ (Cauchy–Schwarz on Σ|u_j v_j|).
  const double n_terms = m * (d + k) + 2.0 * m;
  Eigen::MatrixXd mean_want = Eigen::MatrixXd::Zero(n1, n2);
  Eigen::MatrixXd mean_tol = Eigen::MatrixXd::Zero(n1, n2);  // (1/k)Σ_a of the per-output bounds
  for (int a = 0; a < k; ++a) {
    for (int i = 0; i < n1; ++i) {
      const Eigen::VectorXd u = JacobianRow(net, x1.row(i), a);
      for (int j = 0; j < n2; ++j) {
        const Eigen::VectorXd v = JacobianRow(net, x2.row(j), a);
        const double tol = 2.0 * n_terms * kEps * u.norm() * v.norm();
        EXPECT_NEAR(per_output[a](i, j), u.dot(v), tol) << "output " << a;
        mean_want(i, j) += u.dot(v) / k;
        mean_tol(i, j) += tol / k;
      }
      for (int j = 0; j < n1; ++j) {
        const Eigen::VectorXd w = JacobianRow(net, x1.row(j), a);
        const double tol = 2.0 * n_terms * kEps * u.norm() * w.norm();
        EXPECT_NEAR(sym[a](i, j), u.dot(w), tol);
        EXPECT_NEAR(sym_ref[a](i, j), u.dot(w), tol);
      }
    }
    EXPECT_EQ(sym[a], sym[a].transpose());  // the symmetric path mirrors exactly
  }
  // The mean adds k roundings of the running sum on top of the per-output bounds.
  EXPECT_TRUE(((mean[0] - mean_want).cwiseAbs().array() <=
               mean_tol.array() + k * kEps * mean_want.cwiseAbs().array())
                  .all())
      << (mean[0] - mean_want);
}

TEST(ResNet3, OptionsValidation) {
  std::string error;
  ResNet3Options o;
  EXPECT_TRUE(o.IsValid(&error)) << error;
  o.v_scale = 0.0;
  o.b2_scale = 0.0;  // every block-2 preactivation is 0, where σ' = 0: V can never train
  EXPECT_FALSE(o.IsValid(&error));
  EXPECT_NE(error.find("never train"), std::string::npos) << error;
  o.b2_scale = -1.0;
  EXPECT_FALSE(o.IsValid(&error));
  o = ResNet3Options();
  o.m = 0;
  EXPECT_FALSE(o.IsValid(&error));
}

// ---- Training ----

struct TrainData {
  Eigen::MatrixXd x, y;
};
// The paper's instance shrunk: d = 8, k = 4, G of degree 4 (group = 2).
TrainData SmallParityData(uint64_t seed, int n) {
  ParityHierarchy c;
  c.d = 8;
  c.k = 4;
  c.group = 2;
  Rng rng(seed);
  HierarchicalSample s = SampleParityHierarchy(rng, c, n);
  return {std::move(s.x), std::move(s.y)};
}

ResNet3 SmallTrainNet(uint64_t seed) {
  ResNet3Options o;
  o.d = 8;
  o.m = 32;
  o.k = 4;
  o.v_scale = 0.5;
  Rng rng(seed);
  return ResNet3::Init(o, rng);
}

TEST(TrainResNet3, LossFallsAndRunsAreReproducible) {
  const TrainData data = SmallParityData(20, 256);
  ResNet3TrainOptions t;
  t.epochs = 80;
  t.batch_size = 32;
  t.lr = 1.0;
  t.second_lr_scale = 0.1;
  t.decay_epochs = {60};
  ResNet3 net = SmallTrainNet(21), twin = SmallTrainNet(21);
  Rng rng(22), rng2(22);
  int calls = 0;
  const ResNet3TrainResult r = TrainResNet3(
      &net, data.x, data.y, t, rng, [&](int epoch, const ResNet3&) { EXPECT_EQ(epoch, calls++); });
  const ResNet3TrainResult r2 = TrainResNet3(&twin, data.x, data.y, t, rng2);
  ASSERT_FALSE(r.diverged);
  EXPECT_EQ(r.epochs_run, 80);
  EXPECT_EQ(calls, 80);
  ASSERT_EQ(r.epoch_loss.size(), 80u);
  // The base F (variance 1 per output) is easy: the loss must fall well below its start. The
  // factor 10 is loose on purpose (pilot: first ≈ 3.24, last ≈ 0.092 per sample, a factor 35).
  EXPECT_LT(r.epoch_loss.back(), r.epoch_loss.front() / 10) << r.epoch_loss.front();
  // Same seeds, same operations: bitwise identical parameters.
  EXPECT_EQ(net.params().w, twin.params().w);
  EXPECT_EQ(net.params().v, twin.params().v);
  EXPECT_EQ(r.epoch_loss, r2.epoch_loss);
}

TEST(TrainResNet3, OneFullBatchStepIsTheMomentumSgdFormula) {
  // One epoch, one batch of all n rows: v = g at the first step (PyTorch), so
  // θ' = θ − η(ḡ + λθ) with ḡ the batch-mean gradient; block 2 uses η·second_lr_scale.
  const int n = 10;
  const TrainData data = SmallParityData(23, n);
  ResNet3 net = SmallTrainNet(24);
  const ResNet3 before = net;
  ResNet3::Gradient g;
  before.LossAndGradient(data.x, data.y, &g);
  ResNet3TrainOptions t;
  t.epochs = 1;
  t.batch_size = n;
  t.lr = 0.3;
  t.weight_decay = 0.01;
  t.second_lr_scale = 0.5;
  Rng rng(25);
  ASSERT_FALSE(TrainResNet3(&net, data.x, data.y, t, rng).diverged);
  const ResNet3::Params& p = before.params();
  const Eigen::MatrixXd w_want = p.w - 0.3 * (g.w / n + 0.01 * p.w);
  const Eigen::MatrixXd v_want = p.v - 0.15 * (g.v / n + 0.01 * p.v);
  const Eigen::VectorXd b2_want = p.b2 - 0.15 * (g.b2 / n + 0.01 * p.b2);
  // The trainer sums the n rows in permuted order and scales the residual by 1/n first: the
  // gradients differ by ≤ 2n·ε·Σ|terms| ≈ 1e−14 for O(1) terms; η ≤ 0.3 shrinks that further.
  constexpr double kTol = 1e-13;
  EXPECT_LE((net.params().w - w_want).cwiseAbs().maxCoeff(), kTol);
  EXPECT_LE((net.params().v - v_want).cwiseAbs().maxCoeff(), kTol);
  EXPECT_LE((net.params().b2 - b2_want).cwiseAbs().maxCoeff(), kTol);
}

TEST(TrainResNet3, FrozenSecondBlockAndStepDecay) {
  const TrainData data = SmallParityData(26, 64);
  ResNet3TrainOptions t;
  t.epochs = 3;
  t.batch_size = 16;
  t.lr = 0.5;
  t.second_lr_scale = 0.0;  // block 2 frozen
  ResNet3 net = SmallTrainNet(27);
  const ResNet3 before = net;
  Rng rng(28);
  TrainResNet3(&net, data.x, data.y, t, rng);
  EXPECT_EQ(net.params().v, before.params().v);
  EXPECT_EQ(net.params().b2, before.params().b2);
  EXPECT_NE(net.params().w, before.params().w);
  // Decaying ÷10 at epoch 0 is the same run as starting at η/10 (the same double, 0.5/10).
  t.second_lr_scale = 0.2;
  t.decay_epochs = {0};
  ResNet3 decayed = SmallTrainNet(27), plain = SmallTrainNet(27);
  Rng r1(29), r2(29);
  TrainResNet3(&decayed, data.x, data.y, t, r1);
  t.decay_epochs.clear();
  t.lr = 0.5 / 10.0;
  TrainResNet3(&plain, data.x, data.y, t, r2);
  EXPECT_EQ(decayed.params().w, plain.params().w);
  EXPECT_EQ(decayed.params().v, plain.params().v);
}

// Screening restarts relies on this: a run split in pieces (across the decay epoch, with block 2
// trained and momentum carried) is the same run, byte for byte, and stops at options.epochs.
TEST(ResNet3Trainer, RunInPiecesEqualsOneRun) {
  const TrainData data = SmallParityData(33, 128);
  ResNet3TrainOptions t;
  t.epochs = 12;
  t.batch_size = 24;  // 128 = 5·24 + 8: a short last batch
  t.lr = 1.0;
  t.second_lr_scale = 0.3;
  t.weight_decay = 1e-3;
  t.decay_epochs = {5};
  ResNet3 whole = SmallTrainNet(34);
  Rng rng(35);
  const ResNet3TrainResult r = TrainResNet3(&whole, data.x, data.y, t, rng);
  ResNet3Trainer pieces(SmallTrainNet(34), t, Rng(35));
  EXPECT_EQ(pieces.Run(data.x, data.y, 4).epochs_run, 4);
  EXPECT_EQ(pieces.Run(data.x, data.y, 0).epochs_run, 4);
  EXPECT_EQ(pieces.Run(data.x, data.y, 100).epochs_run, 12);  // capped at options.epochs
  EXPECT_EQ(pieces.result().epoch_loss, r.epoch_loss);
  EXPECT_EQ(pieces.net().params().w, whole.params().w);
  EXPECT_EQ(pieces.net().params().v, whole.params().v);
  EXPECT_EQ(pieces.net().params().b2, whole.params().b2);
  Rng after_pieces = pieces.rng();  // the caller's stream continues alike
  EXPECT_EQ(after_pieces.NextU64(), rng.NextU64());
}

TEST(TrainResNet3, DivergenceIsReportedNotHidden) {
  const TrainData data = SmallParityData(30, 64);
  ResNet3TrainOptions t;
  t.epochs = 50;
  t.batch_size = 16;
  t.lr = 1e8;  // far past any stable step
  ResNet3 net = SmallTrainNet(31);
  Rng rng(32);
  const ResNet3TrainResult r = TrainResNet3(&net, data.x, data.y, t, rng);
  EXPECT_TRUE(r.diverged);
  EXPECT_LT(r.epochs_run, 50);
}

TEST(TrainResNet3, OptionsValidation) {
  std::string error;
  ResNet3TrainOptions t;
  EXPECT_TRUE(t.IsValid(&error)) << error;
  t.momentum = 1.0;
  EXPECT_FALSE(t.IsValid(&error));
  t = ResNet3TrainOptions();
  t.second_lr_scale = -0.1;
  EXPECT_FALSE(t.IsValid(&error));
  t = ResNet3TrainOptions();
  t.decay_epochs = {-1};
  EXPECT_FALSE(t.IsValid(&error));
}

}  // namespace
}  // namespace thmcheck
