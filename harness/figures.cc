// Figure aggregation (see figures.h).
#include "harness/figures.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

#include "harness/contract.h"
#include "harness/fit.h"
#include "harness/schema/statistics.h"
#include "harness/verdict.h"

namespace thmcheck {
namespace {

// The text a pattern's '*' stood for: the series' label ("ntk" of "*.err_ratio"); the whole name
// for an exact entry.
std::string Label(const std::string& pattern, const std::string& name) {
  const size_t star = pattern.find('*');
  if (star == std::string::npos) return name;
  const std::string middle = name.substr(star, name.size() - (pattern.size() - 1));
  return middle.empty() ? name : middle;
}

struct SeriesEntry {
  std::string observable, label;
  bool reference = false;
};

// The declared entries expanded against the observables the arm's usable cells report. An exact
// name is kept even when no cell has it: its empty series says so in the file.
std::vector<SeriesEntry> ExpandSeries(const FigureSpec& figure,
                                      const std::vector<CellView>& cells) {
  std::set<std::string> names;
  for (const CellView& c : cells)
    if (c.ok)
      for (const auto& [name, v] : c.observables) names.insert(name);
  std::vector<SeriesEntry> out;
  std::set<std::string> seen;
  auto add = [&](const std::vector<std::string>& entries, bool reference) {
    for (const std::string& entry : entries) {
      const bool pattern = entry.find('*') != std::string::npos;
      for (const std::string& name : pattern ? names : std::set<std::string>{entry})
        if (MatchesPattern(entry, name) && seen.insert(name).second)
          out.push_back({name, Label(entry, name), reference});
    }
  };
  add(figure.series, false);
  add(figure.reference_series, true);
  return out;
}

}  // namespace

bool MatchesPattern(const std::string& pattern, const std::string& name) {
  const size_t star = pattern.find('*');
  if (star == std::string::npos) return pattern == name;
  const std::string prefix = pattern.substr(0, star), suffix = pattern.substr(star + 1);
  return name.size() >= prefix.size() + suffix.size() && name.starts_with(prefix) &&
         name.ends_with(suffix);
}

schema::Figure FigureRecord(const FigureSpec& figure, const std::vector<CellView>& cells,
                            const nlohmann::json& params, bool table) {
  schema::Figure f;
  f.name = figure.name;
  f.title = figure.title;
  f.arm = figure.arm;
  f.x = figure.x;
  f.y_label = figure.y_label;
  f.log_x = figure.log_x;
  f.log_y = figure.log_y;
  f.table = table;
  for (const CellView& c : cells) f.diverged += !c.ok;
  for (const SeriesEntry& entry : ExpandSeries(figure, cells)) {
    int unusable = 0;
    std::map<double, std::vector<double>> by_x;  // sorted by x
    for (const CellView& c : cells) {
      if (!c.ok) continue;
      const nlohmann::json& x = c.params.at(figure.x);
      THM_CHECK_MSG(x.is_number(), "figure " << figure.name << ": axis " << figure.x << " = " << x);
      const auto it = c.observables.find(entry.observable);
      if (it == c.observables.end() || !std::isfinite(it->second))
        ++unusable;
      else
        by_x[x.get<double>()].push_back(it->second);
    }
    schema::FigureSeries& s = f.series.emplace_back();
    s.observable = entry.observable;
    s.label = entry.label;
    s.reference = entry.reference;
    s.unusable = unusable;
    for (const auto& [x, values] : by_x) {
      schema::Point& point = s.points.emplace_back(MeanPoint(EstimateMean(values)));
      point.x = x;
    }
  }
  for (const FigureLine& line : figure.lines)
    f.lines.push_back({line.label, schema::Finite(line.value(params))});
  return f;
}

std::vector<schema::Figure> FigureRecords(const ClaimSpec& claim, const std::vector<Cell>& cells,
                                          const std::vector<CellOutcome>& outcomes,
                                          const nlohmann::json& params) {
  std::vector<schema::Figure> figures;
  for (const FigureSpec& figure : claim.figures) {
    std::vector<std::string> names = {figure.arm};
    names.insert(names.end(), figure.more_arms.begin(), figure.more_arms.end());
    std::vector<CellView> views;
    std::vector<std::string> drawn;          // the arms that ran, in declaration order
    std::map<double, std::string> arm_at_x;  // which arm a value of x came from
    for (const std::string& name : names) {
      const auto arm = std::find_if(claim.arms.begin(), claim.arms.end(),
                                    [&](const ArmSpec& a) { return a.name == name; });
      THM_CHECK_MSG(arm != claim.arms.end(), "figure " << figure.name << ": no arm " << name);
      THM_CHECK_MSG(
          std::any_of(arm->axes.begin(), arm->axes.end(),
                      [&](const Axis& a) { return a.name == figure.x; }),
          "figure " << figure.name << ": " << figure.x << " is not an axis of arm " << name);
      if (!ArmEnabled(claim, *arm, params)) continue;  // did not run: nothing of it to draw
      drawn.push_back(name);
      for (CellView& view : ArmCellViews(cells, outcomes, arm - claim.arms.begin())) {
        const nlohmann::json& x = view.params.at(figure.x);
        if (x.is_number()) {
          const auto [at, fresh] = arm_at_x.emplace(x.get<double>(), name);
          THM_CHECK_MSG(fresh || at->second == name,
                        "figure " << figure.name << ": " << figure.x << " = " << x << " in arms "
                                  << at->second << " and " << name
                                  << " (a point is one arm's mean; the claim's validate must "
                                     "keep their values apart)");
        }
        views.push_back(std::move(view));
      }
    }
    if (drawn.empty()) continue;  // none of its arms ran
    const bool table = std::find(claim.printed_figures.begin(), claim.printed_figures.end(),
                                 figure.name) != claim.printed_figures.end();
    schema::Figure f = FigureRecord(figure, views, params, table);
    if (!figure.more_arms.empty()) f.arms = drawn;  // recorded only for figures of several arms
    figures.push_back(std::move(f));
  }
  return figures;
}

}  // namespace thmcheck
