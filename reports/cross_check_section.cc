// Builds a cross-check section (see cross_check_section.h).
#include "reports/cross_check_section.h"

#include <algorithm>

#include "reports/escape.h"
#include "reports/format.h"
#include "reports/html_page.h"

namespace thmcheck::report {
namespace {

using nlohmann::json;

// A shell word for a folder: as it is when plainly safe, else single-quoted.
std::string Word(const std::string& path) {
  const bool plain = !path.empty() && path.find_first_not_of(
                                          "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
                                          "0123456789_./-") == std::string::npos;
  return plain ? path : ShellQuote(path);
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
                                                   Word(table.folder)}}},
          {"source", !other ? json()
                            : json{{"href", "../" + UrlEscapeSegment(other->id) + "/index.html"},
                                   {"id", other->id},
                                   {"verdict", BadgeView(other->verdict)},
                                   {"scale", other->scale.empty() ? kAbsent : other->scale},
                                   {"seed", other->seed.empty() ? kAbsent : other->seed}}},
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
