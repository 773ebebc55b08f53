// Check declarations (see check_specs.h).
#include "harness/check_specs.h"

#include "harness/contract.h"

namespace thmcheck {
namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();

CheckSpec Make(CheckKind kind, std::string observable, double predicted, double lo, double hi,
               std::string tolerance) {
  CheckSpec s;
  s.kind = kind;
  s.observable = std::move(observable);
  s.predicted = predicted;
  s.lo = lo;
  s.hi = hi;
  s.tolerance = std::move(tolerance);
  return s;
}

}  // namespace

CheckSpec ExponentCheck(std::string observable, std::string x, double predicted, double tol,
                        std::string tolerance, double x_min) {
  CheckSpec s = Make(CheckKind::kExponent, std::move(observable), predicted, predicted - tol,
                     predicted + tol, std::move(tolerance));
  s.x = std::move(x);
  s.x_min = x_min;
  return s;
}

CheckSpec ExponentAtMost(std::string observable, std::string x, double predicted, double bound,
                         std::string tolerance, double x_min) {
  CheckSpec s = Make(CheckKind::kExponentBound, std::move(observable), predicted, -kInf, bound,
                     std::move(tolerance));
  s.x = std::move(x);
  s.x_min = x_min;
  return s;
}

CheckSpec MeanAtMost(std::string observable, double bound, std::string tolerance) {
  return Make(CheckKind::kMeanBound, std::move(observable), bound, -kInf, bound,
              std::move(tolerance));
}
CheckSpec MeanAtLeast(std::string observable, double bound, std::string tolerance) {
  return Make(CheckKind::kMeanBound, std::move(observable), bound, bound, kInf,
              std::move(tolerance));
}
CheckSpec ProportionAtLeast(std::string observable, double bound, std::string tolerance) {
  return Make(CheckKind::kProportion, std::move(observable), bound, bound, 1.0,
              std::move(tolerance));
}
CheckSpec ProportionAtMost(std::string observable, double bound, std::string tolerance) {
  return Make(CheckKind::kProportion, std::move(observable), bound, 0.0, bound,
              std::move(tolerance));
}
CheckSpec MeanWithin(std::string observable, double lo, double hi, std::string tolerance) {
  THM_CHECK_LT(lo, hi);
  return Make(CheckKind::kMeanBound, std::move(observable), 0.5 * (lo + hi), lo, hi,
              std::move(tolerance));
}
CheckSpec PairedBelow(std::string observable, std::string other, std::string tolerance,
                      double margin) {
  THM_CHECK_GE(margin, 0.0);
  CheckSpec s = Make(CheckKind::kPairedDifference, std::move(observable), -margin, -kInf, -margin,
                     std::move(tolerance));
  s.other = std::move(other);
  return s;
}
CheckSpec PairedAbove(std::string observable, std::string other, std::string tolerance,
                      double margin) {
  THM_CHECK_GE(margin, 0.0);
  CheckSpec s = Make(CheckKind::kPairedDifference, std::move(observable), margin, margin, kInf,
                     std::move(tolerance));
  s.other = std::move(other);
  return s;
}

namespace {
CheckSpec CrossArm(std::string observable, std::string versus_arm,
                   std::vector<std::string> match_on, double predicted, double lo, double hi,
                   std::string tolerance, std::string other) {
  CheckSpec s =
      Make(CheckKind::kCrossArm, std::move(observable), predicted, lo, hi, std::move(tolerance));
  s.versus_arm = std::move(versus_arm);
  s.match_on = std::move(match_on);
  s.other = std::move(other);
  return s;
}
CheckSpec Status(std::string status, double bound, double lo, double hi, std::string tolerance) {
  THM_CHECK_MSG(status == "ok" || status == "diverged", "status " << status);
  CheckSpec s = Make(CheckKind::kStatus, "", bound, lo, hi, std::move(tolerance));
  s.status = std::move(status);
  return s;
}
}  // namespace

CheckSpec CrossArmAbove(std::string observable, std::string versus_arm,
                        std::vector<std::string> match_on, double margin, std::string tolerance,
                        std::string other) {
  return CrossArm(std::move(observable), std::move(versus_arm), std::move(match_on), margin, margin,
                  kInf, std::move(tolerance), std::move(other));
}
CheckSpec CrossArmBelow(std::string observable, std::string versus_arm,
                        std::vector<std::string> match_on, double margin, std::string tolerance,
                        std::string other) {
  return CrossArm(std::move(observable), std::move(versus_arm), std::move(match_on), -margin, -kInf,
                  -margin, std::move(tolerance), std::move(other));
}
CheckSpec CrossArmWithin(std::string observable, std::string versus_arm,
                         std::vector<std::string> match_on, double delta, std::string tolerance,
                         std::string other) {
  THM_CHECK_GT(delta, 0.0);
  return CrossArm(std::move(observable), std::move(versus_arm), std::move(match_on), 0, -delta,
                  delta, std::move(tolerance), std::move(other));
}
CheckSpec StatusAtLeast(std::string status, double bound, std::string tolerance) {
  return Status(std::move(status), bound, bound, 1.0, std::move(tolerance));
}
CheckSpec StatusAtMost(std::string status, double bound, std::string tolerance) {
  return Status(std::move(status), bound, 0.0, bound, std::move(tolerance));
}
CheckSpec Sanity(CheckSpec spec) {
  spec.sanity = true;
  return spec;
}
CheckSpec Named(std::string name, CheckSpec spec) {
  spec.name = std::move(name);
  return spec;
}

std::string CheckName(const CheckSpec& s) {
  if (!s.name.empty()) return s.name;
  switch (s.kind) {
    case CheckKind::kPairedDifference:
      return s.observable + " - " + s.other;
    case CheckKind::kCrossArm:
      return (s.other.empty() ? s.observable : "(" + s.observable + " - " + s.other + ")") +
             " vs " + s.versus_arm;
    case CheckKind::kStatus:
      return "status:" + s.status;
    default:
      return s.observable;
  }
}

}  // namespace thmcheck
