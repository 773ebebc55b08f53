// Tests for Permutation (a permutation, deterministic, uniform over all n! orders, with a biased
// shuffle as the control arm) and MomentumSgd (a hand-computed PyTorch trace, slots, set_lr,
// option validation). Legend: n items, N Monte-Carlo draws, η = lr, μ = momentum, λ = weight decay.
#include "learners/sgd.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>
#include <map>
#include <numeric>
#include <string>
#include <vector>

#include <gtest/gtest.h>

namespace thmcheck {
namespace {

constexpr double kEps = std::numeric_limits<double>::epsilon();

TEST(Permutation, IsAPermutationAndDeterministic) {
  for (int n : {0, 1, 2, 17, 1000}) {
    Rng rng(n), again(n);
    std::vector<int> p = Permutation(rng, n);
    EXPECT_EQ(p, Permutation(again, n));
    std::sort(p.begin(), p.end());
    std::vector<int> want(n);
    std::iota(want.begin(), want.end(), 0);
    EXPECT_EQ(p, want) << n;
  }
}

// Largest |z| over the n! = 6 orders of {0, 1, 2}: count ~ Binomial(N, 1/6), z = (count − N/6)/σ,
// σ = √(N·(1/6)(5/6)).
template <class Shuffle>
double WorstOrderZ(Shuffle shuffle, int N) {
  std::map<std::vector<int>, int> counts;
  for (int k = 0; k < N; ++k) ++counts[shuffle()];
  const double p = 1.0 / 6.0, sd = std::sqrt(N * p * (1 - p));
  double worst = counts.size() == 6 ? 0.0 : std::numeric_limits<double>::infinity();
  for (const auto& [order, count] : counts) worst = std::max(worst, std::abs(count - N * p) / sd);
  return worst;
}

TEST(Permutation, UniformOverAllOrders) {
  // z = 5 per cell (two-sided false alarm 5.7e-7; ×6 cells ≤ 3.5e-6 by Bonferroni).
  const double kZ = 5.0;
  const int N = 60000;
  Rng rng(41);
  const double z = WorstOrderZ([&] { return Permutation(rng, 3); }, N);
  // Control arm: the classic biased shuffle (swap i with a uniform j over all n positions) puts
  // 5/27 or 4/27 instead of 1/6 on the orders: the same check must reject it.
  Rng rng2(42);
  const double z_biased = WorstOrderZ(
      [&] {
        std::vector<int> p = {0, 1, 2};
        for (int i = 0; i < 3; ++i) std::swap(p[i], p[rng2.Below(3)]);
        return p;
      },
      N);
  std::printf("Permutation(3) over %d draws: worst |z| = %.2f (bound %.0f); biased control %.1f\n",
              N, z, kZ, z_biased);
  EXPECT_TRUE(z <= kZ);
  EXPECT_TRUE(z_biased > kZ);
}

TEST(MomentumSgd, MatchesHandComputedPyTorchTrace) {
  // torch.optim.SGD(lr=0.1, momentum=0.9, weight_decay=0.1), p₀ = 1, grad ≡ 1, by hand in decimal:
  //   g₁ = 1.1,     v₁ = 1.1 (= g₁ at the first step),    p₁ = 0.89
  //   g₂ = 1.089,   v₂ = 0.99 + 1.089 = 2.079,            p₂ = 0.6821
  //   g₃ = 1.06821, v₃ = 1.8711 + 1.06821 = 2.93931,      p₃ = 0.388169
  // Each step adds ≤ 6 roundings of quantities ≤ 3: kTolerance = 3 steps·6·ε·3.
  const double kTolerance = 3 * 6 * kEps * 3;
  MomentumSgd sgd({.lr = 0.1, .momentum = 0.9, .weight_decay = 0.1});
  Eigen::MatrixXd p = Eigen::MatrixXd::Ones(2, 2);
  const Eigen::MatrixXd grad = Eigen::MatrixXd::Ones(2, 2);
  for (double want : {0.89, 0.6821, 0.388169}) {
    sgd.Update(0, p, grad);
    EXPECT_TRUE((p.array() - want).abs().maxCoeff() <= kTolerance) << p(0, 0) << " vs " << want;
  }
  // Without momentum: p ← p − η(g + λp) = 1 − 0.1·1.1 = 0.89, no velocity kept.
  MomentumSgd plain({.lr = 0.1, .weight_decay = 0.1});
  Eigen::VectorXd v = Eigen::VectorXd::Ones(3);  // a vector binds as one column
  plain.Update(5, v, Eigen::VectorXd::Ones(3));
  plain.Update(5, v, Eigen::VectorXd::Ones(3));  // 0.89 − 0.1·(1 + 0.089) = 0.7811
  EXPECT_TRUE((v.array() - 0.7811).abs().maxCoeff() <= kTolerance) << v.transpose();
}

// A dead unit's velocity decays geometrically under a zero gradient; setting it to 0 once it is
// below the smallest normal double must leave every parameter exactly as the textbook recursion
// (which goes on multiplying subnormals) leaves it, whatever gradient comes afterwards.
TEST(MomentumSgd, SubnormalVelocityIsDroppedWithoutChangingParameters) {
  MomentumSgd sgd({.lr = 0.1, .momentum = 0.5});
  Eigen::VectorXd p(2);
  p << 1.0, 3.0;
  double ref_v[2] = {0, 0}, ref_p[2] = {1.0, 3.0};
  for (int step = 0; step < 1200; ++step) {  // 0.5^1075 underflows to 0: past the subnormals
    const double g = step == 0 || step == 1150 ? 1.0 : 0.0;
    sgd.Update(0, p, Eigen::VectorXd::Constant(2, g));
    for (int i = 0; i < 2; ++i) {
      ref_v[i] = step == 0 ? g : 0.5 * ref_v[i] + g;
      ref_p[i] -= 0.1 * ref_v[i];
    }
    ASSERT_EQ(p(0), ref_p[0]) << "step " << step;
    ASSERT_EQ(p(1), ref_p[1]) << "step " << step;
  }
}

TEST(MomentumSgd, SlotsAreIndependentAndSetLrKeepsVelocity) {
  MomentumSgd sgd({.lr = 1.0, .momentum = 0.5});
  Eigen::MatrixXd a = Eigen::MatrixXd::Zero(2, 3);
  Eigen::VectorXd b = Eigen::VectorXd::Zero(4);
  sgd.Update(0, a, Eigen::MatrixXd::Ones(2, 3));   // v_a = 1, a = −1
  sgd.Update(1, b, Eigen::VectorXd::Ones(4) * 2);  // v_b = 2, b = −2
  sgd.set_lr(0.5);
  EXPECT_EQ(sgd.lr(), 0.5);
  sgd.Update(0, a, Eigen::MatrixXd::Zero(2, 3));  // v_a = 0.5, a = −1.25 (exact in binary)
  EXPECT_TRUE((a.array() == -1.25).all()) << a;
  EXPECT_TRUE((b.array() == -2.0).all()) << b.transpose();
}

TEST(SgdOptions, ValidationNamesTheBadInput) {
  std::string error;
  EXPECT_TRUE((SgdOptions{.lr = 0.1, .momentum = 0.9, .weight_decay = 5e-4}.IsValid(&error)))
      << error;
  EXPECT_FALSE((SgdOptions{.lr = 0.0}.IsValid(&error)));
  EXPECT_NE(error.find("lr"), std::string::npos);
  EXPECT_FALSE((SgdOptions{.lr = std::nan("")}.IsValid(&error)));
  EXPECT_FALSE((SgdOptions{.lr = 0.1, .momentum = 1.0}.IsValid(&error)));
  EXPECT_NE(error.find("momentum"), std::string::npos);
  EXPECT_FALSE((SgdOptions{.lr = 0.1, .weight_decay = -1.0}.IsValid(&error)));
  EXPECT_NE(error.find("weight_decay"), std::string::npos);
}

TEST(MomentumSgdDeathTest, SlotShapeMustNotChange) {
  MomentumSgd sgd({.lr = 0.1, .momentum = 0.9});
  Eigen::MatrixXd a = Eigen::MatrixXd::Zero(2, 2), b = Eigen::MatrixXd::Zero(3, 2);
  sgd.Update(0, a, a);
  EXPECT_DEATH(sgd.Update(0, b, b), "slot 0 was 2x2");
}

}  // namespace
}  // namespace thmcheck
