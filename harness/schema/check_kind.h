// What a check measures, as recorded in verdict.json ("kind", serialized by name). The harness
// evaluates each kind (harness/checks.h); the report draws and labels by it.
#pragma once

#include <optional>
#include <string_view>

namespace thmcheck::schema {

enum class CheckKind {
  kExponent,          // slope of log observable vs log(x) (fit.h): two-sided band around a rate
  kExponentBound,     // the same slope, one-sided (a rate that is an upper or lower bound)
  kMeanBound,         // the replicate mean of an observable, at every grid point: a one-sided
                      // bound, or a two-sided (equivalence) band
  kPairedDifference,  // observable − other within each cell, averaged over replicates
  kProportion,        // the fraction of cells whose 0/1 observable is 1, at every grid point,
                      // with the exact Clopper–Pearson interval (Boost.Math)
  kCrossArm,          // value(cell) − value(matched cell of `versus_arm`), value = observable
                      // (− other when set: a difference-in-differences), averaged over replicates
  kStatus,            // the fraction of cells whose status is `status` (ok | diverged), at every
                      // grid point, Clopper–Pearson
};

// "exponent", "exponent_bound", "mean_bound", "paired_difference", "proportion", "cross_arm",
// "status": the names verdict.json uses.
const char* CheckKindName(CheckKind k);
std::optional<CheckKind> CheckKindFromName(std::string_view name);
// Exponent kinds have a fit and a swept abscissa; the others are judged per grid point.
inline bool IsExponentKind(CheckKind k) {
  return k == CheckKind::kExponent || k == CheckKind::kExponentBound;
}

}  // namespace thmcheck::schema
