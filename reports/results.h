// The in-memory form of one results directory, as the report sees it: a claim's verdict.json
// (arms → checks → fit/points) and its cell files. Plain data, filled by results_reader.cc and
// read by the page and plot writers; nothing here knows about HTML or gnuplot.
// Every number that the schema allows to be null (an open side of a band, a NaN written by the
// harness as null, a failed fit) is a std::optional, so "absent" can never print as 0.
#pragma once

#include <filesystem>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace thmcheck::report {

// [lo, hi]; either side may be open (null in JSON) — e.g. a one-sided band for an exponent bound.
struct Interval {
  std::optional<double> lo;
  std::optional<double> hi;
  bool present = false;  // false when the field was absent or null as a whole
};

// One point of a sweep: the mean of the observable over replicates and its interval. Exponent
// fits give the swept x; mean and proportion bounds give the grid point "at" ({"alpha": 0.25}),
// whose one numeric member, if it has exactly one, also serves as x.
struct SweepPoint {
  double x = 0;
  std::optional<double> mean;
  std::optional<double> lo;
  std::optional<double> hi;
  std::optional<int> n;  // replicates that entered the mean
  bool has_x = true;     // false when the point is only known by a multi-axis `at`
  std::string at;        // the grid point as compact JSON; "" when the file gave x
  std::string verdict;   // the point's own verdict, for per-point bounds ("" for fits)
};

// A point placed by x (the fields a test or a fit usually sets), without spelling out the rest.
inline SweepPoint PointAt(double x, std::optional<double> mean, std::optional<double> lo = {},
                          std::optional<double> hi = {}, std::optional<int> n = {}) {
  SweepPoint p;
  p.x = x;
  p.mean = mean;
  p.lo = lo;
  p.hi = hi;
  p.n = n;
  return p;
}

// A least-squares fit of log(y) = intercept + slope·log(x) (natural log on both sides).
struct Fit {
  std::optional<double> slope;
  std::optional<double> intercept;
  std::optional<double> r2;
  std::optional<double> worst_residual;
  std::optional<int> excluded;
  // The mean of the per-replicate slopes, how many there were, and their 90% interval.
  std::optional<double> replicate_slope;
  std::optional<int> replicate_slopes;
  Interval rep90;
  std::vector<SweepPoint> points;
};

// The cells a check could not use ("excluded"; all zero/empty in files written before it).
struct Excluded {
  int diverged = 0;
  int unusable = 0;
  // Ids of the unusable cells that capped a main arm's check at INCONCLUSIVE (a cell's id is its
  // file's stem: cells/<id>.json).
  std::vector<std::string> capping_cells;
};

// What a check's verdict means for its arm (harness/verdict.h):
//  evidence   a main arm's check: its verdict is the arm's evidence;
//  sanity     an identity of the code: a FAIL is a bug, a PASS adds nothing;
//  must_fail  a control's row: a main-arm check judged with the main arm's band on the control's
//             cells; FAIL is what the control predicts (it rejects the control);
//  prediction a control's own prediction: must PASS.
inline constexpr const char* kEvidence = "evidence";
inline constexpr const char* kSanity = "sanity";
inline constexpr const char* kMustFail = "must_fail";
inline constexpr const char* kPrediction = "prediction";

struct Check {
  std::string name;  // unique in its arm; the observable's text in files written before names
  std::string observable;  // the display name
  std::string role = kEvidence;  // see above; "evidence" when the file does not say
  std::string why;  // must_fail rows: why the broken condition makes the check fail
  std::string kind;  // exponent | exponent_bound | mean_bound | paired_difference | proportion |
                     // cross_arm | status | later kinds
  std::string x;     // name of the swept parameter ("m"); may be empty for non-sweep kinds
  std::optional<double> estimate;
  Interval ci;  // 90%
  Interval ci95;
  std::optional<double> predicted;
  Interval band;
  std::string verdict;
  std::string tolerance;
  std::string reason;  // why the verdict ("decided at {...}", "no usable cells (...)")
  std::optional<Fit> fit;
  std::vector<SweepPoint> points;  // per-x means for kinds without a fit
  Excluded excluded;
  std::string versus_arm;             // cross_arm: the arm whose matched cell is subtracted
  std::vector<std::string> match_on;  // cross_arm: the parameters that match the cells

  // The check's name, or its observable when no name was set (a Check built in code).
  const std::string& Name() const { return name.empty() ? observable : name; }
  bool IsSanity() const { return role == kSanity; }
  bool IsMustFail() const { return role == kMustFail; }

  // True when there is a line to draw: a fit with both slope and intercept.
  bool HasLine() const { return fit && fit->slope && fit->intercept; }
  // The sweep points, from the fit when there is one.
  const std::vector<SweepPoint>& Points() const { return fit ? fit->points : points; }
};

// An arm's verdict by role (harness/verdict.h): main PASS | FAIL | INCONCLUSIVE; control
// REJECTED | NOT_REJECTED | INCONCLUSIVE | FAIL (a sanity check failed); report REPORTED | FAIL.
struct Arm {
  std::string name;
  std::string role;  // "main" | "control" | "report" (others shown as given)
  std::string condition;
  std::string verdict;
  std::vector<Check> checks;
  nlohmann::json overrides = nlohmann::json::object();  // cell parameters the arm forces
  std::string against = "";  // control: the main arm whose checks it must fail ("" unrecorded)
  // Control: the must-fail checks that FAILed on its cells, i.e. what rejected it; absent in
  // files written before controls named them.
  std::optional<std::vector<std::string>> rejected_by = std::nullopt;
};

// An arm the run switched off (verdict.json "arms_not_run"): not judged, no cells.
struct ArmNotRun {
  std::string name, role, condition;
  std::string enabled_by;  // the int parameter that runs it (--set NAME=1)
};

// A figure the claim declared (verdict.json "figures"): series of one arm against one axis, each
// point a replicate mean with its 90% t-interval, plus labelled horizontal lines.
struct FigureSeries {
  std::string observable;
  std::string label;       // what the legend shows ("ntk" for risk.ntk matched by "risk.*")
  bool reference = false;  // a bound recorded per cell: drawn dashed, without bars
  int unusable = 0;        // usable cells where this observable was missing or non-finite
  std::vector<SweepPoint> points;
};

struct FigureLine {
  std::string label;
  std::optional<double> value;  // null in JSON when the harness could not compute it
};

struct ClaimFigure {
  std::string name;  // file stem, unique within the claim
  std::string title;
  std::vector<std::string> arms;  // the arms drawn: "arms" when several were declared, else {"arm"}
  std::string x;
  std::string y_label;
  bool log_x = true, log_y = true;
  int diverged = 0;  // cells of the arms excluded from every series
  std::vector<FigureSeries> series;
  std::vector<FigureLine> lines;
};

// A comparison with another claim's results that the claim declared (verdict.json
// "cross_checks", harness/cross_checks.h); the report fills it from that claim's cells.
struct CrossCheckGroup {
  std::string label;  // plain words: "the ResNet", "every kernel"
  std::vector<std::string> observables;
};

struct CrossCheck {
  std::string title;
  std::string why;
  std::string claim;  // the other claim's id
  std::string arm;
  std::string x;      // an axis of that arm
  std::string level_label;
  double level_coefficient = 1, level_power = 0;  // level = coefficient·x^power
  CrossCheckGroup below, above;
  std::vector<std::string> params;  // cell parameters shown per row
  std::string per_output;           // cell parameter the means are also divided by; "" none
  std::string premise_label;        // "" when none: then the premise fields are unused
  std::string premise_param;
  double premise_factor = 1;
  std::string premise_choose_n, premise_choose_k;
};

struct Citation {
  std::string authors;
  std::optional<int> year;
  std::string title;
  std::string arxiv;
  std::string theorem;
  std::string venue;
  std::vector<std::string> also;  // further sources, one line each
};

// What a claim measures, when the result records it ("measures": {"concept", "learners"}):
// the data and target, and the networks or kernel methods that learn it.
struct Measures {
  std::string data;  // the concept: data and target ("concept" in JSON; a C++20 keyword)
  std::vector<std::string> learners;
};

// One cell file: a single (arm, params, replicate) run.
struct Cell {
  std::string file;  // path relative to the claim folder, as listed in verdict.json
  std::string arm;
  nlohmann::json params;  // object (possibly empty)
  std::optional<int> replicate;
  std::string seed;    // kept as text: 64-bit seeds do not survive a double
  std::string status;  // ok | diverged | error
  std::vector<std::pair<std::string, nlohmann::json>> observables;  // name order
  std::string note;
};

// The status a claim is expected to reach at the scale it ran (verdict.json "expected"):
// "reproduces" (the verdict should be PASS) or "not_reproduced_at_this_scale" (anything else).
struct Expected {
  std::string status;
  std::string reason;  // why that status; may be ""
  bool met = false;    // whether this run's verdict met it
};

struct ClaimResult {
  std::string id;  // the folder name under IN/; also the folder name under OUT/
  std::string claim;
  std::string title;
  std::optional<int> protocol;
  Citation citation;
  std::string statement;
  Measures measures;  // empty when not recorded
  std::string scale;
  std::string seed;
  nlohmann::json params;  // object (possibly empty)
  std::string verdict;    // PASS | FAIL | INCONCLUSIVE
  std::string verdict_reason;       // why the claim is not a PASS; "" when it is (or unrecorded)
  std::optional<Expected> expected;  // absent in files written before expected statuses
  std::vector<Arm> arms;
  std::vector<ArmNotRun> arms_not_run;  // empty when every arm ran
  std::vector<ClaimFigure> figures;  // empty in verdict files written before figures existed
  std::vector<CrossCheck> cross_checks;  // likewise
  std::vector<Cell> cells;
  nlohmann::json context;  // object (possibly empty); shown as provenance
};

}  // namespace thmcheck::report
