// From cell outcomes to verdicts. Each arm's checks are evaluated on that arm's cells; then:
// - main arm: PASS when every evidence check PASSes, FAIL when one FAILs, else INCONCLUSIVE;
// - control arm: (a) the main-arm checks it names in `must_fail`, judged with the main arm's
//   bands on the control's cells, and (b) its own predictions:
//     (a) at least one FAILs, (b) all PASS      → REJECTED (what the control exists to show)
//     (a) at least one FAILs, (b) some not PASS → INCONCLUSIVE
//     (a) none FAILs                           → NOT_REJECTED (the claim FAILs)
//   A FAIL of a check it did not name changes nothing; verdict.json names the checks that
//   rejected it ("rejected_by");
// - report arm: REPORTED (measured and drawn, never judged);
// - a sanity check that FAILs anywhere makes its arm FAIL and the claim FAIL (a bug); its PASS or
//   INCONCLUSIVE adds nothing to any verdict.
// The claim PASSes when every main arm PASSes and every control is REJECTED and at least one
// control ran; it FAILs when a main arm FAILs or a control is NOT_REJECTED; else INCONCLUSIVE.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "harness/checks.h"
#include "harness/claim.h"
#include "harness/sweep.h"

namespace thmcheck {

struct ClaimJudgement {
  Verdict verdict = Verdict::kInconclusive;
  std::string reason;  // one line when the claim is INCONCLUSIVE or FAILs, "" when it PASSes
  std::vector<schema::Arm> arms;  // verdict.json's "arms"
  // Arms switched off (ClaimSpec::arm_switches): name, role, condition, enabled_by (the switch).
  std::vector<schema::ArmNotRun> arms_not_run;
  std::vector<std::string> cells;  // relative paths of every cell file
};

// The cells of arm `arm` (an index into ClaimSpec::arms) as the checks see them, in cell order.
std::vector<CellView> ArmCellViews(const std::vector<Cell>& cells,
                                   const std::vector<CellOutcome>& outcomes, size_t arm);

// `outcomes[i]` belongs to `cells[i]`; `seed` seeds the bootstraps (derived per arm and check);
// `params` (the resolved claim parameters) say which arms ran (ArmEnabled). An arm that did not
// run neither passes nor fails the claim.
ClaimJudgement JudgeClaim(const ClaimSpec& claim, const nlohmann::json& params,
                          const std::vector<Cell>& cells, const std::vector<CellOutcome>& outcomes,
                          uint64_t seed);

// Whether a verdict meets the claim's expected status: PASS for kReproduces, anything but PASS
// for kNotReproducedAtThisScale.
bool MeetsExpected(const Expected& expected, Verdict verdict);

}  // namespace thmcheck
