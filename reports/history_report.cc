// Reads, judges and writes the nightly trends; see history_report.h.
#include "reports/history_report.h"

#include <fmt/format.h>

#include <set>
#include <system_error>

#include "reports/gnuplot_runner.h"
#include "reports/history_reader.h"
#include "reports/html_page.h"
#include "reports/page_template.h"
#include "reports/text_file.h"
#include "reports/trend_plot.h"

namespace thmcheck::report {
namespace {

namespace fs = std::filesystem;

// A field of a TSV line: tabs and newlines would split it.
std::string TsvField(std::string text) {
  for (char& c : text) {
    if (c == '\t' || c == '\n' || c == '\r') c = ' ';
  }
  return text;
}

}  // namespace

bool LoadHistory(const fs::path& dir, HistoryView* view, std::ostream& log, std::string* error) {
  if (!ReadHistory(dir, &view->runs, log, error)) return false;
  view->benchmarks = JudgeBenchmarks(view->runs);
  view->claims = JudgeClaims(view->runs);
  view->flags = LatestFlags(view->runs, view->benchmarks, view->claims);
  return true;
}

bool WriteHistory(HistoryView& view, const fs::path& out, const std::optional<fs::path>& gnuplot,
                  std::ostream& log, bool* all_drawn, std::string* error) {
  const fs::path dir = out / "history";
  const fs::path plots = dir / "plots";
  std::error_code ec;
  fs::create_directories(plots, ec);
  if (ec) {
    *error = plots.string() + ": cannot create directory (" + ec.message() + ")";
    return false;
  }
  const std::vector<std::string> labels = RunLabels(view.runs);
  std::vector<std::pair<std::string, TrendFiles>> files;
  for (const auto& [family, trends] : BenchmarkFamilies(view.benchmarks)) {
    const std::string stem = FamilyPlotStem(family);
    files.emplace_back(stem, BenchmarkFamilyPlot(family, trends, labels, stem));
  }
  for (const ClaimTrend& series : view.claims) {
    for (const std::string& name : CheckNames(series)) {
      const std::string stem = EstimatePlotStem(series, name);
      files.emplace_back(stem, EstimatePlot(series, name, labels, stem));
    }
  }
  *all_drawn = gnuplot.has_value();
  for (const auto& [stem, f] : files) {
    if (!WriteTextFile(plots / (stem + ".dat"), f.data, error) ||
        !WriteTextFile(plots / (stem + ".gp"), f.script, error)) {
      return false;
    }
    const bool drawn = gnuplot && RunGnuplot(*gnuplot, plots, stem, log, {".svg", ".png"});
    view.drawn[stem] = drawn;
    *all_drawn = *all_drawn && drawn;
  }

  nlohmann::json flags = nlohmann::json::array();
  std::string tsv;
  for (const Flag& f : view.flags) {
    flags.push_back({{"kind", f.kind}, {"subject", f.subject}, {"detail", f.detail}});
    tsv += TsvField(f.kind) + "\t" + TsvField(f.subject) + "\t" + TsvField(f.detail) + "\n";
  }
  if (!WriteTextFile(dir / "regressions.json", flags.dump(1) + "\n", error) ||
      !WriteTextFile(dir / "regressions.tsv", tsv, error) ||
      !WriteTextFile(dir / "index.html", HistoryIndexHtml(view), error) ||
      !WriteTextFile(dir / "benchmarks.html", BenchmarkTrendsHtml(view), error)) {
    return false;
  }
  std::set<std::string> claims;  // each claim's page once, with every series of it
  for (const ClaimTrend& c : view.claims) {
    if (claims.insert(c.claim).second &&
        !WriteTextFile(dir / ClaimTrendPage(c.claim), ClaimTrendsHtml(view, c.claim), error))
      return false;
  }
  log << "thmcheck report: history: " << view.runs.size() << " run(s), " << files.size()
      << " trend plot(s), " << view.flags.size() << " flag(s) -> " << (dir / "index.html").string()
      << "\n";
  return true;
}

std::string TrendsSummaryHtml(const HistoryView& view) {
  const size_t flags = view.flags.size();
  return RenderTemplate("trend_summary",
                        {{"runs", view.runs.size()},
                         {"verdict", BadgeView(flags == 0 ? "PASS" : "FLAGGED")},
                         {"flags", flags == 0 ? "no regression flagged"
                                              : fmt::format("{} flag{} in the latest run", flags,
                                                            flags == 1 ? "" : "s")}});
}

}  // namespace thmcheck::report
