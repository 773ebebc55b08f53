// Joins a cross-check's declaration with the other claim's cells (see cross_check_table.h).
#include "reports/cross_check_table.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

#include "harness/schema/statistics.h"
#include "reports/format.h"

namespace thmcheck::report {
namespace {

using nlohmann::json;

const ClaimResult* FindClaim(const std::string& id, const std::vector<ClaimResult>& all) {
  // The folder name first (what `thmcheck run --out` writes), then the id the file records.
  for (const ClaimResult& c : all)
    if (c.id == id) return &c;
  for (const ClaimResult& c : all)
    if (c.claim == id) return &c;
  return nullptr;
}

std::optional<double> FiniteNumber(const json& value) {
  return value.is_number() ? schema::Finite(value.get<double>()) : std::nullopt;
}

std::optional<double> Observable(const Cell& cell, const std::string& name) {
  const auto it = cell.observables.find(name);
  return it == cell.observables.end() || !it->second ? std::nullopt : schema::Finite(*it->second);
}

// The one value a parameter takes over the row's cells; absent when missing or varying.
std::optional<json> Uniform(const std::vector<const Cell*>& cells, const std::string& name) {
  std::optional<json> value;
  for (const Cell* c : cells) {
    const auto it = c->params.find(name);
    if (it == c->params.end() || (value && *value != *it)) return std::nullopt;
    value = *it;
  }
  return value;
}

std::string ShownParam(const std::vector<const Cell*>& cells, const std::string& name) {
  if (const auto v = Uniform(cells, name)) return FormatJson(*v);
  std::set<std::string> values;  // varies across the row's cells: list what it takes
  for (const Cell* c : cells)
    if (const auto it = c->params.find(name); it != c->params.end()) values.insert(FormatJson(*it));
  std::string text;
  for (const std::string& v : values) text += (text.empty() ? "" : ", ") + v;
  return OrAbsent(text);
}

// C(n, k) as a double: the product Π_{i≤k} (n − k + i)/i, exact to rounding for the sizes here.
double Binomial(double n, double k) {
  double c = 1;
  for (double i = 1; i <= k; ++i) c *= (n - k + i) / i;
  return c;
}

void Premise(const CrossCheck& spec, const std::vector<const Cell*>& cells, CrossCheckRow* row) {
  if (!spec.premise) return;
  const schema::CrossCheckPremise& premise = *spec.premise;
  const auto lhs = Uniform(cells, premise.param), n = Uniform(cells, premise.choose_n),
             k = Uniform(cells, premise.choose_k);
  if (!lhs || !n || !k || !lhs->is_number() || !n->is_number_integer() || !k->is_number_integer())
    return;
  const double top = n->get<double>(), bottom = k->get<double>();
  if (bottom < 0 || bottom > top) return;
  const double bound = premise.factor * Binomial(top, bottom);
  row->premise = lhs->get<double>() <= bound;
  row->premise_text =
      FormatJson(*lhs) + (*row->premise ? " \u2264 " : " > ") + FormatNumber(bound, 6);
}

Side EntrySide(const CrossCheckEntry& e, std::optional<double> level, bool below) {
  if (e.n == 0) return Side::kNone;
  if (!level) return Side::kUndecided;
  const bool under = e.ci.hi && *e.ci.hi < *level, over = e.ci.lo && *e.ci.lo > *level;
  if (under) return below ? Side::kYes : Side::kNo;
  if (over) return below ? Side::kNo : Side::kYes;
  return Side::kUndecided;
}

Side GroupSide(const std::vector<Side>& sides) {
  bool any = false, all_yes = true;
  for (Side s : sides) {
    if (s == Side::kNone) continue;
    if (s == Side::kNo) return Side::kNo;
    any = true;
    all_yes &= s == Side::kYes;
  }
  return !any ? Side::kNone : all_yes ? Side::kYes : Side::kUndecided;
}

CrossCheckEntry Entry(const std::vector<const Cell*>& cells, const std::string& observable,
                      std::optional<double> divisor) {
  std::vector<double> values;
  for (const Cell* c : cells)
    if (const auto v = Observable(*c, observable)) values.push_back(*v);
  CrossCheckEntry e;
  if (values.empty()) return e;
  const MeanEstimate m = EstimateMean(values);
  e.n = m.n;
  e.mean = m.mean;
  e.ci.present = true;
  if (std::isfinite(m.t90.lo)) e.ci.lo = m.t90.lo;
  if (std::isfinite(m.t90.hi)) e.ci.hi = m.t90.hi;
  if (divisor && *divisor > 0) e.per_output = m.mean / *divisor;
  return e;
}

CrossCheckTable Build(const CrossCheck& spec, const std::vector<ClaimResult>& all,
                      const std::string& folder) {
  CrossCheckTable table;
  table.spec = spec;
  table.folder = folder;
  table.other = FindClaim(spec.claim, all);
  if (table.other == nullptr) return table;
  std::map<double, std::vector<const Cell*>> by_x;  // usable cells of the arm, by increasing x
  for (const Cell& c : table.other->cells) {
    if (c.arm != spec.arm) continue;
    const auto x = c.params.find(spec.x);
    const std::optional<double> value = x == c.params.end() ? std::nullopt : FiniteNumber(*x);
    if (c.status != "ok" || !value)
      ++table.excluded;
    else
      by_x[*value].push_back(&c);
  }
  const auto recorded = [&](const std::string& name) {
    return std::any_of(by_x.begin(), by_x.end(), [&](const auto& group) {
      return std::any_of(group.second.begin(), group.second.end(),
                         [&](const Cell* c) { return Observable(*c, name).has_value(); });
    });
  };
  for (const CrossCheckGroup* group : {&spec.below, &spec.above})
    for (const std::string& name : group->observables) {
      if (!recorded(name))
        table.skipped.push_back(name);
      else if (std::find(table.columns.begin(), table.columns.end(), name) == table.columns.end()) {
        table.columns.push_back(name);
        table.column_below.push_back(group == &spec.below);
      }
    }
  for (const auto& [x, cells] : by_x) {
    CrossCheckRow row;
    row.x = x;
    for (const std::string& p : spec.params) row.params.push_back(ShownParam(cells, p));
    const double level = spec.level_coefficient * std::pow(x, spec.level_power);
    if (std::isfinite(level)) row.level = level;
    Premise(spec, cells, &row);
    std::optional<double> divisor;
    if (!spec.per_output.empty())
      if (const auto d = Uniform(cells, spec.per_output)) divisor = FiniteNumber(*d);
    // Per output: mean/divisor against the level ⟺ the mean against level·divisor.
    std::optional<double> level_times_divisor;
    if (row.level && divisor && *divisor > 0) level_times_divisor = *row.level * *divisor;
    std::vector<Side> below, above, below_per_output, above_per_output;
    for (size_t i = 0; i < table.columns.size(); ++i) {
      CrossCheckEntry e = Entry(cells, table.columns[i], divisor);
      e.side = EntrySide(e, row.level, table.column_below[i]);
      if (level_times_divisor)
        e.side_per_output = EntrySide(e, level_times_divisor, table.column_below[i]);
      (table.column_below[i] ? below : above).push_back(e.side);
      (table.column_below[i] ? below_per_output : above_per_output).push_back(e.side_per_output);
      row.entries.push_back(std::move(e));
    }
    row.below = GroupSide(below);
    row.above = GroupSide(above);
    row.below_per_output = GroupSide(below_per_output);
    row.above_per_output = GroupSide(above_per_output);
    table.rows.push_back(std::move(row));
  }
  return table;
}

}  // namespace

const char* SideName(Side side) {
  constexpr const char* kNames[] = {"yes", "no", "undecided", "no data"};  // in Side's order
  return kNames[static_cast<int>(side)];
}

std::vector<CrossCheckTable> CrossCheckTables(const ClaimResult& claim,
                                              const std::vector<ClaimResult>& all,
                                              const std::string& folder) {
  std::vector<CrossCheckTable> tables;
  for (const CrossCheck& spec : claim.cross_checks) tables.push_back(Build(spec, all, folder));
  return tables;
}

}  // namespace thmcheck::report
