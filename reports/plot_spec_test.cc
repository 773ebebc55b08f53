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
  check.kind = "exponent";
  check.predicted = -0.5;
  Fit fit;
  fit.slope = slope;
  fit.intercept = 0.0;
  fit.points = {{512, 0.04, 0.03, 0.05, 3}, {128, 0.08, 0.07, 0.09, 3}};
  check.fit = fit;
  return check;
}

ClaimResult TwoArmClaim() {
  ClaimResult claim;
  Arm control{"mean_field", "control", "", "REJECTED", {FittedCheck("w", "m", 0.0)}};
  Arm main{"main", "main", "", "PASS", {FittedCheck("w", "m", -0.5)}};
  Check bound;  // points, no fit: not plotted
  bound.observable = "loss";
  bound.kind = "mean_bound";
  bound.points = {{128, 0.001, 0.0, 0.002, 3}};
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
  claim.arms[1].checks[0].fit->points.push_back({1024, 0.0, -0.1, 0.1, 3});
  claim.arms[1].checks[0].fit->points.push_back({2048, std::nullopt, {}, {}, 0});
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

}  // namespace
}  // namespace thmcheck::report
