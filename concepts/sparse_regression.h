// Noiseless sparse linear regression, the setting of Andriushchenko, Varre, Pillaud-Vivien,
// Flammarion 2023 (arXiv 2210.05337, the diagonal-network experiments of its code,
// tml-epfl/sgd-sparse-features, diag_nets.ipynb): x ~ N(0, I_d), θ* with r non-zero coordinates
// (the first r, |N(0, 1)| each, then θ* normalized to ‖θ*‖ = 1), labels y = xᵀθ* without noise.
// With x ~ N(0, I) the population (test) loss of β is exactly ½‖β − θ*‖² (the notebook estimates
// it on 1000 test points).
// Legend: n samples, d dimension, r non-zeros of θ*.
#pragma once

#include <Eigen/Core>

#include "harness/rng.h"

namespace thmcheck {

struct SparseRegression {
  Eigen::MatrixXd X;      // n×d, i.i.d. N(0, 1) entries
  Eigen::VectorXd y;      // Xθ*
  Eigen::VectorXd theta;  // θ*: r positive coordinates first, ‖θ*‖ = 1
};

// θ* is drawn first, then X row by row (1 ≤ r ≤ d).
SparseRegression SampleSparseRegression(Rng& rng, int n, int d, int r);

// ½‖β − θ*‖²: the population loss E[(xᵀβ − xᵀθ*)²]/2 under x ~ N(0, I).
double PopulationLoss(const Eigen::VectorXd& beta, const Eigen::VectorXd& theta);

}  // namespace thmcheck
