// `thmcheck report --history DIR`: reads the nightly records (history.h), judges them
// (regression.h), and writes OUT/history/: the trend pages — index.html (the latest run's flags,
// the rules, every run), benchmarks.html (each benchmark's latest judgement and one trend plot per
// family) and claim_<id>.html (each series of a claim: its verdicts over time and one plot per
// check) — rendered from templates/history_*.mustache, their plots (trend_plot.cc, drawn by
// gnuplot; below), and the latest run's flags for machines: regressions.json (an array of {kind,
// subject, detail}) and regressions.tsv (one "kind<TAB>subject<TAB>detail" line per flag), which
// .ci/nightly reads.
#pragma once

#include <filesystem>
#include <map>
#include <optional>
#include <ostream>
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

// Reads and judges everything; writes nothing. False with *error on a malformed record.
bool LoadHistory(const std::filesystem::path& dir, HistoryView* view, std::ostream& log,
                 std::string* error);

// Writes OUT/history/ (`out` is the report's OUT). `gnuplot` empty: scripts without images.
// Sets *all_drawn to whether gnuplot drew every plot.
bool WriteHistory(HistoryView& view, const std::filesystem::path& out,
                  const std::optional<std::filesystem::path>& gnuplot, std::ostream& log,
                  bool* all_drawn, std::string* error);

// The pages. A claim's page shows every series (protocol version, scale) of `claim`.
std::string HistoryIndexHtml(const HistoryView& view);
std::string BenchmarkTrendsHtml(const HistoryView& view);
std::string ClaimTrendsHtml(const HistoryView& view, const std::string& claim);

// The trend plots' gnuplot files (trend_plot.cc): x is the nightly run (its date and commit on the
// axis), so every trend plot of a report shares one x axis.
//  - A benchmark family (one registration, e.g. BM_TwoLayerGdStep/relu): one series per benchmark
//    of the family, the fastest repetition's CPU time per iteration (what the regression rule
//    judges) with a bar up to the slowest repetition, log y; a flagged run is ringed in red.
//  - A fitted estimate of a claim series (claim, protocol, scale): one series per arm (styles of
//    gnuplot_script.h) with its 90% interval, the band of the main arm's evidence check shaded
//    green; such an estimate outside its band is ringed in red. A control's must-fail row or
//    prediction, a report arm's row and a sanity check are drawn and labelled so, never ringed.
// Like gnuplot_script.h: the .dat holds one block per series; the .gp writes <stem>.svg and .png.

// "06-01 3f2a9c1": the label of run i on the x axis (month-day of its date, short commit).
std::vector<std::string> RunLabels(const std::vector<HistoryRun>& runs);

struct TrendFiles {
  std::string data;
  std::string script;
};

TrendFiles BenchmarkFamilyPlot(const std::string& family,
                               const std::vector<const BenchmarkTrend*>& trends,
                               const std::vector<std::string>& run_labels, const std::string& stem);

// The plot of the checks named `check` in `series` (every arm that has one: a control's must-fail
// row has its main-arm check's name).
TrendFiles EstimatePlot(const ClaimTrend& series, const std::string& check,
                        const std::vector<std::string>& run_labels, const std::string& stem);

// The paragraph the report's index shows (templates/trend_summary.mustache): run count, flag
// count, link to history/index.html.
std::string TrendsSummaryHtml(const HistoryView& view);

}  // namespace thmcheck::report
