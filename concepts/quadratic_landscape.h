// Train and test losses of a linear model whose shapes differ — the "mismatch between the test and
// train loss landscapes" of Nakkiran 2020 (arXiv 2005.07360) — written, like the learner
// (learners/quadratic_gd.h), on the residual e = w − β*: train loss ½ eᵀĤe, test loss ½ eᵀΣe.
//  - The hand-built pair [inferred: the paper's 2-D linear regression; its exact instance was not
//    read]: Ĥ = diag(λ_max, λ_min) = diag(1, 1/κ) and Σ = I (isotropic test loss, as undersampling
//    leaves it) or Σ = Ĥ (no mismatch: the control).
//  - A sampled pair: least squares with n < d noiseless samples x ~ N(0, Σ_x); Ĥ = XᵀX/n is the
//    sample's Hessian and Σ = Σ_x the population's, so the mismatch comes from the sample itself.
// Legend: κ = λ_max/λ_min of the train landscape, n samples, d dimension, β* the target weights.
#pragma once

#include <Eigen/Core>

#include "harness/rng.h"

namespace thmcheck {

// diag(1, 1/κ): the train Hessian of the hand-built pair (κ ≥ 1).
Eigen::MatrixXd TwoScaleHessian(double kappa);

// An initial residual e₀ ∈ R^d: each coordinate's magnitude uniform in [lo, hi] with a random sign,
// so every eigen-direction of a diagonal Ĥ starts with a residual of order one (0 < lo ≤ hi).
Eigen::VectorXd SampleSignedResidual(Rng& rng, int d, double lo, double hi);

// Least squares from n samples: Σ_x = diag(s₁ … s_d) geometric from 1 down to 1/spread, rows of X
// i.i.d. N(0, Σ_x), β* ~ N(0, I/d), labels y = Xβ* without noise, and w₀ = 0 (so e₀ = −β*).
struct LeastSquaresLandscape {
  Eigen::MatrixXd train_hessian;  // XᵀX/n: rank min(n, d)
  Eigen::MatrixXd test_hessian;   // Σ_x
  Eigen::VectorXd residual0;      // w₀ − β* = −β*
};
LeastSquaresLandscape SampleLeastSquares(Rng& rng, int n, int d, double spread);

}  // namespace thmcheck
