// Plain gradient descent z ← z − η∇f(z) on a smooth objective given by its gradient, with the
// stopping rules a landscape claim needs: at a stationary point (‖∇f‖ ≤ a tolerance), on leaving
// a ball about the origin (an escape time from a saddle placed there), at a step cap
// (unfinished), or on divergence. It also records whether f decreased at every step, which a step
// η < 1/L guarantees on a region where f is L-smooth (the descent lemma:
// f(z − η∇f) ≤ f(z) − η(1 − ηL/2)‖∇f‖²), up to the rounding of f itself (kValueRoundoff).
// Legend: z the iterate, η the step, t the step count.
#pragma once

#include <cstdint>
#include <functional>

#include <Eigen/Core>

namespace thmcheck {

enum class GdStop {
  kStationary,  // ‖∇f(z_t)‖ ≤ grad_tol
  kLeft,        // ‖z_t‖ ≥ leave_radius (an escape)
  kCapped,      // max_steps steps without either: unfinished
  kDiverged,    // z_t or ∇f(z_t) not finite, or ‖z_t‖ > divergence_norm
};
const char* GdStopName(GdStop s);

struct GradientDescentOptions {
  double eta = 0;              // > 0
  double grad_tol = 0;         // ≥ 0; 0 never stops as stationary
  double leave_radius = 0;     // > 0 stops on leaving the ball ‖z‖ < it; 0 never does
  int64_t max_steps = 0;       // ≥ 0
  double divergence_norm = 0;  // > 0
};

struct GradientDescentRun {
  Eigen::VectorXd z;     // the last iterate
  int64_t steps = 0;     // steps taken: the rule that stopped the run held at z_steps
  double grad_norm = 0;  // ‖∇f(z)‖ at the end
  GdStop stop = GdStop::kCapped;
  bool monotone = true;  // f(z_{t+1}) ≤ f(z_t) + kValueRoundoff·(1 + |f(z_t)|) at every step
};

// Slack for `monotone`: a few hundred ulps of f, so a step that lowers f by less than f's own
// rounding (near a minimizer, η‖∇f‖² ≪ ulp(f)) does not count as an increase.
inline constexpr double kValueRoundoff = 1e-13;

using GradientFunction = std::function<void(const Eigen::VectorXd& z, Eigen::VectorXd* g)>;
using ValueFunction = std::function<double(const Eigen::VectorXd& z)>;

// The rules are checked before each step, so a run from a stationary point takes none.
GradientDescentRun RunGradientDescent(const ValueFunction& f, const GradientFunction& grad,
                                      const Eigen::VectorXd& z0,
                                      const GradientDescentOptions& options);

}  // namespace thmcheck
