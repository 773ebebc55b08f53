// Checks: what a claim asserts about its observables, and how an arm's cells are judged.
// Verdict rule: PASS when the 90% interval lies inside the predicted band, FAIL when the 95%
// interval lies entirely outside it, INCONCLUSIVE otherwise. A bound is one-sided: the band is
// (−∞, b] or [b, ∞); a two-sided band around 0 is an equivalence band ("no effect": the 90%
// interval inside ±δ is two one-sided tests at 5% each, TOST). Intervals: exponents fit.h (the
// hull of three); means Student t on the replicates; proportions Clopper–Pearson.
// Gaps: a cell is unusable for a check when it diverged, or the value the check reads is missing,
// non-finite, or ≤ 0 where a log is taken. Under Gaps::kCap (main arms) an unusable cell in the
// check's scope caps its verdict at INCONCLUSIVE: a PASS needs every cell it judges.
#pragma once

#include <cstdint>
#include <functional>
#include <limits>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "harness/check_specs.h"
#include "harness/fit.h"
#include "harness/schema/records.h"

namespace thmcheck {

enum class Verdict { kPass, kFail, kInconclusive };
const char* VerdictName(Verdict v);

// Judges an estimate's intervals against [lo, hi] by the rule above.
Verdict Judge(const Interval& ci90, const Interval& ci95, double lo, double hi);

// One replicate of one grid point, as the checks see it.
struct CellView {
  nlohmann::json params;  // the cell's parameters (axes included)
  int replicate = 0;
  bool ok = true;  // false: diverged; unusable for every check but status checks
  std::map<std::string, double> observables;
  std::string id = {};  // the cell file's id, to name unusable cells ("" in synthetic tests)
};

inline constexpr double kNoValue = std::numeric_limits<double>::quiet_NaN();

struct CheckResult {
  CheckSpec spec;
  Verdict verdict = Verdict::kInconclusive;
  double estimate = kNoValue;
  // NaN (null in verdict.json) until a fit or a mean sets them: no interval, not [0, 0].
  Interval ci90{kNoValue, kNoValue}, ci95{kNoValue, kNoValue};
  std::string reason;  // why INCONCLUSIVE for lack of data, or which point decided
  // What the report draws: an exponent's fit (with ≥ 3 usable grid points), else the estimate at
  // each grid point; and the cells the check could not use.
  std::optional<schema::Fit> fit;
  std::vector<schema::Point> points;
  schema::Excluded excluded;
};

// An arm's cells as the checks see them: its swept parameter names and its cells.
struct ArmData {
  std::vector<std::string> axes;
  std::vector<CellView> cells;
};

// What unusable cells do to a verdict (see the header). kCap: main arms — any unusable cell in
// scope caps the verdict at INCONCLUSIVE. kDivergenceIsResult: a main arm that declares its
// learner's divergence a result, counted by a status check — diverged cells are left out without
// a cap, any other gap caps. kExclude: controls and report arms — unusable cells are left out
// (counted in the result) and act only through status checks.
enum class Gaps { kCap, kDivergenceIsResult, kExclude };

struct CheckContext {
  Gaps gaps = Gaps::kCap;
  uint64_t seed = 0;  // seeds the bootstrap
  // kCrossArm: the cells of another arm by name; nullptr when that arm did not run.
  std::function<const ArmData*(const std::string&)> arm;
};

CheckResult EvaluateCheck(const CheckSpec& spec, const ArmData& data, const CheckContext& ctx);
// A main arm's check (Gaps::kCap) with no other arm to match: the common case in tests.
CheckResult EvaluateCheck(const CheckSpec& spec, const std::vector<std::string>& axes,
                          const std::vector<CellView>& cells, uint64_t seed);

// The check's record in verdict.json, but for its name, role and why (verdict.cc sets them).
schema::Check CheckRecord(const CheckResult& r);

// An interval as recorded: a side that is ±∞ or NaN is null (JSON has neither; an open side).
schema::Interval IntervalRecord(const Interval& i);
// A grid point's replicate mean as recorded: mean, lo–hi the 90% t-interval (null when n = 1), n.
schema::Point MeanPoint(const MeanEstimate& m);

}  // namespace thmcheck
