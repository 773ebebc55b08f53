// The cell functions of claim parity_lower_bound, one per kind of arm (parity_lower_bound.cc
// gives each arm its own). Split from the claim
// file to keep each file to one concern (docs/house_rules.md): this one measures, that one
// declares.
// Legend: d dimension, k parity degree, N samples, b = `targets` targets per cell, α the weight
// of the composite part, D_k = Σ_{j≤k} C(d,j), C(d,k) the number of degree-k parities.
#pragma once

#include <vector>

#include <Eigen/Core>

#include "claims/parity_lower_bound_family.h"
#include "concepts/sparse_parity.h"
#include "harness/claim.h"

namespace thmcheck {

// The arms' cell functions (the `regime` each arm records in its cells' parameters):
// TheoremCell (d, k, n, …): b separation-class targets H = F + αG(F) on one sample, each kernel's
//   KRR on H and on αG(F) alone; `selection` = "oracle" (population-oracle ridge, min with the
//   span projection) or "validation" (ridge picked on a fresh validation sample of n_val).
//   Observables above_bound (0/1, see TheoremIndicator), g_slack, best_risk_over_bound; per
//   kernel risk.*, g_ratio.*, below_frac.*.
// ManySamplesCell: the same at (span_d, span_k) with N = learn_factor·D_k.
// DegreeOneCell: the same at (d, k = 1) with N = learn_factor·(d + 1).
// SpanCell (span_d, span_k, n): exact span bound by enumeration (span_slack), and the KRR risk
//   curve of b targets (oracle ridge).
// ThresholdCell (d, k, target_degree): the N where KRR's error (validation ridge) on a unit
//   parity of degree target_degree first falls below ½ (threshold_n), and D_k.
// (TargetAwareCell: parity_lower_bound_target_aware.h.)
// The names of the typed choices in parameters and result files: `risk` (the ridge path's risks,
// parity_lower_bound_family.h) and `selection` (how a ridge is picked: the population oracle, or
// a fresh validation sample of n_val).
enum class RidgeSelection { kOracle, kValidation };
inline const Choices<RiskSetting> kRiskSettings = {{{RiskSetting::kAuto, "auto"},
                                                    {RiskSetting::kExact, "exact"},
                                                    {RiskSetting::kSample, "sample"}}};
inline const Choices<RidgeSelection> kRidgeSelections = {
    {{RidgeSelection::kOracle, "oracle"}, {RidgeSelection::kValidation, "validation"}}};

CellOutcome TheoremCell(const CellParams& p, const CellSeeds& seeds);
CellOutcome ManySamplesCell(const CellParams& p, const CellSeeds& seeds);
CellOutcome DegreeOneCell(const CellParams& p, const CellSeeds& seeds);
CellOutcome SpanCell(const CellParams& p, const CellSeeds& seeds);
CellOutcome ThresholdCell(const CellParams& p, const CellSeeds& seeds);

// What the theorem-regime cells of one replicate share (common random numbers across N and
// arms): the sample X (n×d; nested across N), the validation sample (n_val×d) and b targets.
struct BoundDraws {
  Eigen::MatrixXd x, x_val;
  std::vector<SeparationConcept> concepts;
};
BoundDraws DrawBound(int d, int k, int n, const CellParams& p, const CellSeeds& seeds);

// g_slack for a mean G-part ratio r = E‖f − αG(F)‖²/(kα²) of one kernel: r − (1 − N/C(d,k)).
// [derived] For a span V fixed before S (any kernel's span{K(·, x_n)}), each output's risk on
// α·χ_S is ≥ α²(1 − ‖P_V χ_S‖²), and Σ_{|S|=k} ‖P_V χ_S‖² ≤ dim V ≤ N (orthonormal χ_S), so
// E_S[r] ≥ 1 − N/C(d,k): E[g_slack] ≥ 0, with equality for the parity_k kernel.
double GPartSlack(double g_ratio, int n, int d, int k);

// The theorem check's per-cell statistic for a cell of b targets with F failures (exact for any
// b ≥ 1, see the .cc): P(indicator = 1) = TheoremPassProbability() exactly when each target fails
// independently with probability 1%, and it decreases as that probability grows. `u` is uniform
// on [0, 1), used only when F equals the randomization count (never for b = kTheoremBlock).
inline constexpr int kTheoremBlock = 30;
inline constexpr double kTheoremFailRate = 0.01;
double TheoremPassProbability();  // 0.99^30 = 0.7397…
// The randomization for b targets: indicator 1 below `count` failures, 1 with probability
// `keep` at exactly `count`, else 0.
struct TheoremRandomization {
  int count = 0;
  double keep = 1.0;
};
TheoremRandomization TheoremRandomizationFor(int targets);
int TheoremIndicator(int failures, int targets, double u);

}  // namespace thmcheck
