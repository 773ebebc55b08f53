// Renders one arm's checks; see arm_section.h.
#include "reports/arm_section.h"

#include "reports/cells_table.h"
#include "reports/escape.h"
#include "reports/format.h"
#include "reports/html_page.h"
#include "reports/interval_glyph.h"
#include "reports/verdict_summary.h"

namespace thmcheck::report {
namespace {

constexpr int kColumns = 13;  // of the checks table

std::string FitSummary(const Check& check) {
  if (!check.fit) return kAbsent;
  const Fit& f = *check.fit;
  std::string text = "slope " + FormatNumber(f.slope) + ", r\u00B2 " + FormatNumber(f.r2, 4);
  if (f.worst_residual) text += ", worst residual " + FormatNumber(f.worst_residual, 2);
  if (f.excluded) text += ", excluded " + std::to_string(*f.excluded);
  if (f.replicate_slope) {
    text += "; mean of per-replicate slopes " + FormatNumber(f.replicate_slope);
    if (f.replicate_slopes) text += " over " + std::to_string(*f.replicate_slopes);
    if (f.rep90.present) text += ", 90% " + FormatInterval(f.rep90);
  }
  return text;
}

std::string PointsDetails(const Arm& arm, const Check& check) {
  if (check.Points().empty()) return "";
  std::string html = "<details><summary>sweep points of <code>" + HtmlEscape(check.Name()) +
                     "</code> (" + HtmlEscape(arm.name) + ")</summary>\n<table>\n<tr><th>" +
                     HtmlEscape(check.x.empty() ? "x" : check.x) +
                     "</th><th>mean</th><th>lo</th><th>hi</th><th>n</th></tr>\n";
  for (const SweepPoint& p : check.Points()) {
    html += "<tr>" + Td(FormatNumber(PointX(p), 6), "num") + Td(FormatNumber(p.mean, 4), "num") +
            Td(FormatNumber(p.lo, 4), "num") + Td(FormatNumber(p.hi, 4), "num") +
            Td(p.n ? std::to_string(*p.n) : kAbsent, "num") + "</tr>\n";
  }
  return html + "</table></details>\n";
}

// The check's name, and what it measures when that is not its name ("rel_weight_change flat"
// measures rel_weight_change).
std::string NameCell(const Check& check) {
  std::string html = "<td><code>" + HtmlEscape(check.Name()) + "</code>";
  if (!check.observable.empty() && check.observable != check.Name())
    html += "<br><span class=\"small muted\">of <code>" + HtmlEscape(check.observable) +
            "</code></span>";
  return html + "</td>";
}

// The role in words; a must-fail row adds why the broken condition makes it fail.
std::string RoleCell(const Check& check) {
  std::string html = std::string(check.why.empty() ? "<td>" : "<td class=\"why\">") +
                     "<span class=\"role\">" + HtmlEscape(RoleText(check.role)) + "</span>";
  if (!check.why.empty()) html += "<br><span class=\"small\">" + HtmlEscape(check.why) + "</span>";
  return html + "</td>";
}

std::string KindCell(const Check& check) {
  std::string html = "<td>" + HtmlEscape(CheckKindName(check.kind));
  if (!check.versus_arm.empty()) {
    html += "<br><span class=\"small\">minus the matched cell of <code>" +
            HtmlEscape(check.versus_arm) + "</code>";
    if (!check.match_on.empty()) {
      std::string on;
      for (const std::string& p : check.match_on) on += (on.empty() ? "" : ", ") + p;
      html += " (same " + HtmlEscape(on) + ", replicate)";
    }
    html += "</span>";
  }
  return html + "</td>";
}

// The verdict badge (coloured by what it means in the check's role), then why and what was left
// out.
std::string VerdictCell(const Check& check) {
  std::string html = "<td>" + CheckBadge(check.verdict, check.role);
  if (check.IsMustFail() && check.verdict == "FAIL")
    html += " <span class=\"small\">as the control predicts</span>";
  if (!check.reason.empty())
    html += "<br><span class=\"small muted\">" + HtmlEscape(check.reason) + "</span>";
  const Excluded& e = check.excluded;
  if (e.diverged + e.unusable > 0)
    html += "<br><span class=\"small\">left out: " + std::to_string(e.diverged) + " diverged, " +
            std::to_string(e.unusable) + " unusable</span>";
  return html + "</td>";
}

// A row under a check capped at INCONCLUSIVE naming the cells that capped it.
std::string CappingRow(const Check& check, const std::set<std::string>& cell_ids) {
  const std::vector<std::string>& ids = check.excluded.capping_cells;
  if (ids.empty()) return "";
  std::string html = "<tr class=\"capping\"><td colspan=\"" + std::to_string(kColumns) +
                     "\" class=\"small\">&#8627; <code>" + HtmlEscape(check.Name()) +
                     "</code> capped at INCONCLUSIVE by " + std::to_string(ids.size()) + " cell" +
                     (ids.size() == 1 ? "" : "s") +
                     " it could not use (a main arm's check cannot pass with gaps; see Cells):";
  for (const std::string& id : ids) {
    html += " ";
    const std::string code = "<code>" + HtmlEscape(id) + "</code>";
    html += cell_ids.count(id) ? "<a href=\"#" + HtmlEscape(UrlEscapeSegment(CellAnchor(id))) +
                                     "\">" + code + "</a>"
                               : code;
  }
  return html + "</td></tr>\n";
}

std::string RoleNote(const Arm& arm) {
  if (arm.role == "control") {
    const std::string against =
        arm.against.empty() ? "the main arm" : "<code>" + HtmlEscape(arm.against) + "</code>";
    std::string html =
        "<p class=\"small\">Control of " + against +
        ": under its broken condition the main-arm checks it names (<em>must fail</em>, judged "
        "with the main arm's bands on this arm's cells) should FAIL, and its own "
        "<em>predictions</em> PASS. It is REJECTED when one must-fail check FAILs and every "
        "prediction PASSes.";
    const std::string outcome = ArmOutcomeHtml(arm);
    if (!outcome.empty()) html += "<br><strong>Outcome:</strong> " + outcome;
    return html + "</p>\n";
  }
  if (arm.role == "report") {
    return "<p class=\"small\"><strong>" + ArmOutcomeHtml(arm) +
           "</strong>: this arm is measured and drawn, never judged; only a sanity check can FAIL "
           "it, and that is a bug.</p>\n";
  }
  return "";
}

}  // namespace

std::string ArmSectionHtml(const Arm& arm, const std::set<std::string>& cell_ids) {
  std::string html = "<h3>" + HtmlEscape(arm.name) + " <span class=\"muted small\">(" +
                     HtmlEscape(arm.role) + " arm)</span> " + Badge(arm.verdict) + "</h3>\n";
  if (!arm.condition.empty()) html += "<p>" + HtmlEscape(arm.condition) + "</p>\n";
  html += RoleNote(arm);
  if (arm.checks.empty()) return html + "<p class=\"muted\">No checks.</p>\n";
  html +=
      "<table>\n<tr><th>Check</th><th>Role</th><th>Kind</th><th>x</th><th>Estimate</th>"
      "<th>90% interval</th><th>95% interval</th><th>Predicted</th><th>Band</th><th></th>"
      "<th>Verdict</th><th>Fit</th><th>Tolerance (derivation)</th></tr>\n";
  std::string details;
  for (const Check& check : arm.checks) {
    html += std::string(check.IsSanity() ? "<tr class=\"sanity\">" : "<tr>") + NameCell(check) +
            RoleCell(check) + KindCell(check) + Td(check.x.empty() ? kAbsent : check.x) +
            Td(FormatNumber(check.estimate), "num") + Td(FormatInterval(check.ci), "num") +
            Td(FormatInterval(check.ci95), "num") + Td(FormatNumber(check.predicted), "num") +
            Td(FormatInterval(check.band), "num") + "<td>" + IntervalGlyph(check) + "</td>" +
            VerdictCell(check) + Td(FitSummary(check), "why") +
            Td(check.tolerance.empty() ? kAbsent : check.tolerance, "why") + "</tr>\n";
    html += CappingRow(check, cell_ids);
    details += PointsDetails(arm, check);
  }
  return html + "</table>\n" + details;
}

}  // namespace thmcheck::report
