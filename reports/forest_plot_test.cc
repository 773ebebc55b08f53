// Tests of the index's forest plot: tick choice, shared axes per quantity, verdict colours (by
// role: a must-fail FAIL is green, a sanity PASS grey), placement inside the plot column,
// escaping, and checks without an estimate.
#include "reports/index_page.h"

#include <gtest/gtest.h>

#include <regex>

#include "reports/page_template.h"

namespace thmcheck::report {
namespace {

std::string ForestPlot(const Arm& arm) {
  return RenderTemplate("forest_plot", ForestPlotView(arm));
}

Check MakeCheck(const std::string& observable, const std::string& kind,
                std::optional<double> estimate, const std::string& verdict) {
  Check c;
  c.observable = observable;
  c.kind = *schema::CheckKindFromName(kind);
  c.x = "m";
  c.estimate = estimate;
  c.ci = {estimate ? std::optional<double>(*estimate - 0.03) : std::nullopt,
          estimate ? std::optional<double>(*estimate + 0.03) : std::nullopt, estimate.has_value()};
  c.band = {-0.6, -0.4, true};
  c.predicted = -0.5;
  c.verdict = verdict;
  return c;
}

int Count(const std::string& text, const std::string& needle) {
  int n = 0;
  for (size_t at = text.find(needle); at != std::string::npos; at = text.find(needle, at + 1)) ++n;
  return n;
}

TEST(LinearTicksTest, PicksOneTwoFiveStepsInsideTheRange) {
  EXPECT_EQ(LinearTicks(-0.98, -0.35, 5), (std::vector<double>{-0.8, -0.6, -0.4}));
  EXPECT_EQ(LinearTicks(0, 10, 5), (std::vector<double>{0, 5, 10}));
  EXPECT_EQ(LinearTicks(-0.1, 0.1, 5), (std::vector<double>{-0.1, -0.05, 0, 0.05, 0.1}));
  const std::vector<double> narrow = LinearTicks(1.0001, 1.0004, 5);
  EXPECT_GE(narrow.size(), 2u);
  for (const double t : narrow) EXPECT_TRUE(t >= 1.0001 && t <= 1.0004) << t;
  EXPECT_EQ(LinearTicks(-0.8, -0.4, 3), (std::vector<double>{-0.8, -0.6, -0.4}));  // ends included
  EXPECT_TRUE(LinearTicks(1, 1).empty());
}

TEST(ForestPlotTest, ExponentsShareOneAxisOtherKindsGetTheirOwn) {
  Arm arm;
  arm.name = "main";
  arm.checks = {MakeCheck("rel_weight_change", "exponent", -0.49, "PASS"),
                MakeCheck("lin_gap", "exponent_bound", -0.6, "PASS"),
                MakeCheck("train_loss", "mean_bound", 0.001, "FAIL")};
  const std::string svg = ForestPlot(arm);
  EXPECT_EQ(svg.rfind("<svg class=\"forest\"", 0), 0u);
  EXPECT_EQ(Count(svg, "fitted exponent in m"), 1) << svg;  // one shared slope axis
  EXPECT_EQ(Count(svg, "mean_bound of train_loss"), 1) << svg;
  EXPECT_EQ(Count(svg, "<circle"), 3);
  EXPECT_EQ(Count(svg, "fill=\"#1a7f37\" stroke=\"#fff\""), 2);  // PASS: green dots
  EXPECT_EQ(Count(svg, "fill=\"#cf222e\" stroke=\"#fff\""), 1);  // FAIL: red
  EXPECT_NE(svg.find("-0.49 [-0.52, -0.46]"), std::string::npos);
  // Every dot sits in the plot column (x from 156 to 326).
  static const std::regex kDot("<circle cx=\"([0-9.]+)\"");
  for (auto it = std::sregex_iterator(svg.begin(), svg.end(), kDot); it != std::sregex_iterator();
       ++it) {
    const double x = std::stod((*it)[1]);
    EXPECT_GE(x, 156);
    EXPECT_LE(x, 326);
  }
}

TEST(ForestPlotTest, ColoursEachDotByWhatItsVerdictMeansInItsRole) {
  Arm arm;
  arm.name = "mean_field";
  arm.checks = {MakeCheck("rejects", "exponent", -0.0, "FAIL"),
                MakeCheck("cannot_tell", "exponent", -0.5, "PASS"),
                MakeCheck("identity", "mean_bound", 1e-16, "PASS"),
                MakeCheck("broken_identity", "mean_bound", 1.0, "FAIL")};
  arm.checks[0].role = arm.checks[1].role = kMustFail;
  arm.checks[2].role = arm.checks[3].role = kSanity;
  const std::string svg = ForestPlot(arm);
  // A must-fail row that FAILs is what its control predicts: green; one that PASSes: red.
  // A sanity check is grey unless it FAILs (a bug: red).
  EXPECT_EQ(Count(svg, "fill=\"#1a7f37\" stroke=\"#fff\""), 1) << svg;
  EXPECT_EQ(Count(svg, "fill=\"#cf222e\" stroke=\"#fff\""), 2);
  EXPECT_EQ(Count(svg, "fill=\"#6e7781\" stroke=\"#fff\""), 1);
  EXPECT_EQ(Count(svg, "font-style=\"italic\""), 2);  // the sanity checks' names
  EXPECT_NE(svg.find("rejects (exponent, must fail)"), std::string::npos);  // the tooltip
  EXPECT_NE(svg.find("identity (mean_bound, sanity (not evidence))"), std::string::npos);
}

TEST(ForestPlotTest, EscapesNamesAndShowsChecksWithoutEstimateAsText) {
  Arm arm;
  arm.name = "main<b>";
  arm.checks = {MakeCheck("a<script>", "exponent", std::nullopt, "INCONCLUSIVE")};
  const std::string svg = ForestPlot(arm);
  EXPECT_EQ(svg.find("<script"), std::string::npos);
  EXPECT_EQ(svg.find("<b>"), std::string::npos);
  EXPECT_NE(svg.find("forest plot of the main&lt;b&gt; arm"), std::string::npos);
  EXPECT_NE(svg.find("a&lt;script&gt;"), std::string::npos);
  EXPECT_EQ(Count(svg, "<circle"), 0);
  EXPECT_NE(svg.find("\u2014"), std::string::npos);  // the absent estimate, as text
  EXPECT_TRUE(ForestPlotView(Arm{}).is_null());
}

}  // namespace
}  // namespace thmcheck::report
