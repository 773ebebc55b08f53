// Empirical neural tangent kernel of a TwoLayerNet: the Gram matrix of parameter gradients
// H(x, x') = ⟨∇_θ f(x), ∇_θ f(x')⟩ with both layers trained, θ = (W, a):
//   H = c² [ (σ'(Z₁) diag(a²) σ'(Z₂)ᵀ) ∘ (X₁X₂ᵀ) + σ(Z₁) σ(Z₂)ᵀ ],  Zₖ = Xₖ Wᵀ.
// Why: the observables ‖H₀ − H∞‖ and ‖H_T − H₀‖ of claim ntk_closeness
// (docs/claims/ntk_closeness.md; Du et al. 2018, arXiv 1810.02054, §3 "H(t)" and Remark 3.1, there
// first layer only), and H₀ of the linearized model.
// Legend: n₁, n₂ samples, d input dim, m width, c output scale; Xₖ is nₖ×d.
#pragma once

#include <Eigen/Core>

#include "learners/two_layer_net.h"

namespace thmcheck {

// The n₁×n₂ kernel above, in O(n₁ n₂ m + (n₁ + n₂) m d) time from blocks of neurons (never the
// n×m(d+1) Jacobian); memory O(n₁ n₂ + (n₁ + n₂)·kNtkNeuronBlock). When X1 and X2 are the same
// matrix object it exploits symmetry (half the flops) and returns an exactly symmetric H.
Eigen::MatrixXd EmpiricalNtk(const TwoLayerNet& net, const Eigen::Ref<const Eigen::MatrixXd>& X1,
                             const Eigen::Ref<const Eigen::MatrixXd>& X2);

// Neurons per block: the n×block scratch stays in L2 for n ≤ 200, and 128 is deep enough for an
// efficient matrix product.
inline constexpr int kNtkNeuronBlock = 128;

}  // namespace thmcheck
