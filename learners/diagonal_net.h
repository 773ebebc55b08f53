// A diagonal linear network β = u ⊙ v trained on the square loss L(β) = ‖Xβ − y‖²/(2n) by SGD with
// batch 1 (one sample drawn uniformly, with replacement, per step) or by full-batch GD, under a
// step size γ divided once by a factor after a given step: the model and the two optimizers of
// Andriushchenko, Varre, Pillaud-Vivien, Flammarion 2023 (arXiv 2210.05337; their code
// tml-epfl/sgd-sparse-features, diag_nets.py `SGD` and `GD`), after Pesme, Pillaud-Vivien,
// Flammarion 2021 (arXiv 2106.09524).
// Gradients, for the sample loss ℓᵢ = (xᵢᵀβ − yᵢ)²/2 with residual ρ = xᵢᵀβ − yᵢ:
//   ∂ℓᵢ/∂u = ρ·xᵢ ⊙ v,  ∂ℓᵢ/∂v = ρ·xᵢ ⊙ u;  GD uses the mean over i, (Xᵀ(Xβ − y)/n) ⊙ v and ⊙ u.
// u and v are updated simultaneously (both gradients from the old values), as in the source.
// Legend: n samples, d dimension, γ step, α the init scale (u₀ = α·1, v₀ = 0).
#pragma once

#include <cstdint>

#include <Eigen/Core>

#include "harness/rng.h"

namespace thmcheck {

struct DiagonalNet {
  Eigen::VectorXd u, v;
  Eigen::VectorXd Beta() const { return u.cwiseProduct(v); }
};

// u₀ = α·1, v₀ = 0: the source's deterministic init (β₀ = 0; v grows first).
DiagonalNet DiagonalNetInit(int d, double alpha);

// γ for steps 0 … decay_at, then γ/factor (decay_at < 0: never); the source divides after the
// update at iteration `decay_at` (its `thresholds`).
struct StepDecay {
  double gamma = 0;
  int64_t decay_at = -1;
  double factor = 1;
  double GammaAt(int64_t t) const { return decay_at >= 0 && t > decay_at ? gamma / factor : gamma; }
};

struct DiagonalTrainOptions {
  int64_t steps = 0;  // the step cap
  // Diverged: a non-finite residual, or a train loss above this (checked every check_every steps).
  double divergence_loss = 0;
  int64_t check_every = 1000;
  // Reached: stop at the first check whose train loss is ≤ stop_loss (< 0: never stop early).
  double stop_loss = -1;
};

struct DiagonalTrainResult {
  bool diverged = false;
  bool reached = false;  // the last check's loss is ≤ options.stop_loss
  int64_t steps = 0;     // steps taken (< options.steps when diverged or reached)
  double loss = 0;       // the train loss at the last check (the end); NaN/large when diverged
};

// ‖Xβ − y‖²/(2n).
double DiagonalTrainLoss(const DiagonalNet& net, const Eigen::MatrixXd& X,
                         const Eigen::VectorXd& y);

// SGD with batch 1: step t draws i = rng.Below(n). X is n×d.
DiagonalTrainResult TrainDiagonalSgd(DiagonalNet* net, const Eigen::MatrixXd& X,
                                     const Eigen::VectorXd& y, const StepDecay& schedule,
                                     const DiagonalTrainOptions& options, Rng& rng);

// Full-batch GD on the mean loss.
DiagonalTrainResult TrainDiagonalGd(DiagonalNet* net, const Eigen::MatrixXd& X,
                                    const Eigen::VectorXd& y, const StepDecay& schedule,
                                    const DiagonalTrainOptions& options);

}  // namespace thmcheck
