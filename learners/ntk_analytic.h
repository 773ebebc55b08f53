// Infinite-width kernels beside the finite nets (neural-tangents style): the NTK H∞ of the
// two-layer TwoLayerNet (kNtk scaling) and the L-layer NNGP/NTK recursion of Jacot, Gabriel,
// Hongler 2018 (arXiv 1806.07572, Prop. 1 and Thm. 1), with c_σ = 1 as in docs/conventions.md.
// Why: ‖H₀ − H∞‖ = O(m^−1/2) (Du et al. 2018, arXiv 1810.02054, Remark 3.1) and, later, the
// NTK fluctuation ∝ √(L/m) need the limit each finite net converges to.
// Legend: n₁, n₂ samples, d input dim, L number of weight layers, β bias scale;
// (u, v) ~ N(0, [[q₁, c₁₂], [c₁₂, q₂]]); ρ = c₁₂/√(q₁q₂) = cos θ; K quadrature nodes.
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

// The NTK of TwoLayerNet (kNtk) as m → ∞ (w ~ N(0, I_d), a ~ N(0, 1), both layers, no bias):
//   H∞(x, x') = (x·x') E[σ'(w·x)σ'(w·x')] + E[σ(w·x)σ(w·x')],
// for ReLU and unit inputs (x·x')(π − θ)/(2π) + (sin θ + (π − θ) cos θ)/(2π), θ = arccos(x·x').
// Any input norms; n₁×n₂. Exactly symmetric when X1 and X2 are the same matrix object.
Eigen::MatrixXd AnalyticNtkTwoLayer(const Eigen::Ref<const Eigen::MatrixXd>& X1,
                                    const Eigen::Ref<const Eigen::MatrixXd>& X2, Activation act);

// Jacot et al.'s recursion for an L-layer MLP (L weight matrices, see DeepMlp), c_σ = 1:
//   Σ¹ = x·x' + β²,  Σ^{l+1} = E[σ(u)σ(v)] + β²  with (u, v) ~ N(0, Σ^l on {x, x'}),
//   Θ¹ = Σ¹,  Θ^{l+1} = Θ^l · Σ̇^{l+1} + Σ^{l+1},  Σ̇^{l+1} = E[σ'(u)σ'(v)].
// NOTE normalization: the first layer's weights are N(0, I) on the raw input, so Σ¹ = x·x' + β²;
// Jacot et al. (and docs/conventions.md's reference form) divide by the input dimension,
// Σ¹ = x·x'/n₀ + β² (the same as ours on inputs scaled by 1/√n₀). Papers using c_σ = 2 for ReLU
// (e.g. Arora et al. 2019, arXiv 1904.11955) get 2^{L−1} times our Θ^L when β = 0. L = 2, β = 0 is
// AnalyticNtkTwoLayer exactly.
struct DeepKernels {
  Eigen::MatrixXd nngp;  // Σ^L: the output's covariance at init (the NNGP kernel)
  Eigen::MatrixXd ntk;   // Θ^L
};
DeepKernels DeepNngpAndNtk(const Eigen::Ref<const Eigen::MatrixXd>& X1,
                           const Eigen::Ref<const Eigen::MatrixXd>& X2, int L, double beta,
                           Activation act);
Eigen::MatrixXd DeepNtk(const Eigen::Ref<const Eigen::MatrixXd>& X1,
                        const Eigen::Ref<const Eigen::MatrixXd>& X2, int L, double beta,
                        Activation act);

}  // namespace thmcheck
