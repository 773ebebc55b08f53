// WriteReport: read and validate every input, then write the plots' files, run gnuplot, and
// write the claim pages and the index (see report.h). The order matters: a page embeds an image
// only if gnuplot actually produced it, so no page ever shows a broken <img>.
#include "reports/report.h"

#include <system_error>
#include <vector>

#include "reports/claim_page.h"
#include "reports/cross_check_table.h"
#include "reports/gnuplot_script.h"
#include "reports/history_report.h"
#include "reports/index_page.h"
#include "reports/plot_spec.h"
#include "reports/report_files.h"
#include "reports/results_reader.h"

namespace thmcheck::report {
namespace {

namespace fs = std::filesystem;

ReportResult Failure(std::string error) {
  ReportResult result;
  result.error = std::move(error);
  return result;
}

}  // namespace

ReportResult WriteReport(const ReportOptions& options, std::ostream& log) {
  if (options.in.empty()) return Failure("report: the results directory (IN) is empty");
  if (options.out.empty()) return Failure("report: the output directory (OUT) is empty");

  // 1. Read and validate everything; nothing is written before this succeeds.
  std::vector<ClaimResult> claims;
  std::string error;
  if (!ReadResults(options.in, &claims, log, &error)) return Failure(error);
  HistoryView history;
  if (!options.history.empty() && !LoadHistory(options.history, &history, log, &error)) {
    return Failure(error);
  }
  std::error_code ec;
  if (fs::exists(options.out, ec) && !fs::is_directory(options.out, ec)) {
    return Failure(options.out.string() + ": exists and is not a directory");
  }

  std::vector<std::vector<RenderedPlot>> plots(claims.size());
  size_t plot_count = 0;
  for (size_t i = 0; i < claims.size(); ++i) {
    for (PlotSpec& spec : CollectPlots(claims[i])) plots[i].push_back({std::move(spec), false});
    plot_count += plots[i].size();
  }
  const std::optional<fs::path> gnuplot = FindProgram(options.gnuplot);
  if (!gnuplot && (plot_count > 0 || !options.history.empty())) {
    log << "thmcheck report: gnuplot "
        << (options.gnuplot.empty() ? "disabled"
                                    : "(\"" + options.gnuplot + "\") not found on PATH")
        << "; writing tables and plot scripts without images\n";
  }

  // 2. Plot scripts and data, then images.
  bool all_drawn = gnuplot.has_value();
  for (size_t i = 0; i < claims.size(); ++i) {
    const fs::path claim_dir = options.out / claims[i].id;
    if (!MakeDirectories(claim_dir, &error)) return Failure(error);
    if (plots[i].empty()) continue;
    const fs::path plot_dir = claim_dir / "plots";
    if (!MakeDirectories(plot_dir, &error)) return Failure(error);
    for (RenderedPlot& plot : plots[i]) {
      const std::string& stem = plot.spec.stem;
      if (!WriteTextFile(plot_dir / (stem + ".dat"), GnuplotData(plot.spec), &error) ||
          !WriteTextFile(plot_dir / (stem + ".gp"), GnuplotScript(plot.spec, claims[i].id),
                         &error)) {
        return Failure(error);
      }
      plot.rendered = gnuplot && RunGnuplot(*gnuplot, plot_dir, stem, log);
      all_drawn = all_drawn && plot.rendered;
    }
  }

  // 3. Pages, and each claim's BibTeX beside its page.
  for (size_t i = 0; i < claims.size(); ++i) {
    // Cross-checks join this claim's declarations with the other claims read from the same IN.
    const std::vector<CrossCheckTable> cross_checks =
        CrossCheckTables(claims[i], claims, options.in.string());
    const std::string html = ClaimPageHtml(claims[i], plots[i], gnuplot.has_value(), cross_checks);
    if (!WriteTextFile(options.out / claims[i].id / "index.html", html, &error))
      return Failure(error);
    const std::string bib = ClaimBibtex(claims[i]);
    if (!bib.empty() && !WriteTextFile(options.out / claims[i].id / "citation.bib", bib, &error)) {
      return Failure(error);
    }
  }
  std::string trends;
  if (!options.history.empty()) {
    bool drawn = false;
    if (!WriteHistory(history, options.out, gnuplot, log, &drawn, &error)) return Failure(error);
    all_drawn = all_drawn && drawn;
    trends = TrendsSummaryHtml(history);
  }
  if (!WriteTextFile(options.out / "index.html", IndexPageHtml(claims, trends), &error)) {
    return Failure(error);
  }

  log << "thmcheck report: " << claims.size() << " claim(s), " << plot_count << " plot(s) -> "
      << (options.out / "index.html").string() << "\n";
  ReportResult result;
  result.ok = true;
  result.claims = static_cast<int>(claims.size());
  result.plots = all_drawn;
  result.history_runs = static_cast<int>(history.runs.size());
  result.flags = static_cast<int>(history.flags.size());
  return result;
}

}  // namespace thmcheck::report
