// Tests for GD on a quadratic loss under a step schedule: the closed form (1 − ηλ_k)ᵗ per
// eigen-component, the stopping rule (the first step with L̂ ≤ ε), the switch from η_L to η_S at
// T₁, divergence above 2/λ_max, the cap and a requested stop. Legend: H Hessian, e residual, η
// step.
#include "learners/quadratic_gd.h"

#include <cmath>

#include <gtest/gtest.h>

namespace thmcheck {
namespace {

Eigen::MatrixXd Diagonal(double a, double b) {
  Eigen::MatrixXd H = Eigen::MatrixXd::Zero(2, 2);
  H(0, 0) = a;
  H(1, 1) = b;
  return H;
}

// Far from any stopping loss or cap: only `stop_at` ends the run.
GdRunOptions StopAt(int64_t t) {
  return {.eps = 1e-300, .max_steps = 1000000, .divergence_factor = 1e300, .stop_at = t};
}

TEST(QuadraticGd, EachEigenComponentFollowsTheClosedForm) {
  const Eigen::MatrixXd H = Diagonal(1.0, 0.01);
  const Eigen::VectorXd e0 = Eigen::Vector2d(0.7, -1.3);
  const StepSchedule schedule{.eta_small = 0.1, .eta_large = 1.9, .large_steps = 7};
  const GdRun run = RunQuadraticGd(H, e0, schedule, StopAt(20));
  EXPECT_EQ(run.end, GdEnd::kStopped);
  EXPECT_EQ(run.steps, 20);
  for (int k = 0; k < 2; ++k) {
    // 7 steps at η_L, then 13 at η_S.
    const double expected =
        std::pow(1 - 1.9 * H(k, k), 7) * std::pow(1 - 0.1 * H(k, k), 13) * e0(k);
    EXPECT_NEAR(run.residual(k), expected, 1e-14 * std::abs(e0(k))) << k;
  }
  EXPECT_DOUBLE_EQ(run.train_loss, QuadraticLoss(H, run.residual));
}

TEST(QuadraticGd, StopsAtTheFirstStepWithLossAtMostEps) {
  const Eigen::MatrixXd H = Diagonal(1.0, 0.1);
  const Eigen::VectorXd e0 = Eigen::Vector2d(1.0, 1.0);
  const StepSchedule schedule{.eta_small = 0.2};
  const GdRunOptions options{.eps = 1e-4, .max_steps = 100000, .divergence_factor = 1e8};
  const GdRun run = RunQuadraticGd(H, e0, schedule, options);
  ASSERT_EQ(run.end, GdEnd::kReached);
  EXPECT_LE(run.train_loss, 1e-4);
  const GdRun before = RunQuadraticGd(H, e0, schedule, StopAt(run.steps - 1));
  EXPECT_GT(before.train_loss, 1e-4);
  // Already at ε: no step is taken.
  const GdRun none = RunQuadraticGd(H, Eigen::Vector2d(1e-3, 0), schedule, options);
  EXPECT_EQ(none.end, GdEnd::kReached);
  EXPECT_EQ(none.steps, 0);
}

TEST(QuadraticGd, AStepAboveTwoOverLambdaMaxDivergesAndOneBelowConverges) {
  const Eigen::MatrixXd H = Diagonal(1.0, 0.5);
  const Eigen::VectorXd e0 = Eigen::Vector2d(1.0, 1.0);
  const GdRunOptions options{.eps = 1e-8, .max_steps = 100000, .divergence_factor = 1e8};
  const GdRun above = RunQuadraticGd(H, e0, {.eta_small = 2.05}, options);
  EXPECT_EQ(above.end, GdEnd::kDiverged);
  EXPECT_GT(above.train_loss, 1e8 * QuadraticLoss(H, e0));
  const GdRun below = RunQuadraticGd(H, e0, {.eta_small = 1.95}, options);
  EXPECT_EQ(below.end, GdEnd::kReached);
}

TEST(QuadraticGd, TheCapLeavesARunUnfinished) {
  const Eigen::MatrixXd H = Diagonal(1.0, 1e-3);
  const GdRunOptions options{.eps = 1e-10, .max_steps = 50, .divergence_factor = 1e8};
  const GdRun run = RunQuadraticGd(H, Eigen::Vector2d(1.0, 1.0), {.eta_small = 0.5}, options);
  EXPECT_EQ(run.end, GdEnd::kCapped);
  EXPECT_EQ(run.steps, 50);
  EXPECT_GT(run.train_loss, 1e-10);
}

}  // namespace
}  // namespace thmcheck
