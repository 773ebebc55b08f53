// Renders a claim page; see claim_page.h. The view gathers the sections' views (the checks and
// cross-checks: claim_sections.cc; the rest below); templates/claim_page.mustache lays them out in
// reading order. Links are relative (../index.html, plots/…) so OUT/ can be moved or zipped whole.
#include "reports/claim_page.h"

#include <algorithm>
#include <filesystem>
#include <map>
#include <set>
#include <tuple>
#include <vector>

#include "harness/schema/citation_format.h"
#include "harness/schema/records_json.h"
#include "reports/format.h"
#include "reports/html_page.h"
#include "reports/page_template.h"

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

// "m ∈ {256, 512, 1024} (3 values)" for each swept parameter of the arm's checks, in order of
// appearance; kAbsent when nothing is swept.
std::string SweepOf(const Arm& arm) {
  std::vector<std::pair<std::string, std::set<double>>> sweeps;
  for (const Check& check : arm.checks) {
    if (check.Points().empty()) continue;
    const std::string x = check.x.empty() ? "x" : check.x;
    auto it =
        std::find_if(sweeps.begin(), sweeps.end(), [&](const auto& s) { return s.first == x; });
    if (it == sweeps.end()) it = sweeps.insert(sweeps.end(), {x, {}});
    for (const SweepPoint& p : check.Points()) it->second.insert(PointX(p));
  }
  std::string text;
  for (const auto& [x, values] : sweeps) {
    text += (text.empty() ? "" : "; ") + x + " \u2208 {";
    size_t k = 0;
    for (const double v : values) text += (k++ ? ", " : "") + FormatNumber(v, 6);
    text += "} (" + std::to_string(values.size()) + " values)";
  }
  return OrAbsent(text);
}

// Replicates as declared, and the fewest that entered any sweep point (cells may diverge).
std::string Replicates(const ClaimResult& claim) {
  std::string text;
  const auto it = claim.params.find("replicates");
  if (it != claim.params.end()) text = FormatJson(*it) + " per sweep point";
  std::optional<int> fewest;
  for (const Arm& arm : claim.arms)
    for (const Check& check : arm.checks)
      for (const SweepPoint& p : check.Points())
        if (p.n) fewest = std::min(fewest.value_or(*p.n), *p.n);
  if (fewest)
    text += (text.empty() ? "" : "; ") + std::string("at least ") + std::to_string(*fewest) +
            " entered each mean";
  return OrAbsent(text);
}

// "What is measured": the concept and the learners when the result records them, the observables
// each check fits, the sweep of every arm and the replicates. Everything but concept and learners
// is read off the checks and parameters the result already holds, so older result files get the
// section too; sweep values are the x of the points the checks report (what was actually run,
// after --set), not the claim's declared defaults.
json MeasuredView(const ClaimResult& claim) {
  nlohmann::json observables = json::array(), arms = json::array();
  std::set<std::string> seen;
  for (const Arm& arm : claim.arms) {
    const bool sets = arm.overrides.is_object() && !arm.overrides.empty();
    arms.push_back({{"name", arm.name},
                    {"role", arm.role},
                    {"condition", arm.condition},
                    {"sweep", SweepOf(arm)},
                    {"sets", sets ? FormatJson(arm.overrides) : ""}});
    for (const Check& check : arm.checks) {
      if (!seen.insert(check.observable).second) continue;
      observables.push_back({{"first", observables.empty()},
                             {"name", check.observable},
                             {"kind", CheckKindName(check.kind)},
                             {"x", check.x},
                             {"band", FormatInterval(check.band)}});
    }
  }
  return {{"concept", claim.measures.data},
          {"any_learners", !claim.measures.learners.empty()},
          {"learners", claim.measures.learners},
          {"observables", observables},
          {"arms", arms},
          {"replicates", Replicates(claim)},
          {"cells", std::to_string(claim.cells.size())}};
}

// A string of the result's context block, or `otherwise`.
std::string ContextText(const ClaimResult& claim, const char* key, const char* otherwise = "") {
  const auto it = claim.context.find(key);
  const std::string text =
      it != claim.context.end() && it->is_string() ? it->get<std::string>() : "";
  return text.empty() ? otherwise : text;
}

// "authors (year). title. venue. arXiv: id. theorem." (the id linked when arxiv.org resolves it)
// and the "see also" lines.
json CitationView(const Citation& c) {
  json view = c;  // its fields as verdict.json names them
  view["byline"] = !c.authors.empty() || c.year;
  view["arxiv_link"] = cite::LooksLikeArxivId(c.arxiv);
  view["none"] = c.authors.empty() && !c.year && c.title.empty() && c.venue.empty() &&
                 c.arxiv.empty() && c.theorem.empty();
  return view;
}

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

// A cell's id as the harness names it: its file's stem (cells/<id>.json → <id>).
std::string CellId(const Cell& cell) { return std::filesystem::path(cell.file).stem().string(); }

// The "Cells" section: every cell file of the claim (one run of one arm at one parameter point and
// replicate) with its status and observables. Divergence is data (docs/house_rules.md "Numbers"):
// diverged and failed cells are listed and counted, never dropped. Parameters equal in every cell
// are printed once above the table, so the columns show only what the sweep varies. Rows are
// ordered by arm (as verdict.json lists the arms), then by the varying parameters, then by
// replicate, so a sweep reads in order although cell files are named by hash.
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
                    {"seed", OrAbsent(cell->seed)},
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

}  // namespace

std::string ClaimPageHtml(const ClaimResult& claim, const std::vector<RenderedPlot>& plots,
                          bool gnuplot_found, const std::vector<CrossCheckTable>& cross_checks) {
  std::set<std::string> cell_ids;
  for (const Cell& cell : claim.cells) cell_ids.insert(CellId(cell));
  json arms = json::array(), checks = json::array(), figures = json::array();
  for (const Arm& arm : claim.arms) arms.push_back(ArmView(arm, cell_ids));
  for (const CrossCheckTable& table : cross_checks) checks.push_back(CrossCheckView(table));
  for (const RenderedPlot& plot : plots) figures.push_back(PlotView(plot, gnuplot_found));
  // The command moves from the provenance table to "Reproduce".
  json context = claim.context;
  const std::string command_text = ContextText(claim, "command");
  if (!command_text.empty()) context.erase("command");
  const json view = {{"page_title", claim.title + " \u2014 thmcheck"},
                     {"verdict", BadgeView(claim.verdict)},
                     {"title", claim.title},
                     {"id", claim.id},
                     {"protocol", claim.protocol ? std::to_string(*claim.protocol) : ""},
                     {"scale", OrAbsent(claim.scale)},
                     {"seed", OrAbsent(claim.seed)},
                     {"why", VerdictReasonView(claim)},
                     {"expected", ExpectedView(claim)},
                     {"statement", claim.statement},
                     {"citation", CitationView(claim.citation)},
                     {"measured", MeasuredView(claim)},
                     {"run_params", RowsOrNull(claim.params)},
                     {"arms", arms},
                     {"not_run", claim.arms_not_run},
                     {"cross_checks", checks},
                     {"figures", figures},
                     {"gnuplot_missing", !gnuplot_found && !plots.empty()},
                     {"cells", CellsView(claim)},
                     {"provenance", RowsOrNull(context)},
                     {"command", command_text},
                     {"bibtex", ClaimBibtex(claim)}};
  return RenderTemplate("claim_page", view);
}

std::string ClaimBibtex(const ClaimResult& claim) {
  const Citation& c = claim.citation;
  if (c.title.empty() && c.arxiv.empty()) return "";
  cite::ClaimTest record;
  record.id = claim.claim.empty() ? claim.id : claim.claim;
  record.protocol = claim.protocol.value_or(1);
  record.title = claim.title;
  record.suite_version = ContextText(claim, "suite", "unknown");
  record.commit = ContextText(claim, "commit", "unknown");
  const std::string started = ContextText(claim, "started");  // "2025-06-01T12:00:00Z"
  if (started.size() >= 4 && std::all_of(started.begin(), started.begin() + 4,
                                         [](char ch) { return ch >= '0' && ch <= '9'; })) {
    record.year = started.substr(0, 4);
  }
  record.paper = c;
  return cite::Bibtex(record);
}

}  // namespace thmcheck::report
