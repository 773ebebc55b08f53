// What every claim test does: run one claim through the real runner (same code path as
// `thmcheck run`), print its verdict table and, for CDash and JUnit, one measurement per fitted
// estimate and the claim's PNG plots, and hand back the verdict for the test's assertions.
// The scale is quick unless THMCHECK_CLAIM_SCALE says otherwise: ctest's `.full` variants of the
// same tests (label `nightly`, cmake/ThmcheckHelpers.cmake) set it to full.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "harness/runner.h"

namespace thmcheck {

// $THMCHECK_CLAIM_SCALE, or "quick" when it is unset or empty.
std::string ClaimTestScale();

// Runs `claim_id` at `scale` with default parameters and seed 1 into a fresh temporary results
// folder (removed afterwards), on every core; its report (plots included) is kept in
// claim_reports/<scale>/<claim_id>/ under the working directory (ctest: build/claims/), where the
// attached PNGs must still exist after the test exits.
RunOutcome RunClaimForTest(const std::string& claim_id, const std::string& scale = ClaimTestScale(),
                           std::vector<std::pair<std::string, std::string>> sets = {});

// A number the judged seed-1 quick run recorded (verdict.json: arm → check name → estimate),
// copied into the claim's test so that a stub, or a change that moves the measurement, fails it.
struct RecordedNumber {
  std::string arm, check;
  double estimate = 0;
};

// EXPECTs every recorded estimate inside this run's 90% interval of the same check (and the
// check present). Only meaningful for the run the numbers came from: quick scale, seed 1.
void ExpectRecordedNumbers(const nlohmann::json& verdict,
                           const std::vector<RecordedNumber>& recorded);

// The verdict of arm `name` in a verdict.json object ("" when there is no such arm).
std::string ArmVerdict(const nlohmann::json& verdict, const std::string& name);

}  // namespace thmcheck
