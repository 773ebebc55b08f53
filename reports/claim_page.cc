// Renders a claim page; see claim_page.h. The view gathers the sections' views (arm_section.h,
// cells_table.h, citation_section.h, cross_check_section.h, measured_section.h,
// verdict_summary.h); templates/claim_page.mustache lays them out in reading order. Links are
// relative (../index.html, plots/…) so OUT/ can be moved or zipped whole.
#include "reports/claim_page.h"

#include <set>

#include "reports/arm_section.h"
#include "reports/cells_table.h"
#include "reports/citation_section.h"
#include "reports/cross_check_section.h"
#include "reports/escape.h"
#include "reports/format.h"
#include "reports/html_page.h"
#include "reports/measured_section.h"
#include "reports/page_template.h"
#include "reports/verdict_summary.h"

namespace thmcheck::report {
namespace {

using nlohmann::json;

std::string Count(int n) { return n > 0 ? std::to_string(n) : ""; }

// One figure (templates/claim_plot.mustache): a declared figure says what is drawn on which axes
// and what was left out; a fit plot, which observable and which reference slope.
json PlotView(const RenderedPlot& plot, bool gnuplot_found) {
  const PlotSpec& spec = plot.spec;
  json arms = json::array();
  for (const std::string& arm : spec.arms) arms.push_back({{"first", arms.empty()}, {"name", arm}});
  std::string references, lines;
  for (const PlotSeries& s : spec.series)
    if (s.reference) references += (references.empty() ? "" : ", ") + s.arm;
  for (const PlotLine& l : spec.lines)
    lines += (lines.empty() ? "" : "; ") + l.label + " = " + FormatNumber(l.value);
  return {{"base", "plots/" + UrlEscapeSegment(spec.stem)},
          {"rendered", plot.rendered},
          {"could_not_draw", !plot.rendered && gnuplot_found},
          {"alt", AxesName(spec) + " plot of " + spec.observable + " vs " + spec.x},
          {"declared", spec.declared},
          {"title", spec.title},
          {"observable", spec.observable},
          {"x", spec.x},
          {"plural", spec.arms.size() > 1},
          {"arms", arms},
          {"axes", AxesName(spec)},
          {"references", references},
          {"lines", lines},
          {"diverged", Count(spec.diverged)},
          {"unusable", Count(spec.unusable)},
          {"slope", !spec.predicted                          ? ""
                    : spec.kind == CheckKind::kExponentBound ? "bound's"
                                                             : "predicted"},
          {"dropped", Count(spec.Dropped())}};
}

// {rows} for {{> key_value_rows}}, or null for an empty table.
json RowsOrNull(const json& object) {
  json rows = KeyValueView(object);
  return rows.empty() ? json() : json{{"rows", rows}};
}

}  // namespace

std::string ClaimPageHtml(const ClaimResult& claim, const std::vector<RenderedPlot>& plots,
                          bool gnuplot_found, const std::vector<CrossCheckTable>& cross_checks) {
  std::set<std::string> cell_ids;
  for (const Cell& cell : claim.cells) cell_ids.insert(CellId(cell));
  json arms = json::array(), not_run = json::array(), checks = json::array(),
       figures = json::array();
  for (const Arm& arm : claim.arms) arms.push_back(ArmView(arm, cell_ids));
  for (const ArmNotRun& arm : claim.arms_not_run)
    not_run.push_back({{"name", arm.name},
                       {"role", arm.role},
                       {"condition", arm.condition},
                       {"enabled_by", arm.enabled_by}});
  for (const CrossCheckTable& table : cross_checks) checks.push_back(CrossCheckView(table));
  for (const RenderedPlot& plot : plots) figures.push_back(PlotView(plot, gnuplot_found));
  // The command moves from the provenance table to "Reproduce".
  json context = claim.context;
  const auto command = context.find("command");
  const std::string command_text =
      command != context.end() && command->is_string() ? command->get<std::string>() : "";
  if (!command_text.empty()) context.erase("command");
  const json view = {{"page_title", claim.title + " \u2014 thmcheck"},
                     {"verdict", BadgeView(claim.verdict)},
                     {"title", claim.title},
                     {"id", claim.id},
                     {"protocol", claim.protocol ? std::to_string(*claim.protocol) : ""},
                     {"scale", claim.scale.empty() ? kAbsent : claim.scale},
                     {"seed", claim.seed.empty() ? kAbsent : claim.seed},
                     {"why", VerdictReasonView(claim)},
                     {"expected", ExpectedView(claim)},
                     {"statement", claim.statement},
                     {"citation", CitationView(claim.citation)},
                     {"measured", MeasuredView(claim)},
                     {"run_params", RowsOrNull(claim.params)},
                     {"arms", arms},
                     {"not_run", not_run},
                     {"cross_checks", checks},
                     {"figures", figures},
                     {"gnuplot_missing", !gnuplot_found && !plots.empty()},
                     {"cells", CellsView(claim)},
                     {"provenance", RowsOrNull(context)},
                     {"command", command_text},
                     {"bibtex", ClaimBibtex(claim)}};
  return RenderTemplate("claim_page", view);
}

}  // namespace thmcheck::report
