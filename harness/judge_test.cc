// `thmcheck judge`: seed lists parse or are refused with a message, a toy claim is run once per
// seed into its own folder (reused on a rerun), and the tally says whether it reproduces.
#include "harness/judge.h"

#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "harness/errors.h"
#include "harness/rng.h"

namespace thmcheck {
namespace {

namespace fs = std::filesystem;

TEST(SeedJudgeTest, ParsesSeedListsAndRefusesBadOnes) {
  EXPECT_EQ(ParseSeedList("1-3"), (std::vector<uint64_t>{1, 2, 3}));
  EXPECT_EQ(ParseSeedList("7"), (std::vector<uint64_t>{7}));
  EXPECT_EQ(ParseSeedList("1,3,5-6"), (std::vector<uint64_t>{1, 3, 5, 6}));
  for (const char* bad : {"", "3-1", "a", "1,,2", "1-", "1,1", "0-20000"})
    EXPECT_THROW(ParseSeedList(bad), UsageError) << bad;
}

// y = m^b·exp(0.05ε): the main arm's rate −1/2 holds, the control's b = 0 breaks it.
ClaimSpec Toy(double main_slope) {
  ClaimSpec c;
  c.id = "toy_judge";
  c.params = {IntListParam("ms", 1, 1e6, 3, true, "").Defaults({64, 128, 256, 512}, {64}),
              IntParam("replicates", 1, 100, "").Defaults(4, 4),
              RealParam("b", -2, 2, "").Defaults(main_slope, main_slope)};
  c.arms = {{"main",
             ArmRole::kMain,
             "holds",
             nlohmann::json::object(),
             {{"m", "ms"}},
             {ExponentCheck("y", "m", -0.5, 0.1, "t")}},
            {.name = "flat",
             .role = ArmRole::kControl,
             .condition = "b = 0",
             .overrides = {{"b", 0.0}},
             .axes = {{"m", "ms"}},
             .checks = {Named("y flat", ExponentCheck("y", "m", 0.0, 0.1, "t"))},
             .must_fail = {{"y", "b = 0 makes y flat"}}}};
  c.run = [](const CellParams& p, const CellSeeds& seeds) {
    Rng rng(seeds.cell);
    CellOutcome out;
    out.observables["y"] = std::pow(p.Real("m"), p.Real("b")) * std::exp(0.05 * rng.Normal());
    return out;
  };
  return c;
}

TEST(SeedJudgeTest, RunsEverySeedTalliesAndReusesItsResults) {
  const fs::path dir =
      fs::temp_directory_path() / ("thmcheck_judge_test_" + std::to_string(::getpid()));
  fs::remove_all(dir);
  RunOptions o;
  o.out = dir;
  o.quiet = true;
  o.threads = 2;
  std::ostringstream log;
  const ClaimSpec claim = Toy(-0.5);
  const JudgeTally t = JudgeSeeds(PrepareRun(claim, o), o, {1, 2, 3}, log);
  EXPECT_EQ(t.passes, 3);
  EXPECT_EQ(t.needed, 3);  // ⌈0.95·3⌉
  EXPECT_TRUE(t.reproduces);
  EXPECT_TRUE(t.meets_expected);
  ASSERT_EQ(t.seeds.size(), 3u);
  EXPECT_EQ(t.seeds[1].seed, 2u);
  EXPECT_EQ(t.seeds[1].arms[1]["rejected_by"], nlohmann::json::array({"y"}));
  EXPECT_TRUE(fs::exists(dir / "seed-2" / "toy_judge" / "verdict.json"));
  EXPECT_TRUE(fs::exists(dir / "judge.json"));
  std::ostringstream table;
  PrintJudgeTable(t, table);
  EXPECT_NE(table.str().find("tally: PASS on 3 of 3 seeds (needs 3); main 3; flat 3"),
            std::string::npos)
      << table.str();
  EXPECT_NE(table.str().find("toy_judge reproduces at quick scale"), std::string::npos);
  // A rerun computes nothing: every seed's cells are reused (the run record says so).
  JudgeSeeds(PrepareRun(claim, o), o, {1, 2, 3}, log);
  const nlohmann::json again =
      nlohmann::json::parse(std::ifstream(dir / "seed-3" / "toy_judge" / "verdict.json"));
  EXPECT_EQ(again["context"]["cells_computed"], 0);
  // A claim whose main arm is not at its rate does not reproduce, and a claim declared not to
  // reproduce at this scale then meets its status.
  ClaimSpec steep = Toy(-1.0);
  const JudgeTally fails = JudgeSeeds(PrepareRun(steep, o), o, {4, 5}, log);
  EXPECT_EQ(fails.passes, 0);
  EXPECT_FALSE(fails.reproduces);
  EXPECT_FALSE(fails.meets_expected);
  steep.expected = {ExpectedStatus::kNotReproducedAtThisScale, "too steep"};
  EXPECT_TRUE(JudgeSeeds(PrepareRun(steep, o), o, {4, 5}, log).meets_expected);
  fs::remove_all(dir);
}

}  // namespace
}  // namespace thmcheck
