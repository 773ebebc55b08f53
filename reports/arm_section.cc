// Builds one arm's checks; see arm_section.h.
#include "reports/arm_section.h"

#include "reports/cells_table.h"
#include "reports/escape.h"
#include "reports/format.h"
#include "reports/html_page.h"
#include "reports/interval_glyph.h"
#include "reports/verdict_summary.h"

namespace thmcheck::report {
namespace {

using nlohmann::json;

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

// The sweep points under the table, or null when the check has none.
json Points(const Check& check) {
  if (check.Points().empty()) return nullptr;
  json rows = json::array();
  for (const SweepPoint& p : check.Points())
    rows.push_back({{"x", FormatNumber(PointX(p), 6)},
                    {"mean", FormatNumber(p.mean, 4)},
                    {"lo", FormatNumber(p.lo, 4)},
                    {"hi", FormatNumber(p.hi, 4)},
                    {"n", p.n ? std::to_string(*p.n) : kAbsent}});
  return {{"axis", check.x.empty() ? "x" : check.x}, {"rows", rows}};
}

// The cells that capped a check at INCONCLUSIVE, or null when none did.
json Capping(const Check& check, const std::set<std::string>& cell_ids) {
  const std::vector<std::string>& ids = check.excluded.capping_cells;
  if (ids.empty()) return nullptr;
  json cells = json::array();
  for (const std::string& id : ids)
    cells.push_back(
        {{"id", id}, {"anchor", cell_ids.count(id) ? UrlEscapeSegment(CellAnchor(id)) : ""}});
  return {{"count", std::to_string(ids.size())}, {"plural", ids.size() != 1}, {"cells", cells}};
}

json CheckRow(const Check& check, const std::set<std::string>& cell_ids) {
  std::string match_on;
  for (const std::string& p : check.match_on) match_on += (match_on.empty() ? "" : ", ") + p;
  const Excluded& e = check.excluded;
  return {{"sanity", check.IsSanity()},
          {"name", check.Name()},
          // What it measures, when that is not its name ("rel_weight_change flat").
          {"of", check.observable != check.Name() ? check.observable : ""},
          {"role_text", RoleText(check.role)},
          {"why", check.why},
          {"kind", CheckKindName(check.kind)},
          {"versus", check.versus_arm},
          {"match_on", match_on},
          {"x", check.x.empty() ? kAbsent : check.x},
          {"estimate", FormatNumber(check.estimate)},
          {"ci", FormatInterval(check.ci)},
          {"ci95", FormatInterval(check.ci95)},
          {"predicted", FormatNumber(check.predicted)},
          {"band", FormatInterval(check.band)},
          {"glyph", IntervalGlyphView(check)},
          {"verdict", CheckBadgeView(check.verdict, check.role)},
          {"as_predicted", check.IsMustFail() && check.verdict == "FAIL"},
          {"reason", check.reason},
          {"left_out", e.diverged + e.unusable > 0 ? std::to_string(e.diverged) + " diverged, " +
                                                         std::to_string(e.unusable) + " unusable"
                                                   : ""},
          {"fit", FitSummary(check)},
          {"tolerance", check.tolerance.empty() ? kAbsent : check.tolerance},
          {"capping", Capping(check, cell_ids)},
          {"points", Points(check)}};
}

}  // namespace

json ArmView(const Arm& arm, const std::set<std::string>& cell_ids) {
  json checks = json::array();
  for (const Check& check : arm.checks) checks.push_back(CheckRow(check, cell_ids));
  return {{"arm", arm.name},
          {"role", arm.role},
          {"verdict", BadgeView(arm.verdict)},
          {"condition", arm.condition},
          {"control", arm.role == "control"},
          {"against", arm.against},
          {"report", arm.role == "report"},
          {"outcome", ArmOutcomeView(arm)},
          {"has_checks", !checks.empty()},
          {"checks", checks}};
}

}  // namespace thmcheck::report
