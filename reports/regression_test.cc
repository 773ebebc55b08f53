// Tests of the regression rules (regression.h) on hand-made histories: the robust statistics, the
// benchmark rule in its short-history and run-to-run regimes (each shown able to fire and able to
// stay quiet), machines kept apart, and the claim flags (verdict change, band — for a main arm's
// evidence only — missing claim) with protocol versions kept apart.
#include "reports/regression.h"

#include <gtest/gtest.h>

#include <cmath>

namespace thmcheck::report {
namespace {

HistoryRun Night(const std::string& commit, const std::string& machine,
                 const std::vector<std::pair<std::string, double>>& fastest_ns) {
  HistoryRun run;
  run.commit = commit;
  run.date = "2025-06-" + commit + "T02:00:00Z";
  run.machine = machine;
  for (const auto& [name, ns] : fastest_ns) {
    // Five repetitions: the fastest is `ns`, the others up to 30% slower (noise the rule ignores).
    run.benchmarks.push_back({name, name, {ns * 1.3, ns, ns * 1.1, ns * 1.2, ns * 1.05}, {}});
  }
  return run;
}

ClaimResult Claim(const std::string& verdict, double estimate, int protocol = 1) {
  ClaimResult c;
  c.id = c.claim = "ntk_closeness";
  c.title = "t";
  c.protocol = protocol;
  c.scale = "full";
  c.verdict = verdict;
  Arm main{"main", "main", "", verdict, {}};
  Check check;
  check.observable = "rel_weight_change";
  check.kind = CheckKind::kExponent;
  check.estimate = estimate;
  check.ci = {estimate - 0.02, estimate + 0.02, true};
  check.band = {-0.6, -0.4, true};
  main.checks.push_back(check);
  c.arms.push_back(main);
  return c;
}

TEST(RobustStatsTest, MedianAndScaledMad) {
  EXPECT_EQ(Median({3, 1, 2}), 2);
  EXPECT_EQ(Median({4, 1, 3, 2}), 2.5);
  EXPECT_TRUE(std::isnan(Median({})));
  EXPECT_NEAR(ScaledMad({1, 2, 3, 4, 100}), 1.4826, 1e-12);  // the outlier does not matter
}

TEST(BenchmarkRuleTest, ShortHistoryUsesTheFixedFloor) {
  // One earlier run: 1.8× is within the floor (2×), 2.2× is not.
  const std::vector<HistoryRun> runs = {Night("01", "vm", {{"BM_A", 100}, {"BM_B", 100}}),
                                        Night("02", "vm", {{"BM_A", 180}, {"BM_B", 220}})};
  const BenchmarkTrends t = JudgeBenchmarks(runs);
  ASSERT_EQ(t.trends.size(), 2u);
  EXPECT_FALSE(t.trends[0].points[0].judged);
  const BenchmarkPoint& a = t.trends[0].points[1];
  EXPECT_TRUE(a.judged);
  EXPECT_FALSE(a.run_to_run);
  EXPECT_DOUBLE_EQ(a.best_ns, 180);
  EXPECT_DOUBLE_EQ(a.baseline_ns, 100);
  EXPECT_NEAR(a.threshold, 1 + kShortHistorySlowdown, 1e-12);
  EXPECT_FALSE(a.flagged);
  EXPECT_TRUE(t.trends[1].points[1].flagged);
  const std::vector<Flag> flags = LatestFlags(runs, t, {});
  ASSERT_EQ(flags.size(), 1u);
  EXPECT_EQ(flags[0].kind, "benchmark");
  EXPECT_EQ(flags[0].subject, "BM_B");
  EXPECT_NE(flags[0].detail.find("120% above the median of its last 1 run(s)"), std::string::npos)
      << flags[0].detail;
}

TEST(BenchmarkRuleTest, LongHistoryUsesItsOwnRunToRunSpread) {
  // Six earlier runs of a benchmark that wanders ±5% (σ = 1.4826·MAD ≈ 0.044 in ln): 4σ ≈ 19%,
  // above the 10% floor. 1.09× is inside it; 1.29× is flagged, which the short-history floor
  // (2×) would have let pass.
  std::vector<HistoryRun> quiet, loud;
  const double wander[] = {100, 104, 96, 102, 98, 106};
  for (int i = 0; i < 6; ++i) {
    quiet.push_back(Night("0" + std::to_string(i), "vm", {{"BM_A", wander[i]}}));
  }
  loud = quiet;
  quiet.push_back(Night("10", "vm", {{"BM_A", 110}}));
  loud.push_back(Night("10", "vm", {{"BM_A", 130}}));
  const BenchmarkPoint q = JudgeBenchmarks(quiet).trends[0].points.back();
  const BenchmarkPoint l = JudgeBenchmarks(loud).trends[0].points.back();
  EXPECT_TRUE(q.run_to_run);
  EXPECT_EQ(q.window, 6);
  EXPECT_NEAR(q.baseline_ns, std::exp(0.5 * (std::log(100.0) + std::log(102.0))), 1e-9);
  EXPECT_GT(q.threshold, 1 + kMinSlowdown);
  EXPECT_FALSE(q.flagged);
  EXPECT_TRUE(l.flagged);
}

TEST(BenchmarkRuleTest, ComparesOnlyRunsOnTheLatestMachine) {
  const std::vector<HistoryRun> runs = {Night("01", "fast", {{"BM_A", 10}}),
                                        Night("02", "slow", {{"BM_A", 100}}),
                                        Night("03", "slow", {{"BM_A", 101}})};
  const BenchmarkTrends t = JudgeBenchmarks(runs);
  EXPECT_EQ(t.machine, "slow");
  EXPECT_EQ(t.other_machine_runs, 1);
  ASSERT_EQ(t.trends[0].points.size(), 2u);
  EXPECT_FALSE(t.trends[0].points.back().flagged);
}

TEST(ClaimRuleTest, FlagsAChangedVerdictAnEstimateOutsideItsBandAndAMissingClaim) {
  std::vector<HistoryRun> runs(3);
  for (size_t i = 0; i < runs.size(); ++i) runs[i].commit = "c" + std::to_string(i);
  runs[0].claims = {Claim("PASS", -0.5)};
  runs[1].claims = {Claim("PASS", -0.5)};
  runs[2].claims = {Claim("INCONCLUSIVE", -0.31)};
  const std::vector<ClaimTrend> claims = JudgeClaims(runs);
  ASSERT_EQ(claims.size(), 1u);
  EXPECT_FALSE(claims[0].verdicts[1].changed);
  EXPECT_TRUE(claims[0].verdicts[2].changed);
  EXPECT_TRUE(claims[0].estimates[0].points[2].outside_band);
  const std::vector<Flag> flags = LatestFlags(runs, {}, claims);
  ASSERT_EQ(flags.size(), 2u);
  EXPECT_EQ(flags[0].kind, "verdict");
  EXPECT_NE(flags[0].detail.find("PASS \u2192 INCONCLUSIVE"), std::string::npos) << flags[0].detail;
  EXPECT_EQ(flags[1].kind, "band");
  EXPECT_NE(flags[1].detail.find("-0.31 left its band"), std::string::npos) << flags[1].detail;

  runs.push_back(HistoryRun{});  // the claim did not finish in the latest run
  runs.back().commit = "c3";
  const std::vector<Flag> missing = LatestFlags(runs, {}, JudgeClaims(runs));
  ASSERT_EQ(missing.size(), 1u);
  EXPECT_EQ(missing[0].kind, "missing");
}

// Only a main arm's evidence is held to its band. The latest run below has every other kind of
// row outside its band — a control's must-fail row (meant to leave it), its prediction, a report
// arm's row and a main-arm sanity check — and only the main arm's evidence check is flagged.
TEST(ClaimRuleTest, FlagsOnlyAMainArmsEvidenceOutsideItsBand) {
  const auto row = [](const std::string& name, const std::string& role, double estimate) {
    Check check;
    check.name = check.observable = name;
    check.role = role;
    check.kind = CheckKind::kExponent;
    check.estimate = estimate;
    check.ci = {estimate - 0.02, estimate + 0.02, true};
    check.band = {-0.6, -0.4, true};
    return check;
  };
  std::vector<HistoryRun> runs(2);
  for (size_t i = 0; i < runs.size(); ++i) {
    runs[i].commit = "c" + std::to_string(i);
    ClaimResult c = Claim("PASS", i == 0 ? -0.5 : -0.31);
    c.arms[0].checks.push_back(row("identity", kSanity, 0.0));
    Arm control{"mean_field", "control", "", "REJECTED", {}};
    control.checks = {row("rel_weight_change", kMustFail, 0.0), row("flat", kPrediction, 0.0)};
    Arm report{"span", "report", "", "REPORTED", {row("span_slack", kSanity, 1.0)}};
    c.arms.push_back(control);
    c.arms.push_back(report);
    runs[i].claims = {c};
  }
  const std::vector<ClaimTrend> claims = JudgeClaims(runs);
  ASSERT_EQ(claims.size(), 1u);
  ASSERT_EQ(claims[0].estimates.size(), 5u);
  // The control's must-fail row has the main check's name: a trend of its own (matched by arm).
  EXPECT_EQ(claims[0].estimates[2].arm, "mean_field");
  EXPECT_EQ(claims[0].estimates[2].name, "rel_weight_change");
  EXPECT_EQ(claims[0].estimates[2].check_role, kMustFail);
  const std::vector<Flag> flags = LatestFlags(runs, {}, claims);
  ASSERT_EQ(flags.size(), 1u);
  EXPECT_EQ(flags[0].kind, "band");
  EXPECT_EQ(flags[0].subject, "ntk_closeness main.rel_weight_change");
}

TEST(ClaimRuleTest, ANewProtocolStartsANewSeriesAndIsNotAVerdictChange) {
  std::vector<HistoryRun> runs(2);
  runs[0].claims = {Claim("PASS", -0.5, 1)};
  runs[1].claims = {Claim("FAIL", -0.1, 2)};
  const std::vector<ClaimTrend> claims = JudgeClaims(runs);
  ASSERT_EQ(claims.size(), 2u);
  EXPECT_EQ(*claims[1].protocol, 2);
  EXPECT_FALSE(claims[1].verdicts[0].changed);
  // Only the band flag: nothing is compared across protocols.
  const std::vector<Flag> flags = LatestFlags(runs, {}, claims);
  ASSERT_EQ(flags.size(), 1u);
  EXPECT_EQ(flags[0].kind, "band");
}

}  // namespace
}  // namespace thmcheck::report
