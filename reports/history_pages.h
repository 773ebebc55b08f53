// The trend pages under OUT/history/: index.html (the latest run's flags, the rules, every run),
// benchmarks.html (each benchmark's latest judgement and one trend plot per family) and
// claim_<id>.html (each series of a claim: its verdicts over time and one plot per observable),
// rendered from templates/history_*.mustache. Pages only: history_report.h computes the trends
// and draws the plots these pages embed.
#pragma once

#include <map>
#include <string>
#include <utility>
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

// The plots, in page order: one per benchmark family (with its trends, in file order) and one per
// check name of a series (a control's must-fail row shares its main-arm check's name and plot).
using BenchmarkFamily = std::pair<std::string, std::vector<const BenchmarkTrend*>>;
std::vector<BenchmarkFamily> BenchmarkFamilies(const BenchmarkTrends& benchmarks);
std::vector<std::string> CheckNames(const ClaimTrend& series);

std::string HistoryIndexHtml(const HistoryView& view);
std::string BenchmarkTrendsHtml(const HistoryView& view);
// Every series (protocol version, scale) of `claim`.
std::string ClaimTrendsHtml(const HistoryView& view, const std::string& claim);

}  // namespace thmcheck::report
