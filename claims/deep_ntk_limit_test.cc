// Claim test: `deep_ntk_limit` at quick scale PASSes with its control REJECTED by the check it
// names, and its seed-1 numbers are the recorded ones.
#include <gtest/gtest.h>

#include "claims/claim_test_support.h"

namespace thmcheck {
namespace {

TEST(DeepNtkLimitClaim, PassesAtQuickScaleWithTheControlRejected) {
  const RunOutcome r = RunClaimForTest("deep_ntk_limit");
  for (const char* arm : {"L2", "L3", "L5", "depth"}) {
    EXPECT_EQ(ArmVerdict(r.verdict_json, arm), "PASS") << arm;
  }
  EXPECT_EQ(ArmVerdict(r.verdict_json, "diagonal"), "REJECTED");
  EXPECT_EQ(r.verdict, Verdict::kPass);
  EXPECT_TRUE(r.meets_expected);
  if (ClaimTestScale() != "quick") return;
  // Seed 1 at quick scale, as `thmcheck judge deep_ntk_limit` recorded it (protocol 1).
  ExpectRecordedNumbers(r.verdict_json, {{"L2", "rel_err", -0.49772},
                                         {"L3", "rel_err", -0.50647},
                                         {"L5", "rel_err", -0.47831},
                                         {"depth", "grows with depth", 0.42310},
                                         {"diagonal", "flat along (L − 1)/m fixed", -0.0069566}});
}

}  // namespace
}  // namespace thmcheck
