// Renders a claim page; see claim_page.h. Sections in reading order: verdict and title, the
// theorem, what is measured, the run, the arms' checks, cross-checks, plots, cells, provenance, how
// to reproduce, how to cite.
// Links are relative (../index.html, plots/…) so OUT/ can be moved or zipped whole.
#include "reports/claim_page.h"

#include <algorithm>

#include "reports/cells_table.h"
#include "reports/citation_section.h"
#include "reports/cross_check_section.h"
#include "reports/escape.h"
#include "reports/format.h"
#include "reports/html_page.h"
#include "reports/interval_glyph.h"
#include "reports/measured_section.h"

namespace thmcheck::report {
namespace {

std::string FitSummary(const Check& check) {
  if (!check.fit) return kAbsent;
  const Fit& f = *check.fit;
  std::string text = "slope " + FormatNumber(f.slope) + ", r\u00B2 " + FormatNumber(f.r2, 4);
  if (f.worst_residual) text += ", worst residual " + FormatNumber(f.worst_residual, 2);
  if (f.excluded) text += ", excluded " + std::to_string(*f.excluded);
  return text;
}

std::string PointsDetails(const Arm& arm, const Check& check) {
  if (check.Points().empty()) return "";
  std::string html = "<details><summary>sweep points of <code>" + HtmlEscape(check.observable) +
                     "</code> (" + HtmlEscape(arm.name) + ")</summary>\n<table>\n<tr><th>" +
                     HtmlEscape(check.x.empty() ? "x" : check.x) +
                     "</th><th>mean</th><th>lo</th><th>hi</th><th>n</th></tr>\n";
  for (const SweepPoint& p : check.Points()) {
    html += "<tr>" + Td(FormatNumber(p.x, 6), "num") + Td(FormatNumber(p.mean, 4), "num") +
            Td(FormatNumber(p.lo, 4), "num") + Td(FormatNumber(p.hi, 4), "num") +
            Td(p.n ? std::to_string(*p.n) : kAbsent, "num") + "</tr>\n";
  }
  return html + "</table></details>\n";
}

std::string ArmSection(const Arm& arm) {
  std::string html = "<h3>" + HtmlEscape(arm.name) + " <span class=\"muted small\">(" +
                     HtmlEscape(arm.role) + " arm)</span> " + Badge(arm.verdict) + "</h3>\n";
  if (!arm.condition.empty()) html += "<p>" + HtmlEscape(arm.condition) + "</p>\n";
  if (arm.checks.empty()) return html + "<p class=\"muted\">No checks.</p>\n";
  html +=
      "<table>\n<tr><th>Observable</th><th>Kind</th><th>x</th><th>Estimate</th>"
      "<th>90% interval</th><th>95% interval</th><th>Predicted</th><th>Band</th><th></th>"
      "<th>Verdict</th><th>Fit</th><th>Tolerance (derivation)</th></tr>\n";
  std::string details;
  for (const Check& check : arm.checks) {
    html += "<tr><td><code>" + HtmlEscape(check.observable) + "</code></td>" + Td(check.kind) +
            Td(check.x.empty() ? kAbsent : check.x) + Td(FormatNumber(check.estimate), "num") +
            Td(FormatInterval(check.ci), "num") + Td(FormatInterval(check.ci95), "num") +
            Td(FormatNumber(check.predicted), "num") + Td(FormatInterval(check.band), "num") +
            "<td>" + IntervalGlyph(check) + "</td><td>" + Badge(check.verdict) + "</td>" +
            Td(FitSummary(check), "why") +
            Td(check.tolerance.empty() ? kAbsent : check.tolerance, "why") + "</tr>\n";
    details += PointsDetails(arm, check);
  }
  return html + "</table>\n" + details;
}

std::string FitCaption(const PlotSpec& spec) {
  std::string html = "<code>" + HtmlEscape(spec.observable) + "</code> against <code>" +
                     HtmlEscape(spec.x) +
                     "</code>, log-log. Points: mean with lo\u2013hi bars per arm; "
                     "lines: each arm's fitted power law.";
  if (spec.predicted) {
    html += std::string(" Dotted black: the ") +
            (spec.kind == "exponent_bound" ? "bound's" : "predicted") +
            " slope through the main arm's first point.";
  }
  return html;
}

// A figure the claim declared: what is drawn, on which axes, and what was left out.
std::string DeclaredCaption(const PlotSpec& spec) {
  std::string arms;
  for (const std::string& arm : spec.arms)
    arms += (arms.empty() ? "<code>" : ", <code>") + HtmlEscape(arm) + "</code>";
  std::string html = "<strong>" + HtmlEscape(spec.title) + "</strong> " +
                     HtmlEscape(spec.observable) + " against <code>" + HtmlEscape(spec.x) +
                     "</code> (arm" + (spec.arms.size() > 1 ? "s " : " ") + arms + "), " +
                     AxesName(spec) +
                     ". Points: the mean over replicates with its 90% t-interval, one curve per "
                     "series.";
  std::string references, lines;
  for (const PlotSeries& s : spec.series)
    if (s.reference) references += (references.empty() ? "" : ", ") + HtmlEscape(s.arm);
  for (const PlotLine& l : spec.lines)
    lines += (lines.empty() ? "" : "; ") + HtmlEscape(l.label) + " = " + FormatNumber(l.value);
  if (!references.empty()) html += " Dashed grey: " + references + " (recorded per cell).";
  if (!lines.empty()) html += " Black horizontal lines: " + lines + ".";
  if (spec.diverged > 0)
    html += " <strong>" + std::to_string(spec.diverged) + " diverged cell(s) excluded.</strong>";
  if (spec.unusable > 0)
    html += " <strong>" + std::to_string(spec.unusable) +
            " missing or non-finite value(s) excluded.</strong>";
  return html;
}

std::string PlotsSection(const ClaimResult& claim, const std::vector<RenderedPlot>& plots,
                         bool gnuplot_found) {
  if (plots.empty()) {
    return "<p class=\"muted\">This claim declares no figure and no check of it has an exponent "
           "fit.</p>\n";
  }
  std::string html;
  if (!gnuplot_found) {
    html +=
        "<p class=\"muted\">gnuplot was not found when this report was written, so the plots "
        "were not drawn. Each script below draws its plot: run <code>gnuplot NAME.gp</code> "
        "in <code>" +
        HtmlEscape(claim.id) + "/plots/</code>.</p>\n";
  }
  for (const RenderedPlot& plot : plots) {
    const PlotSpec& spec = plot.spec;
    const std::string base = "plots/" + HtmlEscape(UrlEscapeSegment(spec.stem));
    const std::string what = HtmlEscape(spec.observable) + " vs " + HtmlEscape(spec.x);
    html += "<figure>\n";
    if (plot.rendered) {
      html += "<img src=\"" + base + ".svg\" alt=\"" + AxesName(spec) + " plot of " + what +
              "\" width=\"760\" height=\"520\">\n";
    } else if (gnuplot_found) {
      html += "<p class=\"muted\">gnuplot could not draw this plot; see its script.</p>\n";
    }
    html += "<figcaption>" + (spec.declared ? DeclaredCaption(spec) : FitCaption(spec));
    if (spec.Dropped() > 0) {
      html += " <strong>" + std::to_string(spec.Dropped()) +
              " point(s) with a non-positive or missing value are not shown</strong> (log axes; "
              "they are in the sweep-point tables).";
    }
    html += "<br>Files: ";
    if (plot.rendered) {
      html += "<a href=\"" + base + ".svg\">SVG</a> \u00B7 <a href=\"" + base +
              ".png\">PNG</a> \u00B7 <a href=\"" + base +
              ".pdf\">PDF</a> (column width, for papers) \u00B7 ";
    }
    html += "<a href=\"" + base + ".gp\">gnuplot script</a> \u00B7 <a href=\"" + base +
            ".dat\">data</a></figcaption>\n</figure>\n";
  }
  return html;
}

}  // namespace

std::string ClaimPageHtml(const ClaimResult& claim, const std::vector<RenderedPlot>& plots,
                          bool gnuplot_found, const std::vector<CrossCheckTable>& cross_checks) {
  std::string html = PageBegin(claim.title + " \u2014 thmcheck");
  html += "<p class=\"small\"><a href=\"../index.html\">\u2190 all claims</a></p>\n";
  html += "<h1>" + Badge(claim.verdict) + " " + HtmlEscape(claim.title) + "</h1>\n";
  html += "<p class=\"muted\"><code>" + HtmlEscape(claim.id) + "</code>";
  if (claim.protocol) html += " \u00B7 protocol " + std::to_string(*claim.protocol);
  html += " \u00B7 scale " + HtmlEscape(claim.scale.empty() ? kAbsent : claim.scale) +
          " \u00B7 seed " + HtmlEscape(claim.seed.empty() ? kAbsent : claim.seed) + "</p>\n";

  html += "<h2>Theorem</h2>\n";
  if (!claim.statement.empty())
    html += "<blockquote>" + HtmlEscape(claim.statement) + "</blockquote>\n";
  html += CitationHtml(claim.citation);

  html += "<h2>What is measured</h2>\n" + MeasuredSection(claim);

  html += "<h2>Run parameters</h2>\n";
  const std::string params = KeyValueRows(claim.params);
  html += params.empty() ? "<p class=\"muted\">None recorded.</p>\n"
                         : "<table>\n" + params + "</table>\n";

  html += "<h2>Checks</h2>\n";
  for (const Arm& arm : claim.arms) html += ArmSection(arm);
  for (const ArmNotRun& arm : claim.arms_not_run)
    html += "<h3>" + HtmlEscape(arm.name) + " <span class=\"muted small\">(" +
            HtmlEscape(arm.role) + " arm)</span> not run</h3>\n<p>" + HtmlEscape(arm.condition) +
            "</p>\n<p class=\"muted\">Switched off in this run: <code>--set " +
            HtmlEscape(arm.enabled_by) + "=1</code> runs it.</p>\n";
  for (const CrossCheckTable& table : cross_checks) html += CrossCheckSectionHtml(table);

  html += "<h2>Plots</h2>\n" + PlotsSection(claim, plots, gnuplot_found);
  html += "<h2>Cells</h2>\n" + CellsSection(claim);

  html += "<h2>Provenance</h2>\n";
  nlohmann::json context = claim.context;
  const auto command = context.find("command");
  const std::string command_text =
      command != context.end() && command->is_string() ? command->get<std::string>() : "";
  if (!command_text.empty()) context.erase("command");
  const std::string rows = KeyValueRows(context);
  html += rows.empty() ? "<p class=\"muted\">No context block recorded.</p>\n"
                       : "<table>\n" + rows + "</table>\n";
  html += "<h2>Reproduce</h2>\n";
  html += command_text.empty() ? "<p class=\"muted\">The command was not recorded.</p>\n"
                               : "<pre><code>" + HtmlEscape(command_text) + "</code></pre>\n";
  html += "<h2>Cite this result</h2>\n" + CiteSection(claim, "citation.bib");
  return html + PageEnd();
}

}  // namespace thmcheck::report
