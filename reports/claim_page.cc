// Renders a claim page; see claim_page.h. Sections in reading order: verdict and title (with why
// it is not a PASS and the expected status), the theorem, what is measured, the run, the arms'
// checks (arm_section.h), cross-checks, plots, cells, provenance, how to reproduce, how to cite.
// Links are relative (../index.html, plots/…) so OUT/ can be moved or zipped whole.
#include "reports/claim_page.h"

#include <algorithm>
#include <set>

#include "reports/arm_section.h"
#include "reports/cells_table.h"
#include "reports/citation_section.h"
#include "reports/cross_check_section.h"
#include "reports/escape.h"
#include "reports/format.h"
#include "reports/html_page.h"
#include "reports/measured_section.h"
#include "reports/verdict_summary.h"

namespace thmcheck::report {
namespace {

// The verdict's explanation: why it is not a PASS, the expected status and whether it was met,
// and the rule the verdict follows.
std::string VerdictBox(const ClaimResult& claim) {
  std::string html;
  const std::string reason = VerdictReasonHtml(claim);
  if (!reason.empty()) html += "<p><strong>Why not PASS:</strong> " + reason + "</p>\n";
  const std::string expected = ExpectedHtml(claim);
  if (!expected.empty()) html += "<p>" + expected + "</p>\n";
  html +=
      "<p class=\"muted small\">A claim PASSes when every main arm PASSes, every control arm is "
      "REJECTED and at least one control ran; it FAILs when a main arm FAILs, a control is not "
      "rejected or a sanity check FAILs (a bug).</p>\n";
  return html;
}

std::string FitCaption(const PlotSpec& spec) {
  std::string html = "<code>" + HtmlEscape(spec.observable) + "</code> against <code>" +
                     HtmlEscape(spec.x) +
                     "</code>, log-log. Points: mean with lo\u2013hi bars per arm; "
                     "lines: each arm's fitted power law.";
  if (spec.predicted) {
    html += std::string(" Dotted black: the ") +
            (spec.kind == CheckKind::kExponentBound ? "bound's" : "predicted") +
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
  html += VerdictBox(claim);

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
  std::set<std::string> cell_ids;
  for (const Cell& cell : claim.cells) cell_ids.insert(CellId(cell));
  for (const Arm& arm : claim.arms) html += ArmSectionHtml(arm, cell_ids);
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
