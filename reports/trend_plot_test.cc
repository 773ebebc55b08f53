// Tests of an estimate's trend plot (history_report.h, trend_plot.cc) when arms of several roles
// share a check name: the band drawn is the main arm's evidence check's, a control's must-fail row
// is labelled so, a prediction named apart gets its own plot, and only a main-arm evidence estimate
// outside its band is ringed.
#include "reports/history_report.h"

#include <gtest/gtest.h>

namespace thmcheck::report {
namespace {

EstimateTrend Trend(const std::string& arm, const std::string& role, const std::string& check_role,
                    double estimate, bool outside) {
  EstimateTrend e;
  e.arm = arm;
  e.role = role;
  e.name = "rel_weight_change";
  e.kind = "exponent";
  e.check_role = check_role;
  EstimatePoint p;
  p.estimate = estimate;
  p.ci = {estimate - 0.02, estimate + 0.02, true};
  p.band = {-0.6, -0.4, true};
  p.outside_band = outside;
  e.points = {p};
  return e;
}

TEST(EstimatePlotTest, LabelsAControlsMustFailRowAndRingsOnlyMainEvidence) {
  ClaimTrend series;
  series.claim = "ntk_closeness";
  series.scale = "smoke";
  // The control's row, far outside the band as it should be, comes first in the file.
  series.estimates = {Trend("mean_field", "control", kMustFail, 0.0, false),
                      Trend("main", "main", kEvidence, -0.5, false)};
  series.estimates[0].points[0].band = {0.5, 1.0, true};  // binary-exact, so the .dat shows them
  series.estimates[1].points[0].band = {-0.75, -0.25, true};
  // A prediction that measures the same observable under its own name has a plot of its own.
  series.estimates.push_back(Trend("mean_field", "control", kPrediction, 0.0, false));
  series.estimates.back().name = "rel_weight_change flat";
  TrendFiles files = EstimatePlot(series, "rel_weight_change", {"06-01 aaaa"}, "s");
  EXPECT_NE(files.script.find("title 'mean_field (control, must fail)'"), std::string::npos)
      << files.script;
  EXPECT_NE(files.script.find("title 'main'"), std::string::npos);
  EXPECT_EQ(files.script.find("prediction"), std::string::npos);
  EXPECT_NE(files.script.find("title 'band (main arm)'"), std::string::npos);
  EXPECT_EQ(files.script.find("outside its band"), std::string::npos);
  // The band block is the main arm's, whichever arm comes first.
  EXPECT_NE(files.data.find(" -0.75 -0.25\n"), std::string::npos) << files.data;
  EXPECT_EQ(files.data.find(" 0.5 1\n"), std::string::npos) << files.data;

  files = EstimatePlot(series, "rel_weight_change flat", {"06-01 aaaa"}, "s");
  EXPECT_NE(files.script.find("title 'mean_field (control, prediction)'"), std::string::npos);
  EXPECT_EQ(files.script.find("title 'main'"), std::string::npos);

  series.estimates[1].points[0].outside_band = true;
  files = EstimatePlot(series, "rel_weight_change", {"06-01 aaaa"}, "s");
  EXPECT_NE(files.script.find("outside its band"), std::string::npos);
}

}  // namespace
}  // namespace thmcheck::report
