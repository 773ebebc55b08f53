// Builds the checks and cross-check sections of a claim page; see claim_page.h.
#include "reports/claim_page.h"

#include <algorithm>
#include <cmath>
#include <vector>

#include "reports/format.h"
#include "reports/html_page.h"

namespace thmcheck::report {
namespace {

using nlohmann::json;

// The glyph's viewBox (templates/glyph_interval.mustache) is 140×18 with a 4 px margin.
constexpr double kGlyphWidth = 140, kGlyphMargin = 4, kGlyphPadFraction = 0.12;

// A check's glyph (templates/glyph_interval.mustache, a 140×18 px <svg>): the band the theorem
// allows (green, an open side runs to the edge), the 95% and 90% intervals (thin and thick bars),
// the estimate (dot) and the predicted value (black tick); null without an estimate to place.
// Its axis spans every finite value shown plus 12% padding, so an estimate outside its band is
// visibly outside.
json GlyphView(const Check& check) {
  if (!check.estimate || !std::isfinite(*check.estimate)) return nullptr;
  std::vector<double> values = {*check.estimate};
  for (const Interval* i : {&check.band, &check.ci, &check.ci95}) {
    if (i->lo) values.push_back(*i->lo);
    if (i->hi) values.push_back(*i->hi);
  }
  if (check.predicted) values.push_back(*check.predicted);
  double lo = *std::min_element(values.begin(), values.end());
  double hi = *std::max_element(values.begin(), values.end());
  const double span = hi > lo ? hi - lo : std::max(1.0, std::fabs(lo));
  lo -= kGlyphPadFraction * span;
  hi += kGlyphPadFraction * span;
  auto x = [&](std::optional<double> v, double open) {
    return v ? kGlyphMargin + (*v - lo) / (hi - lo) * (kGlyphWidth - 2 * kGlyphMargin) : open;
  };
  json bars = json::array();
  for (const auto& [i, width] : {std::pair{&check.ci95, "1"}, std::pair{&check.ci, "3"}})
    if (i->present)
      bars.push_back({{"x1", FormatPx(x(i->lo, 0))},
                      {"x2", FormatPx(x(i->hi, kGlyphWidth))},
                      {"width", width}});
  json band;
  if (check.band.present) {
    const double x1 = x(check.band.lo, 0), x2 = x(check.band.hi, kGlyphWidth);
    band = {{"x", FormatPx(x1)}, {"width", FormatPx(std::max(1.0, x2 - x1))}};
  }
  return {{"tip", "estimate " + FormatNumber(check.estimate) + "; 90% " + FormatInterval(check.ci) +
                      "; 95% " + FormatInterval(check.ci95) + "; band " +
                      FormatInterval(check.band) + "; predicted " + FormatNumber(check.predicted)},
          {"band", band},
          {"bars", bars},
          {"tick", check.predicted ? FormatPx(x(check.predicted, 0)) : ""},
          {"dot", FormatPx(x(check.estimate, 0))}};
}

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
          {"x", OrAbsent(check.x)},
          {"estimate", FormatNumber(check.estimate)},
          {"ci", FormatInterval(check.ci)},
          {"ci95", FormatInterval(check.ci95)},
          {"predicted", FormatNumber(check.predicted)},
          {"band", FormatInterval(check.band)},
          {"glyph", GlyphView(check)},
          {"verdict", CheckBadgeView(check.verdict, check.role)},
          {"as_predicted", check.IsMustFail() && check.verdict == "FAIL"},
          {"reason", check.reason},
          {"left_out", e.diverged + e.unusable > 0 ? std::to_string(e.diverged) + " diverged, " +
                                                         std::to_string(e.unusable) + " unusable"
                                                   : ""},
          {"fit", FitSummary(check)},
          {"tolerance", OrAbsent(check.tolerance)},
          {"capping", Capping(check, cell_ids)},
          {"points", Points(check)}};
}

// Where the group sits: "the ResNet below α²/16" with yes/no/undecided (and the per-output word
// only where it was judged); nothing when the group is not declared.
void AddSide(const CrossCheckGroup& group, const char* where, const std::string& level, Side side,
             Side per_output, json* sides) {
  if (group.observables.empty()) return;
  sides->push_back({{"first", sides->empty()},
                    {"text", (group.label.empty() ? "every listed observable" : group.label) + " " +
                                 where + " " + level},
                    {"side", SideName(side)},
                    {"per_output_side", per_output == Side::kNone ? "" : SideName(per_output)}});
}

// The x values where both groups sit as declared (summed, or per output).
std::string BothHold(const CrossCheckTable& table, bool per_output) {
  std::string both;
  for (const CrossCheckRow& row : table.rows) {
    const Side below = per_output ? row.below_per_output : row.below;
    const Side above = per_output ? row.above_per_output : row.above;
    const bool below_ok = table.spec.below.observables.empty() || below == Side::kYes;
    const bool above_ok = table.spec.above.observables.empty() || above == Side::kYes;
    if (below_ok && above_ok) both += (both.empty() ? "" : ", ") + FormatNumber(row.x, 6);
  }
  return both;
}

json Row(const CrossCheckTable& table, const CrossCheckRow& row) {
  const CrossCheck& spec = table.spec;
  json entries = json::array(), sides = json::array();
  for (const CrossCheckEntry& e : row.entries)
    entries.push_back({{"n", e.n > 0 ? std::to_string(e.n) : ""},
                       {"mean", FormatNumber(e.mean)},
                       {"ci", FormatInterval(e.ci)},
                       {"per_output", e.per_output ? FormatNumber(e.per_output) : ""}});
  AddSide(spec.below, "below", spec.level_label, row.below, row.below_per_output, &sides);
  AddSide(spec.above, "above", spec.level_label, row.above, row.above_per_output, &sides);
  json premise;  // null: no premise column
  if (spec.premise)
    premise = row.premise ? (*row.premise ? "yes (" : "no (") + row.premise_text + ")" : kAbsent;
  return {{"x", FormatNumber(row.x, 6)},         {"params", row.params}, {"premise", premise},
          {"level", FormatNumber(row.level, 4)}, {"entries", entries},   {"sides", sides}};
}

}  // namespace

std::string CellAnchor(const std::string& id) { return "cell-" + id; }

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

json CrossCheckView(const CrossCheckTable& table) {
  const CrossCheck& spec = table.spec;
  const ClaimResult* other = table.other;  // null: no results of it in the folder
  json rows = json::array(), skipped = json::array();
  for (const CrossCheckRow& row : table.rows) rows.push_back(Row(table, row));
  for (const std::string& name : table.skipped)
    skipped.push_back({{"first", skipped.empty()}, {"name", name}});
  const bool judged_per_output =
      std::any_of(table.rows.begin(), table.rows.end(), [](const CrossCheckRow& r) {
        return r.below_per_output != Side::kNone || r.above_per_output != Side::kNone;
      });
  return {{"title", spec.title.empty() ? "Cross-check with " + spec.claim : spec.title},
          {"why", spec.why},
          {"claim", spec.claim},
          {"arm", spec.arm},
          {"x", spec.x},
          {"missing", other ? json()
                            : json{{"folder", table.folder},
                                   {"command", "thmcheck run " + spec.claim + " --out " +
                                                   ShellWord(table.folder)}}},
          {"source", !other ? json()
                            : json{{"href", "../" + UrlEscapeSegment(other->id) + "/index.html"},
                                   {"id", other->id},
                                   {"verdict", BadgeView(other->verdict)},
                                   {"scale", OrAbsent(other->scale)},
                                   {"seed", OrAbsent(other->seed)}}},
          {"per_output", spec.per_output},
          {"level",
           {{"label", spec.level_label},
            {"coefficient", FormatNumber(spec.level_coefficient, 4)},
            {"power", FormatNumber(spec.level_power)}}},
          {"has_rows", !rows.empty()},
          {"params", spec.params},
          {"premise", spec.premise ? spec.premise->label : ""},
          {"columns", table.columns},
          {"rows", rows},
          {"both", BothHold(table, false)},
          {"judged_per_output", judged_per_output},
          {"both_per_output", judged_per_output ? BothHold(table, true) : ""},
          {"any_skipped", !skipped.empty()},
          {"skipped", skipped},
          {"excluded", table.excluded > 0 ? std::to_string(table.excluded) : ""}};
}

}  // namespace thmcheck::report
