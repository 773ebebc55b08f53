// Tests of what the claim page says about verdicts (claim_page.h, claim_sections.cc): why the claim
// is not a PASS and its expected status beside the verdict; a control arm's "REJECTED by …" (or not
// rejected) with its predictions' verdicts; each check's role, a must-fail row's why, its FAIL
// coloured as the good outcome it is; sanity checks marked as not evidence; a report arm shown as
// not judged; the cells that capped a check, linked to their rows; and a file written before any
// of these fields still renders. Built from the fixture claim (test_fixture.h) with edits.
#include "reports/claim_page.h"

#include <gtest/gtest.h>

#include <sstream>

#include "reports/results_reader.h"
#include "reports/test_fixture.h"

namespace thmcheck::report {
namespace {

using nlohmann::json;

// The claim page (no plots) of the fixture claim with `verdict` as its verdict.json.
std::string Page(const json& verdict) {
  return ClaimPageHtml(test::ReadFixtureClaim(verdict), {}, false);
}

bool Has(const std::string& html, const std::string& needle) {
  return html.find(needle) != std::string::npos;
}

TEST(ClaimPageTest, ShowsWhyNotPassAndTheExpectedStatusBesideTheVerdict) {
  json verdict = test::FixtureVerdict();
  std::string html = Page(verdict);
  EXPECT_FALSE(Has(html, "Why not PASS")) << "a PASS has no reason to show";
  EXPECT_TRUE(Has(html, "Expected: <strong>reproduces</strong> <span class=\"badge good\""))
      << html;
  EXPECT_TRUE(Has(html, ">MET</span>"));

  verdict["verdict"] = "INCONCLUSIVE";
  verdict["verdict_reason"] = "main arm main INCONCLUSIVE <b>";
  verdict["expected"] = {{"status", "not_reproduced_at_this_scale"},
                         {"reason", "needs m \u2265 10\u2074 & more steps"},
                         {"met", false}};
  html = Page(verdict);
  EXPECT_TRUE(Has(html, "<strong>Why not PASS:</strong> main arm main INCONCLUSIVE &lt;b&gt;"))
      << html;
  EXPECT_TRUE(Has(html, "<strong>not reproduced at this scale</strong>"));
  EXPECT_TRUE(Has(html, ">NOT MET</span>"));
  EXPECT_TRUE(Has(html, "(needs m \u2265 10\u2074 &amp; more steps)"));
  // Both sit above the theorem, next to the verdict.
  EXPECT_LT(html.find("Why not PASS"), html.find("<h2>Theorem"));
  EXPECT_LT(html.find("NOT MET"), html.find("<h2>Theorem"));
}

TEST(ClaimPageTest, AControlShowsWhatRejectedItItsPredictionsAndEachRowsRole) {
  const std::string html = Page(test::FixtureVerdict());
  EXPECT_TRUE(Has(html, "Control of <code>main</code>")) << html;
  EXPECT_TRUE(Has(html, "<strong>Outcome:</strong> REJECTED by <code>rel_weight_change</code>"));
  EXPECT_TRUE(Has(html, "predictions: <code>train_loss small</code> <span class=\"badge good\""));
  // A check named apart from what it measures says what it measures.
  EXPECT_TRUE(Has(html,
                  "<td><code>train_loss small</code><br><span class=\"small muted\">of "
                  "<code>train_loss</code></span></td>"));
  // Roles in words, a must-fail row's why, and its FAIL coloured as what the control predicts.
  EXPECT_TRUE(Has(html, "<span class=\"role\">evidence</span>"));
  EXPECT_TRUE(Has(html,
                  "<span class=\"role\">must fail</span><br><span class=\"small\">1/m "
                  "output scaling: each weight moves O(1) at every width</span>"));
  EXPECT_TRUE(Has(html, "<span class=\"role\">prediction</span>"));
  EXPECT_TRUE(Has(html,
                  "<span class=\"badge good\" title=\"must fail: it FAILs on the "
                  "control&apos;s cells"));
  EXPECT_TRUE(Has(html, ">FAIL</span> <span class=\"small\">as the control predicts</span>"));
  EXPECT_FALSE(Has(html, "<span class=\"badge bad\" title=\"must fail"));
  EXPECT_TRUE(Has(html, "decided at {&quot;m&quot;:128}"));  // a check's reason
  EXPECT_TRUE(Has(html, "mean of per-replicate slopes 0.012 over 3, 90% [-0.03, 0.05]"));
}

TEST(ClaimPageTest, AControlThatNoMustFailCheckFailsIsNotRejected) {
  json verdict = test::FixtureVerdict();
  verdict["verdict"] = "FAIL";
  json& control = verdict["arms"][1];
  control["verdict"] = "NOT_REJECTED";
  control["rejected_by"] = json::array();
  control["checks"][0]["verdict"] = "PASS";
  control["checks"][0]["why"] = "<i>why</i>";
  const std::string html = Page(verdict);
  EXPECT_TRUE(Has(html,
                  "<strong>Outcome:</strong> not rejected: none of its must-fail checks "
                  "FAILs; predictions: <code>train_loss small</code>"))
      << html;
  EXPECT_FALSE(Has(html, "REJECTED by"));
  // The must-fail row that PASSed is the bad outcome: red.
  EXPECT_TRUE(Has(html, "<span class=\"badge bad\" title=\"must fail: it PASSes"));
  EXPECT_TRUE(Has(html, "&lt;i&gt;why&lt;/i&gt;"));
  EXPECT_FALSE(Has(html, "<i>why"));
}

TEST(ClaimPageTest, AReportArmIsNotJudgedAndSanityChecksAreNotEvidence) {
  json verdict = test::FixtureVerdict();
  json sanity = verdict["arms"][0]["checks"][1];
  sanity["name"] = sanity["observable"] = "span_slack";
  sanity["role"] = "sanity";
  sanity["sanity"] = true;
  verdict["arms"].push_back({{"name", "span"},
                             {"role", "report"},
                             {"condition", "the exact span bound"},
                             {"verdict", "REPORTED"},
                             {"checks", {sanity}}});
  const std::string html = Page(verdict);
  EXPECT_TRUE(Has(html,
                  "span <span class=\"muted small\">(report arm)</span> "
                  "<span class=\"badge other\""))
      << html;
  EXPECT_TRUE(Has(html, ">REPORTED</span>"));
  EXPECT_TRUE(Has(html,
                  "<strong>reported (not judged)</strong>: this arm is measured and drawn, "
                  "never judged"));
  EXPECT_TRUE(Has(html,
                  "<tr class=\"sanity\"><td><code>span_slack</code></td><td><span "
                  "class=\"role\">sanity (not evidence)</span>"));
  // Its PASS is grey: an identity of the code holding is not evidence.
  EXPECT_TRUE(Has(html,
                  "<span class=\"badge other\" title=\"sanity check: an identity of the "
                  "code; not evidence\">PASS</span>"));
}

TEST(ClaimPageTest, ListsTheCellsThatCappedACheckAndLinksThoseOnThePage) {
  json verdict = test::FixtureVerdict();
  verdict["verdict"] = "INCONCLUSIVE";
  json& check = verdict["arms"][0]["checks"][0];
  check["verdict"] = "INCONCLUSIVE";
  check["reason"] = "capped at INCONCLUSIVE: 0 diverged and 2 unusable cells in scope";
  check["excluded"] = {{"diverged", 0}, {"unusable", 2}, {"capping_cells", {"a3", "gone<"}}};
  const std::string html = Page(verdict);
  EXPECT_TRUE(Has(html, "<code>rel_weight_change</code> capped at INCONCLUSIVE by 2 cells"))
      << html;
  EXPECT_TRUE(Has(html, "<a href=\"#cell-a3\"><code>a3</code></a>"));
  EXPECT_TRUE(Has(html, "<tr id=\"cell-a3\">"));     // the link's target, in the cells table
  EXPECT_TRUE(Has(html, " <code>gone&lt;</code>"));  // not on the page: named, not linked
  EXPECT_FALSE(Has(html, "#cell-gone"));
  EXPECT_TRUE(Has(html, "left out: 0 diverged, 2 unusable"));
  // Only the capped check gets the row.
  EXPECT_EQ(html.find("capped at INCONCLUSIVE by"), html.rfind("capped at INCONCLUSIVE by"));
}

TEST(ClaimPageTest, AFileWrittenBeforeRolesStillRenders) {
  const std::string html = Page(test::LegacyFixtureVerdict());
  EXPECT_TRUE(Has(html, "<code>rel_weight_change</code>"));
  EXPECT_FALSE(Has(html, "Why not PASS"));
  EXPECT_FALSE(Has(html, "Expected:"));
  EXPECT_FALSE(Has(html, "REJECTED by"));  // nothing recorded what rejected the control
  EXPECT_FALSE(Has(html, "capped at INCONCLUSIVE"));
  EXPECT_TRUE(Has(html, ">REJECTED</span>"));
}

}  // namespace
}  // namespace thmcheck::report
