// Tests of the index page (index_page.h): the expected status of each claim and whether it was
// met, why a claim is not a PASS, each control's "REJECTED by …" (or not rejected) with its
// predictions counted by verdict, a report arm shown as not judged, several main arms each with
// its own forest plot, a file written before these fields, and escaping of what the file says.
#include "reports/index_page.h"

#include <gtest/gtest.h>

#include <regex>

#include "reports/results_reader.h"
#include "reports/test_fixture.h"

namespace thmcheck::report {
namespace {

using nlohmann::json;

ClaimResult Read(const json& verdict) { return test::ReadFixtureClaim(verdict); }

bool Has(const std::string& html, const std::string& needle) {
  return html.find(needle) != std::string::npos;
}

// What a reader sees of `html`: tags dropped (a <br> as a space), the entities the templates
// write decoded, white space collapsed.
std::string Text(const std::string& html) {
  std::string text = std::regex_replace(html, std::regex("<br>"), " ");
  text = std::regex_replace(text, std::regex("<[^>]*>"), "");
  for (const auto& [entity, character] : {std::pair{"&nbsp;", " "},
                                          {"&middot;", "\u00B7"},
                                          {"&mdash;", "\u2014"},
                                          {"&lt;", "<"},
                                          {"&gt;", ">"},
                                          {"&quot;", "\""},
                                          {"&apos;", "'"},
                                          {"&amp;", "&"}})
    text = std::regex_replace(text, std::regex(entity), character);
  return std::regex_replace(text, std::regex("\\s+"), " ");
}

// The text of each cell of the first table row that contains `needle`.
std::vector<std::string> Cells(const std::string& html, const std::string& needle) {
  const size_t at = html.find(needle);
  const size_t begin = html.rfind("<tr>", at), end = html.find("</tr>", at);
  std::vector<std::string> cells;
  const std::string row = html.substr(begin, end - begin);
  for (size_t td = row.find("<td"); td != std::string::npos;) {
    const size_t next = row.find("<td", td + 1);
    const std::string text = Text(row.substr(td, next == std::string::npos ? next : next - td));
    const size_t first = text.find_first_not_of(' '), last = text.find_last_not_of(' ');
    cells.push_back(first == std::string::npos ? "" : text.substr(first, last - first + 1));
    td = next;
  }
  return cells;
}

bool HasBadge(const std::string& html, const std::string& tone, const std::string& word) {
  return std::regex_search(html, std::regex("class=\"badge " + tone + "\"[^>]*>" + word + "<"));
}

TEST(IndexPageTest, ShowsTheExpectedStatusAndWhetherItWasMet) {
  json missed = test::FixtureVerdict();
  missed["verdict"] = "INCONCLUSIVE";
  missed["verdict_reason"] = "main arm main INCONCLUSIVE";
  missed["expected"]["met"] = false;
  json legacy = test::LegacyFixtureVerdict();
  legacy["title"] = "legacy claim";
  ClaimResult met = Read(test::FixtureVerdict());
  met.title = "met claim";
  const std::string html = IndexPageHtml({met, Read(missed), Read(legacy)});
  EXPECT_TRUE(Has(html, "<th>Expected</th>")) << html;
  // Cells: verdict, claim, expected, scale, elapsed, main-arm checks, other arms, link.
  EXPECT_EQ(Cells(html, "met claim").at(2), "reproduces MET");
  EXPECT_TRUE(HasBadge(html, "good", "MET"));
  const std::vector<std::string> missed_row = Cells(html, "why: ");
  EXPECT_EQ(missed_row.at(2), "reproduces NOT MET");
  EXPECT_TRUE(HasBadge(html, "bad", "NOT MET"));
  EXPECT_TRUE(Has(missed_row.at(1), "why: main arm main INCONCLUSIVE")) << missed_row.at(1);
  // The file without an expected status: a dash in its row, and not counted in the summary.
  EXPECT_EQ(Cells(html, "legacy claim").at(2), "\u2014");
  EXPECT_TRUE(Has(Text(html),
                  "3 claims: 2 PASS 0 FAIL 1 INCONCLUSIVE \u00B7 1 of 2 reached the "
                  "status they are expected to reach at their scale"))
      << Text(html);
}

TEST(IndexPageTest, NamesWhatRejectedEachControlAndMarksAReportArmAsNotJudged) {
  json verdict = test::FixtureVerdict();
  verdict["arms"].push_back(
      {{"name", "span"}, {"role", "report"}, {"verdict", "REPORTED"}, {"checks", json::array()}});
  json not_rejected = test::FixtureVerdict();
  not_rejected["arms"][1]["verdict"] = "NOT_REJECTED";
  not_rejected["arms"][1]["rejected_by"] = json::array();
  std::string html = IndexPageHtml({Read(verdict)});
  EXPECT_TRUE(Has(Text(html), "REJECTED by rel_weight_change; predictions: 1 PASS")) << html;
  EXPECT_TRUE(HasBadge(html, "other", "REPORTED"));
  EXPECT_TRUE(Has(Text(html), "span REPORTED reported (not judged)"));
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
  EXPECT_TRUE(Has(html, "aria-label=\"forest plot of the main arm's checks\"")) << html;
  EXPECT_TRUE(Has(html, "aria-label=\"forest plot of the threshold_k2 arm's checks\""));
  EXPECT_TRUE(Has(html, "<div class=\"check\">threshold_k2 <span class=\"badge warn\""));
  // With one main arm, its plot needs no heading.
  EXPECT_FALSE(Has(IndexPageHtml({Read(test::FixtureVerdict())}), "<div class=\"check\">"));
}

TEST(IndexPageTest, EscapesWhatTheFileSaysAndLinksTheClaimFolder) {
  ClaimResult claim = Read(test::FixtureVerdict());
  claim.id = "odd id&<x>";
  claim.title = "<b>\"bold\" & 'quoted'</b>";
  claim.scale = "<i>quick</i>";
  const std::string html = IndexPageHtml({claim}, "<p>trends</p>\n");
  EXPECT_FALSE(Has(html, "<b>")) << html;
  EXPECT_FALSE(Has(html, "<i>"));
  EXPECT_TRUE(Has(html, "&lt;b&gt;&quot;bold&quot; &amp; &apos;quoted&apos;&lt;/b&gt;"));
  EXPECT_TRUE(Has(html, "<code class=\"muted\">odd id&amp;&lt;x&gt;</code>"));
  EXPECT_TRUE(Has(html, "href=\"odd%20id%26%3Cx%3E/index.html\""));
  EXPECT_TRUE(Has(html, "<p>trends</p>"));  // the rendered trends paragraph, as it is
}

}  // namespace
}  // namespace thmcheck::report
