// Empirical NTK of the three-layer ResNet (learners/resnet3.h) at its current parameters: the "NTK
// of each net" kernel baseline of claim alpha_separation (Allen-Zhu & Li 2019, arXiv 1905.10337,
// §7; docs/claims/alpha_separation.md). Legend as in resnet3.h: n₁, n₂ samples, m width, k outputs.
#pragma once

#include <vector>

#include <Eigen/Core>

#include "learners/resnet3.h"

namespace thmcheck {

// Θ at the net's current parameters, w.r.t. (W, V) (or (W, U)); biases excluded:
// Θ_ab(x, x') = ⟨∇_{W,V} out_a(x), ∇_{W,V} out_b(x')⟩. With J(x) = A + A D₂(x) U (k×m, the
// derivative of out w.r.t. σ(Z₁)), D_ℓ = diag σ'(Z_ℓ), and t(x) the block-2 input (s = Aσ(Z₁)
// for the bottleneck, σ(Z₁) for kFull), the diagonal blocks are, from n×m matrices only:
//   Θ_aa = (P_a P'_aᵀ) ∘ (X X'ᵀ) + (E_a E'_aᵀ) ∘ (T T'ᵀ),
//   P_a = (1A_a + E_a U) ∘ σ'(Z₁),  E_a = σ'(Z₂) ∘ 1A_a   (rows: samples; 1A_a broadcasts row a).
// Convention: the paper's lower bound (Thm 2 / §7.1; docs/claims/parity_lower_bound.md) is for k
// separate scalar kernels K_1 … K_k, one per output; Θ_aa is exactly that ("NTK of each net"), and
// the mean (1/k)Σ_a Θ_aa is one kernel K used as K ⊗ I_k — the structure of the infinite-width
// limit, where the off-diagonal blocks vanish (E A_ar A_br = 0 for a ≠ b). The full nk×nk
// matrix-valued kernel is not offered: it is not a case of that theorem, and it costs k² such
// products.
// Cost: 2 GEMMs of n₁×m×n₂ per output (kPerOutput) or one of n₁×km×n₂ plus one of n₁×m×n₂ (kMean).
enum class NtkOutputs { kPerOutput, kMean };
std::vector<Eigen::MatrixXd> ResNet3EmpiricalNtk(const ResNet3& net,
                                                 const Eigen::Ref<const Eigen::MatrixXd>& X1,
                                                 const Eigen::Ref<const Eigen::MatrixXd>& X2,
                                                 NtkOutputs outputs);

}  // namespace thmcheck
