// One cell of claim `alpha_separation` (claims/alpha_separation.cc): a ResNet, optionally a
// two-layer net, and three kernel ridge regressions trained on the same N samples of
// H = βF + αG(F) (concepts/hierarchical.h), measured on fresh test points.
// Legend: N = n train points, d input dim, k outputs, m width, α, β the target's weights.
// Observables (per learner L ∈ {resnet, two_layer, ntk, resnet_ntk, rbf}):
//   L.err = E‖out − y‖² (summed over outputs), L.err_ratio = L.err / (α² E‖G‖²) (= err/(kα²) on
//   the parity instance, where ‖G‖² = k exactly), L.phi = E⟨out − βF, G⟩ / (α E‖G‖²);
//   kernels also L.excess = err_λ(α) − err_λ(0) at the same selected ridge λ (linear in labels)
//   and L.quadratic_gap = |err − (err_λ(0) + 2α⟨r_F, r_G⟩ + α²‖r_G‖²)| / err (0 up to rounding);
//   resnet.probe_f_r2 / probe_g_r2: ridge probe R² from σ(Wx + b₁) to F / G; kernel_best.err
//   and .err_ratio (the kernel with the lowest validation error L.val_err, .index its position:
//   0 ntk, 1 resnet_ntk, 2 rbf); networks L.diverged (1: every screened run, or the kept one, went
//   non-finite — then no L.err, L.phi or probe is recorded; the cell stays ok for the kernels);
//   networks also L.restart (which of the screened runs was kept), L.screen_val_err#r (with
//   screen_keep ≥ 1 also L.prune_val_err#r, and screen_val_err only for the runs kept past the
//   pruning point) and, when the (w_scales × batches × lrs) grid has several settings, the kept
//   run's L.w_scale, L.batch and L.lr.
#pragma once

#include "harness/claim.h"

namespace thmcheck {

// The `concept` parameter: the parity instance of H = βF + αG(F) or Concept 1 (hierarchical.h).
enum class Concept { kParity, kConceptOne };
inline const Choices<Concept> kConcepts = {
    {{Concept::kParity, "parity"}, {Concept::kConceptOne, "concept1"}}};

CellOutcome RunAlphaSeparationCell(const CellParams& params, const CellSeeds& seeds);

// The data, the analytic and empirical NTK and RBF ridge paths every cell of a replicate shares
// (ClaimSpec::shared): one draw per replicate, whatever the cell's α, β or arm.
SharedWorkSpec AlphaSeparationSharedWork();

}  // namespace thmcheck
