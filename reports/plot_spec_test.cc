// Tests of plot selection: one plot per fitted (observable, x), main arm first with the
// prediction anchored at its first point, non-fit kinds left to the tables, and points that
// log axes cannot show counted rather than lost.
#include "reports/plot_spec.h"

#include <gtest/gtest.h>

namespace thmcheck::report {
namespace {

Check FittedCheck(const std::string& observable, const std::string& x, double slope) {
  Check check;
  check.observable = observable;
  check.x = x;
  check.kind = CheckKind::kExponent;
  check.predicted = -0.5;
  Fit fit;
  fit.slope = slope;
  fit.intercept = 0.0;
  fit.points = {PointAt(512, 0.04, 0.03, 0.05, 3), PointAt(128, 0.08, 0.07, 0.09, 3)};
  check.fit = fit;
  return check;
}

ClaimResult TwoArmClaim() {
  ClaimResult claim;
  Arm control{"mean_field", "control", "", "REJECTED", {FittedCheck("w", "m", 0.0)}};
  Arm main{"main", "main", "", "PASS", {FittedCheck("w", "m", -0.5)}};
  Check bound;  // points, no fit: not plotted
  bound.observable = "loss";
  bound.kind = CheckKind::kMeanBound;
  bound.points = {PointAt(128, 0.001, 0.0, 0.002, 3)};
  main.checks.push_back(bound);
  claim.arms = {control, main};  // control listed first on purpose
  return claim;
}

TEST(PlotSpecTest, OnePlotPerFittedObservableMainFirst) {
  const std::vector<PlotSpec> plots = CollectPlots(TwoArmClaim());
  ASSERT_EQ(plots.size(), 1u);
  const PlotSpec& plot = plots[0];
  EXPECT_EQ(plot.stem, "w_vs_m");
  ASSERT_EQ(plot.series.size(), 2u);
  EXPECT_EQ(plot.series[0].arm, "main");
  EXPECT_EQ(plot.series[1].arm, "mean_field");
  // Points sorted by x; the reference line starts at the main arm's smallest x.
  EXPECT_EQ(plot.series[0].points.front().x, 128);
  EXPECT_EQ(plot.predicted, -0.5);
  EXPECT_EQ(plot.anchor_x, 128);
  EXPECT_EQ(plot.anchor_y, 0.08);
}

TEST(PlotSpecTest, CountsPointsLogAxesCannotShow) {
  ClaimResult claim = TwoArmClaim();
  claim.arms[1].checks[0].fit->points.push_back(PointAt(1024, 0.0, -0.1, 0.1, 3));
  claim.arms[1].checks[0].fit->points.push_back(PointAt(2048, std::nullopt, {}, {}, 0));
  const std::vector<PlotSpec> plots = CollectPlots(claim);
  ASSERT_EQ(plots.size(), 1u);
  EXPECT_EQ(plots[0].series[0].points.size(), 2u);
  EXPECT_EQ(plots[0].Dropped(), 2);
}

TEST(PlotSpecTest, SameObservableOverTwoParametersIsTwoPlots) {
  ClaimResult claim = TwoArmClaim();
  claim.arms[1].checks.push_back(FittedCheck("w", "n", -1.0));
  const std::vector<PlotSpec> plots = CollectPlots(claim);
  ASSERT_EQ(plots.size(), 2u);
  EXPECT_EQ(plots[1].stem, "w_vs_n");
  EXPECT_EQ(plots[1].series.size(), 1u);
}

ClaimFigure RiskFigure() {
  ClaimFigure f;
  f.name = "risk_vs_n";
  f.title = "Risk";
  f.arms = {"main"};
  f.x = "n";
  f.y_label = "risk";
  f.diverged = 1;
  f.series = {
      {"risk.rbf", "rbf", false, 2, {PointAt(64, 0.9, 0.8, 1.0, 3), PointAt(16, 1.0, 0.9, 1.1, 3)}},
      {"risk.zero", "zero", false, 0, {PointAt(16, 0.0, 0.0, 0.0, 3)}},
      {"bound", "bound", true, 0, {PointAt(16, 0.5, std::nullopt, std::nullopt, 3)}}};
  f.lines = {{"floor", 0.01}, {"vacuous", 0.0}, {"unknown", std::nullopt}};
  return f;
}

TEST(PlotSpecTest, DeclaredFiguresComeFirstWithTheirAxesLinesAndCounts) {
  ClaimResult claim = TwoArmClaim();
  claim.figures = {RiskFigure()};
  const std::vector<PlotSpec> plots = CollectPlots(claim);
  ASSERT_EQ(plots.size(), 2u);
  const PlotSpec& plot = plots[0];
  EXPECT_TRUE(plot.declared);
  EXPECT_EQ(plot.stem, "risk_vs_n");
  EXPECT_EQ(plot.observable, "risk");
  EXPECT_EQ(AxesName(plot), "log-log");
  ASSERT_EQ(plot.series.size(), 3u);
  EXPECT_EQ(plot.series[0].arm, "rbf");
  EXPECT_EQ(plot.series[0].points.front().x, 16);  // sorted
  EXPECT_EQ(plot.Dropped(), 1);                    // risk.zero's 0 on a log y axis
  EXPECT_TRUE(plot.series[2].reference);
  // Lines a log axis can show, with a value: the 0 and the null are left out.
  ASSERT_EQ(plot.lines.size(), 1u);
  EXPECT_EQ(plot.lines[0].label, "floor");
  EXPECT_EQ(plot.diverged, 1);
  EXPECT_EQ(plot.unusable, 2);
  EXPECT_FALSE(plots[1].declared);

  claim.figures[0].log_y = false;  // a linear y axis shows both zeros
  const PlotSpec linear = CollectPlots(claim)[0];
  EXPECT_EQ(linear.Dropped(), 0);
  EXPECT_EQ(linear.lines.size(), 2u);
  EXPECT_EQ(AxesName(linear), "log x, linear y");
}

}  // namespace
}  // namespace thmcheck::report
