// Tests for the diagonal linear network β = u ⊙ v and its two optimizers: one SGD step and one GD
// step against the gradient formulas written out by hand, the decay schedule's switch, the
// simultaneous update of u and v, determinism of the sample order, and divergence reported at a
// step far above stability. Legend: n samples, d dimension, γ step, ρ residual.
#include "learners/diagonal_net.h"

#include <cmath>

#include <gtest/gtest.h>

namespace thmcheck {
namespace {

struct Problem {
  Eigen::MatrixXd X;
  Eigen::VectorXd y;
};

Problem SmallProblem(int n, int d) {
  Rng rng(5);
  Problem p{Eigen::MatrixXd(n, d), Eigen::VectorXd(n)};
  FillNormal(rng, p.X);
  FillNormal(rng, p.y);
  return p;
}

DiagonalTrainOptions Steps(int64_t steps) {
  return {.steps = steps, .divergence_loss = 1e300, .check_every = 1};
}

TEST(DiagonalNet, InitIsAlphaOnesAndZeros) {
  const DiagonalNet net = DiagonalNetInit(4, 0.1);
  EXPECT_EQ(net.u, Eigen::VectorXd::Constant(4, 0.1));
  EXPECT_EQ(net.v, Eigen::VectorXd::Zero(4));
  EXPECT_EQ(net.Beta(), Eigen::VectorXd::Zero(4));
}

TEST(DiagonalNet, StepDecayDividesAfterTheGivenStep) {
  const StepDecay s{.gamma = 0.3, .decay_at = 10, .factor = 1.5};
  EXPECT_EQ(s.GammaAt(0), 0.3);
  EXPECT_EQ(s.GammaAt(10), 0.3);
  EXPECT_EQ(s.GammaAt(11), 0.3 / 1.5);
  EXPECT_EQ(StepDecay{.gamma = 0.3}.GammaAt(1000000), 0.3);
}

// One SGD step from a random (u, v): the sample is the first index the same seed draws, and both
// gradients use the old u and v.
TEST(DiagonalNet, OneSgdStepIsTheHandWrittenGradientStep) {
  const Problem p = SmallProblem(6, 4);
  Rng init(9);
  DiagonalNet net{Eigen::VectorXd(4), Eigen::VectorXd(4)};
  FillNormal(init, net.u);
  FillNormal(init, net.v);
  const DiagonalNet before = net;
  Rng order(3);
  ASSERT_FALSE(TrainDiagonalSgd(&net, p.X, p.y, {.gamma = 0.05}, Steps(1), order).diverged);
  Rng same(3);
  const int i = static_cast<int>(same.Below(6));
  double rho = -p.y(i);
  for (int j = 0; j < 4; ++j) rho += p.X(i, j) * before.u(j) * before.v(j);
  for (int j = 0; j < 4; ++j) {
    EXPECT_NEAR(net.u(j), before.u(j) - 0.05 * rho * p.X(i, j) * before.v(j), 1e-15) << j;
    EXPECT_NEAR(net.v(j), before.v(j) - 0.05 * rho * p.X(i, j) * before.u(j), 1e-15) << j;
  }
}

TEST(DiagonalNet, OneGdStepIsTheMeanGradientStep) {
  const Problem p = SmallProblem(6, 4);
  DiagonalNet net = DiagonalNetInit(4, 0.7);
  net.v << 0.1, -0.2, 0.3, 0.05;
  const DiagonalNet before = net;
  ASSERT_FALSE(TrainDiagonalGd(&net, p.X, p.y, {.gamma = 0.02}, Steps(1)).diverged);
  const Eigen::VectorXd g = p.X.transpose() * (p.X * before.Beta() - p.y) / 6.0;
  for (int j = 0; j < 4; ++j) {
    EXPECT_NEAR(net.u(j), before.u(j) - 0.02 * g(j) * before.v(j), 1e-14) << j;
    EXPECT_NEAR(net.v(j), before.v(j) - 0.02 * g(j) * before.u(j), 1e-14) << j;
  }
}

TEST(DiagonalNet, SgdIsDeterministicGivenTheSeedAndLowersTheLoss) {
  const Problem p = SmallProblem(20, 8);
  const Eigen::VectorXd y = p.X * Eigen::VectorXd::LinSpaced(8, 0.1, 0.8);  // realizable
  DiagonalNet a = DiagonalNetInit(8, 0.1), b = a;
  Rng ra(11), rb(11);
  TrainDiagonalSgd(&a, p.X, y, {.gamma = 0.01}, Steps(5000), ra);
  TrainDiagonalSgd(&b, p.X, y, {.gamma = 0.01}, Steps(5000), rb);
  EXPECT_EQ(a.u, b.u);
  EXPECT_EQ(a.v, b.v);
  EXPECT_LT(DiagonalTrainLoss(a, p.X, y),
            1e-3 * DiagonalTrainLoss(DiagonalNetInit(8, 0.1), p.X, y));
}

TEST(DiagonalNet, AStepFarAboveStabilityIsReportedAsDiverged) {
  const Problem p = SmallProblem(20, 8);
  DiagonalNet net = DiagonalNetInit(8, 1.0);
  Rng order(1);
  const DiagonalTrainResult r =
      TrainDiagonalSgd(&net, p.X, p.y, {.gamma = 50.0},
                       {.steps = 100000, .divergence_loss = 1e8, .check_every = 100}, order);
  EXPECT_TRUE(r.diverged);
  EXPECT_FALSE(r.reached);
  EXPECT_LT(r.steps, 100000);
}

// With stop_loss set, SGD and GD stop at the first check whose loss is ≤ stop_loss: the run one
// check shorter is still above it, and the reported loss is the net's.
TEST(DiagonalNet, BothOptimizersStopAtTheFirstCheckBelowTheStopLoss) {
  const Problem p = SmallProblem(20, 8);
  const Eigen::VectorXd y = p.X * Eigen::VectorXd::LinSpaced(8, 0.1, 0.8);
  const double stop = 1e-3 * DiagonalTrainLoss(DiagonalNetInit(8, 0.1), p.X, y);
  const DiagonalTrainOptions options{
      .steps = 1000000, .divergence_loss = 1e8, .check_every = 10, .stop_loss = stop};
  for (const bool sgd : {true, false}) {
    auto train = [&](DiagonalNet* net, const DiagonalTrainOptions& o) {
      Rng order(4);
      return sgd ? TrainDiagonalSgd(net, p.X, y, {.gamma = 0.01}, o, order)
                 : TrainDiagonalGd(net, p.X, y, {.gamma = 0.1}, o);
    };
    DiagonalNet net = DiagonalNetInit(8, 0.1);
    const DiagonalTrainResult r = train(&net, options);
    ASSERT_TRUE(r.reached) << sgd;
    EXPECT_FALSE(r.diverged);
    EXPECT_EQ(r.steps % 10, 0) << r.steps;
    EXPECT_LT(r.steps, options.steps);
    EXPECT_EQ(r.loss, DiagonalTrainLoss(net, p.X, y));
    EXPECT_LE(r.loss, stop);
    DiagonalNet shorter = DiagonalNetInit(8, 0.1);
    DiagonalTrainOptions one_check_less = options;
    one_check_less.steps = r.steps - 10;
    const DiagonalTrainResult before = train(&shorter, one_check_less);
    EXPECT_FALSE(before.reached) << sgd;
    EXPECT_GT(before.loss, stop);
  }
}

}  // namespace
}  // namespace thmcheck
