// Tests of the claim page's "What is measured" and "Cite this result" sections on the fixture
// claim: sweeps and replicates read off the result, concept and learners when recorded, and a
// BibTeX that cites the commit and suite version of the run that produced the numbers; and where
// the interval glyph of a check places its marks.
#include <gtest/gtest.h>

#include <sstream>

#include "reports/claim_page.h"
#include "reports/page_template.h"
#include "reports/results_reader.h"
#include "reports/test_fixture.h"

namespace thmcheck::report {
namespace {

ClaimResult FixtureClaim(const nlohmann::json& verdict) { return test::ReadFixtureClaim(verdict); }

// The page's section under `heading`: from it to the next <h2> (or the end).
std::string Section(const ClaimResult& claim, const std::string& heading) {
  const std::string page = ClaimPageHtml(claim, {}, false);
  const size_t start = page.find("<h2>" + heading + "</h2>");
  return page.substr(start, page.find("<h2>", start + 1) - start);
}

std::string MeasuredSection(const ClaimResult& claim) { return Section(claim, "What is measured"); }

std::string CiteSection(const ClaimResult& claim) { return Section(claim, "Cite this result"); }

TEST(MeasuredSectionTest, ShowsSweepsObservablesAndConceptWhenRecorded) {
  nlohmann::json verdict = test::FixtureVerdict();
  verdict["params"]["replicates"] = 3;
  verdict["arms"][1]["overrides"] = {{"scaling", "mean_field"}};
  std::string html = MeasuredSection(FixtureClaim(verdict));
  EXPECT_NE(html.find("m \u2208 {128, 256, 512} (3 values)"), std::string::npos) << html;
  EXPECT_NE(html.find("3 per sweep point; at least 3 entered each mean"), std::string::npos)
      << html;
  EXPECT_NE(html.find("sets {&quot;scaling&quot;:&quot;mean_field&quot;}"), std::string::npos)
      << html;
  EXPECT_NE(html.find("<code>train_loss</code>"), std::string::npos);
  EXPECT_EQ(html.find("Concept"), std::string::npos);  // not recorded: no empty row

  verdict["measures"] = {{"concept", "unit sphere, Gaussian labels"},
                         {"learners", {"two-layer net <GD>", "analytic NTK"}}};
  html = MeasuredSection(FixtureClaim(verdict));
  EXPECT_NE(html.find("<th>Concept</th><td>unit sphere, Gaussian labels</td>"), std::string::npos);
  EXPECT_NE(html.find("<li>two-layer net &lt;GD&gt;</li>"), std::string::npos);
}

TEST(CiteSectionTest, CitesTheRunsCommitProtocolAndPaper) {
  nlohmann::json verdict = test::FixtureVerdict();
  verdict["context"]["suite"] = "0.1.0";
  verdict["context"]["started"] = "2025-06-01T02:00:00Z";
  const ClaimResult claim = FixtureClaim(verdict);
  const std::string bib = ClaimBibtex(claim);
  EXPECT_EQ(bib.rfind("@misc{thmcheck_ntk_closeness_v1,", 0), 0u) << bib;
  EXPECT_NE(bib.find("Commit abc123."), std::string::npos) << bib;
  EXPECT_NE(bib.find("year = {2025}"), std::string::npos);
  EXPECT_NE(bib.find("version = {0.1.0}"), std::string::npos);
  EXPECT_NE(bib.find("@article{du2018arxiv181002054,"), std::string::npos);
  EXPECT_NE(bib.find("B. P{\\'o}czos"), std::string::npos);
  const std::string html = CiteSection(claim);
  EXPECT_NE(html.find("<a href=\"citation.bib\">"), std::string::npos);
  EXPECT_NE(html.find("P{\\&apos;o}czos"), std::string::npos) << html;  // the BibTeX, HTML-escaped

  verdict.erase("citation");
  EXPECT_EQ(ClaimBibtex(FixtureClaim(verdict)), "");
  EXPECT_NE(CiteSection(FixtureClaim(verdict)).find("nothing to cite"), std::string::npos);
}

// The arm section of an arm with `check` alone, where the check's glyph is drawn.
std::string ArmSection(const Check& check) {
  Arm arm;
  arm.checks = {check};
  return RenderTemplate("arm_section", ArmView(arm, {}));
}

TEST(IntervalGlyphTest, PlacesEachMarkOnTheAxisOfItsValues) {
  Check check;
  check.estimate = 0.5;
  check.predicted = 0.5;
  check.band = {0.0, 1.0, true};
  check.ci = {0.4, 0.6, true};
  check.ci95 = {0.3, std::nullopt, true};  // open above: the bar runs to the right edge
  // The axis spans [0, 1] plus 12% each side, mapped onto 4..136 px: v ↦ 4 + (v + 0.12)/1.24·132.
  const std::string svg = ArmSection(check);
  EXPECT_NE(svg.find("<circle cx=\"70.0\""), std::string::npos) << svg;
  EXPECT_NE(svg.find("<rect x=\"16.8\" y=\"2\" width=\"106.5\""), std::string::npos) << svg;
  EXPECT_NE(svg.find("x2=\"140.0\""), std::string::npos) << svg;
  EXPECT_NE(svg.find("<title>estimate 0.5; 90% [0.4, 0.6]"), std::string::npos) << svg;

  check.estimate.reset();
  EXPECT_EQ(ArmSection(check).find("<svg class=\"glyph\""), std::string::npos)
      << "no estimate: nothing to place";
}

}  // namespace
}  // namespace thmcheck::report
