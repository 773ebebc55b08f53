// Claim test: `saddle_escape` at quick scale PASSes with its three controls REJECTED by the check
// they name, and its seed-1 numbers are the recorded ones.
#include <gtest/gtest.h>

#include "claims/claim_test_support.h"

namespace thmcheck {
namespace {

TEST(SaddleEscapeClaim, PassesAtQuickScaleWithControlsRejected) {
  const RunOutcome r = RunClaimForTest("saddle_escape");
  for (const char* arm : {"plane", "quartic", "escape", "rank_k"}) {
    EXPECT_EQ(ArmVerdict(r.verdict_json, arm), "PASS") << arm;
  }
  for (const char* arm : {"plane_stable_manifold", "rank_k_missing_top", "large_step"}) {
    EXPECT_EQ(ArmVerdict(r.verdict_json, arm), "REJECTED") << arm;
  }
  EXPECT_EQ(r.verdict, Verdict::kPass);
  EXPECT_TRUE(r.meets_expected);
  if (ClaimTestScale() != "quick") return;
  // Seed 1 at quick scale, as `thmcheck judge saddle_escape` recorded it (protocol 1).
  ExpectRecordedNumbers(r.verdict_json, {{"escape", "growth", 1.0000058},
                                         {"plane", "to_min", 1},
                                         {"large_step", "none reaches a minimizer", 0}});
}

}  // namespace
}  // namespace thmcheck
