// Claim test: `gd_linear_convergence` at quick scale PASSes with both controls REJECTED by the
// check they name, and its seed-1 numbers are the recorded ones.
#include <gtest/gtest.h>

#include "claims/claim_test_support.h"

namespace thmcheck {
namespace {

TEST(GdLinearConvergenceClaim, PassesAtQuickScaleWithControlsRejected) {
  const RunOutcome r = RunClaimForTest("gd_linear_convergence");
  for (const char* arm : {"random", "linear", "rates"}) {
    EXPECT_EQ(ArmVerdict(r.verdict_json, arm), "PASS") << arm;
  }
  for (const char* arm : {"mean_field", "catapult"}) {
    EXPECT_EQ(ArmVerdict(r.verdict_json, arm), "REJECTED") << arm;
  }
  EXPECT_EQ(r.verdict, Verdict::kPass);
  EXPECT_TRUE(r.meets_expected);
  if (ClaimTestScale() != "quick") return;
  // Seed 1 at quick scale, as `thmcheck judge gd_linear_convergence` recorded it (protocol 1).
  ExpectRecordedNumbers(r.verdict_json, {{"random", "dev", -0.49348},
                                         {"linear", "dev", -0.46977},
                                         {"linear", "fitted before random labels", -42.5},
                                         {"rates", "rate_ratio_bottom", 0.94701},
                                         {"mean_field", "flat in m", -0.0054955},
                                         {"catapult", "ends below the edge", 1.7728}});
}

}  // namespace
}  // namespace thmcheck
