// Claim test: `random_features_rate` at quick scale PASSes with its control REJECTED by the check
// it names, and its seed-1 numbers are the recorded ones.
#include <gtest/gtest.h>

#include "claims/claim_test_support.h"

namespace thmcheck {
namespace {

TEST(RandomFeaturesRateClaim, PassesAtQuickScaleWithTheControlRejected) {
  const RunOutcome r = RunClaimForTest("random_features_rate");
  EXPECT_EQ(ArmVerdict(r.verdict_json, "kernel_sections"), "PASS");
  EXPECT_EQ(ArmVerdict(r.verdict_json, "odd_harmonic"), "REJECTED");
  EXPECT_EQ(r.verdict, Verdict::kPass);
  EXPECT_TRUE(r.meets_expected);
  if (ClaimTestScale() != "quick") return;
  // Seed 1 at quick scale, as `thmcheck judge random_features_rate` recorded it (protocol 1).
  ExpectRecordedNumbers(r.verdict_json, {{"kernel_sections", "mc_error", -0.48193},
                                         {"kernel_sections", "ls_error", -1.0784},
                                         {"odd_harmonic", "error flat in m", 0.014056}});
}

}  // namespace
}  // namespace thmcheck
