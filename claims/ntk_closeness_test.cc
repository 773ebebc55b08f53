// Claim test: `ntk_closeness` at quick scale PASSes and both control arms are rejected.
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
}

}  // namespace
}  // namespace thmcheck
