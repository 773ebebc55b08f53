// Figure aggregation: patterns expand to the arm's observables with short labels, each point is
// the replicate mean with its 90% t-interval, diverged cells and missing values are counted (not
// averaged in), lines take their value from the resolved parameters, and the runner writes it all
// into verdict.json only for claims that declare figures (and cross-checks, cross_checks.h); a
// figure may draw several arms on one axis.
#include "harness/figures.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <cmath>
#include <filesystem>
#include <sstream>

#include "harness/runner.h"
#include "harness/schema/records_json.h"

namespace thmcheck {
namespace {

CellView View(double n, int replicate, bool ok, std::map<std::string, double> observables) {
  return {{{"n", n}}, replicate, ok, std::move(observables)};
}

FigureSpec RiskFigure() {
  FigureSpec f;
  f.name = "risk";
  f.arm = "main";
  f.x = "n";
  f.series = {"risk.*"};
  f.reference_series = {"bound"};
  const auto sixteenth = [](const nlohmann::json& p) { return p.at("alpha").get<double>() / 16; };
  f.lines = {{"alpha/16", sixteenth}, FigureLine::Constant("one", 1.0)};
  return f;
}

TEST(FiguresTest, PatternsMatchOneStar) {
  EXPECT_TRUE(MatchesPattern("risk.*", "risk.ntk2"));
  EXPECT_TRUE(MatchesPattern("*.err_ratio", "resnet.err_ratio"));
  EXPECT_TRUE(MatchesPattern("span_bound", "span_bound"));
  EXPECT_FALSE(MatchesPattern("risk.*", "proj_risk.ntk2"));
  EXPECT_FALSE(MatchesPattern("*.err", "resnet.err_ratio"));
  EXPECT_FALSE(MatchesPattern("a*a", "a"));  // prefix and suffix may not overlap
}

TEST(FiguresTest, MeansIntervalsAndExclusions) {
  const std::vector<CellView> cells = {
      View(64, 0, true, {{"risk.rbf", 0.9}, {"risk.ntk", 1.0}, {"bound", 0.5}}),
      View(64, 1, true, {{"risk.rbf", 1.1}, {"risk.ntk", 1.2}, {"bound", 0.5}}),
      View(16, 0, true, {{"risk.rbf", 2.0}, {"risk.ntk", NAN}, {"bound", 0.8}}),
      View(16, 1, false, {{"risk.rbf", NAN}}),  // diverged
  };
  const nlohmann::json f = FigureRecord(RiskFigure(), cells, {{"alpha", 0.16}});
  EXPECT_EQ(f["diverged"], 1);
  ASSERT_EQ(f["series"].size(), 3u);
  // Pattern matches in name order, labelled by what '*' stood for; the reference series last.
  EXPECT_EQ(f["series"][0]["label"], "ntk");
  EXPECT_EQ(f["series"][1]["observable"], "risk.rbf");
  EXPECT_EQ(f["series"][2]["reference"], true);
  const nlohmann::json& ntk = f["series"][0];
  EXPECT_EQ(ntk["unusable"], 1);  // the NaN at n = 16
  ASSERT_EQ(ntk["points"].size(), 1u);
  const nlohmann::json& rbf = f["series"][1]["points"];
  ASSERT_EQ(rbf.size(), 2u);
  EXPECT_EQ(rbf[0]["x"], 16.0);  // sorted by x
  EXPECT_EQ(rbf[0]["n"], 1);
  EXPECT_TRUE(rbf[0]["lo"].is_null());  // one replicate: no interval
  // n = 64: mean 1, sd √0.02, 90% half-width t_{1,0.95}·sd/√2 = 6.3138·0.1.
  constexpr double kT1 = 6.313751514675;  // Student's t, 1 dof, 95th percentile (tables)
  EXPECT_NEAR(rbf[1]["mean"].get<double>(), 1.0, 1e-15);
  EXPECT_NEAR(rbf[1]["hi"].get<double>(), 1.0 + kT1 * 0.1, 1e-9);
  EXPECT_NEAR(f["lines"][0]["value"].get<double>(), 0.01, 1e-17);
  EXPECT_EQ(f["lines"][1]["label"], "one");
}

TEST(FiguresTest, RunnerWritesFiguresAndCrossChecksOnlyWhenDeclared) {
  ClaimSpec c;
  c.id = "toy_fig";
  c.title = "toy";
  c.params = {IntListParam("ns", 1, 1000, 1, true, "").Defaults({8, 16}, {8}),
              IntParam("replicates", 1, 10, "").Defaults(2, 2)};
  c.arms = {{"main",
             ArmRole::kMain,
             "",
             nlohmann::json::object(),
             {{"n", "ns"}},
             {MeanAtLeast("risk.a", 0.0, "t")}},
            // The runner judges only claims with a control (verdict.h); this one is not drawn.
            {.name = "control",
             .role = ArmRole::kControl,
             .overrides = {{"unused", 1}},
             .axes = {{"n", "ns"}},
             .checks = {Named("risk.a any", MeanAtLeast("risk.a", -1.0, "t"))},
             .must_fail = {{"risk.a", "t"}}}};
  c.run = [](const CellParams& p, const CellSeeds&) {
    CellOutcome out;
    out.observables["risk.a"] = p.Real("n");
    return out;
  };
  const auto dir = std::filesystem::temp_directory_path() /
                   ("thmcheck_figures_test_" + std::to_string(::getpid()));
  RunOptions o;
  o.out = dir;
  o.quiet = true;
  std::ostringstream log;
  const nlohmann::json plain = ExecuteRun(PrepareRun(c, o), o, log).verdict_json;
  EXPECT_FALSE(plain.contains("figures"));
  EXPECT_FALSE(plain.contains("cross_checks"));
  c.figures = {RiskFigure()};
  c.cross_checks.resize(1);
  c.cross_checks[0].other_claim = "toy_other";
  c.cross_checks[0].other_arm = "main";
  c.cross_checks[0].x = "n";
  c.cross_checks[0].level_label = "one";
  c.cross_checks[0].below = {"risk.a"};
  c.figures[0].lines.erase(c.figures[0].lines.begin());  // needs "alpha"
  const nlohmann::json v = ExecuteRun(PrepareRun(c, o), o, log).verdict_json;
  std::filesystem::remove_all(dir);
  ASSERT_EQ(v["figures"].size(), 1u);
  const nlohmann::json& points = v["figures"][0]["series"][0]["points"];
  ASSERT_EQ(points.size(), 2u);
  EXPECT_EQ(points[1]["mean"], 16.0);
  EXPECT_EQ(points[1]["n"], 2);
  EXPECT_EQ(v["figures"][0]["series"][1]["unusable"], 4);  // "bound": no cell reports it
  ASSERT_EQ(v["cross_checks"].size(), 1u);
  EXPECT_EQ(v["cross_checks"][0]["claim"], "toy_other");
}

// A figure may draw several arms on one axis (FigureSpec::more_arms): the narrow widths under one
// schedule, the wide ones under another. Each point is one arm's mean; an arm that did not run is
// left out of the points and of "arms"; a value of x found in two arms is a claim bug.
ClaimSpec TwoArmClaim() {
  ClaimSpec c;
  c.id = "toy_two_arms";
  c.params = {IntListParam("ms", 1, 1000, 1, true, "").Defaults({8, 16}, {8, 16}),
              IntListParam("wide_ms", 1, 1000, 1, true, "").Defaults({64}, {64}),
              IntParam("wide", 0, 1, "").Defaults(1, 1),
              IntParam("replicates", 1, 10, "").Defaults(2, 2)};
  c.arms = {{"narrow", ArmRole::kMain, "", nlohmann::json::object(), {{"m", "ms"}}, {}},
            {"wide", ArmRole::kMain, "", {{"epochs", 2}}, {{"m", "wide_ms"}}, {}}};
  c.arm_switches = {{"wide", "wide"}};
  FigureSpec f;
  f.name = "err_vs_m";
  f.arm = "narrow";
  f.more_arms = {"wide"};
  f.x = "m";
  f.series = {"err"};
  c.figures = {f};
  return c;
}

nlohmann::json TwoArmFigure(const ClaimSpec& c, const nlohmann::json& params) {
  const std::vector<Cell> cells = ExpandCells(c, params, 1);
  std::vector<CellOutcome> outcomes(cells.size());
  for (size_t i = 0; i < cells.size(); ++i)
    outcomes[i].observables["err"] = 1.0 / cells[i].params.at("m").get<double>();
  return FigureRecords(c, cells, outcomes, params);
}

TEST(FiguresTest, MoreArmsDrawOnTheSameAxisAndSayWhichRan) {
  const ClaimSpec c = TwoArmClaim();
  nlohmann::json params = {{"ms", {8, 16}}, {"wide_ms", {64}}, {"wide", 1}, {"replicates", 2}};
  nlohmann::json f = TwoArmFigure(c, params);
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0]["arm"], "narrow");
  EXPECT_EQ(f[0]["arms"], nlohmann::json::array({"narrow", "wide"}));
  const nlohmann::json& points = f[0]["series"][0]["points"];
  ASSERT_EQ(points.size(), 3u);
  EXPECT_EQ(points[2]["x"], 64.0);
  EXPECT_EQ(points[2]["n"], 2);
  EXPECT_DOUBLE_EQ(points[2]["mean"].get<double>(), 1.0 / 64);
  params["wide"] = 0;  // switched off: its width is not drawn, and not named
  f = TwoArmFigure(c, params);
  EXPECT_EQ(f[0]["arms"], nlohmann::json::array({"narrow"}));
  EXPECT_EQ(f[0]["series"][0]["points"].size(), 2u);
  ClaimSpec one = c;  // without more_arms the figure's JSON has no "arms" (byte-identical)
  one.figures[0].more_arms.clear();
  EXPECT_FALSE(TwoArmFigure(one, params)[0].contains("arms"));
}

TEST(FiguresDeathTest, AValueOfXInTwoArmsIsAClaimBug) {
  const nlohmann::json params = {
      {"ms", {8, 64}}, {"wide_ms", {64}}, {"wide", 1}, {"replicates", 2}};
  EXPECT_DEATH(TwoArmFigure(TwoArmClaim(), params), "m = 64 in arms narrow and wide");
}

}  // namespace
}  // namespace thmcheck
