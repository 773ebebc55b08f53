// `thmcheck report --history DIR`: reads the nightly records, judges them (regression.h), and
// writes OUT/history/: the trend pages (history_pages.h), their plots (trend_plot.h, drawn by
// gnuplot), and the latest run's flags for machines: regressions.json (an array of {kind, subject,
// detail}) and regressions.tsv (one "kind<TAB>subject<TAB>detail" line per flag), which .ci/nightly
// reads.
#pragma once

#include <filesystem>
#include <optional>
#include <ostream>
#include <string>

#include "reports/history_pages.h"

namespace thmcheck::report {

// Reads and judges everything; writes nothing. False with *error on a malformed record.
bool LoadHistory(const std::filesystem::path& dir, HistoryView* view, std::ostream& log,
                 std::string* error);

// Writes OUT/history/ (`out` is the report's OUT). `gnuplot` empty: scripts without images.
// Sets *all_drawn to whether gnuplot drew every plot.
bool WriteHistory(HistoryView& view, const std::filesystem::path& out,
                  const std::optional<std::filesystem::path>& gnuplot, std::ostream& log,
                  bool* all_drawn, std::string* error);

// The paragraph the report's index shows (templates/trend_summary.mustache): run count, flag
// count, link to history/index.html.
std::string TrendsSummaryHtml(const HistoryView& view);

}  // namespace thmcheck::report
