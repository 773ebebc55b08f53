// The target-aware kernel of claim parity_lower_bound's control `target_aware`: a kernel chosen
// AFTER seeing the target S, so the target lies in its span and the fixed-span counting argument
// behind arXiv 1905.10337 Thm 2 (Σ_S ‖P χ_S‖² ≤ N for a span fixed before S) does not apply.
// Legend: S = (i₁, …, i_k) the target's coordinates, x_S = (x_{i₁}, …, x_{i_k}), features
//   φ(x) = (√d x_{i₁}, …, √d x_{i_k}, χ_S(x)) ∈ ℝ^{k+1},  K_S(x, x') = φ(x)·φ(x') = d⟨x_S, x'_S⟩ +
//   χ_S(x)χ_S(x'); Φ = φ(X) (N×(k+1)); a target in the feature basis is W* ((k+1)×q): y_q = φᵀW*_q.
// Why exact: on the uniform cube {±1/√d}^d the k + 1 features are distinct parities ({i_j} and S,
// k ≥ 2), hence orthonormal: E[φφᵀ] = I. Every output of H = F + αG(F) is φ_j + α·φ_{k+1}.
#pragma once

#include <vector>

#include <Eigen/Core>

#include "harness/claim.h"

namespace thmcheck {

// φ(X), N×(k+1): columns √d x_{i_j} (exactly ±1, from signs as Parity does), then χ_S.
Eigen::MatrixXd TargetAwareFeatures(const Eigen::MatrixXd& x, const std::vector<int>& subset);

// W* of H = F + αG(F) (with_f) or of αG(F) alone: output j is e_j + α·e_{k+1} (resp. α·e_{k+1}).
Eigen::MatrixXd TargetAwareCoefficients(int k, double alpha, bool with_f);

// KRR with K_S on labels Y = y(X) along the family ridge grid (parity_lower_bound_family.h, unit
// = mean diag K_S(X, X)), every ridge's exact population risk, and the ridge picked on X_val.
// Primal form: C = (K + λI)⁻¹Y gives f = φ(·)ᵀΦᵀC with ΦᵀC = (ΦᵀΦ + λI)⁻¹ΦᵀY =: W_λ (push-through
// identity Φᵀ(ΦΦᵀ + λI)⁻¹ = (ΦᵀΦ + λI)⁻¹Φᵀ), so for y = φᵀW*: E‖f − y‖² = E‖φᵀ(W_λ − W*)‖²
// = ‖W_λ − W*‖²_F (E[φφᵀ] = I). O(N(k+1)²) per target: the N×N Gram is never formed.
struct TargetAwareFit {
  Eigen::VectorXd ridges, risk, validation;  // per grid ridge; validation = mean ‖f − y‖² on X_val
  int index = -1;                            // the validation-selected ridge (ties: the smallest)
  double selected_risk = 0.0;                // risk(index)
};
TargetAwareFit FitTargetAware(const Eigen::MatrixXd& x, const Eigen::MatrixXd& y,
                              const Eigen::MatrixXd& x_val, const Eigen::MatrixXd& y_val,
                              const std::vector<int>& subset, const Eigen::MatrixXd& w_star);

// The cell of arm target_aware (regime "target_aware"): the theorem arm's sample, validation
// sample and b targets; per target the K_S regressor of H and of αG(F) alone (validation ridge).
// Observables: above_bound (TheoremIndicator), g_slack (g_ratio − (1 − N/C(d,k))), risk and
// g_ratio of "target_aware", best_risk_over_bound = mean risk / (α²/16).
CellOutcome TargetAwareCell(const CellParams& p, const CellSeeds& seeds);

}  // namespace thmcheck
