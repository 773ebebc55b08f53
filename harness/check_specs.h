// What a claim asserts about its observables, as data: the kind of check, the observable it reads,
// the predicted band and the derivation of its width, and the factories claims declare checks
// with. How checks are evaluated and judged: checks.h.
#pragma once

#include <limits>
#include <string>
#include <vector>

#include "harness/schema/check_kind.h"

namespace thmcheck {

// What a check measures (exponent, exponent_bound, mean_bound, paired_difference, proportion,
// cross_arm, status): the kinds verdict.json records, defined with the result format.
using CheckKind = schema::CheckKind;
using schema::CheckKindName;

struct CheckSpec {
  std::string name;  // unique within its arm; "" means CheckName's default (the observable)
  CheckKind kind = CheckKind::kExponent;
  std::string observable;
  std::string other;     // kPairedDifference: the subtrahend observable
  std::string x;         // exponents: the abscissa — a swept axis, or else an observable that
                         // is the same in every replicate of a grid point (e.g. D_k of d)
  double predicted = 0;  // the rate (exponents) or the bound
  double lo = -std::numeric_limits<double>::infinity();  // band; ±∞ for an open side
  double hi = std::numeric_limits<double>::infinity();
  double x_min = 0;       // exponents: fit only grid points with x ≥ x_min (finite-size cut)
  std::string tolerance;  // the derivation of the band's width, shown beside the verdict
  // An identity of the code (an algebraic or rounding fact), not evidence: its FAIL is a bug and
  // makes the claim FAIL; its PASS adds nothing to any verdict.
  bool sanity = false;
  std::string versus_arm;             // kCrossArm: the arm whose matched cell is subtracted
  std::vector<std::string> match_on;  // kCrossArm: cell parameters equal in matched cells
                                      // (with the replicate index)
  std::string status;                 // kStatus: "ok" or "diverged"
};

// The name a check is known by in verdict.json and in a control's `must_fail`: `name` when set,
// else the observable ("obs - other" for a paired difference, "obs vs ARM" across arms,
// "status:STATUS" for a status check).
std::string CheckName(const CheckSpec& spec);

// slope = predicted ± tol.
CheckSpec ExponentCheck(std::string observable, std::string x, double predicted, double tol,
                        std::string tolerance, double x_min = 0);
// slope ≤ bound (e.g. a rate "≤ m^−1/2": bound = −0.5 + allowance).
CheckSpec ExponentAtMost(std::string observable, std::string x, double predicted, double bound,
                         std::string tolerance, double x_min = 0);
// mean ≤ bound / mean ≥ bound at every grid point.
CheckSpec MeanAtMost(std::string observable, double bound, std::string tolerance);
CheckSpec MeanAtLeast(std::string observable, double bound, std::string tolerance);
// The fraction of cells with observable = 1 is ≥ bound / ≤ bound at every grid point.
CheckSpec ProportionAtLeast(std::string observable, double bound, std::string tolerance);
CheckSpec ProportionAtMost(std::string observable, double bound, std::string tolerance);
// mean ∈ [lo, hi] at every grid point: an equivalence band when lo < 0 < hi ("no effect").
CheckSpec MeanWithin(std::string observable, double lo, double hi, std::string tolerance);
// mean(observable − other) ≤ −margin / ≥ margin (paired within cells; margin ≥ 0 is the smallest
// effect the claim asserts).
CheckSpec PairedBelow(std::string observable, std::string other, std::string tolerance,
                      double margin = 0);
CheckSpec PairedAbove(std::string observable, std::string other, std::string tolerance,
                      double margin = 0);
// Across arms: mean over matched cells of value − value in `versus_arm` ≥ margin / ≤ −margin /
// within ±delta. Cells match on the replicate and the parameters `match_on` (e.g. α). With
// `other` set the value is observable − other (a difference-in-differences).
CheckSpec CrossArmAbove(std::string observable, std::string versus_arm,
                        std::vector<std::string> match_on, double margin, std::string tolerance,
                        std::string other = "");
CheckSpec CrossArmBelow(std::string observable, std::string versus_arm,
                        std::vector<std::string> match_on, double margin, std::string tolerance,
                        std::string other = "");
CheckSpec CrossArmWithin(std::string observable, std::string versus_arm,
                         std::vector<std::string> match_on, double delta, std::string tolerance,
                         std::string other = "");
// The fraction of cells with status `status` ("ok" | "diverged") is ≥ bound / ≤ bound at every
// grid point (Clopper–Pearson).
CheckSpec StatusAtLeast(std::string status, double bound, std::string tolerance);
CheckSpec StatusAtMost(std::string status, double bound, std::string tolerance);
// `spec` as a sanity check (see CheckSpec::sanity), or under another name.
CheckSpec Sanity(CheckSpec spec);
CheckSpec Named(std::string name, CheckSpec spec);

}  // namespace thmcheck
