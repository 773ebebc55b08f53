// Reads, judges and writes the nightly trends; see history_report.h. Links are relative
// (../index.html, plots/…) so the report folder can be moved or zipped whole, as for the claim
// pages.
#include "reports/history_report.h"

#include <fmt/format.h>

#include <algorithm>
#include <set>
#include <utility>

#include "reports/format.h"
#include "reports/history_reader.h"
#include "reports/html_page.h"
#include "reports/page_template.h"
#include "reports/report_files.h"

namespace thmcheck::report {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

// A field of a TSV line: tabs and newlines would split it.
std::string TsvField(std::string text) {
  for (char& c : text) {
    if (c == '\t' || c == '\n' || c == '\r') c = ' ';
  }
  return text;
}

std::string Short(const std::string& commit) { return commit.substr(0, 12); }

// For templates/history_figure.mustache: the plot `stem` and its files.
json FigureView(const HistoryView& view, const std::string& stem, const std::string& name) {
  const auto it = view.drawn.find(stem);
  return {{"base", "plots/" + UrlEscapeSegment(stem)},
          {"alt", "trend of " + name},
          {"drawn", it != view.drawn.end() && it->second}};
}

// Every trend page's title and the numbers of templates/history_rules.mustache, plus `more`.
std::string RenderPage(std::string_view name, const std::string& title, json more) {
  more["page_title"] = title + " \u2014 thmcheck";
  more["rules"] = {{"window", kBaselineWindow},
                   {"min_runs", kMinRunsForSpread},
                   {"z", FormatNumber(kZ, 2)},
                   {"min_slowdown", FormatNumber(kMinSlowdown, 2)},
                   {"short_slowdown", FormatNumber(1 + kShortHistorySlowdown, 2)}};
  return RenderTemplate(name, more);
}

// Each claim id with the link to its trend page.
json ClaimLinks(const std::set<std::string>& ids) {
  json links = json::array();
  for (const std::string& id : ids) links.push_back({{"id", id}, {"href", ClaimTrendPage(id)}});
  return links;
}

// Plot stems (file names without extension, under history/plots/); the arms that have a check
// of the same name (EstimateTrend::name) share its plot.
std::string FamilyPlotStem(const std::string& family) { return "bench_" + FileStem(family); }

std::string EstimatePlotStem(const ClaimTrend& series, const std::string& check) {
  return "est_" + FileStem(series.claim) + "_p" +
         (series.protocol ? std::to_string(*series.protocol) : std::string("x")) + "_" +
         FileStem(series.scale.empty() ? "none" : series.scale) + "_" + FileStem(check);
}

// The plots, in page order: one per benchmark family (with its trends, in file order) and one per
// check name of a series (a control's must-fail row shares its main-arm check's name and plot).
using BenchmarkFamily = std::pair<std::string, std::vector<const BenchmarkTrend*>>;
std::vector<BenchmarkFamily> BenchmarkFamilies(const BenchmarkTrends& benchmarks) {
  std::vector<BenchmarkFamily> families;
  for (const BenchmarkTrend& t : benchmarks.trends) {
    auto it = std::find_if(families.begin(), families.end(),
                           [&](const BenchmarkFamily& f) { return f.first == t.family; });
    if (it == families.end()) it = families.insert(it, {t.family, {}});
    it->second.push_back(&t);
  }
  return families;
}

std::vector<std::string> CheckNames(const ClaimTrend& series) {
  std::vector<std::string> names;
  for (const EstimateTrend& e : series.estimates)
    if (std::find(names.begin(), names.end(), e.name) == names.end()) names.push_back(e.name);
  return names;
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
  if (!MakeDirectories(plots, error)) return false;
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

std::string HistoryIndexHtml(const HistoryView& view) {
  std::set<std::string> run_ids, trend_ids;
  for (const HistoryRun& run : view.runs)
    for (const ClaimResult& c : run.claims) run_ids.insert(c.id);
  for (const ClaimTrend& c : view.claims) trend_ids.insert(c.claim);
  json flags = json::array(), runs = json::array();
  for (const Flag& f : view.flags) {
    flags.push_back(
        {{"kind", f.kind}, {"href", f.href}, {"subject", f.subject}, {"detail", f.detail}});
  }
  for (size_t r = view.runs.size(); r-- > 0;) {
    const HistoryRun& run = view.runs[r];
    json verdicts = json::array();
    for (const std::string& id : run_ids) {
      const auto it = std::find_if(run.claims.begin(), run.claims.end(),
                                   [&](const ClaimResult& c) { return c.id == id; });
      verdicts.push_back({{"verdict", it == run.claims.end() ? json() : BadgeView(it->verdict)}});
    }
    runs.push_back({{"index", r},
                    {"date", run.date},
                    {"commit", Short(run.commit)},
                    {"machine", run.machine},
                    {"scale", OrAbsent(run.scale)},
                    {"benchmarks", run.benchmarks.size()},
                    {"verdicts", verdicts}});
  }
  const HistoryRun& latest = view.runs.back();
  return RenderPage(
      "history_index", "Nightly trends",
      {{"run_count", view.runs.size()},
       {"first_date", view.runs.front().date},
       {"latest",
        {{"date", latest.date}, {"commit", Short(latest.commit)}, {"machine", latest.machine}}},
       {"pass", BadgeView("PASS")},
       {"flagged", BadgeView("FLAGGED")},
       {"any_flags", !flags.empty()},
       {"flags", flags},
       {"benchmark_count", view.benchmarks.trends.size()},
       {"benchmark_machine", view.benchmarks.machine},
       {"trend_claims", ClaimLinks(trend_ids)},
       {"run_claims", ClaimLinks(run_ids)},
       {"runs", runs}});
}

std::string BenchmarkTrendsHtml(const HistoryView& view) {
  json rows = json::array(), families = json::array();
  for (const BenchmarkTrend& t : view.benchmarks.trends) {
    const BenchmarkPoint& p = t.points.back();
    json judged;
    if (p.judged) {
      judged = {{"baseline", FormatNumber(p.baseline_ns, 4)},
                {"ratio", FormatNumber(p.best_ns / p.baseline_ns, 3)},
                {"allowed", FormatNumber(p.threshold, 3)},
                {"spread", p.run_to_run ? FormatNumber(p.spread, 2) : "short history"}};
    }
    const bool latest = p.run + 1 == view.runs.size();
    rows.push_back({{"anchor", FileStem(t.family)},
                    {"name", t.name},
                    {"runs", t.points.size()},
                    {"latest", FormatNumber(p.best_ns, 4)},
                    {"judged", judged},
                    {"status", BadgeView(!latest     ? "absent from latest"
                                         : p.flagged ? "FLAGGED"
                                                     : "ok")}});
  }
  for (const auto& [family, trends] : BenchmarkFamilies(view.benchmarks)) {
    families.push_back({{"anchor", FileStem(family)},
                        {"family", family},
                        {"figure", FigureView(view, FamilyPlotStem(family), family)}});
  }
  const int others = view.benchmarks.other_machine_runs;
  return RenderPage("history_benchmarks", "Benchmark trends",
                    {{"machine", view.benchmarks.machine},
                     {"other_runs", others > 0 ? json(others) : json()},
                     {"benchmarks", rows},
                     {"families", families}});
}

std::string ClaimTrendsHtml(const HistoryView& view, const std::string& claim) {
  json series = json::array();
  for (const ClaimTrend& c : view.claims) {
    if (c.claim != claim) continue;
    json verdicts = json::array(), plots = json::array();
    for (size_t i = c.verdicts.size(); i-- > 0;) {
      const VerdictPoint& v = c.verdicts[i];
      json arms = json::array();
      for (const auto& [arm, verdict] : v.arms)
        arms.push_back({{"name", arm}, {"verdict", BadgeView(verdict)}});
      verdicts.push_back({{"date", view.runs[v.run].date},
                          {"commit", Short(view.runs[v.run].commit)},
                          {"verdict", BadgeView(v.verdict)},
                          {"changed", v.changed ? BadgeView("FLAGGED") : json()},
                          {"arms", arms}});
    }
    for (const std::string& name : CheckNames(c))
      plots.push_back(
          {{"name", name}, {"figure", FigureView(view, EstimatePlotStem(c, name), name)}});
    series.push_back(
        {{"title", c.title},
         {"protocol", "protocol " + (c.protocol ? std::to_string(*c.protocol) : std::string("?")) +
                          ", scale " + OrAbsent(c.scale)},
         {"verdicts", verdicts},
         {"plots", plots}});
  }
  return RenderPage(
      "history_claim", claim + " trends",
      {{"claim", claim}, {"claim_href", UrlEscapeSegment(claim)}, {"series", series}});
}

}  // namespace thmcheck::report
