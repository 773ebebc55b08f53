// Checks: what a claim asserts about its observables, and how an arm's cells are judged.
// Verdict rule (issue 2): PASS when the 90% interval lies inside the predicted band, FAIL when the
// 95% interval lies entirely outside it, INCONCLUSIVE otherwise. A bound is one-sided: the band
// is (−∞, b] or [b, ∞). Intervals are the hull of bootstrap and t intervals (fit.h).
#pragma once

#include <limits>
#include <map>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "harness/fit.h"

namespace thmcheck {

enum class CheckKind {
  kExponent,          // slope of log(mean observable) vs log(x): two-sided band around a rate
  kExponentBound,     // the same slope, one-sided (a rate that is an upper or lower bound)
  kMeanBound,         // the replicate mean of an observable, at every grid point, one-sided
  kPairedDifference,  // observable − other within each cell, averaged over replicates, one-sided
  kProportion,        // the fraction of cells whose 0/1 observable is 1, at every grid point,
                      // one-sided, with the exact Clopper–Pearson interval (Boost.Math)
};
const char* CheckKindName(CheckKind k);

enum class Verdict { kPass, kFail, kInconclusive };
const char* VerdictName(Verdict v);

struct CheckSpec {
  CheckKind kind = CheckKind::kExponent;
  std::string observable;
  std::string other;      // kPairedDifference: the subtrahend observable
  std::string x;          // exponents: the abscissa — a swept axis, or else an observable that
                          // is the same in every replicate of a grid point (e.g. D_k of d)
  double predicted = 0;   // the rate (exponents) or the bound
  double lo = -std::numeric_limits<double>::infinity();  // band; ±∞ for an open side
  double hi = std::numeric_limits<double>::infinity();
  double x_min = 0;       // exponents: fit only grid points with x ≥ x_min (finite-size cut)
  std::string tolerance;  // the derivation of the band's width, shown beside the verdict
};

// slope = predicted ± tol.
CheckSpec ExponentCheck(std::string observable, std::string x, double predicted, double tol,
                        std::string tolerance, double x_min = 0);
// slope ≤ bound (e.g. a rate "≤ m^−1/2": bound = −0.5 + allowance).
CheckSpec ExponentAtMost(std::string observable, std::string x, double predicted, double bound,
                         std::string tolerance, double x_min = 0);
// mean ≤ bound / mean ≥ bound at every grid point.
CheckSpec MeanAtMost(std::string observable, double bound, std::string tolerance);
CheckSpec MeanAtLeast(std::string observable, double bound, std::string tolerance);
// The fraction of cells with observable = 1 is ≥ bound at every grid point.
CheckSpec ProportionAtLeast(std::string observable, double bound, std::string tolerance);
// mean(observable − other) < 0 / > 0 (paired within cells).
CheckSpec PairedBelow(std::string observable, std::string other, std::string tolerance);
CheckSpec PairedAbove(std::string observable, std::string other, std::string tolerance);

// Judges an estimate's intervals against [lo, hi] by the rule above.
Verdict Judge(const Interval& ci90, const Interval& ci95, double lo, double hi);

// One replicate of one grid point, as the checks see it.
struct CellView {
  nlohmann::json params;  // the cell's parameters (axes included)
  int replicate = 0;
  bool ok = true;         // false: diverged; excluded from every check, and counted
  std::map<std::string, double> observables;
};

struct CheckResult {
  CheckSpec spec;
  Verdict verdict = Verdict::kInconclusive;
  double estimate = std::numeric_limits<double>::quiet_NaN();
  Interval ci90, ci95;
  std::string reason;  // why INCONCLUSIVE for lack of data, or which point decided
  nlohmann::json detail = nlohmann::json::object();  // fit and per-point estimates (reports)
};

// `axes` are the arm's swept parameter names; `seed` seeds the bootstrap.
CheckResult EvaluateCheck(const CheckSpec& spec, const std::vector<std::string>& axes,
                          const std::vector<CellView>& cells, uint64_t seed);

nlohmann::json CheckResultJson(const CheckResult& r);

// v, or null when v is ±∞ or NaN (JSON has neither; an open interval side reads back as null).
nlohmann::json FiniteOrNull(double v);
// A grid point's replicate mean as verdict.json writes it: {"mean", "lo", "hi", "n"}, lo–hi the
// 90% t-interval (null when n = 1).
nlohmann::json MeanPointJson(const MeanEstimate& m);

}  // namespace thmcheck
