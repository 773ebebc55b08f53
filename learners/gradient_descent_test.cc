// Tests for plain gradient descent: each stopping rule ends a run where it should (stationary on
// a quadratic after the predicted number of steps, leaving a ball at the power-iteration count,
// capped, diverged), a run from a stationary point takes no step, and `monotone` tells a step
// below 2/L from one above it. Legend: η step, λ eigenvalue.
#include "learners/gradient_descent.h"

#include <cmath>

#include <gtest/gtest.h>

namespace thmcheck {
namespace {

// f(z) = ½ Σ λᵢ zᵢ², ∇f = λ ⊙ z.
struct Diagonal {
  Eigen::VectorXd lambda;
  double Value(const Eigen::VectorXd& z) const {
    return 0.5 * (lambda.array() * z.array().square()).sum();
  }
  void Gradient(const Eigen::VectorXd& z, Eigen::VectorXd* g) const { *g = lambda.cwiseProduct(z); }
};

GradientDescentRun Descend(const Diagonal& f, const Eigen::VectorXd& z0,
                           const GradientDescentOptions& o) {
  return RunGradientDescent([&](const Eigen::VectorXd& z) { return f.Value(z); },
                            [&](const Eigen::VectorXd& z, Eigen::VectorXd* g) { f.Gradient(z, g); },
                            z0, o);
}

TEST(GradientDescent, StopsAtAStationaryPointAfterThePredictedSteps) {
  // λ = 1, η = 0.5: ‖∇f(z_t)‖ = 0.5^t, first ≤ 1e-6 at t = ⌈6 log 10 / log 2⌉ = 20.
  const Diagonal f{Eigen::VectorXd::Ones(1)};
  GradientDescentOptions o{.eta = 0.5, .grad_tol = 1e-6, .max_steps = 1000, .divergence_norm = 1e6};
  const GradientDescentRun run = Descend(f, Eigen::VectorXd::Ones(1), o);
  EXPECT_EQ(run.stop, GdStop::kStationary);
  EXPECT_EQ(run.steps, 20);
  EXPECT_TRUE(run.monotone);
  EXPECT_EQ(Descend(f, Eigen::VectorXd::Zero(1), o).steps, 0);  // already stationary
}

TEST(GradientDescent, LeavesTheBallAtThePowerIterationCount) {
  // λ = −0.5, η = 0.2: |z_t| = ε·1.1^t reaches δ at t = ⌈log(δ/ε)/log 1.1⌉.
  const Diagonal f{Eigen::VectorXd::Constant(1, -0.5)};
  const double eps = 1e-8, delta = 0.1;
  GradientDescentOptions o{
      .eta = 0.2, .leave_radius = delta, .max_steps = 100000, .divergence_norm = 1e6};
  const GradientDescentRun run = Descend(f, Eigen::VectorXd::Constant(1, eps), o);
  EXPECT_EQ(run.stop, GdStop::kLeft);
  EXPECT_EQ(run.steps, static_cast<int64_t>(std::ceil(std::log(delta / eps) / std::log(1.1))));
}

TEST(GradientDescent, CapsAndDivergesAsDeclared) {
  const Diagonal f{Eigen::VectorXd::Ones(2)};
  GradientDescentOptions o{.eta = 0.01, .grad_tol = 1e-12, .max_steps = 7, .divergence_norm = 1e6};
  const GradientDescentRun capped = Descend(f, Eigen::VectorXd::Ones(2), o);
  EXPECT_EQ(capped.stop, GdStop::kCapped);
  EXPECT_EQ(capped.steps, 7);
  // η = 2.5 > 2/λ: |z| grows by 1.5 per step and f rises, past 1e6 within 40 steps.
  o.eta = 2.5;
  o.max_steps = 1000;
  const GradientDescentRun diverged = Descend(f, Eigen::VectorXd::Ones(2), o);
  EXPECT_EQ(diverged.stop, GdStop::kDiverged);
  EXPECT_FALSE(diverged.monotone);
  EXPECT_GT(diverged.z.norm(), 1e6);
}

}  // namespace
}  // namespace thmcheck
