// End-to-end tests of WriteReport on the hand-written fixture (test_fixture.h): the pages exist
// and link each other, every file a page references exists, JSON text is escaped, a missing
// gnuplot degrades to tables without images, and a bad input writes nothing.
// Tests that need gnuplot skip (not pass) when it is absent, so a green run says what it covered.
#include "reports/report.h"

#include <gtest/gtest.h>

#include <regex>
#include <sstream>

#include "reports/report_files.h"
#include "reports/test_fixture.h"

namespace thmcheck::report {
namespace {

namespace fs = std::filesystem;
using test::ReadText;
using test::ScratchDir;
using test::WriteFixture;

int CountOccurrences(const std::string& text, const std::string& needle) {
  int count = 0;
  for (size_t at = text.find(needle); at != std::string::npos; at = text.find(needle, at + 1)) {
    ++count;
  }
  return count;
}

// Every src="..." and href="..." that is not an absolute URL, relative to `page`'s folder.
std::vector<fs::path> LocalReferences(const fs::path& page) {
  const std::string html = ReadText(page);
  static const std::regex kRef(R"re((?:src|href)="([^"]+)")re");
  std::vector<fs::path> refs;
  for (auto it = std::sregex_iterator(html.begin(), html.end(), kRef); it != std::sregex_iterator();
       ++it) {
    const std::string target = (*it)[1];
    if (target.rfind("https://", 0) == 0) continue;
    refs.push_back(page.parent_path() / target);
  }
  return refs;
}

// The fixture's claim page from a report of `verdict` written without plots (the pages alone);
// "" with a test failure if the report failed.
std::string ClaimPageWithoutPlots(const ScratchDir& dir, const nlohmann::json& verdict) {
  std::ostringstream log;
  ReportOptions options{WriteFixture(dir.path(), verdict), dir.path() / "out"};
  options.gnuplot = "";
  const ReportResult result = WriteReport(options, log);
  EXPECT_TRUE(result.ok) << result.error;
  return result.ok ? ReadText(dir.path() / "out" / "ntk_closeness" / "index.html") : "";
}

TEST(WriteReportTest, WritesIndexAndClaimPageThatLinkEachOther) {
  ScratchDir dir;
  const fs::path in = WriteFixture(dir.path());
  std::ostringstream log;
  const ReportResult result = WriteReport({in, dir.path() / "out"}, log);
  ASSERT_TRUE(result.ok) << result.error;
  EXPECT_EQ(result.claims, 1);

  const std::string index = ReadText(dir.path() / "out" / "index.html");
  const std::string page = ReadText(dir.path() / "out" / "ntk_closeness" / "index.html");
  EXPECT_NE(index.find("href=\"ntk_closeness/index.html\""), std::string::npos);
  EXPECT_NE(index.find("Wide nets stay near their linearization"), std::string::npos);
  EXPECT_NE(index.find("41.2 s"), std::string::npos);
  EXPECT_NE(index.find("[-0.53, -0.46]"), std::string::npos);
  EXPECT_NE(index.find(">REJECTED<"), std::string::npos);
  EXPECT_NE(page.find("href=\"../index.html\""), std::string::npos);
  EXPECT_NE(page.find("https://arxiv.org/abs/1810.02054"), std::string::npos);
  EXPECT_NE(page.find("Remark 3.1"), std::string::npos);
  EXPECT_NE(page.find("finite-size allowance from a pilot run"), std::string::npos);
  EXPECT_NE(page.find("thmcheck run ntk_closeness --scale quick --seed 1"), std::string::npos);
  // Cells: all seven rows, the diverged one with its note, and the 64-bit seed intact.
  EXPECT_EQ(CountOccurrences(page, "cells/"), 7);
  EXPECT_NE(page.find(">diverged<"), std::string::npos);
  EXPECT_NE(page.find("loss became non-finite at step 812"), std::string::npos);
  EXPECT_NE(page.find("18446744073709551557"), std::string::npos);
  // Offline: nothing loaded from elsewhere.
  for (const std::string& html : {index, page}) {
    EXPECT_EQ(html.find("<script"), std::string::npos);
    EXPECT_EQ(html.find("<link"), std::string::npos);
    EXPECT_EQ(html.find("src=\"http"), std::string::npos);
  }
}

TEST(WriteReportTest, ClaimPageReferencesOnlyExistingFiles) {
  if (!FindProgram("gnuplot")) GTEST_SKIP() << "gnuplot not on PATH";
  ScratchDir dir;
  // A quote, a space and a '$' in OUT check the shell quoting of the gnuplot command.
  const fs::path out = dir.path() / "out dir's $HOME";
  std::ostringstream log;
  const ReportResult result = WriteReport({WriteFixture(dir.path()), out}, log);
  ASSERT_TRUE(result.ok) << result.error;
  EXPECT_TRUE(result.plots) << log.str();

  const fs::path page = out / "ntk_closeness" / "index.html";
  const std::string html = ReadText(page);
  EXPECT_NE(html.find("<img src=\"plots/rel_weight_change_vs_m.svg\""), std::string::npos);
  // train_loss has points but no fit: it gets a points table, not a plot.
  EXPECT_EQ(html.find("plots/train_loss"), std::string::npos);
  const std::vector<fs::path> refs = LocalReferences(page);
  EXPECT_GE(refs.size(), 7u);  // ../index.html, svg, png, pdf, gp, dat, citation.bib
  EXPECT_NE(html.find("href=\"plots/rel_weight_change_vs_m.pdf\""), std::string::npos);
  EXPECT_NE(html.find("href=\"citation.bib\""), std::string::npos);
  for (const fs::path& ref : refs) EXPECT_TRUE(fs::exists(ref)) << ref;
  for (const fs::path& ref : LocalReferences(out / "index.html")) {
    EXPECT_TRUE(fs::exists(ref)) << ref;
  }
  EXPECT_NE(ReadText(out / "ntk_closeness" / "plots" / "rel_weight_change_vs_m.svg").find("<svg"),
            std::string::npos);
  const fs::path pdf = out / "ntk_closeness" / "plots" / "rel_weight_change_vs_m.pdf";
  EXPECT_EQ(ReadText(pdf).rfind("%PDF", 0), 0u);
}

TEST(WriteReportTest, WithoutGnuplotWritesTablesAndSaysSoOnce) {
  ScratchDir dir;
  std::ostringstream log;
  ReportOptions options{WriteFixture(dir.path()), dir.path() / "out"};
  options.gnuplot = "thmcheck-no-such-gnuplot";
  const ReportResult result = WriteReport(options, log);
  ASSERT_TRUE(result.ok) << result.error;
  EXPECT_FALSE(result.plots);
  EXPECT_EQ(CountOccurrences(log.str(), "not found"), 1) << log.str();

  const fs::path page = dir.path() / "out" / "ntk_closeness" / "index.html";
  const std::string html = ReadText(page);
  EXPECT_EQ(html.find("<img"), std::string::npos);
  EXPECT_NE(html.find("rel_weight_change"), std::string::npos);
  for (const fs::path& ref : LocalReferences(page)) EXPECT_TRUE(fs::exists(ref)) << ref;
  EXPECT_TRUE(fs::exists(page.parent_path() / "plots" / "rel_weight_change_vs_m.gp"));
}

TEST(WriteReportTest, FailingGnuplotLeavesNoBrokenImages) {
  ScratchDir dir;
  // A stand-in gnuplot that complains and fails; given as a path, so no $PATH lookup.
  const fs::path fake = dir.path() / "bin" / "gnuplot";
  test::WriteText(fake, "#!/bin/sh\necho \"line 7: simulated failure\" >&2\nexit 1\n");
  fs::permissions(fake, fs::perms::owner_all);
  std::ostringstream log;
  ReportOptions options{WriteFixture(dir.path()), dir.path() / "out"};
  options.gnuplot = fake.string();
  const ReportResult result = WriteReport(options, log);
  ASSERT_TRUE(result.ok) << result.error;
  EXPECT_FALSE(result.plots);
  EXPECT_NE(log.str().find("gnuplot (rel_weight_change_vs_m.gp): line 7: simulated failure"),
            std::string::npos)
      << log.str();
  EXPECT_NE(log.str().find("exit status 1"), std::string::npos) << log.str();
  const fs::path page = dir.path() / "out" / "ntk_closeness" / "index.html";
  EXPECT_EQ(ReadText(page).find("<img"), std::string::npos);
  for (const fs::path& ref : LocalReferences(page)) EXPECT_TRUE(fs::exists(ref)) << ref;
}

TEST(WriteReportTest, AVerdictWrittenBeforeRolesAndExpectedStatusesStillReports) {
  ScratchDir dir;
  const std::string page = ClaimPageWithoutPlots(dir, test::LegacyFixtureVerdict());
  EXPECT_NE(page.find("finite-size allowance from a pilot run"), std::string::npos);
  EXPECT_EQ(page.find("Expected:"), std::string::npos);
  const std::string index = ReadText(dir.path() / "out" / "index.html");
  EXPECT_NE(index.find(">REJECTED<"), std::string::npos);
  EXPECT_EQ(index.find(">MET<"), std::string::npos);
}

TEST(WriteReportTest, ClaimPageNamesAnArmThatDidNotRunAndHowToRunIt) {
  ScratchDir dir;
  nlohmann::json verdict = test::FixtureVerdict();
  verdict["arms_not_run"] = {{{"name", "fig2a"},
                              {"role", "main"},
                              {"condition", "the paper's Fig. 2(a) <setting>"},
                              {"enabled_by", "fig2a"}}};
  const std::string page = ClaimPageWithoutPlots(dir, verdict);
  EXPECT_NE(page.find("fig2a <span class=\"muted small\">(main arm)</span> not run"),
            std::string::npos)
      << page;
  EXPECT_NE(page.find("the paper&apos;s Fig. 2(a) &lt;setting&gt;"), std::string::npos);
  EXPECT_NE(page.find("<code>--set fig2a=1</code> runs it"), std::string::npos);
}

TEST(WriteReportTest, AFigureFromSeveralArmsNamesThemInItsCaption) {
  ScratchDir dir;
  nlohmann::json verdict = test::FixtureVerdict();
  verdict["figures"] = nlohmann::json::parse(R"json([{"name": "err_vs_m", "title": "Error",
    "arm": "main", "arms": ["main", "wide"], "x": "m", "y_label": "err",
    "series": [{"observable": "err", "points": [{"x": 16, "mean": 1.0, "lo": 0.9, "hi": 1.1, "n": 3},
                                                {"x": 64, "mean": 0.5, "lo": 0.4, "hi": 0.6, "n": 3}]}],
    "lines": []}])json");
  const std::string page = ClaimPageWithoutPlots(dir, verdict);
  EXPECT_NE(page.find("(arms <code>main</code>, <code>wide</code>)"), std::string::npos) << page;
}

TEST(WriteReportTest, EscapesEveryStringFromJson) {
  ScratchDir dir;
  nlohmann::json verdict = test::FixtureVerdict();
  verdict["title"] = "<script>alert('t')</script>";
  verdict["statement"] = "a < b && c > \"d\"";
  verdict["citation"]["arxiv"] = "\"><img src=x onerror=alert(1)>";
  verdict["arms"][0]["name"] = "main<b>";
  verdict["arms"][0]["checks"][0]["tolerance"] = "<i>±0.1</i>";
  verdict["context"]["command"] = "thmcheck run x </pre><script>";
  verdict["verdict_reason"] = "<script>why</script>";
  verdict["expected"]["status"] = "<b>status</b>";
  verdict["expected"]["reason"] = "<i>reason</i>";
  verdict["arms"][1]["rejected_by"] = {"<b>check</b>"};
  verdict["arms"][1]["checks"][0]["why"] = "<img src=x>";
  verdict["arms"][1]["checks"][1]["name"] = "<b>prediction</b>";
  verdict["arms"][0]["checks"][0]["excluded"]["capping_cells"] = {"<i>cell</i>"};
  std::ostringstream log;
  ReportOptions options{WriteFixture(dir.path(), verdict), dir.path() / "out"};
  options.gnuplot = "";  // escaping is about the pages; skip the plots for speed
  const ReportResult result = WriteReport(options, log);
  ASSERT_TRUE(result.ok) << result.error;

  const std::string index = ReadText(dir.path() / "out" / "index.html");
  const std::string page = ReadText(dir.path() / "out" / "ntk_closeness" / "index.html");
  for (const std::string& html : {index, page}) {
    EXPECT_EQ(html.find("<script"), std::string::npos);
    EXPECT_EQ(html.find("<b>"), std::string::npos);
    EXPECT_EQ(html.find("<i>"), std::string::npos);
    EXPECT_EQ(html.find("<img"), std::string::npos);
  }
  EXPECT_NE(index.find("&lt;script&gt;alert(&apos;t&apos;)&lt;/script&gt;"), std::string::npos);
  EXPECT_NE(page.find("a &lt; b &amp;&amp; c &gt; &quot;d&quot;"), std::string::npos);
  EXPECT_NE(page.find("main&lt;b&gt;"), std::string::npos);
  // An arXiv field that is not an identifier is shown, not linked.
  EXPECT_EQ(page.find("arxiv.org"), std::string::npos);
}

TEST(WriteReportTest, MalformedVerdictFailsAndWritesNothing) {
  ScratchDir dir;
  const fs::path in = WriteFixture(dir.path());
  test::WriteText(in / "ntk_closeness" / "verdict.json", "{\"claim\": \"ntk_closeness\",\n  oops");
  const fs::path out = dir.path() / "out";
  std::ostringstream log;
  const ReportResult result = WriteReport({in, out}, log);
  EXPECT_FALSE(result.ok);
  EXPECT_NE(result.error.find((in / "ntk_closeness" / "verdict.json").string()), std::string::npos)
      << result.error;
  EXPECT_NE(result.error.find("not valid JSON"), std::string::npos) << result.error;
  EXPECT_NE(result.error.find("line 2"), std::string::npos) << result.error;
  EXPECT_FALSE(fs::exists(out));
}

TEST(WriteReportTest, SchemaErrorNamesTheFieldAndWritesNothing) {
  ScratchDir dir;
  nlohmann::json verdict = test::FixtureVerdict();
  verdict["arms"][1]["checks"][0]["ci"] = "wide";
  const fs::path out = dir.path() / "out";
  std::ostringstream log;
  const ReportResult result = WriteReport({WriteFixture(dir.path(), verdict), out}, log);
  EXPECT_FALSE(result.ok);
  EXPECT_NE(result.error.find("verdict.json: /arms/1/checks/0/ci: expected [lo, hi]"),
            std::string::npos)
      << result.error;
  EXPECT_FALSE(fs::exists(out));
}

TEST(WriteReportTest, MissingInputDirectoryFails) {
  ScratchDir dir;
  std::ostringstream log;
  const ReportResult result = WriteReport({dir.path() / "nowhere", dir.path() / "out"}, log);
  EXPECT_FALSE(result.ok);
  EXPECT_NE(result.error.find("nowhere: not a readable directory"), std::string::npos)
      << result.error;
  EXPECT_FALSE(fs::exists(dir.path() / "out"));
}

TEST(WriteReportTest, OutputPathThatIsAFileFailsBeforeWriting) {
  ScratchDir dir;
  test::WriteText(dir.path() / "out", "not a directory");
  std::ostringstream log;
  const ReportResult result = WriteReport({WriteFixture(dir.path()), dir.path() / "out"}, log);
  EXPECT_FALSE(result.ok);
  EXPECT_NE(result.error.find("is not a directory"), std::string::npos) << result.error;
}

}  // namespace
}  // namespace thmcheck::report
