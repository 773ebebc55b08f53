// The result format, defined once: the plain records of a claim's verdict.json and of its cell
// files (cells/<id>.json). The harness fills these records and writes them (records_json.h); the
// report reads them back with the same code; nothing else describes the JSON. Every number the
// format allows to be null (an open side of a band, a NaN or ±∞ the harness could not write, a
// failed fit) is a std::optional, so "absent" can never print as 0. A key the harness writes only
// in some files (e.g. "figures") is marked "written when …": writing a record back gives the bytes
// it was read from.
#pragma once

#include <cmath>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "harness/schema/check_kind.h"

namespace thmcheck::schema {

// v when finite, else nullopt: JSON has no NaN or ±∞, a recorded number that is one is null.
inline std::optional<double> Finite(double v) {
  return std::isfinite(v) ? std::optional<double>(v) : std::nullopt;
}

// [lo, hi] as a two-element array; either side may be null (open: a one-sided band, an interval
// of one replicate). `present` is false when the key was absent or null as a whole (and for a
// default-constructed Interval: set it with the sides).
struct Interval {
  std::optional<double> lo, hi;
  bool present = false;
};

// One point of a sweep: the replicate mean of an observable at a grid point, with its 90%
// t-interval. Exponent fits and figure series place it by "x"; per-grid-point checks by "at", the
// grid point ({"alpha": 0.25}), with the point's own verdict.
struct Point {
  std::optional<double> x;
  nlohmann::json at;  // an object, or null when absent
  std::optional<double> mean, lo, hi;
  std::optional<int> n;         // replicates that entered the mean
  std::optional<bool> clamped;  // exponent fits: lo raised to the smallest value (a log axis)
  std::string verdict;          // written when not empty

  // Where the point sits on its axis: x, else the one numeric member of a one-member `at`.
  std::optional<double> Abscissa() const;
  // `at` as compact JSON; "" when absent.
  std::string AtText() const { return at.is_null() ? "" : at.dump(); }
};

// A point placed by x (what tests and figures usually set), without spelling out the rest.
inline Point PointAt(double x, std::optional<double> mean, std::optional<double> lo = {},
                     std::optional<double> hi = {}, std::optional<int> n = {}) {
  Point p;
  p.x = x;
  p.mean = mean;
  p.lo = lo;
  p.hi = hi;
  p.n = n;
  return p;
}

// The power-law fit of an exponent check (harness/fit.h): log(mean) = intercept + slope·log(x),
// natural logs; its three slope intervals; the points it was fitted to.
struct Fit {
  std::optional<double> slope, intercept, r2, worst_residual;
  Interval t90, boot90, rep90;
  std::optional<double> replicate_slope;  // the mean of the per-replicate slopes (the estimate)
  std::optional<int> replicate_slopes;    // how many replicates had a slope
  std::optional<int> excluded;            // cells left out (diverged or unusable)
  std::vector<Point> points;
};

// The cells a check could not use.
struct Excluded {
  int diverged = 0;
  int unusable = 0;
  // Ids of the unusable cells that capped a main arm's check at INCONCLUSIVE (a cell's id is its
  // file's stem: cells/<id>.json); written when not empty.
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
  std::string name;              // unique in its arm (read as the observable when a file has none)
  std::string observable;        // what was measured ("a - b" for a paired difference)
  std::string role = kEvidence;  // see above; "evidence" when a file does not say
  std::string why;  // must_fail rows: why the broken condition fails it; written when set
  CheckKind kind = CheckKind::kExponent;
  std::string x;                // the swept parameter of an exponent ("m"); written when set
  std::optional<double> x_min;  // exponents: the finite-size cut; written when set
  std::optional<double> estimate;
  Interval ci, ci95;  // 90% and 95%
  std::optional<double> predicted;
  Interval band;
  std::string verdict;     // PASS | FAIL | INCONCLUSIVE
  std::string tolerance;   // the derivation of the band's width
  std::string reason;      // why the verdict ("decided at {...}", "no usable cells (...)")
  bool sanity = false;     // written when true (role says the same)
  std::string versus_arm;  // cross_arm: the arm whose matched cell is subtracted; written when set
  std::vector<std::string> match_on;  // cross_arm: the parameters that match the cells
  std::optional<Fit> fit;             // exponents with ≥ 3 usable grid points
  std::vector<Point> points;          // per grid point; written when there is no fit
  Excluded excluded;

  const std::string& Name() const { return name.empty() ? observable : name; }
  bool IsSanity() const { return role == kSanity; }
  bool IsMustFail() const { return role == kMustFail; }
  // True when there is a line to draw: a fit with both slope and intercept.
  bool HasLine() const { return fit && fit->slope && fit->intercept; }
  // The sweep points, from the fit when there is one.
  const std::vector<Point>& Points() const { return fit ? fit->points : points; }
};

// An arm's verdict by role (harness/verdict.h): main PASS | FAIL | INCONCLUSIVE; control
// REJECTED | NOT_REJECTED | INCONCLUSIVE | FAIL (a sanity check failed); report REPORTED | FAIL.
struct Arm {
  std::string name;
  std::string role;  // main | control | report
  std::string condition;
  std::string verdict;
  std::vector<Check> checks;
  nlohmann::json overrides = nlohmann::json::object();  // what the arm sets in its cells
  std::string against = "";  // control: the main arm whose checks it must fail; written when set
  // Control: the must-fail checks that FAILed on its cells, i.e. what rejected it; written for
  // controls.
  std::optional<std::vector<std::string>> rejected_by = std::nullopt;
  std::vector<std::string> cells = {};  // its cell files, relative to the claim folder
};

// An arm the run switched off: not judged, no cells.
struct ArmNotRun {
  std::string name, role, condition;
  std::string enabled_by;  // the int parameter that runs it (--set NAME=1)
};

// A figure the claim declared: series of one or more arms against one axis, each point a
// replicate mean with its 90% t-interval, plus labelled horizontal lines.
struct FigureSeries {
  std::string observable;
  std::string label;       // what the legend shows ("ntk" for risk.ntk matched by "risk.*")
  bool reference = false;  // a bound recorded per cell: drawn dashed, without bars
  int unusable = 0;        // usable cells where this observable was missing or non-finite
  std::vector<Point> points;
};

struct FigureLine {
  std::string label;
  std::optional<double> value;  // null when the harness could not compute it
};

struct Figure {
  std::string name;  // file stem, unique within the claim
  std::string title;
  std::string arm;                // the first arm drawn
  std::vector<std::string> arms;  // every arm drawn; written when more than `arm`
  std::string x;
  std::string y_label;
  bool log_x = true, log_y = true;
  int diverged = 0;  // cells of the arms excluded from every series
  std::vector<FigureSeries> series;
  std::vector<FigureLine> lines;
  bool table = false;  // also printed under the verdict table; written when true

  // The arms drawn: `arms`, or just `arm`.
  std::vector<std::string> Arms() const { return arms.empty() ? std::vector{arm} : arms; }
};

// A comparison with another claim's results (harness/cross_checks.h): the declaration only; the
// report fills it from that claim's cells when it has them.
struct CrossCheckGroup {
  std::string label;  // plain words: "the ResNet", "every kernel"
  std::vector<std::string> observables;
};

struct CrossCheckPremise {
  std::string label, param;
  double factor = 1;
  std::string choose_n, choose_k;  // "choose": [n, k], parameter names of a binomial C(n, k)
};

struct CrossCheck {
  std::string title;
  std::string why;
  std::string claim;  // the other claim's id
  std::string arm;
  std::string x;  // an axis of that arm
  std::string level_label;
  double level_coefficient = 1, level_power = 0;  // level = coefficient·x^power
  CrossCheckGroup below, above;
  std::vector<std::string> params;  // cell parameters shown per row
  std::string per_output;           // cell parameter the means are also divided by; "" none
  std::optional<CrossCheckPremise> premise;
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

// What a claim measures ("measures": {"concept", "learners"}): the data and target, and the
// networks or kernel methods that learn it.
struct Measures {
  std::string data;  // "concept" in JSON (a C++20 keyword)
  std::vector<std::string> learners;
};

// The status a claim is expected to reach: "reproduces" (the verdict should be PASS) or
// "not_reproduced_at_this_scale" (anything else), and whether this run met it.
struct Expected {
  std::string status;
  std::string reason;
  bool met = false;
};

// verdict.json.
struct VerdictRecord {
  std::string claim;
  std::string title;
  std::optional<int> protocol;
  Citation citation;
  std::string statement;
  Measures measures;  // written when not empty
  std::string scale;
  std::string seed;  // the master seed, as text (written as a number)
  nlohmann::json params = nlohmann::json::object();
  std::string verdict;  // PASS | FAIL | INCONCLUSIVE
  std::string verdict_reason;
  std::optional<Expected> expected;
  std::vector<Arm> arms;
  std::vector<ArmNotRun> arms_not_run;   // written when an arm was switched off
  std::vector<Figure> figures;           // written when the claim declares figures
  std::vector<CrossCheck> cross_checks;  // written when the claim declares cross-checks
  // Every cell file, relative to the claim folder ("cells"); cells_listed is false when a file
  // had no such list (then it is not written).
  std::vector<std::string> cell_files;
  bool cells_listed = true;
  nlohmann::json context = nlohmann::json::object();  // build and run record
};

// One cell file: a single (arm, parameters, replicate) run.
struct CellRecord {
  std::string claim;
  std::optional<int> protocol;
  std::string arm;
  nlohmann::json params = nlohmann::json::object();
  std::optional<int> replicate;
  std::string seed, replicate_seed;  // as text: 64-bit seeds do not survive a double
  std::string status;                // ok | diverged
  std::map<std::string, std::optional<double>> observables;  // null: NaN or ±∞
  std::string note;
  nlohmann::json series;  // curves the cell recorded (free-form), null when absent
  nlohmann::json build = nlohmann::json::object();  // commit, compiler, flags, library versions
  std::string checksum;
};

// HISTORY/<run>/record.json, written by .ci/nightly for each nightly run (the run's
// benchmarks.json and claims/<id>/verdict.json sit beside it).
inline constexpr const char* kHistorySchema = "thmcheck-history/1";
struct HistoryRecord {
  std::string schema = kHistorySchema;  // reading refuses any other
  std::string commit;
  std::string date;                // UTC, "2025-06-01T02:00:00Z"
  std::string machine;             // benchmarks are only compared between runs on the same machine
  std::string scale;               // the claims' scale (quick | full | ...); "" when not recorded
  std::optional<int> claims_exit;  // `thmcheck run`'s exit code that night
};

}  // namespace thmcheck::schema
