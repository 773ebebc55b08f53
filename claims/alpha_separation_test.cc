// Claim test: `alpha_separation` at quick scale PASSes and both control arms (β = 0, β = 0.2) are
// rejected.
#include <gtest/gtest.h>

#include "claims/claim_test_support.h"

namespace thmcheck {
namespace {

TEST(AlphaSeparationClaim, PassesAtQuickScaleWithControlsRejected) {
  const RunOutcome r = RunClaimForTest("alpha_separation");
  EXPECT_EQ(ArmVerdict(r.verdict_json, "main"), "PASS");
  EXPECT_EQ(ArmVerdict(r.verdict_json, "beta0"), "REJECTED");
  EXPECT_EQ(ArmVerdict(r.verdict_json, "beta0.2"), "REJECTED");
  EXPECT_EQ(r.verdict, Verdict::kPass);
}

}  // namespace
}  // namespace thmcheck
