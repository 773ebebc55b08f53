// Claim test: `lazy_training_scale` at quick scale PASSes with both controls REJECTED by the check
// they name, and its seed-1 numbers are the recorded ones.
#include <gtest/gtest.h>

#include "claims/claim_test_support.h"

namespace thmcheck {
namespace {

TEST(LazyTrainingScaleClaim, PassesAtQuickScaleWithControlsRejected) {
  const RunOutcome r = RunClaimForTest("lazy_training_scale");
  EXPECT_EQ(ArmVerdict(r.verdict_json, "tanh"), "PASS");
  for (const char* arm : {"relu", "iid_init"}) {
    EXPECT_EQ(ArmVerdict(r.verdict_json, arm), "REJECTED") << arm;
  }
  EXPECT_EQ(r.verdict, Verdict::kPass);
  EXPECT_TRUE(r.meets_expected);
  if (ClaimTestScale() != "quick") return;
  // Seed 1 at quick scale, as `thmcheck judge lazy_training_scale` recorded it (protocol 1).
  ExpectRecordedNumbers(r.verdict_json, {{"tanh", "weight_change", -0.98925},
                                         {"tanh", "param_gap", -1.9749},
                                         {"tanh", "function_gap", -1.9642},
                                         {"relu", "gap ∝ α^−1/2", -0.52648},
                                         {"iid_init", "move flat in α", -0.016323}});
}

}  // namespace
}  // namespace thmcheck
