// Tests of the index page (index_page.h): the expected status of each claim and whether it was
// met, why a claim is not a PASS, each control's "REJECTED by …" (or not rejected) with its
// predictions counted by verdict, a report arm shown as not judged, several main arms each with
// its own forest plot, and a file written before these fields.
#include "reports/index_page.h"

#include <gtest/gtest.h>

#include <sstream>

#include "reports/results_reader.h"
#include "reports/test_fixture.h"

namespace thmcheck::report {
namespace {

using nlohmann::json;

ClaimResult Read(const json& verdict) { return test::ReadFixtureClaim(verdict); }

bool Has(const std::string& html, const std::string& needle) {
  return html.find(needle) != std::string::npos;
}

TEST(IndexPageTest, ShowsTheExpectedStatusAndWhetherItWasMet) {
  json missed = test::FixtureVerdict();
  missed["verdict"] = "INCONCLUSIVE";
  missed["verdict_reason"] = "main arm main INCONCLUSIVE";
  missed["expected"]["met"] = false;
  json legacy = test::LegacyFixtureVerdict();
  legacy["title"] = "legacy claim";
  const std::string html =
      IndexPageHtml({Read(test::FixtureVerdict()), Read(missed), Read(legacy)});
  EXPECT_TRUE(Has(html, "<th>Expected</th>")) << html;
  EXPECT_TRUE(Has(html, "<td>reproduces<br><span class=\"badge good\""));
  EXPECT_TRUE(Has(html, ">MET</span></td>"));
  EXPECT_TRUE(Has(html, "<td>reproduces<br><span class=\"badge bad\""));
  EXPECT_TRUE(Has(html, ">NOT MET</span></td>"));
  EXPECT_TRUE(Has(html, "why: main arm main INCONCLUSIVE"));
  // The file without an expected status: a dash in its row, and not counted in the summary.
  const std::string legacy_row = html.substr(html.find("legacy claim"));
  EXPECT_EQ(legacy_row.find("<td>\u2014</td>"), legacy_row.find("<td>"));
  EXPECT_TRUE(Has(html, "1 of 2 reached the status they are expected to reach at their scale"));
}

TEST(IndexPageTest, NamesWhatRejectedEachControlAndMarksAReportArmAsNotJudged) {
  json verdict = test::FixtureVerdict();
  verdict["arms"].push_back(
      {{"name", "span"}, {"role", "report"}, {"verdict", "REPORTED"}, {"checks", json::array()}});
  json not_rejected = test::FixtureVerdict();
  not_rejected["arms"][1]["verdict"] = "NOT_REJECTED";
  not_rejected["arms"][1]["rejected_by"] = json::array();
  std::string html = IndexPageHtml({Read(verdict)});
  EXPECT_TRUE(Has(html,
                  "REJECTED by <code>rel_weight_change</code>; predictions: 1 "
                  "<span class=\"badge good\""))
      << html;
  EXPECT_TRUE(Has(html, "span <span class=\"badge other\""));
  EXPECT_TRUE(Has(html, "reported (not judged)"));
  html = IndexPageHtml({Read(not_rejected)});
  EXPECT_TRUE(Has(html, "not rejected: none of its must-fail checks FAILs")) << html;
  EXPECT_FALSE(Has(html, "REJECTED by"));
}

TEST(IndexPageTest, EachMainArmGetsItsOwnForestPlot) {
  json verdict = test::FixtureVerdict();
  json second = verdict["arms"][0];
  second["name"] = "threshold_k2";
  second["verdict"] = "INCONCLUSIVE";
  verdict["arms"].push_back(second);
  const std::string html = IndexPageHtml({Read(verdict)});
  EXPECT_TRUE(Has(html, "forest plot of the main arm")) << html;
  EXPECT_TRUE(Has(html, "forest plot of the threshold_k2 arm"));
  EXPECT_TRUE(Has(html, "threshold_k2 <span class=\"badge warn\""));
}

}  // namespace
}  // namespace thmcheck::report
