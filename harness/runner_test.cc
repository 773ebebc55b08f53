// The runner on a toy claim whose cells draw y = m^b·noise from their seed: verdicts follow the
// data, the same seed gives byte-identical cell files whatever the thread count, --resume reuses
// cells and recomputes a corrupted one, a control whose named check does not fail fails the
// claim, and a claim whose only control is switched off is not a PASS.
#include "harness/runner.h"

#include <gtest/gtest.h>

#include <atomic>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "harness/rng.h"
#include "harness/sweep.h"

namespace thmcheck {
namespace {

namespace fs = std::filesystem;

ClaimSpec ToyClaim(double control_slope) {
  ClaimSpec c;
  c.id = "toy";
  c.title = "toy power law";
  c.citation = {"A. Author", 2020, "Toy", "0000.00000", "Thm 1", "", {}};
  c.params = {IntListParam("ms", 1, 1e6, 3, true, "").Defaults({64, 128, 256, 512, 1024}, {64}),
              IntParam("replicates", 1, 100, "").Defaults(4, 4),
              RealParam("b", -2, 2, "").Defaults(-0.5, -0.5)};
  const std::vector<CheckSpec> checks = {ExponentCheck("y", "m", -0.5, 0.1, "t")};
  c.arms = {{"main", ArmRole::kMain, "holds", nlohmann::json::object(), {{"m", "ms"}}, checks},
            {.name = "broken",
             .role = ArmRole::kControl,
             .condition = "broken",
             .overrides = {{"b", control_slope}},
             .axes = {{"m", "ms"}},
             .checks = {Named("y any", ExponentAtMost("y", "m", 2.0, 2.0, "t"))},
             .must_fail = {{"y", "the broken condition changes the slope"}}}};
  c.run = [](const CellParams& p, const CellSeeds& seeds) {
    Rng rng(seeds.cell);
    CellOutcome out;
    out.observables["y"] = std::pow(p.Real("m"), p.Real("b")) * std::exp(0.05 * rng.Normal());
    return out;
  };
  return c;
}

std::string Slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

nlohmann::json ReadJson(const fs::path& p) { return nlohmann::json::parse(Slurp(p)); }

class RunnerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("thmcheck_runner_test_" + std::to_string(::getpid()));
    fs::remove_all(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }
  RunOutcome Run(const ClaimSpec& claim, const fs::path& out, int threads, bool resume = false,
                 std::vector<std::pair<std::string, std::string>> sets = {}) {
    RunOptions o;
    o.out = out;
    o.threads = threads;
    o.resume = resume;
    o.sets = std::move(sets);
    std::ostringstream log;
    RunOutcome r = ExecuteRun(PrepareRun(claim, o), o, log);
    log_ = log.str();
    return r;
  }
  fs::path dir_;
  std::string log_;
};

TEST_F(RunnerTest, ControlRejectedMakesTheClaimPass) {
  const RunOutcome r = Run(ToyClaim(0.0), dir_, 2);
  EXPECT_EQ(r.verdict, Verdict::kPass);
  EXPECT_TRUE(r.meets_expected);
  EXPECT_EQ(r.verdict_json["arms"][1]["verdict"], "REJECTED");
  EXPECT_EQ(r.verdict_json["expected"],
            nlohmann::json({{"status", "reproduces"}, {"reason", ""}, {"met", true}}));
  EXPECT_TRUE(fs::exists(dir_ / "toy" / "verdict.json"));
  EXPECT_EQ(r.cells_computed, 2 * 5 * 4);
}

TEST_F(RunnerTest, ControlThatPassesFailsTheClaim) {
  const RunOutcome r = Run(ToyClaim(-0.5), dir_, 2);
  EXPECT_EQ(r.verdict_json["arms"][1]["verdict"], "NOT_REJECTED");
  EXPECT_EQ(r.verdict, Verdict::kFail);
}

// A claim expected not to reproduce at this scale meets its status when it does not PASS; one
// expected to reproduce does not meet it then. `run`'s exit code follows `meets_expected`.
TEST_F(RunnerTest, TheExpectedStatusIsRecordedAndDecidesWhetherTheRunMetIt) {
  ClaimSpec claim = ToyClaim(-0.5);  // FAILs: its control is not rejected
  claim.expected = {ExpectedStatus::kNotReproducedAtThisScale, "the control is as steep"};
  const RunOutcome r = Run(claim, dir_, 2);
  EXPECT_EQ(r.verdict, Verdict::kFail);
  EXPECT_TRUE(r.meets_expected);
  EXPECT_EQ(r.verdict_json["expected"]["status"], "not_reproduced_at_this_scale");
  EXPECT_EQ(r.verdict_json["expected"]["reason"], "the control is as steep");
  EXPECT_NE(r.verdict_json["verdict_reason"].get<std::string>().find("broken is not rejected"),
            std::string::npos);
}

TEST_F(RunnerTest, CellsAndVerdictAreByteIdenticalAcrossThreadCounts) {
  const ClaimSpec claim = ToyClaim(0.0);
  std::string verdict1;
  for (int threads : {1, 2, 4}) {
    const fs::path out = dir_ / ("t" + std::to_string(threads));
    const RunOutcome r = Run(claim, out, threads);
    const std::string verdict = WithoutRunRecord(r.verdict_json).dump(1);
    if (threads == 1) {
      verdict1 = verdict;
      continue;
    }
    EXPECT_EQ(verdict, verdict1) << threads << " threads";
    int compared = 0;
    for (const auto& e : fs::directory_iterator(dir_ / "t1" / "toy" / "cells")) {
      EXPECT_EQ(Slurp(e.path()), Slurp(out / "toy" / "cells" / e.path().filename()));
      ++compared;
    }
    EXPECT_EQ(compared, 40);
  }
}

// Shared work (ClaimSpec::shared): computed once per replicate whatever the thread count, the
// cells' bytes unchanged by who computed it, and none of it held once the run is over.
TEST_F(RunnerTest, SharedWorkIsComputedOncePerReplicateAndGivesTheSameBytes) {
  ClaimSpec claim = ToyClaim(0.0);
  std::atomic<int> computed{0};
  claim.shared = SharedPerReplicate<double>({"b"}, [&](const CellParams&, uint64_t seed) {
    ++computed;
    return Rng(seed).Normal();  // a replicate's own draw
  });
  claim.run = [](const CellParams& p, const CellSeeds& seeds) {
    CellOutcome out;
    out.observables["y"] =
        std::pow(p.Real("m"), p.Real("b")) * std::exp(0.05 * *SharedWork<double>(seeds));
    return out;
  };
  for (int threads : {1, 4}) {
    computed = 0;
    Run(claim, dir_ / ("t" + std::to_string(threads)), threads);
    // 4 replicates × 2 values of the key b (main: -0.5; the control sets 0).
    EXPECT_EQ(computed, 8) << threads << " threads";
  }
  int compared = 0;
  for (const auto& e : fs::directory_iterator(dir_ / "t1" / "toy" / "cells")) {
    EXPECT_EQ(Slurp(e.path()), Slurp(dir_ / "t4" / "toy" / "cells" / e.path().filename()));
    ++compared;
  }
  EXPECT_EQ(compared, 40);
  Run(claim, dir_ / "t4", 2, /*resume=*/true);
  EXPECT_EQ(computed, 8) << "a resumed run recomputed shared work no cell needed";
}

TEST(SharedWorkStoreTest, FreesAKeysWorkWhenItsLastCellIsDone) {
  const SharedWorkSpec spec =
      SharedPerReplicate<int>({"a"}, [](const CellParams& p, uint64_t) { return p.Int("a"); });
  const nlohmann::json a1 = {{"a", 1}}, a2 = {{"a", 2}};
  SharedWorkStore store(spec, {{&a1, 7}, {&a1, 7}, {&a2, 7}});
  EXPECT_EQ(*std::any_cast<std::shared_ptr<const int>>(store.Get(a1, 7)), 1);
  EXPECT_EQ(*std::any_cast<std::shared_ptr<const int>>(store.Get(a2, 7)), 2);
  EXPECT_EQ(store.Held(), 2u);
  store.Done(a1, 7);
  EXPECT_EQ(store.Held(), 2u);  // one cell of key a=1 still to finish
  store.Done(a1, 7);
  store.Done(a2, 7);
  EXPECT_EQ(store.Held(), 0u);
}

TEST_F(RunnerTest, ResumeReusesCellsAndRecomputesACorruptOne) {
  const ClaimSpec claim = ToyClaim(0.0);
  Run(claim, dir_, 2);
  const fs::path cells = dir_ / "toy" / "cells";
  const fs::path victim = fs::directory_iterator(cells)->path();
  const std::string original = Slurp(victim);
  std::ofstream(victim, std::ios::binary | std::ios::trunc)
      << original.substr(0, original.size() / 2);
  const std::string fresh = WithoutRunRecord(ReadJson(dir_ / "toy" / "verdict.json")).dump(1);
  const RunOutcome r = Run(claim, dir_, 2, /*resume=*/true);
  EXPECT_EQ(WithoutRunRecord(r.verdict_json).dump(1), fresh);
  EXPECT_EQ(r.cells_reused, 39);
  EXPECT_EQ(r.cells_computed, 1);
  EXPECT_NE(log_.find(victim.filename().string()), std::string::npos);
  EXPECT_EQ(Slurp(victim), original);
}

TEST_F(RunnerTest, DivergedCellsAreRecordedExcludedAndNeverPass) {
  ClaimSpec claim = ToyClaim(0.0);
  const CellFunction converging = claim.run;
  claim.run = [converging](const CellParams& p, const CellSeeds& seeds) {
    if (p.Real("m") < 256) return converging(p, seeds);
    CellOutcome out;  // as a claim reports a NaN loss
    out.status = CellStatus::kDiverged;
    out.observables["y"] = std::nan("");
    out.note = "loss nan at step 3";
    return out;
  };
  const RunOutcome r = Run(claim, dir_, 2);
  // The control, with 2 widths left, cannot FAIL the check it names: NOT_REJECTED, so the claim
  // FAILs (verdict.h: a control none of whose named checks FAILs).
  EXPECT_EQ(r.verdict, Verdict::kFail);
  EXPECT_EQ(r.verdict_json["arms"][1]["verdict"], "NOT_REJECTED");
  const nlohmann::json& check = r.verdict_json["arms"][0]["checks"][0];
  EXPECT_EQ(check["verdict"], "INCONCLUSIVE");
  EXPECT_NE(check["reason"].get<std::string>().find("12 diverged"), std::string::npos) << check;
  // The capping cells are named by their files' ids.
  EXPECT_EQ(check["excluded"]["capping_cells"].size(), 12u);
  int diverged_files = 0;
  for (const auto& e : fs::directory_iterator(dir_ / "toy" / "cells"))
    diverged_files += ReadJson(e.path())["status"] == "diverged";
  EXPECT_EQ(diverged_files, 2 * 3 * 4);  // both arms, widths 256…1024, 4 replicates
}

TEST_F(RunnerTest, ASwitchedOffArmHasNoCellsIsNotJudgedAndIsListed) {
  ClaimSpec claim = ToyClaim(-0.5);  // its control is NOT_REJECTED (FAIL) whenever it runs
  claim.params.push_back(IntParam("run_broken", 0, 1, "").Defaults(0, 0));
  claim.arm_switches = {{"broken", "run_broken"}};
  const RunOutcome off = Run(claim, dir_, 2);
  // The main arm PASSes, but with its only control switched off nothing showed that its check
  // can fail: INCONCLUSIVE, not PASS (the old rule passed it).
  EXPECT_EQ(off.verdict_json["arms"][0]["verdict"], "PASS");
  EXPECT_EQ(off.verdict, Verdict::kInconclusive);
  EXPECT_FALSE(off.meets_expected);
  EXPECT_EQ(off.cells_computed, 5 * 4);
  ASSERT_EQ(off.verdict_json["arms"].size(), 1u);
  ASSERT_EQ(off.verdict_json["arms_not_run"].size(), 1u);
  EXPECT_EQ(off.verdict_json["arms_not_run"][0]["name"], "broken");
  EXPECT_EQ(off.verdict_json["arms_not_run"][0]["enabled_by"], "run_broken");
  // Switched on: the main arm's cells are the same cells (the switch is not a cell parameter).
  const RunOutcome on = Run(claim, dir_, 2, /*resume=*/true, {{"run_broken", "1"}});
  EXPECT_EQ(on.cells_reused, 5 * 4);
  EXPECT_EQ(on.cells_computed, 5 * 4);
  EXPECT_EQ(on.verdict_json["arms"][1]["verdict"], "NOT_REJECTED");
  EXPECT_FALSE(on.verdict_json.contains("arms_not_run"));
  EXPECT_EQ(on.verdict, Verdict::kFail);
}

TEST_F(RunnerTest, AnArmsOwnParameterReachesOnlyThatArmsCells) {
  ClaimSpec claim = ToyClaim(-0.5);
  claim.params.push_back(RealParam("broken_b", -2, 2, "").Defaults(0.5, 0.5));
  claim.arms[1].overrides = nlohmann::json::object();
  claim.arms[1].own_params = {{"b", "broken_b"}};
  const RunOutcome first = Run(claim, dir_, 2);
  EXPECT_EQ(first.verdict_json["arms"][1]["overrides"], nlohmann::json({{"b", 0.5}}));
  for (const Cell& c : ExpandCells(claim, ResolveParams(claim.params, "quick", {}), 1)) {
    EXPECT_FALSE(c.params.contains("broken_b"));
    EXPECT_EQ(c.params.at("b"), c.arm == 0 ? -0.5 : 0.5);
  }
  // Another value: the control's cells are new, the main arm's are reused.
  const RunOutcome second = Run(claim, dir_, 2, /*resume=*/true, {{"broken_b", "1"}});
  EXPECT_EQ(second.cells_reused, 5 * 4);
  EXPECT_EQ(second.cells_computed, 5 * 4);
  EXPECT_EQ(second.verdict_json["arms"][1]["overrides"], nlohmann::json({{"b", 1.0}}));
}

TEST(SweepTest, AnOwnParameterMayNotCollideWithTheArmsOverridesOrAxes) {
  ClaimSpec claim = ToyClaim(-0.5);
  claim.params.push_back(RealParam("broken_b", -2, 2, "").Defaults(0.5, 0.5));
  claim.arms[1].own_params = {{"b", "broken_b"}};  // the toy control also overrides b
  const nlohmann::json params = ResolveParams(claim.params, "quick", {});
  EXPECT_DEATH(ArmSets(claim, claim.arms[1], params), "both overrides b and sets it from broken_b");
  claim.arms[1].overrides = nlohmann::json::object();
  claim.arms[1].own_params = {{claim.arms[1].axes.at(0).name, "broken_b"}};
  EXPECT_DEATH(ArmSets(claim, claim.arms[1], params), "both sweeps");
}

TEST(SweepTest, AnArmMayRunFewerReplicatesThanTheClaim) {
  ClaimSpec claim = ToyClaim(-0.5);
  claim.params.push_back(IntParam("control_replicates", 1, 100, "").Defaults(2, 2));
  claim.arms[1].replicates_from = "control_replicates";
  const auto cells = ExpandCells(claim, ResolveParams(claim.params, "quick", {}), 1);
  int main_cells = 0, control_cells = 0;
  for (const Cell& c : cells) {
    EXPECT_FALSE(c.params.contains("control_replicates"));
    (c.arm == 0 ? main_cells : control_cells) += 1;
    if (c.arm == 1) {
      EXPECT_LT(c.replicate, 2);
    }
  }
  EXPECT_EQ(main_cells, 5 * 4);
  EXPECT_EQ(control_cells, 5 * 2);
  // The same replicate index draws the same replicate seed in both arms (paired data).
  EXPECT_EQ(cells[0].replicate_seed, cells[main_cells].replicate_seed);
  // More than the claim's replicates: the claim's.
  const auto capped =
      ExpandCells(claim, ResolveParams(claim.params, "quick", {{"control_replicates", "9"}}), 1);
  EXPECT_EQ(capped.size(), cells.size() + 5 * 2);
}

TEST_F(RunnerTest, SeedsDependOnTheCellNotTheArm) {
  // Identical parameters ⇒ identical seed (paired data across arms); other replicate ⇒ other seed.
  ClaimSpec claim = ToyClaim(-0.5);
  const auto cells = ExpandCells(claim, ResolveParams(claim.params, "quick", {}), 1);
  EXPECT_EQ(cells[0].seed, cells[20].seed);
  EXPECT_NE(cells[0].id, cells[20].id);
  EXPECT_NE(cells[0].seed, cells[1].seed);
  EXPECT_EQ(cells[0].replicate_seed, cells[4].replicate_seed);  // same replicate, next width
  EXPECT_NE(cells[0].replicate_seed, cells[1].replicate_seed);
}

}  // namespace
}  // namespace thmcheck
