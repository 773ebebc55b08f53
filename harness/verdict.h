// From cell outcomes to verdicts: each arm's checks are evaluated on that arm's cells, then the
// arm and claim verdicts follow the rule in runner.h (main arm must PASS; each control must be
// REJECTED, i.e. at least one of its checks FAILs).
#pragma once

#include <cstdint>
#include <vector>

#include <nlohmann/json.hpp>

#include "harness/checks.h"
#include "harness/claim.h"
#include "harness/sweep.h"

namespace thmcheck {

struct ClaimJudgement {
  Verdict verdict = Verdict::kInconclusive;
  nlohmann::json arms = nlohmann::json::array();   // verdict.json's "arms"
  // Arms switched off (ClaimSpec::arm_switches): name, role, condition, enabled_by (the switch).
  nlohmann::json arms_not_run = nlohmann::json::array();
  nlohmann::json cells = nlohmann::json::array();  // relative paths of every cell file
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

}  // namespace thmcheck
