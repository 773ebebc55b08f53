// Renders the cells table of a claim page; see cells_table.h.
// Rows are ordered by arm (as verdict.json lists the arms), then by the varying parameters, then
// by replicate, so a sweep reads in order although cell files are named by hash.
#include "reports/cells_table.h"

#include <algorithm>
#include <filesystem>
#include <map>
#include <tuple>
#include <vector>

#include "reports/escape.h"
#include "reports/format.h"
#include "reports/html_page.h"

namespace thmcheck::report {
namespace {

using nlohmann::json;

// Above this many rows the table starts collapsed, so the page stays readable at full scale.
constexpr size_t kCollapseAbove = 60;

// Keys whose value differs between cells (or is missing from some), in name order.
std::vector<std::string> VaryingKeys(const std::vector<Cell>& cells, json* common) {
  std::map<std::string, std::vector<const json*>> values;
  for (const Cell& cell : cells) {
    for (const auto& [key, value] : cell.params.items()) values[key].push_back(&value);
  }
  std::vector<std::string> varying;
  *common = json::object();
  for (const auto& [key, seen] : values) {
    const bool same =
        seen.size() == cells.size() &&
        std::all_of(seen.begin(), seen.end(), [&](const json* v) { return *v == *seen.front(); });
    if (same) {
      (*common)[key] = *seen.front();
    } else {
      varying.push_back(key);
    }
  }
  return varying;
}

std::vector<std::string> ObservableNames(const std::vector<Cell>& cells) {
  std::vector<std::string> names;
  for (const Cell& cell : cells) {
    for (const auto& [name, value] : cell.observables) {
      if (std::find(names.begin(), names.end(), name) == names.end()) names.push_back(name);
    }
  }
  return names;
}

}  // namespace

std::string CellId(const Cell& cell) { return std::filesystem::path(cell.file).stem().string(); }

std::string CellAnchor(const std::string& id) { return "cell-" + id; }

std::string CellsSection(const ClaimResult& claim) {
  const std::vector<Cell>& cells = claim.cells;
  if (cells.empty()) return "<p class=\"muted\">No cell files were recorded for this claim.</p>\n";

  std::map<std::string, int> by_status;
  for (const Cell& cell : cells) ++by_status[cell.status];
  std::string html = "<p>" + std::to_string(cells.size()) + " cells:";
  for (const auto& [status, count] : by_status) {
    html += ' ';
    html += std::to_string(count);
    html += ' ';
    html += Badge(status);
  }
  html += "</p>\n";

  json common;
  const std::vector<std::string> varying = VaryingKeys(cells, &common);
  const std::vector<std::string> observables = ObservableNames(cells);
  if (!common.empty()) {
    html += "<p class=\"small\">Parameters shared by every cell:";
    for (const auto& [key, value] : common.items()) {
      html += " <code>" + HtmlEscape(key) + "=" + HtmlEscape(FormatJson(value)) + "</code>";
    }
    html += "</p>\n";
  }

  // Sort key: arm position in verdict.json (unknown arms last), varying params, replicate.
  auto arm_rank = [&](const std::string& name) {
    for (size_t i = 0; i < claim.arms.size(); ++i) {
      if (claim.arms[i].name == name) return i;
    }
    return claim.arms.size();
  };
  auto key_of = [&](const Cell& cell) {
    json params = json::array();
    for (const std::string& key : varying) {
      params.push_back(cell.params.contains(key) ? cell.params.at(key) : json());
    }
    return std::make_tuple(arm_rank(cell.arm), params, cell.replicate.value_or(-1));
  };
  std::vector<const Cell*> rows;
  for (const Cell& cell : cells) rows.push_back(&cell);
  std::stable_sort(rows.begin(), rows.end(),
                   [&](const Cell* a, const Cell* b) { return key_of(*a) < key_of(*b); });

  if (rows.size() > kCollapseAbove) {
    html += "<details><summary>show all " + std::to_string(rows.size()) + " cells</summary>\n";
  }
  html += "<table>\n<tr><th>Arm</th>";
  for (const std::string& key : varying) html += "<th>" + HtmlEscape(key) + "</th>";
  html += "<th>Replicate</th><th>Status</th>";
  for (const std::string& name : observables) html += "<th>" + HtmlEscape(name) + "</th>";
  html += "<th>Seed</th><th>Note</th><th>File</th></tr>\n";
  for (const Cell* cell : rows) {
    html += "<tr id=\"" + HtmlEscape(CellAnchor(CellId(*cell))) + "\">" + Td(cell->arm);
    for (const std::string& key : varying) {
      html += Td(cell->params.contains(key) ? FormatJson(cell->params.at(key)) : kAbsent, "num");
    }
    html += Td(cell->replicate ? std::to_string(*cell->replicate) : kAbsent, "num");
    html += "<td>" + Badge(cell->status) + "</td>";
    for (const std::string& name : observables) {
      const auto it = cell->observables.find(name);
      const bool absent = it == cell->observables.end();
      // A null (NaN or ±∞ when written) shows as the file says it: null.
      html += Td(absent ? kAbsent : FormatJson(it->second ? nlohmann::json(*it->second) : nullptr),
                 "num");
    }
    html += "<td><code class=\"small\">" + HtmlEscape(cell->seed.empty() ? kAbsent : cell->seed) +
            "</code></td>" + Td(cell->note, "why") + "<td><code class=\"small\">" +
            HtmlEscape(cell->file) + "</code></td></tr>\n";
  }
  html += "</table>\n";
  if (rows.size() > kCollapseAbove) html += "</details>\n";
  return html;
}

}  // namespace thmcheck::report
