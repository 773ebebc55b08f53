// Gradient descent on a quadratic loss L̂(w) = ½ (w − w*)ᵀ H (w − w*) under a two-phase step
// schedule — a large step η_L for the first T₁ steps, then a small one η_S (annealing) — run until
// the loss first falls to a threshold ε: the setting of Nakkiran 2020 (arXiv 2005.07360), where a
// small step and an annealed large one are compared at the same training loss. The iterate is
// tracked as the residual e = w − w*, so e ← e − η H e, and with H = Σ λₖ uₖuₖᵀ each
// eigen-component evolves as (1 − ηλₖ)ᵗ: it shrinks when 0 < ηλₖ < 2 and grows when ηλₖ > 2.
// Legend: H the (symmetric PSD) Hessian, e the residual, η_S, η_L the steps, T₁ the large phase's
// length, ε the stopping loss.
#pragma once

#include <cstdint>

#include <Eigen/Core>

namespace thmcheck {

// η_L for the first `large_steps` steps, η_S after; large_steps = 0 is the small step throughout.
struct StepSchedule {
  double eta_small = 0;
  double eta_large = 0;
  int64_t large_steps = 0;
  double EtaAt(int64_t t) const { return t < large_steps ? eta_large : eta_small; }
};

// How a run ended.
enum class GdEnd {
  kReached,   // L̂ ≤ ε after `steps` steps (0: it already was at the start)
  kStopped,   // stopped at the requested step `stop_at` before reaching ε
  kCapped,    // `max_steps` steps without reaching ε: unfinished
  kDiverged,  // L̂ non-finite or above divergence_factor · L̂(w₀)
};

struct GdRunOptions {
  double eps = 0;                // stopping loss ε (> 0)
  int64_t max_steps = 0;         // the step cap (≥ 0)
  double divergence_factor = 0;  // > 1
  int64_t stop_at = -1;          // ≥ 0: also stop after this many steps (a trajectory snapshot)
};

struct GdRun {
  Eigen::VectorXd residual;  // e after the last step
  int64_t steps = 0;
  double train_loss = 0;  // L̂ at the end
  GdEnd end = GdEnd::kCapped;
};

// ½ eᵀHe.
double QuadraticLoss(const Eigen::MatrixXd& H, const Eigen::VectorXd& e);

// Runs GD from residual e₀ under `schedule`; checks the stopping rule before each step, so the
// run ends at the first step with L̂ ≤ ε. H must be square with e₀'s size (CHECKed).
GdRun RunQuadraticGd(const Eigen::MatrixXd& H, const Eigen::VectorXd& e0,
                     const StepSchedule& schedule, const GdRunOptions& options);

}  // namespace thmcheck
