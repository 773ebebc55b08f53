// Reads verdict.json and the cell files of each claim into ClaimResult (see results_reader.h).
// The schema is the harness's (verdict.json: claim, title, verdict, verdict_reason, expected,
// arms[].checks[] — read by arms_reader.cc; cells: arm, params, replicate, seed, status,
// observables).
// Required here means "the report cannot be drawn without it"; all else is optional but typed.
#include "reports/results_reader.h"

#include <algorithm>
#include <system_error>

#include "reports/arms_reader.h"
#include "reports/json_fields.h"

namespace thmcheck::report {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

constexpr const char* kClaimVerdicts[] = {"PASS", "FAIL", "INCONCLUSIVE"};

// A list of strings at obj[key] (absent or null: empty).
std::vector<std::string> ReadStrings(FieldReader& r, const json& obj, std::string_view key,
                                     const std::string& where) {
  return r.Strings(obj, key, where, Need::kOptional).value_or(std::vector<std::string>{});
}

// verdict.json's optional "figures" (figures.h of the harness): series points are read like a
// check's sweep points.
std::vector<ClaimFigure> ReadFigures(FieldReader& r, const json& root) {
  std::vector<ClaimFigure> figures;
  const auto read_figure = [&](const json& f, const std::string& at) {
    ClaimFigure figure;
    figure.name = r.String(f, "name", at, Need::kRequired);
    figure.title = r.String(f, "title", at, Need::kOptional);
    figure.arms = ReadStrings(r, f, "arms", at);
    const std::string arm = r.String(f, "arm", at, Need::kOptional);
    if (figure.arms.empty() && !arm.empty()) figure.arms = {arm};
    figure.x = r.String(f, "x", at, Need::kRequired);
    figure.y_label = r.String(f, "y_label", at, Need::kOptional);
    figure.log_x = r.Bool(f, "log_x", at, Need::kOptional).value_or(true);
    figure.log_y = r.Bool(f, "log_y", at, Need::kOptional).value_or(true);
    figure.diverged = r.Integer(f, "diverged", at, Need::kOptional).value_or(0);
    ForEachElement(r, f, "series", at, Need::kRequired, [&](const json& s, const std::string& p) {
      FigureSeries series;
      series.observable = r.String(s, "observable", p, Need::kRequired);
      series.label = r.String(s, "label", p, Need::kOptional);
      if (series.label.empty()) series.label = series.observable;
      series.reference = r.Bool(s, "reference", p, Need::kOptional).value_or(false);
      series.unusable = r.Integer(s, "unusable", p, Need::kOptional).value_or(0);
      series.points = ReadPoints(r, s, p);
      figure.series.push_back(std::move(series));
    });
    ForEachElement(r, f, "lines", at, Need::kOptional, [&](const json& l, const std::string& l_at) {
      figure.lines.push_back({r.String(l, "label", l_at, Need::kRequired),
                              r.Number(l, "value", l_at, Need::kOptional)});
    });
    figures.push_back(std::move(figure));
  };
  ForEachElement(r, root, "figures", "", Need::kOptional, read_figure);
  return figures;
}

// A cell path from verdict.json must stay inside the claim folder: the report opens it.
bool SafeRelativePath(const std::string& text) {
  const fs::path path(text);
  if (text.empty() || path.is_absolute() || path.has_root_name()) return false;
  return std::none_of(path.begin(), path.end(), [](const fs::path& part) { return part == ".."; });
}

bool ReadCell(const fs::path& claim_dir, const std::string& relative, Cell* cell,
              std::string* error) {
  const fs::path file = claim_dir / relative;
  json root;
  if (!ParseJsonFile(file, &root, error)) return false;
  FieldReader r;
  cell->file = relative;
  cell->arm = r.String(root, "arm", "", Need::kRequired);
  cell->status = r.String(root, "status", "", Need::kRequired);
  if (const json* params = r.Object(root, "params", "", Need::kOptional)) cell->params = *params;
  if (cell->params.is_null()) cell->params = json::object();
  cell->replicate = r.Integer(root, "replicate", "", Need::kOptional);
  cell->seed = r.Text(root, "seed", "", Need::kOptional);
  cell->note = r.String(root, "note", "", Need::kOptional);
  if (const json* obs = r.Object(root, "observables", "", Need::kOptional)) {
    for (const auto& [name, value] : obs->items()) cell->observables.emplace_back(name, value);
  }
  if (!r.ok()) {
    *error = file.string() + ": " + r.error();
    return false;
  }
  return true;
}

// The cell files of a claim: as listed in verdict.json, else cells/*.json in name order.
bool ListCells(const fs::path& claim_dir, const json& root, const fs::path& verdict_file,
               std::vector<std::string>* cells, std::string* error) {
  FieldReader r;
  const json* listed = r.Array(root, "cells", "", Need::kOptional);
  for (size_t i = 0; listed != nullptr && i < listed->size(); ++i) {
    const json& entry = (*listed)[i];
    const std::string at = IndexPath("cells", i);
    if (!entry.is_string()) {
      r.Fail(at, std::string("expected a string path, got ") + entry.type_name());
    } else if (!SafeRelativePath(entry.get<std::string>())) {
      std::string quoted = "\"";  // built by appending: GCC 12 warns falsely on "\"" + string
      quoted += entry.get<std::string>();
      r.Fail(at, quoted + "\" is not a relative path inside the claim folder (no .. allowed)");
    } else {
      cells->push_back(entry.get<std::string>());
    }
  }
  if (!r.ok()) {
    *error = verdict_file.string() + ": " + r.error();
    return false;
  }
  if (listed != nullptr) return true;
  std::error_code ec;
  const fs::path cells_dir = claim_dir / "cells";
  if (!fs::is_directory(cells_dir, ec)) return true;  // no cells recorded: an empty table
  for (const auto& entry : fs::directory_iterator(cells_dir, ec)) {
    if (entry.path().extension() == ".json") {
      cells->push_back((fs::path("cells") / entry.path().filename()).generic_string());
    }
  }
  if (ec) {
    *error = cells_dir.string() + ": cannot list: " + ec.message();
    return false;
  }
  std::sort(cells->begin(), cells->end());
  return true;
}

// verdict.json's optional "cross_checks" (harness/cross_checks.h): declarations only; the numbers
// come from the other claim's cells when the report has them.
std::vector<CrossCheck> ReadCrossChecks(FieldReader& r, const json& root) {
  std::vector<CrossCheck> out;
  const auto read_group = [&](const json& c, std::string_view key, const std::string& at) {
    CrossCheckGroup group;
    if (const json* g = r.Object(c, key, at, Need::kOptional)) {
      group.label = r.String(*g, "label", FieldPath(at, key), Need::kOptional);
      group.observables = ReadStrings(r, *g, "observables", FieldPath(at, key));
    }
    return group;
  };
  const auto read_cross_check = [&](const json& c, const std::string& at) {
    CrossCheck x;
    x.title = r.String(c, "title", at, Need::kOptional);
    x.why = r.String(c, "why", at, Need::kOptional);
    x.claim = r.String(c, "claim", at, Need::kRequired);
    x.arm = r.String(c, "arm", at, Need::kRequired);
    x.x = r.String(c, "x", at, Need::kRequired);
    if (const json* level = r.Object(c, "level", at, Need::kRequired)) {
      const std::string l_at = FieldPath(at, "level");
      x.level_label = r.String(*level, "label", l_at, Need::kRequired);
      x.level_coefficient = r.Number(*level, "coefficient", l_at, Need::kRequired).value_or(1);
      x.level_power = r.Number(*level, "power", l_at, Need::kRequired).value_or(0);
    }
    x.below = read_group(c, "below", at);
    x.above = read_group(c, "above", at);
    x.params = ReadStrings(r, c, "params", at);
    x.per_output = r.String(c, "per_output", at, Need::kOptional);
    if (const json* p = r.Object(c, "premise", at, Need::kOptional)) {
      const std::string p_at = FieldPath(at, "premise");
      x.premise_label = r.String(*p, "label", p_at, Need::kRequired);
      x.premise_param = r.String(*p, "param", p_at, Need::kRequired);
      x.premise_factor = r.Number(*p, "factor", p_at, Need::kRequired).value_or(1);
      const std::vector<std::string> choose = ReadStrings(r, *p, "choose", p_at);
      if (choose.size() == 2) {
        x.premise_choose_n = choose[0];
        x.premise_choose_k = choose[1];
      } else if (r.ok()) {
        r.Fail(FieldPath(p_at, "choose"), "expected two parameter names [n, k]");
      }
    }
    out.push_back(std::move(x));
  };
  ForEachElement(r, root, "cross_checks", "", Need::kOptional, read_cross_check);
  return out;
}

}  // namespace

bool ReadVerdict(const fs::path& verdict_file, const std::string& id, ClaimResult* claim,
                 nlohmann::json* root, std::string* error) {
  if (!ParseJsonFile(verdict_file, root, error)) return false;
  FieldReader r;
  claim->id = id;
  claim->claim = r.String(*root, "claim", "", Need::kRequired);
  claim->title = r.String(*root, "title", "", Need::kRequired);
  claim->verdict = r.String(*root, "verdict", "", Need::kRequired);
  if (r.ok() && std::find(std::begin(kClaimVerdicts), std::end(kClaimVerdicts), claim->verdict) ==
                    std::end(kClaimVerdicts)) {
    r.Fail("verdict", "\"" + claim->verdict + "\" is not one of PASS, FAIL, INCONCLUSIVE");
  }
  claim->verdict_reason = r.String(*root, "verdict_reason", "", Need::kOptional);
  if (const json* e = r.Object(*root, "expected", "", Need::kOptional)) {
    Expected expected;
    expected.status = r.String(*e, "status", "expected", Need::kRequired);
    expected.reason = r.String(*e, "reason", "expected", Need::kOptional);
    expected.met = r.Bool(*e, "met", "expected", Need::kRequired).value_or(false);
    claim->expected = expected;
  }
  claim->protocol = r.Integer(*root, "protocol", "", Need::kOptional);
  claim->statement = r.String(*root, "statement", "", Need::kOptional);
  claim->scale = r.String(*root, "scale", "", Need::kOptional);
  claim->seed = r.Text(*root, "seed", "", Need::kOptional);
  if (const json* c = r.Object(*root, "citation", "", Need::kOptional)) {
    claim->citation.authors = r.String(*c, "authors", "citation", Need::kOptional);
    claim->citation.year = r.Integer(*c, "year", "citation", Need::kOptional);
    claim->citation.title = r.String(*c, "title", "citation", Need::kOptional);
    claim->citation.arxiv = r.String(*c, "arxiv", "citation", Need::kOptional);
    claim->citation.theorem = r.String(*c, "theorem", "citation", Need::kOptional);
    claim->citation.venue = r.String(*c, "venue", "citation", Need::kOptional);
    claim->citation.also = ReadStrings(r, *c, "also", "citation");
  }
  if (const json* m = r.Object(*root, "measures", "", Need::kOptional)) {
    claim->measures.data = r.String(*m, "concept", "measures", Need::kOptional);
    claim->measures.learners = ReadStrings(r, *m, "learners", "measures");
  }
  const json* params = r.Object(*root, "params", "", Need::kOptional);
  claim->params = params != nullptr ? *params : json::object();
  const json* context = r.Object(*root, "context", "", Need::kOptional);
  claim->context = context != nullptr ? *context : json::object();
  claim->arms = ReadArms(r, *root);
  claim->arms_not_run = ReadArmsNotRun(r, *root);
  claim->figures = ReadFigures(r, *root);
  claim->cross_checks = ReadCrossChecks(r, *root);
  if (!r.ok()) {
    *error = verdict_file.string() + ": " + r.error();
    return false;
  }
  return true;
}

bool ReadClaim(const fs::path& claim_dir, ClaimResult* claim, std::ostream& log,
               std::string* error) {
  const fs::path verdict_file = claim_dir / "verdict.json";
  json root;
  if (!ReadVerdict(verdict_file, claim_dir.filename().string(), claim, &root, error)) return false;
  if (claim->claim != claim->id) {
    log << "thmcheck report: note: " << verdict_file.string() << " says claim \"" << claim->claim
        << "\" but sits in folder \"" << claim->id << "\"; the folder name is used for links\n";
  }

  std::vector<std::string> cell_files;
  if (!ListCells(claim_dir, root, verdict_file, &cell_files, error)) return false;
  for (const std::string& relative : cell_files) {
    Cell cell;
    if (!ReadCell(claim_dir, relative, &cell, error)) return false;
    claim->cells.push_back(std::move(cell));
  }
  return true;
}

bool ReadResults(const fs::path& in, std::vector<ClaimResult>* claims, std::ostream& log,
                 std::string* error) {
  std::error_code ec;
  if (!fs::is_directory(in, ec)) {
    *error = in.string() + ": not a readable directory" + (ec ? " (" + ec.message() + ")" : "");
    return false;
  }
  std::vector<fs::path> claim_dirs;
  for (const auto& entry : fs::directory_iterator(in, ec)) {
    if (!entry.is_directory(ec)) continue;
    if (fs::exists(entry.path() / "verdict.json", ec)) {
      claim_dirs.push_back(entry.path());
    } else {
      log << "thmcheck report: skipping " << entry.path().string() << " (no verdict.json)\n";
    }
  }
  if (ec) {
    *error = in.string() + ": cannot list: " + ec.message();
    return false;
  }
  if (claim_dirs.empty()) {
    *error = in.string() + ": no claim folders (expected IN/<claim>/verdict.json)";
    return false;
  }
  std::sort(claim_dirs.begin(), claim_dirs.end());
  for (const fs::path& dir : claim_dirs) {
    ClaimResult claim;
    if (!ReadClaim(dir, &claim, log, error)) return false;
    claims->push_back(std::move(claim));
  }
  return true;
}

}  // namespace thmcheck::report
