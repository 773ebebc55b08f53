// JSON for the result records (see records_json.h). Keys are written in nlohmann's object order
// (sorted), so the bytes depend only on the record; "written when …" in records.h is enforced here.
#include "harness/schema/records_json.h"

#include <cmath>
#include <fstream>
#include <sstream>

namespace thmcheck::schema {
namespace {

using nlohmann::json;

[[noreturn]] void Fail(const json& at, const std::string& what) {
  throw json::other_error::create(501, what, &at);
}

// Every record is a JSON object.
void RequireObject(const json& j) {
  if (!j.is_object()) Fail(j, std::string("expected an object, got ") + j.type_name());
}

// A value that may be null or absent: null is written for nullopt.
json OrNull(const std::optional<double>& v) { return v ? json(*v) : json(); }
json OrNull(const std::optional<int>& v) { return v ? json(*v) : json(); }

// Present and not null.
const json* Find(const json& j, const char* key) {
  if (!j.is_object())
    Fail(j, std::string("expected an object with \"") + key + "\", got " + j.type_name());
  const auto it = j.find(key);
  return it == j.end() || it->is_null() ? nullptr : &*it;
}

// Required: present and not null, of T's type (a wrong type names its pointer).
template <class T>
void Need(const json& j, const char* key, T& out) {
  j.at(key).get_to(out);
}

// Optional: absent or null leaves `out` as it is; present, it must have T's type.
template <class T>
void May(const json& j, const char* key, T& out) {
  if (const json* v = Find(j, key)) v->get_to(out);
}

template <class T>
void May(const json& j, const char* key, std::optional<T>& out) {
  if (const json* v = Find(j, key)) out = v->get<T>();
}

// Counts are integers: nlohmann would truncate 2.5 to 2.
int Integer(const json& v) {
  if (!v.is_number_integer()) Fail(v, "expected an integer, got " + v.dump());
  return v.get<int>();
}
void May(const json& j, const char* key, int& out) {
  if (const json* v = Find(j, key)) out = Integer(*v);
}
void May(const json& j, const char* key, std::optional<int>& out) {
  if (const json* v = Find(j, key)) out = Integer(*v);
}

// A string or an integer, as text (seeds are written both ways).
std::string Text(const json& v) {
  if (v.is_string()) return v.get<std::string>();
  if (v.is_number_unsigned()) return std::to_string(v.get<uint64_t>());
  if (v.is_number_integer()) return std::to_string(v.get<int64_t>());
  Fail(v, std::string("expected a string or an integer, got ") + v.type_name());
}

void MayObject(const json& j, const char* key, json& out) {
  const json* v = Find(j, key);
  if (v == nullptr) return;
  if (!v->is_object()) Fail(*v, std::string("expected an object, got ") + v->type_name());
  out = *v;
}

template <class Parse>
bool ReadFile(const std::filesystem::path& file, std::string* error, Parse parse) {
  std::ifstream in(file, std::ios::binary);
  if (!in) {
    *error = file.string() + ": cannot open for reading";
    return false;
  }
  std::ostringstream text;
  text << in.rdbuf();
  if (in.bad()) {
    *error = file.string() + ": read error";
    return false;
  }
  json j;
  try {
    j = json::parse(text.str());
  } catch (const json::exception& e) {
    *error = file.string() + ": not valid JSON: " + JsonErrorText(e);
    return false;
  }
  if (!j.is_object()) {
    *error = file.string() + ": expected a JSON object, got " + j.type_name();
    return false;
  }
  try {
    parse(j);
  } catch (const json::exception& e) {
    *error = file.string() + ": " + JsonErrorText(e);
    return false;
  }
  return true;
}

}  // namespace

std::string JsonErrorText(const json::exception& e) {
  std::string text = e.what();
  // "[json.exception.type_error.302] (/arms/0/ci) type must be …" → "/arms/0/ci: type must be …"
  if (text.starts_with("[json.exception.")) {
    const size_t end = text.find("] ");
    if (end != std::string::npos) text.erase(0, end + 2);
  }
  if (text.starts_with("(/") || text.starts_with("() ")) {
    const size_t close = text.find(") ");
    if (close != std::string::npos)
      text = (close == 1 ? "/" : text.substr(1, close - 1)) + ": " + text.substr(close + 2);
  }
  return text;
}

std::optional<double> Point::Abscissa() const {
  if (x) return x;
  if (at.is_object() && at.size() == 1 && at.begin()->is_number()) return at.begin()->get<double>();
  return std::nullopt;
}

void to_json(json& j, const Interval& v) {
  j = v.present ? json::array({OrNull(v.lo), OrNull(v.hi)}) : json();
}
void from_json(const json& j, Interval& v) {
  v = Interval{};
  if (j.is_null()) return;
  if (!j.is_array() || j.size() != 2) Fail(j, "expected [lo, hi] (numbers or null)");
  v.present = true;
  if (!j[0].is_null()) v.lo = j[0].get<double>();
  if (!j[1].is_null()) v.hi = j[1].get<double>();
}
// An interval key that may be absent (then not present).
void MayInterval(const json& j, const char* key, Interval& out) {
  if (const json* v = Find(j, key))
    out = v->get<Interval>();
  else
    out.present = false;
}

void to_json(json& j, const Point& v) {
  j = {{"mean", OrNull(v.mean)}, {"lo", OrNull(v.lo)}, {"hi", OrNull(v.hi)}, {"n", OrNull(v.n)}};
  if (v.x) j["x"] = *v.x;
  if (!v.at.is_null()) j["at"] = v.at;
  if (v.clamped) j["clamped"] = *v.clamped;
  if (!v.verdict.empty()) j["verdict"] = v.verdict;
}
void from_json(const json& j, Point& v) {
  RequireObject(j);
  v = Point{};
  May(j, "x", v.x);
  MayObject(j, "at", v.at);
  if (!v.x && v.at.is_null()) Fail(j, "a point needs \"x\" or \"at\"");
  May(j, "mean", v.mean);
  May(j, "lo", v.lo);
  May(j, "hi", v.hi);
  May(j, "n", v.n);
  May(j, "clamped", v.clamped);
  May(j, "verdict", v.verdict);
}

void to_json(json& j, const Fit& v) {
  j = {{"slope", OrNull(v.slope)},
       {"intercept", OrNull(v.intercept)},
       {"r2", OrNull(v.r2)},
       {"worst_residual", OrNull(v.worst_residual)},
       {"t90", v.t90},
       {"boot90", v.boot90},
       {"replicate_slope", OrNull(v.replicate_slope)},
       {"replicate_slopes", OrNull(v.replicate_slopes)},
       {"rep90", v.rep90},
       {"excluded", OrNull(v.excluded)},
       {"points", v.points}};
}
void from_json(const json& j, Fit& v) {
  RequireObject(j);
  v = Fit{};
  May(j, "slope", v.slope);
  May(j, "intercept", v.intercept);
  May(j, "r2", v.r2);
  May(j, "worst_residual", v.worst_residual);
  MayInterval(j, "t90", v.t90);
  MayInterval(j, "boot90", v.boot90);
  May(j, "replicate_slope", v.replicate_slope);
  May(j, "replicate_slopes", v.replicate_slopes);
  MayInterval(j, "rep90", v.rep90);
  May(j, "excluded", v.excluded);
  May(j, "points", v.points);
}

void to_json(json& j, const Excluded& v) {
  j = {{"diverged", v.diverged}, {"unusable", v.unusable}};
  if (!v.capping_cells.empty()) j["capping_cells"] = v.capping_cells;
}
void from_json(const json& j, Excluded& v) {
  RequireObject(j);
  v = Excluded{};
  May(j, "diverged", v.diverged);
  May(j, "unusable", v.unusable);
  May(j, "capping_cells", v.capping_cells);
}

void to_json(json& j, const Check& v) {
  j = {{"name", v.name},
       {"observable", v.observable},
       {"role", v.role},
       {"kind", CheckKindName(v.kind)},
       {"estimate", OrNull(v.estimate)},
       {"ci", v.ci},
       {"ci95", v.ci95},
       {"predicted", OrNull(v.predicted)},
       {"band", v.band},
       {"verdict", v.verdict},
       {"tolerance", v.tolerance},
       {"reason", v.reason},
       {"excluded", v.excluded}};
  if (!v.why.empty()) j["why"] = v.why;
  if (!v.x.empty()) j["x"] = v.x;
  if (v.x_min) j["x_min"] = *v.x_min;
  if (v.sanity) j["sanity"] = true;
  if (!v.versus_arm.empty()) j["versus_arm"] = v.versus_arm, j["match_on"] = v.match_on;
  if (v.fit)
    j["fit"] = *v.fit;
  else
    j["points"] = v.points;
}
void from_json(const json& j, Check& v) {
  RequireObject(j);
  v = Check{};
  Need(j, "observable", v.observable);
  const std::string kind = j.at("kind").get<std::string>();
  const std::optional<CheckKind> k = CheckKindFromName(kind);
  if (!k) Fail(j.at("kind"), "unknown check kind \"" + kind + "\"");
  v.kind = *k;
  Need(j, "verdict", v.verdict);
  May(j, "name", v.name);
  if (v.name.empty()) v.name = v.observable;  // files written before checks had names
  May(j, "sanity", v.sanity);
  std::string role;
  May(j, "role", role);
  v.role = v.sanity ? kSanity : role.empty() ? kEvidence : role;
  May(j, "why", v.why);
  May(j, "x", v.x);
  May(j, "x_min", v.x_min);
  May(j, "estimate", v.estimate);
  MayInterval(j, "ci", v.ci);
  MayInterval(j, "ci95", v.ci95);
  May(j, "predicted", v.predicted);
  MayInterval(j, "band", v.band);
  May(j, "tolerance", v.tolerance);
  May(j, "reason", v.reason);
  May(j, "versus_arm", v.versus_arm);
  May(j, "match_on", v.match_on);
  May(j, "excluded", v.excluded);
  May(j, "points", v.points);
  May(j, "fit", v.fit);
}

void to_json(json& j, const Arm& v) {
  j = {{"name", v.name},           {"role", v.role},       {"condition", v.condition},
       {"overrides", v.overrides}, {"verdict", v.verdict}, {"checks", v.checks},
       {"cells", v.cells}};
  if (!v.against.empty()) j["against"] = v.against;
  if (v.rejected_by) j["rejected_by"] = *v.rejected_by;
}
void from_json(const json& j, Arm& v) {
  RequireObject(j);
  v = Arm{};
  Need(j, "name", v.name);
  Need(j, "role", v.role);
  Need(j, "verdict", v.verdict);
  May(j, "condition", v.condition);
  MayObject(j, "overrides", v.overrides);
  May(j, "against", v.against);
  May(j, "rejected_by", v.rejected_by);
  Need(j, "checks", v.checks);
  May(j, "cells", v.cells);
}

void to_json(json& j, const ArmNotRun& v) {
  j = {
      {"name", v.name}, {"role", v.role}, {"condition", v.condition}, {"enabled_by", v.enabled_by}};
}
void from_json(const json& j, ArmNotRun& v) {
  RequireObject(j);
  v = ArmNotRun{};
  Need(j, "name", v.name);
  Need(j, "role", v.role);
  May(j, "condition", v.condition);
  Need(j, "enabled_by", v.enabled_by);
}

void to_json(json& j, const FigureSeries& v) {
  j = {{"observable", v.observable},
       {"label", v.label},
       {"reference", v.reference},
       {"unusable", v.unusable},
       {"points", v.points}};
}
void from_json(const json& j, FigureSeries& v) {
  RequireObject(j);
  v = FigureSeries{};
  Need(j, "observable", v.observable);
  May(j, "label", v.label);
  if (v.label.empty()) v.label = v.observable;
  May(j, "reference", v.reference);
  May(j, "unusable", v.unusable);
  Need(j, "points", v.points);
}

void to_json(json& j, const FigureLine& v) { j = {{"label", v.label}, {"value", OrNull(v.value)}}; }
void from_json(const json& j, FigureLine& v) {
  RequireObject(j);
  v = FigureLine{};
  Need(j, "label", v.label);
  May(j, "value", v.value);
}

void to_json(json& j, const Figure& v) {
  j = {{"name", v.name},       {"title", v.title}, {"arm", v.arm},     {"x", v.x},
       {"y_label", v.y_label}, {"log_x", v.log_x}, {"log_y", v.log_y}, {"diverged", v.diverged},
       {"series", v.series},   {"lines", v.lines}};
  if (!v.arms.empty()) j["arms"] = v.arms;
  if (v.table) j["table"] = true;
}
void from_json(const json& j, Figure& v) {
  RequireObject(j);
  v = Figure{};
  Need(j, "name", v.name);
  May(j, "title", v.title);
  May(j, "arm", v.arm);
  May(j, "arms", v.arms);
  if (v.arm.empty() && !v.arms.empty()) v.arm = v.arms.front();
  Need(j, "x", v.x);
  May(j, "y_label", v.y_label);
  May(j, "log_x", v.log_x);
  May(j, "log_y", v.log_y);
  May(j, "diverged", v.diverged);
  Need(j, "series", v.series);
  May(j, "lines", v.lines);
  May(j, "table", v.table);
}

void to_json(json& j, const CrossCheckGroup& v) {
  j = {{"label", v.label}, {"observables", v.observables}};
}
void from_json(const json& j, CrossCheckGroup& v) {
  RequireObject(j);
  v = CrossCheckGroup{};
  May(j, "label", v.label);
  May(j, "observables", v.observables);
}

void to_json(json& j, const CrossCheck& v) {
  j = {{"title", v.title},
       {"why", v.why},
       {"claim", v.claim},
       {"arm", v.arm},
       {"x", v.x},
       {"level",
        {{"label", v.level_label}, {"coefficient", v.level_coefficient}, {"power", v.level_power}}},
       {"below", v.below},
       {"above", v.above},
       {"params", v.params},
       {"per_output", v.per_output}};
  if (v.premise)
    j["premise"] = {{"label", v.premise->label},
                    {"param", v.premise->param},
                    {"factor", v.premise->factor},
                    {"choose", {v.premise->choose_n, v.premise->choose_k}}};
}
void from_json(const json& j, CrossCheck& v) {
  RequireObject(j);
  v = CrossCheck{};
  May(j, "title", v.title);
  May(j, "why", v.why);
  Need(j, "claim", v.claim);
  Need(j, "arm", v.arm);
  Need(j, "x", v.x);
  const json& level = j.at("level");
  Need(level, "label", v.level_label);
  Need(level, "coefficient", v.level_coefficient);
  Need(level, "power", v.level_power);
  May(j, "below", v.below);
  May(j, "above", v.above);
  May(j, "params", v.params);
  May(j, "per_output", v.per_output);
  if (const json* p = Find(j, "premise")) {
    CrossCheckPremise premise;
    Need(*p, "label", premise.label);
    Need(*p, "param", premise.param);
    Need(*p, "factor", premise.factor);
    const auto choose = p->at("choose").get<std::vector<std::string>>();
    if (choose.size() != 2) Fail(p->at("choose"), "expected two parameter names [n, k]");
    premise.choose_n = choose[0];
    premise.choose_k = choose[1];
    v.premise = premise;
  }
}

void to_json(json& j, const Citation& v) {
  j = {{"authors", v.authors}, {"year", OrNull(v.year)}, {"title", v.title}, {"arxiv", v.arxiv},
       {"theorem", v.theorem}, {"venue", v.venue},       {"also", v.also}};
}
void from_json(const json& j, Citation& v) {
  RequireObject(j);
  v = Citation{};
  May(j, "authors", v.authors);
  May(j, "year", v.year);
  May(j, "title", v.title);
  May(j, "arxiv", v.arxiv);
  May(j, "theorem", v.theorem);
  May(j, "venue", v.venue);
  May(j, "also", v.also);
}

void to_json(json& j, const Measures& v) { j = {{"concept", v.data}, {"learners", v.learners}}; }
void from_json(const json& j, Measures& v) {
  RequireObject(j);
  v = Measures{};
  May(j, "concept", v.data);
  May(j, "learners", v.learners);
}

void to_json(json& j, const Expected& v) {
  j = {{"status", v.status}, {"reason", v.reason}, {"met", v.met}};
}
void from_json(const json& j, Expected& v) {
  RequireObject(j);
  v = Expected{};
  Need(j, "status", v.status);
  May(j, "reason", v.reason);
  Need(j, "met", v.met);
}

void to_json(json& j, const VerdictRecord& v) {
  j = {{"claim", v.claim},       {"title", v.title},         {"protocol", OrNull(v.protocol)},
       {"citation", v.citation}, {"statement", v.statement}, {"scale", v.scale},
       {"params", v.params},     {"verdict", v.verdict},     {"verdict_reason", v.verdict_reason},
       {"arms", v.arms},         {"context", v.context}};
  // The master seed is written as a number (it is a uint64 the CLI parsed).
  j["seed"] = v.seed.empty() ? json() : json(std::stoull(v.seed));
  if (!v.measures.data.empty() || !v.measures.learners.empty()) j["measures"] = v.measures;
  if (v.expected) j["expected"] = *v.expected;
  if (!v.arms_not_run.empty()) j["arms_not_run"] = v.arms_not_run;
  if (!v.figures.empty()) j["figures"] = v.figures;
  if (!v.cross_checks.empty()) j["cross_checks"] = v.cross_checks;
  if (v.cells_listed) j["cells"] = v.cell_files;
}
void from_json(const json& j, VerdictRecord& v) {
  RequireObject(j);
  v = VerdictRecord{};
  Need(j, "claim", v.claim);
  Need(j, "title", v.title);
  Need(j, "verdict", v.verdict);
  if (v.verdict != "PASS" && v.verdict != "FAIL" && v.verdict != "INCONCLUSIVE")
    Fail(j.at("verdict"), "\"" + v.verdict + "\" is not one of PASS, FAIL, INCONCLUSIVE");
  May(j, "verdict_reason", v.verdict_reason);
  May(j, "expected", v.expected);
  May(j, "protocol", v.protocol);
  May(j, "statement", v.statement);
  May(j, "scale", v.scale);
  if (const json* s = Find(j, "seed")) v.seed = Text(*s);
  May(j, "citation", v.citation);
  May(j, "measures", v.measures);
  MayObject(j, "params", v.params);
  MayObject(j, "context", v.context);
  Need(j, "arms", v.arms);
  May(j, "arms_not_run", v.arms_not_run);
  May(j, "figures", v.figures);
  May(j, "cross_checks", v.cross_checks);
  v.cells_listed = Find(j, "cells") != nullptr;
  May(j, "cells", v.cell_files);
}

void to_json(json& j, const CellRecord& v) {
  json observables = json::object();
  for (const auto& [name, value] : v.observables) observables[name] = OrNull(value);
  j = {{"claim", v.claim},
       {"protocol", OrNull(v.protocol)},
       {"arm", v.arm},
       {"params", v.params},
       {"replicate", OrNull(v.replicate)},
       {"seed", v.seed},
       {"replicate_seed", v.replicate_seed},
       {"status", v.status},
       {"observables", observables},
       {"note", v.note},
       {"series", v.series},
       {"build", v.build}};
  if (!v.checksum.empty()) j["checksum"] = v.checksum;
}
void from_json(const json& j, CellRecord& v) {
  RequireObject(j);
  v = CellRecord{};
  May(j, "claim", v.claim);
  May(j, "protocol", v.protocol);
  Need(j, "arm", v.arm);
  Need(j, "status", v.status);
  MayObject(j, "params", v.params);
  May(j, "replicate", v.replicate);
  if (const json* s = Find(j, "seed")) v.seed = Text(*s);
  if (const json* s = Find(j, "replicate_seed")) v.replicate_seed = Text(*s);
  if (const json* o = Find(j, "observables")) {
    if (!o->is_object()) Fail(*o, std::string("expected an object, got ") + o->type_name());
    for (const auto& [name, value] : o->items())
      v.observables[name] = value.is_null() ? std::nullopt : std::optional(value.get<double>());
  }
  May(j, "note", v.note);
  if (j.contains("series")) v.series = j.at("series");
  MayObject(j, "build", v.build);
  May(j, "checksum", v.checksum);
}

void to_json(json& j, const HistoryRecord& v) {
  j = {{"schema", v.schema},   {"commit", v.commit}, {"date", v.date},
       {"machine", v.machine}, {"scale", v.scale},   {"claims_exit", OrNull(v.claims_exit)}};
}
void from_json(const json& j, HistoryRecord& v) {
  RequireObject(j);
  v = HistoryRecord{};
  Need(j, "schema", v.schema);
  if (v.schema != kHistorySchema)
    Fail(j.at("schema"), "\"" + v.schema + "\" is not " + kHistorySchema);
  Need(j, "commit", v.commit);
  Need(j, "date", v.date);
  Need(j, "machine", v.machine);
  May(j, "scale", v.scale);
  May(j, "claims_exit", v.claims_exit);
}

bool ReadJsonFile(const std::filesystem::path& file, json* out, std::string* error) {
  return ReadFile(file, error, [&](const json& j) { *out = j; });
}

bool ReadVerdictFile(const std::filesystem::path& file, VerdictRecord* out, std::string* error) {
  return ReadFile(file, error, [&](const json& j) { *out = j.get<VerdictRecord>(); });
}

bool ReadCellFile(const std::filesystem::path& file, CellRecord* out, std::string* error) {
  return ReadFile(file, error, [&](const json& j) { *out = j.get<CellRecord>(); });
}

bool ReadHistoryFile(const std::filesystem::path& file, HistoryRecord* out, std::string* error) {
  return ReadFile(file, error, [&](const json& j) { *out = j.get<HistoryRecord>(); });
}

}  // namespace thmcheck::schema
