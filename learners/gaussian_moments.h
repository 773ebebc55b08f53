// Gaussian moments of an activation, E[σ(u)σ(v)] and E[σ'(u)σ'(v)], and the Gauss–Hermite rule
// that evaluates them for tanh: the machinery shared by the infinite-width kernels of
// learners/two_layer_net.h (the two-layer H∞) and learners/deep_mlp.h (the L-layer NNGP/NTK
// recursion of Jacot, Gabriel, Hongler 2018, arXiv 1806.07572), with c_σ = 1 (docs/conventions.md).
// Why: one definition of σ's moments, so that the two kernels cannot drift apart (at L = 2, β = 0
// they agree bit for bit).
// Legend: n₁, n₂ samples; (u, v) ~ N(0, [[q₁, c₁₂], [c₁₂, q₂]]); ρ = c₁₂/√(q₁q₂) = cos θ; K
// quadrature nodes.
#pragma once

#include <Eigen/Core>

#include "learners/activation.h"

namespace thmcheck {

// E[σ(u)σ(v)] and E[σ'(u)σ'(v)] for (u, v) ~ N(0, [[q1, c12], [c12, q2]]) (Daniely et al. 2016's
// "dual activation" and its derivative form).
//   ReLU (Cho & Saul 2009, arc-cosine kernels n = 1 and 0, their k_n = 2·E):
//     E[σσ] = √(q₁q₂) (sin θ + (π − θ) cos θ)/(2π),  E[σ'σ'] = (π − θ)/(2π).
//   tanh: the tensor Gauss–Hermite rule below in (z₁, z₂), u = √q₁ z₁, v = √q₂ (ρz₁ + √(1−ρ²) z₂).
// A zero variance means u ≡ 0 (ReLU then gives 0 and 0, since ReLU'(0) = 0).
// NOTE: E[σ'σ'] for ReLU is not Lipschitz at ρ = 1: θ ≈ √(2(1 − ρ)), so rounding ρ by δ moves it
// by up to √(2δ)/(2π) (≈ 2e-8 for δ = 2ε). Kernels at coincident points inherit this.
struct GaussianMoments {
  double sigma_sigma;    // E[σ(u)σ(v)]
  double dsigma_dsigma;  // E[σ'(u)σ'(v)]
};
GaussianMoments ActivationMoments(Activation act, double q1, double q2, double c12);

// Probabilists' Gauss–Hermite rule: E[g(Z)] ≈ Σ_k w_k g(z_k) for Z ~ N(0, 1), exact for
// polynomials of degree ≤ 2K − 1. Golub & Welsch 1969: the nodes are the eigenvalues of the Jacobi
// matrix of the He_k recurrence (zero diagonal, off-diagonal √1 … √(K−1)), the weights the squared
// first components of its unit eigenvectors. K must be even; nodes are made exactly symmetric.
struct GaussHermiteRule {
  Eigen::VectorXd nodes;    // ascending
  Eigen::VectorXd weights;  // sum to 1 (to ~K·ε)
};
GaussHermiteRule ProbabilistsGaussHermite(int k);

// Nodes per dimension for tanh (K² = 16384 integrand points per kernel entry, halved by symmetry).
// The Gauss–Hermite error decays like exp(−a√(2K)) when the integrand is analytic in the strip
// |Im z| < a (our reading of Trefethen, "Exactness of quadrature formulas", SIAM Rev. 2022);
// tanh(s z) has poles at z = ±iπ/(2s), so accuracy falls with the variance q = s². Verified against
// composite 20-point Gauss–Legendre (40 panels on [−10, 10]², converged to 2e-16 against 80
// panels), worst over ρ ∈ {−0.7, 0.3, 0.99, 1}, both moments:  q = 0.25: 1e-15;  q = 1: 1e-11;
// q = 2: 5e-9;  q = 4: 3e-7;  q = 16: 2e-4. Unit inputs (q = 1 + β²) are the intended use.
// NOTE: accuracy for large-norm inputs or large β is poor; raise K (cost K²/2 per entry) if needed.
inline constexpr int kTanhQuadratureNodes = 128;

// One layer of a kernel recursion on every pair: S(i, j) = E[σσ], Sdot(i, j) = E[σ'σ'] from the
// variances q1 (n₁), q2 (n₂) and covariances C (n₁×n₂). With same (the two point sets are the same
// matrix object, so C is symmetric) only i ≥ j is computed, then mirrored.
void LayerMoments(Activation act, const Eigen::VectorXd& q1, const Eigen::VectorXd& q2,
                  const Eigen::MatrixXd& C, bool same, Eigen::MatrixXd* S, Eigen::MatrixXd* Sdot);

}  // namespace thmcheck
