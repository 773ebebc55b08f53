// Inputs and labels for the NTK claims: points uniform on the unit sphere S^{d-1} and i.i.d.
// Gaussian labels (docs/claims/ntk_closeness.md: n train + n test points on S^{d-1}, y ~ N(0, 1)).
// Why the sphere: Du et al. 2018 (arXiv 1810.02054, Assumption 3.1) take ‖x_i‖ = 1, and the
// closed-form ReLU kernel H∞ of docs/conventions.md is stated for unit inputs.
// Legend: n samples, d input dimension.
#pragma once

#include <Eigen/Core>

#include "harness/rng.h"

namespace thmcheck {

// n×d matrix whose rows are i.i.d. uniform on S^{d-1}: a standard Gaussian row divided by its norm
// (the Gaussian is rotation invariant, so its direction is uniform; Muller 1959).
// Draws are consumed point by point, so the first n rows of a sample of N ≥ n points from the same
// seed are exactly the sample of n points (data-size sweeps nest).
Eigen::MatrixXd SampleUnitSphere(Rng& rng, int n, int d);

// n i.i.d. N(0, sigma²) labels.
Eigen::VectorXd SampleGaussianLabels(Rng& rng, int n, double sigma = 1.0);

}  // namespace thmcheck
