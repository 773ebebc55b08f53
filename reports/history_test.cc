// End-to-end tests of `thmcheck report --history` (history_reader.h, history_report.h) on records
// written by hand: the trend pages, plots and flag files appear and link each other; a slowed
// benchmark is flagged and an unchanged one is not; records being written (.tmp-*) are skipped;
// a malformed record names its file and field and the report writes nothing; the pages escape
// what the records say.
#include <gtest/gtest.h>

#include <sstream>

#include "reports/history_reader.h"
#include "reports/history_report.h"
#include "reports/history_test_fixture.h"
#include "reports/report.h"
#include "reports/report_files.h"

namespace thmcheck::report {
namespace {

namespace fs = std::filesystem;
using test::ReadText;
using test::ScratchDir;
using test::WriteFixture;
using test::WriteRecord;

// Two nights: BM_Slow got 2.5× slower (the short-history floor is 2×), BM_Same did not; a
// half-written third record is ignored.
fs::path TwoNights(const fs::path& root) {
  const fs::path history = root / "history";
  WriteRecord(history, "20250601T020000Z_aaaa", "aaaa", "2025-06-01T02:00:00Z",
              {{"BM_Same/n:20", 1000}, {"BM_Slow/n:20", 500}});
  WriteRecord(history, "20250602T020000Z_bbbb", "bbbb", "2025-06-02T02:00:00Z",
              {{"BM_Same/n:20", 1010}, {"BM_Slow/n:20", 1250}});
  test::WriteText(history / ".tmp-20250603T020000Z-77" / "record.json", "{ half");
  return history;
}

TEST(HistoryReaderTest, ReadsRecordsOldestFirstAndSkipsRecordsBeingWritten) {
  ScratchDir dir;
  std::vector<HistoryRun> runs;
  std::ostringstream log;
  std::string error;
  ASSERT_TRUE(ReadHistory(TwoNights(dir.path()), &runs, log, &error)) << error;
  ASSERT_EQ(runs.size(), 2u);
  EXPECT_EQ(runs[0].commit, "aaaa");
  EXPECT_EQ(runs[1].machine, "vm");
  ASSERT_EQ(runs[1].benchmarks.size(), 2u);
  EXPECT_EQ(runs[1].benchmarks[1].cpu_ns.size(), 5u);
  ASSERT_EQ(runs[1].claims.size(), 1u);
  EXPECT_EQ(runs[1].claims[0].verdict, "PASS");
  EXPECT_TRUE(runs[1].claims[0].cells.empty());  // the history keeps verdicts only
}

TEST(HistoryReportTest, WritesTrendPagesAndFlagsOnlyTheSlowedBenchmark) {
  ScratchDir dir;
  ReportOptions options{WriteFixture(dir.path()), dir.path() / "out"};
  options.history = TwoNights(dir.path());
  std::ostringstream log;
  const ReportResult result = WriteReport(options, log);
  ASSERT_TRUE(result.ok) << result.error;
  EXPECT_EQ(result.history_runs, 2);
  EXPECT_EQ(result.flags, 1);
  const fs::path out = dir.path() / "out";
  const std::string tsv = ReadText(out / "history" / "regressions.tsv");
  EXPECT_EQ(tsv.rfind("benchmark\tBM_Slow/n:20\t", 0), 0u) << tsv;
  EXPECT_EQ(tsv.find("BM_Same"), std::string::npos) << tsv;
  const auto flags = nlohmann::json::parse(ReadText(out / "history" / "regressions.json"));
  ASSERT_EQ(flags.size(), 1u);
  EXPECT_EQ(flags[0]["subject"], "BM_Slow/n:20");

  EXPECT_NE(ReadText(out / "index.html").find("href=\"history/index.html\""), std::string::npos);
  const std::string trends = ReadText(out / "history" / "index.html");
  EXPECT_NE(trends.find("href=\"benchmarks.html\""), std::string::npos);
  EXPECT_NE(trends.find("href=\"claim_ntk_closeness.html\""), std::string::npos);
  EXPECT_NE(ReadText(out / "history" / "benchmarks.html").find("id=\"BM_Slow\""),
            std::string::npos);
  EXPECT_NE(ReadText(out / "history" / "claim_ntk_closeness.html").find("rel_weight_change"),
            std::string::npos);
  EXPECT_TRUE(fs::exists(out / "history" / "plots" / "bench_BM_Slow.gp"));
  EXPECT_TRUE(
      fs::exists(out / "history" / "plots" / "est_ntk_closeness_p1_quick_rel_weight_change.dat"));
  if (FindProgram("gnuplot")) {
    EXPECT_TRUE(result.plots) << log.str();
    EXPECT_NE(ReadText(out / "history" / "plots" / "bench_BM_Slow.svg").find("<svg"),
              std::string::npos);
  }
}

TEST(HistoryReportTest, MalformedRecordNamesTheFieldAndWritesNothing) {
  ScratchDir dir;
  const fs::path history = TwoNights(dir.path());
  test::WriteText(history / "20250602T020000Z_bbbb" / "record.json",
                  R"({"schema": "thmcheck-history/1", "commit": 7, "date": "x", "machine": "vm"})");
  ReportOptions options{WriteFixture(dir.path()), dir.path() / "out"};
  options.history = history;
  std::ostringstream log;
  const ReportResult result = WriteReport(options, log);
  EXPECT_FALSE(result.ok);
  EXPECT_NE(result.error.find("record.json: /commit: type must be string, but is number"),
            std::string::npos)
      << result.error;
  EXPECT_FALSE(fs::exists(dir.path() / "out"));
}

TEST(HistoryPagesTest, EscapeWhatTheRecordsSay) {
  HistoryView view;
  HistoryRun run;
  run.commit = "<i>commit</i>";
  run.date = "2025-06-01T02:00:00Z";
  run.machine = view.benchmarks.machine = "vm<1>";
  run.claims.emplace_back();
  run.claims[0].id = "c<x>";
  run.claims[0].verdict = "PASS";
  view.runs = {run};
  view.flags = {{"band", "c<x> main.<b>", "estimate \"1\" & more", "claim_c_x_.html"}};
  ClaimTrend series;
  series.claim = "c<x>";
  series.title = "<script>alert(1)</script>";
  series.verdicts.push_back({0, "FAIL", {{"main<b>", "FAIL"}}, /*changed=*/true});
  view.claims = {series};
  const std::string index = HistoryIndexHtml(view), page = ClaimTrendsHtml(view, "c<x>");
  for (const std::string& html : {index, page}) {
    EXPECT_EQ(html.find("<b>"), std::string::npos) << html;
    EXPECT_EQ(html.find("<i>"), std::string::npos) << html;
    EXPECT_EQ(html.find("<script"), std::string::npos) << html;
  }
  EXPECT_NE(index.find("<code>c&lt;x&gt; main.&lt;b&gt;</code>"), std::string::npos) << index;
  EXPECT_NE(index.find("estimate &quot;1&quot; &amp; more"), std::string::npos);
  EXPECT_NE(index.find("<code>vm&lt;1&gt;</code>"), std::string::npos);
  EXPECT_NE(page.find("&lt;script&gt;alert(1)&lt;/script&gt;"), std::string::npos) << page;
  EXPECT_NE(page.find("href=\"../c%3Cx%3E/index.html\""), std::string::npos);
  EXPECT_NE(page.find("main&lt;b&gt; <span class=\"badge bad\""), std::string::npos);
  EXPECT_NE(page.find("(protocol ?, scale \u2014)"), std::string::npos);
  EXPECT_NE(page.find(">changed<"), std::string::npos);
  EXPECT_NE(TrendsSummaryHtml(view).find("1 flag in the latest run."), std::string::npos);
}

TEST(HistoryPagesTest, SayWhatIsNotThere) {
  HistoryView view;
  view.runs.resize(2);
  view.runs[1].scale = "";
  view.benchmarks.machine = "vm";
  view.benchmarks.other_machine_runs = 3;
  BenchmarkTrend first;
  first.name = first.family = "BM_New";
  first.points.push_back({.run = 1, .best_ns = 1500});
  view.benchmarks.trends = {first};
  const std::string index = HistoryIndexHtml(view), benchmarks = BenchmarkTrendsHtml(view);
  EXPECT_NE(index.find("No regression flagged in the latest run."), std::string::npos) << index;
  EXPECT_EQ(index.find("<th>Flag</th>"), std::string::npos);
  EXPECT_NE(TrendsSummaryHtml(view).find("no regression flagged."), std::string::npos);
  EXPECT_NE(benchmarks.find(" (3 run(s) on other machines are not compared and not shown)"),
            std::string::npos)
      << benchmarks;
  EXPECT_NE(benchmarks.find("first run on this machine: nothing to compare"), std::string::npos);
  EXPECT_NE(benchmarks.find("1500 ns"), std::string::npos);
  // No gnuplot: no image, but the script and data that draw it.
  EXPECT_EQ(benchmarks.find("<img"), std::string::npos);
  EXPECT_NE(benchmarks.find("Not drawn (gnuplot missing or failed)"), std::string::npos);
  EXPECT_NE(benchmarks.find("href=\"plots/bench_BM_New.gp\""), std::string::npos);
}

}  // namespace
}  // namespace thmcheck::report
