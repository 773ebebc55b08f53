// Tests for the three-layer ResNet: a hand-computed net, the batched forward against a plain
// reference formula, gradients against central finite differences, and the empirical NTK against
// an explicit Jacobian. Training: resnet3_train_test.cc.
// Legend: n samples, d input dim, m width, k outputs, h finite-difference step, ε machine epsilon.
#include "learners/resnet3.h"

#include <cmath>
#include <limits>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "concepts/boolean_cube.h"

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

}  // namespace
}  // namespace thmcheck
