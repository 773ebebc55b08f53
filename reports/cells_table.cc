// Builds the cells table of a claim page; see cells_table.h.
// Rows are ordered by arm (as verdict.json lists the arms), then by the varying parameters, then
// by replicate, so a sweep reads in order although cell files are named by hash.
#include "reports/cells_table.h"

#include <algorithm>
#include <filesystem>
#include <map>
#include <tuple>
#include <vector>

#include "reports/format.h"
#include "reports/html_page.h"

namespace thmcheck::report {
namespace {

using nlohmann::json;

// Above this many rows the table starts collapsed, so the page stays readable at full scale.
constexpr size_t kCollapseAbove = 60;

// Keys whose value differs between cells (or is missing from some), in name order; the others
// go to `shared` as {key, value}.
std::vector<std::string> VaryingKeys(const std::vector<Cell>& cells, json* shared) {
  std::map<std::string, std::vector<const json*>> values;
  for (const Cell& cell : cells)
    for (const auto& [key, value] : cell.params.items()) values[key].push_back(&value);
  std::vector<std::string> varying;
  for (const auto& [key, seen] : values) {
    const bool same =
        seen.size() == cells.size() &&
        std::all_of(seen.begin(), seen.end(), [&](const json* v) { return *v == *seen.front(); });
    if (same) {
      shared->push_back({{"key", key}, {"value", FormatJson(*seen.front())}});
    } else {
      varying.push_back(key);
    }
  }
  return varying;
}

}  // namespace

std::string CellId(const Cell& cell) { return std::filesystem::path(cell.file).stem().string(); }

std::string CellAnchor(const std::string& id) { return "cell-" + id; }

json CellsView(const ClaimResult& claim) {
  const std::vector<Cell>& cells = claim.cells;
  std::map<std::string, int> by_status;
  std::vector<std::string> observables;
  for (const Cell& cell : cells) {
    ++by_status[cell.status];
    for (const auto& [name, value] : cell.observables)
      if (std::find(observables.begin(), observables.end(), name) == observables.end())
        observables.push_back(name);
  }
  json statuses = json::array(), shared = json::array(), rows = json::array();
  for (const auto& [status, count] : by_status)
    statuses.push_back({{"count", std::to_string(count)}, {"status", BadgeView(status)}});
  const std::vector<std::string> varying = VaryingKeys(cells, &shared);

  // Sort key: arm position in verdict.json (unknown arms last), varying params, replicate.
  auto key_of = [&](const Cell& cell) {
    const auto arm = std::find_if(claim.arms.begin(), claim.arms.end(),
                                  [&](const Arm& a) { return a.name == cell.arm; });
    json params = json::array();
    for (const std::string& key : varying)
      params.push_back(cell.params.contains(key) ? cell.params.at(key) : json());
    return std::make_tuple(arm - claim.arms.begin(), params, cell.replicate.value_or(-1));
  };
  std::vector<const Cell*> sorted;
  for (const Cell& cell : cells) sorted.push_back(&cell);
  std::stable_sort(sorted.begin(), sorted.end(),
                   [&](const Cell* a, const Cell* b) { return key_of(*a) < key_of(*b); });
  for (const Cell* cell : sorted) {
    json params = json::array(), values = json::array();
    for (const std::string& key : varying)
      params.push_back(cell->params.contains(key) ? FormatJson(cell->params.at(key)) : kAbsent);
    for (const std::string& name : observables) {
      const auto it = cell->observables.find(name);
      // A null (NaN or ±∞ when written) shows as the file says it: null.
      values.push_back(it == cell->observables.end()
                           ? kAbsent
                           : FormatJson(it->second ? json(*it->second) : json()));
    }
    rows.push_back({{"anchor", CellAnchor(CellId(*cell))},
                    {"arm", cell->arm},
                    {"params", params},
                    {"replicate", cell->replicate ? std::to_string(*cell->replicate) : kAbsent},
                    {"status", BadgeView(cell->status)},
                    {"values", values},
                    {"seed", cell->seed.empty() ? kAbsent : cell->seed},
                    {"note", cell->note},
                    {"file", cell->file}});
  }
  return {{"count", cells.empty() ? "" : std::to_string(cells.size())},
          {"statuses", statuses},
          {"any_shared", !shared.empty()},
          {"shared", shared},
          {"collapse", rows.size() > kCollapseAbove},
          {"varying", varying},
          {"observables", observables},
          {"rows", rows}};
}

}  // namespace thmcheck::report
