// Gradient descent with stopping rules; see gradient_descent.h.
#include "learners/gradient_descent.h"

#include <cmath>

#include "harness/contract.h"

namespace thmcheck {

const char* GdStopName(GdStop s) {
  switch (s) {
    case GdStop::kStationary:
      return "stationary";
    case GdStop::kLeft:
      return "left";
    case GdStop::kCapped:
      return "capped";
    case GdStop::kDiverged:
      return "diverged";
  }
  return "?";
}

GradientDescentRun RunGradientDescent(const ValueFunction& f, const GradientFunction& grad,
                                      const Eigen::VectorXd& z0,
                                      const GradientDescentOptions& options) {
  THM_CHECK_GT(options.eta, 0.0);
  THM_CHECK_GE(options.grad_tol, 0.0);
  THM_CHECK_GE(options.leave_radius, 0.0);
  THM_CHECK_GE(options.max_steps, 0);
  THM_CHECK_GT(options.divergence_norm, 0.0);
  GradientDescentRun run;
  run.z = z0;
  Eigen::VectorXd g(z0.size());
  double value = f(run.z);
  for (;; ++run.steps) {
    grad(run.z, &g);
    run.grad_norm = g.norm();
    const double norm = run.z.norm();
    if (!std::isfinite(run.grad_norm) || !std::isfinite(norm) || norm > options.divergence_norm) {
      run.stop = GdStop::kDiverged;
      return run;
    }
    if (run.grad_norm <= options.grad_tol) {
      run.stop = GdStop::kStationary;
      return run;
    }
    if (options.leave_radius > 0 && norm >= options.leave_radius) {
      run.stop = GdStop::kLeft;
      return run;
    }
    if (run.steps == options.max_steps) {
      run.stop = GdStop::kCapped;
      return run;
    }
    run.z -= options.eta * g;
    const double next = f(run.z);
    run.monotone = run.monotone && next <= value + kValueRoundoff * (1 + std::abs(value));
    value = next;
  }
}

}  // namespace thmcheck
