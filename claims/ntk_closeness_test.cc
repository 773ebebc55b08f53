// Claim test: `ntk_closeness` at quick scale PASSes with both control arms REJECTED by the checks
// each names, its seed-1 numbers are the recorded ones, and a run that stops before it finishes
// (10 GD steps) cannot PASS.
#include <gtest/gtest.h>

#include "claims/claim_test_support.h"

namespace thmcheck {
namespace {

TEST(NtkClosenessClaim, PassesAtQuickScaleWithControlsRejected) {
  const RunOutcome r = RunClaimForTest("ntk_closeness");
  EXPECT_EQ(ArmVerdict(r.verdict_json, "main"), "PASS");
  EXPECT_EQ(ArmVerdict(r.verdict_json, "mean_field"), "REJECTED");
  EXPECT_EQ(ArmVerdict(r.verdict_json, "large_step"), "REJECTED");
  EXPECT_EQ(r.verdict, Verdict::kPass);
  EXPECT_TRUE(r.meets_expected);
  if (ClaimTestScale() != "quick") return;
  // Seed 1 at quick scale, as `thmcheck judge ntk_closeness` recorded it (protocol 2).
  ExpectRecordedNumbers(r.verdict_json, {{"main", "rel_weight_change", -0.4916},
                                         {"main", "sign_flip_fraction", -0.4847},
                                         {"main", "init_kernel_dev", -0.5202},
                                         {"main", "rel_kernel_change", -0.8555},
                                         {"main", "lin_gap", -0.5648},
                                         {"mean_field", "rel_weight_change flat", -0.0004463},
                                         {"mean_field", "sign_flip_fraction flat", -0.003168},
                                         {"large_step", "rel_weight_change", -0.02000},
                                         {"large_step", "eta_lambda_T", 1.018}});
}

// An unfinished run is not evidence: after 10 steps no main-arm run has finished (loss ratio >
// 1e−4), so no trained observable is recorded and every rate of the main arm is capped at
// INCONCLUSIVE, naming the cells.
TEST(NtkClosenessClaim, AnUnfinishedRunDoesNotPass) {
  const RunOutcome r = RunClaimForTest("ntk_closeness", "smoke", {{"steps", "10"}});
  EXPECT_EQ(ArmVerdict(r.verdict_json, "main"), "INCONCLUSIVE");
  EXPECT_NE(r.verdict, Verdict::kPass);
  for (const auto& check : r.verdict_json["arms"][0]["checks"]) {
    if (check["name"] != "init_kernel_dev") {
      EXPECT_EQ(check["verdict"], "INCONCLUSIVE") << check;
    }
  }
}

}  // namespace
}  // namespace thmcheck
