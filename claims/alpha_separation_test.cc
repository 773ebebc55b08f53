// Claim test: `alpha_separation` at quick scale PASSes and both control arms (β = 0, β = 0.2) are
// rejected; at full scale (the `.full` variant) the Fig. 2(a) arm runs too and must PASS with them.
// Plus the learner's selection rule on a tiny cell (TrainBest, alpha_separation_cells.cc).
#include <gtest/gtest.h>

#include <cmath>
#include <string>

#include "claims/alpha_separation_cells.h"
#include "claims/claim_test_support.h"
#include "claims/claims.h"
#include "harness/sweep.h"

namespace thmcheck {
namespace {

TEST(AlphaSeparationClaim, PassesAtQuickScaleWithControlsRejected) {
  const RunOutcome r = RunClaimForTest("alpha_separation");
  EXPECT_EQ(ArmVerdict(r.verdict_json, "main"), "PASS");
  EXPECT_EQ(ArmVerdict(r.verdict_json, "beta0"), "REJECTED");
  EXPECT_EQ(ArmVerdict(r.verdict_json, "beta0.2"), "REJECTED");
  EXPECT_EQ(r.verdict, Verdict::kPass);
}

// Every (w_scale, batch, η) × restart run is screened on validation; the kept run is the argmin
// and the cell records its setting. Tiny sizes: d = 8, k = 4, N = 100, m = 16, 8 epochs (2
// screened).
TEST(AlphaSeparationCell, KeepsTheRunWithTheLowestValidationErrorAndRecordsItsSetting) {
  const ClaimSpec claim = AlphaSeparationClaim();
  const nlohmann::json params = ResolveParams(
      claim.params, "smoke",
      {{"d", "8"}, {"k", "4"}, {"n", "100"}, {"n_val", "100"}, {"n_test", "100"},
       {"width", "16"}, {"epochs", "8"}, {"lrs", "0.5,2"}, {"w_scales", "0.3,1"},
       {"batches", "50,10"}, {"restarts", "2"}});
  const std::vector<Cell> cells = ExpandCells(claim, params, 7);
  ASSERT_FALSE(cells.empty());
  const CellOutcome o =
      RunAlphaSeparationCell(CellParams(cells[0].params), {cells[0].seed, cells[0].replicate_seed});
  ASSERT_EQ(o.status, CellStatus::kOk) << o.note;
  int best = -1;
  double best_val = INFINITY;
  // 2 w_scales × 2 batches × 2 η × 2 restarts: w_scale outermost, restarts innermost.
  for (int i = 0; i < 16; ++i) {
    const double v = o.observables.at("resnet.screen_val_err#" + std::to_string(i));
    if (v < best_val) best_val = v, best = i;
  }
  EXPECT_EQ(o.observables.count("resnet.screen_val_err#16"), 0u);
  EXPECT_EQ(o.observables.at("resnet.restart"), best);
  EXPECT_EQ(o.observables.at("resnet.w_scale"), best / 8 == 0 ? 0.3 : 1.0);
  EXPECT_EQ(o.observables.at("resnet.batch"), best / 4 % 2 == 0 ? 50 : 10);
  EXPECT_EQ(o.observables.at("resnet.lr"), best / 2 % 2 == 0 ? 0.5 : 2.0);
}

}  // namespace
}  // namespace thmcheck
