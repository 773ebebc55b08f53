// The trend pages under OUT/history/: index.html (the latest run's flags, the rules, every run),
// benchmarks.html (each benchmark's latest judgement and one trend plot per family) and
// claim_<id>.html (each series of a claim: its verdicts over time and one plot per observable).
// HTML only: history_report.h computes the trends and draws the plots these pages embed.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "reports/history.h"
#include "reports/regression.h"

namespace thmcheck::report {

// Everything the pages show, computed once.
struct HistoryView {
  std::vector<HistoryRun> runs;  // oldest first
  BenchmarkTrends benchmarks;
  std::vector<ClaimTrend> claims;
  std::vector<Flag> flags;            // of the latest run
  std::map<std::string, bool> drawn;  // plot stem → gnuplot produced its .svg and .png
};

// Plot stems (file names without extension, under history/plots/).
std::string FamilyPlotStem(const std::string& family);
// `check`: a check's name (EstimateTrend::name); the arms that have a check of that name share
// the plot.
std::string EstimatePlotStem(const ClaimTrend& series, const std::string& check);
// The page of a claim's trends, relative to OUT/history/.
std::string ClaimTrendPage(const std::string& claim);

std::string HistoryIndexHtml(const HistoryView& view);
std::string BenchmarkTrendsHtml(const HistoryView& view);
// Every series (protocol version, scale) of `claim`.
std::string ClaimTrendsHtml(const HistoryView& view, const std::string& claim);

}  // namespace thmcheck::report
