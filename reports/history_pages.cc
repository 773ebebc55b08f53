// Renders the trend pages; see history_pages.h. Links are relative (../index.html, plots/…) so
// the report folder can be moved or zipped whole, as for the claim pages.
#include "reports/history_pages.h"

#include <algorithm>
#include <set>

#include "reports/escape.h"
#include "reports/format.h"
#include "reports/html_page.h"

namespace thmcheck::report {
namespace {

std::string Short(const std::string& commit) { return commit.substr(0, 12); }

std::string ProtocolText(const ClaimTrend& c) {
  return "protocol " + (c.protocol ? std::to_string(*c.protocol) : std::string("?")) + ", scale " +
         (c.scale.empty() ? std::string(kAbsent) : c.scale);
}

std::string Figure(const HistoryView& view, const std::string& stem, const std::string& alt) {
  const std::string base = "plots/" + HtmlEscape(UrlEscapeSegment(stem));
  const auto it = view.drawn.find(stem);
  std::string html = "<figure>\n";
  if (it != view.drawn.end() && it->second) {
    html += "<img src=\"" + base + ".svg\" alt=\"" + HtmlEscape(alt) +
            "\" width=\"760\" height=\"480\">\n<figcaption>x: the nightly runs, oldest first "
            "(UTC month-day and commit). Files: <a href=\"" +
            base + ".svg\">SVG</a> \u00B7 <a href=\"" + base + ".png\">PNG</a> \u00B7 ";
  } else {
    html +=
        "<p class=\"muted\">Not drawn (gnuplot missing or failed); the script draws it.</p>\n"
        "<figcaption>Files: ";
  }
  return html + "<a href=\"" + base + ".gp\">gnuplot script</a> \u00B7 <a href=\"" + base +
         ".dat\">data</a></figcaption>\n</figure>\n";
}

std::string RulesHtml() {
  return "<details><summary>How regressions are flagged</summary>\n<ul class=\"small\">\n"
         "<li><strong>Benchmark</strong>: compared only with earlier runs on the same machine, on "
         "the CPU time per iteration of the run's fastest repetition (interference only slows "
         "a run down). x = ln(fastest); baseline = median of x over the previous " +
         std::to_string(kBaselineWindow) + " runs. With " + std::to_string(kMinRunsForSpread) +
         " or more earlier runs, flagged when x \u2212 baseline &gt; max(" + FormatNumber(kZ, 2) +
         "\u03c3, ln(1 + " + FormatNumber(kMinSlowdown, 2) +
         ")), \u03c3 = 1.4826\u00b7MAD of "
         "those x (the benchmark's own run-to-run spread); with fewer, when the fastest time is "
         "more than " +
         FormatNumber(1 + kShortHistorySlowdown, 2) +
         "\u00d7 the baseline.</li>\n"
         "<li><strong>Verdict</strong>: a claim's verdict differs from its previous run at the "
         "same protocol version and scale.</li>\n"
         "<li><strong>Band</strong>: the estimate of a main arm's evidence check lies outside "
         "the band the theorem allows (a control's must-fail rows are meant to leave it; report "
         "arms and sanity checks are not judged by it).</li>\n"
         "<li><strong>Missing</strong>: a claim of the previous run is absent.</li>\n"
         "</ul>\n<p class=\"small\">A new protocol version starts a new series: results that "
         "measure different things are never compared.</p></details>\n";
}

std::string FlagsTable(const std::vector<Flag>& flags) {
  if (flags.empty())
    return "<p>" + Badge("PASS") + " No regression flagged in the latest run.</p>\n";
  std::string html = "<table>\n<tr><th>Flag</th><th>What</th><th>Why</th></tr>\n";
  for (const Flag& f : flags) {
    html += "<tr><td>" + Badge("FLAGGED") + " " + HtmlEscape(f.kind) + "</td><td><a href=\"" +
            HtmlEscape(f.href) + "\"><code>" + HtmlEscape(f.subject) + "</code></a></td>" +
            Td(f.detail, "why") + "</tr>\n";
  }
  return html + "</table>\n";
}

std::string RunsTable(const HistoryView& view) {
  std::set<std::string> ids;
  for (const HistoryRun& run : view.runs)
    for (const ClaimResult& c : run.claims) ids.insert(c.id);
  std::string html =
      "<table>\n<tr><th>#</th><th>Date (UTC)</th><th>Commit</th><th>Machine</th>"
      "<th>Scale</th><th>Benchmarks</th>";
  for (const std::string& id : ids) {
    html +=
        "<th><a href=\"" + HtmlEscape(ClaimTrendPage(id)) + "\">" + HtmlEscape(id) + "</a></th>";
  }
  html += "</tr>\n";
  for (size_t r = view.runs.size(); r-- > 0;) {
    const HistoryRun& run = view.runs[r];
    html += "<tr>" + Td(std::to_string(r), "num") + Td(run.date) + "<td><code>" +
            HtmlEscape(Short(run.commit)) + "</code></td>" + Td(run.machine) +
            Td(run.scale.empty() ? kAbsent : run.scale) +
            Td(std::to_string(run.benchmarks.size()), "num");
    for (const std::string& id : ids) {
      const auto it = std::find_if(run.claims.begin(), run.claims.end(),
                                   [&](const ClaimResult& c) { return c.id == id; });
      html += it == run.claims.end() ? Td(kAbsent) : "<td>" + Badge(it->verdict) + "</td>";
    }
    html += "</tr>\n";
  }
  return html + "</table>\n";
}

}  // namespace

std::string FamilyPlotStem(const std::string& family) { return "bench_" + FileStem(family); }

std::string EstimatePlotStem(const ClaimTrend& series, const std::string& check) {
  return "est_" + FileStem(series.claim) + "_p" +
         (series.protocol ? std::to_string(*series.protocol) : std::string("x")) + "_" +
         FileStem(series.scale.empty() ? "none" : series.scale) + "_" + FileStem(check);
}

std::string ClaimTrendPage(const std::string& claim) {
  return "claim_" + FileStem(claim) + ".html";
}

std::string HistoryIndexHtml(const HistoryView& view) {
  std::string html = PageBegin("Nightly trends \u2014 thmcheck");
  html +=
      "<p class=\"small\"><a href=\"../index.html\">\u2190 latest report</a></p>\n"
      "<h1>Nightly trends</h1>\n";
  const HistoryRun& latest = view.runs.back();
  html += "<p>" + std::to_string(view.runs.size()) + " nightly run(s), " +
          HtmlEscape(view.runs.front().date) + " to " + HtmlEscape(latest.date) +
          ". Latest: commit <code>" + HtmlEscape(Short(latest.commit)) + "</code> on <code>" +
          HtmlEscape(latest.machine) + "</code>.</p>\n";
  html += "<h2>Flags in the latest run</h2>\n" + FlagsTable(view.flags) + RulesHtml();
  html += "<h2>Trends</h2>\n<ul>\n<li><a href=\"benchmarks.html\">Benchmarks</a>: " +
          std::to_string(view.benchmarks.trends.size()) + " benchmark(s) on <code>" +
          HtmlEscape(view.benchmarks.machine) + "</code></li>\n";
  std::set<std::string> ids;
  for (const ClaimTrend& c : view.claims) ids.insert(c.claim);
  for (const std::string& id : ids) {
    html += "<li><a href=\"" + HtmlEscape(ClaimTrendPage(id)) + "\">" + HtmlEscape(id) +
            "</a>: verdicts and fitted estimates</li>\n";
  }
  html += "</ul>\n<h2>Runs</h2>\n" + RunsTable(view);
  return html + PageEnd();
}

std::string BenchmarkTrendsHtml(const HistoryView& view) {
  std::string html = PageBegin("Benchmark trends \u2014 thmcheck");
  html +=
      "<p class=\"small\"><a href=\"index.html\">\u2190 nightly trends</a></p>\n"
      "<h1>Benchmark trends</h1>\n<p>CPU time per iteration of <code>thmcheck_bench</code> on "
      "<code>" +
      HtmlEscape(view.benchmarks.machine) + "</code>";
  if (view.benchmarks.other_machine_runs > 0) {
    html += " (" + std::to_string(view.benchmarks.other_machine_runs) +
            " run(s) on other machines are not compared and not shown)";
  }
  html += ". The latest run against its baseline:</p>\n" + RulesHtml();
  html +=
      "<table>\n<tr><th>Benchmark</th><th>Runs</th><th>Latest (fastest)</th><th>Baseline</th>"
      "<th>Ratio</th><th>Allowed</th><th>\u03c3 (ln)</th><th></th></tr>\n";
  std::vector<std::string> families;
  for (const BenchmarkTrend& t : view.benchmarks.trends) {
    if (std::find(families.begin(), families.end(), t.family) == families.end()) {
      families.push_back(t.family);
    }
    const BenchmarkPoint& p = t.points.back();
    const bool latest = p.run + 1 == view.runs.size();
    html += "<tr><td><a href=\"#" + HtmlEscape(FileStem(t.family)) + "\"><code>" +
            HtmlEscape(t.name) + "</code></a></td>" + Td(std::to_string(t.points.size()), "num") +
            Td(FormatNumber(p.best_ns, 4) + " ns", "num");
    if (p.judged) {
      html += Td(FormatNumber(p.baseline_ns, 4) + " ns", "num") +
              Td(FormatNumber(p.best_ns / p.baseline_ns, 3), "num") +
              Td("\u2264 " + FormatNumber(p.threshold, 3), "num") +
              Td(p.run_to_run ? FormatNumber(p.spread, 2) : "short history", "num");
    } else {
      html +=
          "<td colspan=\"4\" class=\"muted\">first run on this machine: nothing to compare</td>";
    }
    html += "<td>" +
            (!latest     ? Badge("absent from latest")
             : p.flagged ? Badge("FLAGGED")
                         : Badge("ok")) +
            "</td></tr>\n";
  }
  html += "</table>\n";
  for (const std::string& family : families) {
    html += "<h3 id=\"" + HtmlEscape(FileStem(family)) + "\"><code>" + HtmlEscape(family) +
            "</code></h3>\n" + Figure(view, FamilyPlotStem(family), "trend of " + family);
  }
  return html + PageEnd();
}

std::string ClaimTrendsHtml(const HistoryView& view, const std::string& claim) {
  std::string html = PageBegin(claim + " trends \u2014 thmcheck");
  html +=
      "<p class=\"small\"><a href=\"index.html\">\u2190 nightly trends</a> \u00B7 <a href=\"../" +
      HtmlEscape(UrlEscapeSegment(claim)) +
      "/index.html\">latest result</a></p>\n<h1>Trends of <code>" + HtmlEscape(claim) +
      "</code></h1>\n";
  for (const ClaimTrend& c : view.claims) {
    if (c.claim != claim) continue;
    html += "<h2>" + HtmlEscape(c.title) + " <span class=\"muted small\">(" +
            HtmlEscape(ProtocolText(c)) +
            ")</span></h2>\n<table>\n<tr><th>Run</th><th>Commit</th>"
            "<th>Verdict</th><th>Arms</th></tr>\n";
    for (size_t i = c.verdicts.size(); i-- > 0;) {
      const VerdictPoint& v = c.verdicts[i];
      std::string arms;
      for (const auto& [arm, verdict] : v.arms)
        arms += HtmlEscape(arm) + " " + Badge(verdict) + " ";
      html += "<tr>" + Td(view.runs[v.run].date) + "<td><code>" +
              HtmlEscape(Short(view.runs[v.run].commit)) + "</code></td><td>" + Badge(v.verdict) +
              (v.changed ? " " + Badge("FLAGGED") + " <span class=\"small\">changed</span>" : "") +
              "</td><td>" + arms + "</td></tr>\n";
    }
    html += "</table>\n";
    std::vector<std::string> names;  // of checks; a control's must-fail row shares its main's
    for (const EstimateTrend& e : c.estimates) {
      if (std::find(names.begin(), names.end(), e.name) == names.end()) names.push_back(e.name);
    }
    for (const std::string& name : names) {
      html += "<h3><code>" + HtmlEscape(name) + "</code></h3>\n" +
              Figure(view, EstimatePlotStem(c, name), "trend of " + name);
    }
  }
  return html + PageEnd();
}

}  // namespace thmcheck::report
