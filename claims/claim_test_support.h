// What every claim test does: run one claim at quick scale through the real runner (same code
// path as `thmcheck run`), print its verdict table and one CTest measurement per fitted estimate
// (CDash shows them), and hand back the verdict for the test's assertions.
#pragma once

#include <string>

#include "harness/runner.h"

namespace thmcheck {

// Runs `claim_id` at `scale` with default parameters and seed 1 into a fresh temporary results
// folder (removed afterwards), on every core.
RunOutcome RunClaimForTest(const std::string& claim_id, const std::string& scale = "quick");

// The verdict of arm `name` in a verdict.json object ("" when there is no such arm).
std::string ArmVerdict(const nlohmann::json& verdict, const std::string& name);

}  // namespace thmcheck
