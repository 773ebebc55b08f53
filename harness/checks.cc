// Check evaluation (see checks.h): grouping an arm's cells, fitting, judging.
#include "harness/checks.h"

#include <algorithm>
#include <cmath>
#include <map>

#include "harness/check.h"
#include "harness/mean_estimate.h"
#include "harness/rng.h"

namespace thmcheck {
namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();

nlohmann::json IntervalJson(const Interval& i) {
  return {FiniteOrNull(i.lo), FiniteOrNull(i.hi)};
}

// Cells grouped by the values of `keys` (a JSON object of those values, sorted by key).
std::map<nlohmann::json, std::vector<const CellView*>> GroupBy(
    const std::vector<std::string>& keys, const std::vector<CellView>& cells) {
  std::map<nlohmann::json, std::vector<const CellView*>> groups;
  for (const auto& c : cells) {
    nlohmann::json at = nlohmann::json::object();
    for (const auto& k : keys) at[k] = c.params.at(k);
    groups[at].push_back(&c);
  }
  return groups;
}

// The value a check reads from one cell: the observable, or its paired difference.
bool ReadValue(const CheckSpec& spec, const CellView& c, double* v) {
  auto a = c.observables.find(spec.observable);
  if (a == c.observables.end()) return false;
  *v = a->second;
  if (spec.kind == CheckKind::kPairedDifference) {
    auto b = c.observables.find(spec.other);
    if (b == c.observables.end()) return false;
    *v -= b->second;
  }
  return std::isfinite(*v);
}

CheckResult EvaluateExponent(const CheckSpec& spec, const std::vector<std::string>& axes,
                             const std::vector<CellView>& cells, uint64_t seed) {
  CheckResult r;
  r.spec = spec;
  // The abscissa is a swept axis, or else an observable constant within a grid point (grouping by
  // the arm's axes, each group must agree on it).
  const bool x_is_axis = std::find(axes.begin(), axes.end(), spec.x) != axes.end();
  std::vector<CellView> with_x = cells;
  if (!x_is_axis) {
    for (const auto& [at, group] : GroupBy(axes, cells)) {
      double xv = std::numeric_limits<double>::quiet_NaN();
      for (const CellView* c : group)
        if (c->ok && c->observables.count(spec.x)) xv = c->observables.at(spec.x);
      for (auto& c : with_x)
        if (c.params == group.front()->params) c.params[spec.x] = xv;
    }
  } else {
    for (const auto& a : axes)
      THM_CHECK_MSG(a == spec.x || GroupBy({a}, cells).size() == 1,
                    "exponent in " << spec.x << " needs axis " << a << " fixed");
  }
  int diverged = 0, unusable = 0;
  std::vector<double> x;
  std::vector<std::vector<double>> y;
  nlohmann::json points = nlohmann::json::array();
  for (const auto& [at, group] : GroupBy({spec.x}, with_x)) {
    if (!at.at(spec.x).is_number()) continue;  // no usable cell told this point's abscissa
    const double xv = at.at(spec.x).get<double>();
    std::vector<double> ys;  // present values, for the point estimate
    std::vector<double> by_replicate;  // aligned by replicate index, NaN where missing
    for (const CellView* c : group) {
      double v;
      if (!c->ok) ++diverged;
      else if (!ReadValue(spec, *c, &v) || !(v > 0)) ++unusable;  // log needs v > 0
      else {
        ys.push_back(v);
        if (by_replicate.size() <= static_cast<size_t>(c->replicate))
          by_replicate.resize(c->replicate + 1, std::numeric_limits<double>::quiet_NaN());
        by_replicate[c->replicate] = v;
      }
    }
    if (ys.empty() || xv < spec.x_min || !(xv > 0)) continue;
    const MeanEstimate m = EstimateMean(ys);
    double lo = m.t90.lo;
    double min_y = ys[0];
    for (double v : ys) min_y = std::min(min_y, v);
    const bool clamped = !(lo > 0);  // a log-scale error bar cannot go below 0
    if (clamped) lo = min_y;
    points.push_back({{"x", xv}, {"mean", m.mean}, {"lo", lo},
                      {"hi", FiniteOrNull(m.t90.hi)},
                      {"n", m.n}, {"clamped", clamped}});
    x.push_back(xv);
    y.push_back(by_replicate);
  }
  r.detail["excluded"] = {{"diverged", diverged}, {"unusable", unusable}};
  if (x.size() < 3) {
    r.detail["points"] = points;
    r.reason = "only " + std::to_string(x.size()) + " grid points with usable cells (need 3; " +
               std::to_string(diverged) + " diverged, " + std::to_string(unusable) +
               " non-positive or missing)";
    return r;
  }
  const PowerLawFit fit = FitPowerLaw(x, y, DeriveSeed(seed, "fit:" + spec.observable + "/" + spec.x));
  r.estimate = fit.slope;
  r.ci90 = fit.ci90();
  r.ci95 = fit.ci95();
  r.verdict = Judge(r.ci90, r.ci95, spec.lo, spec.hi);
  r.detail["fit"] = {{"slope", fit.slope},
                     {"intercept", fit.intercept},
                     {"r2", fit.r2},
                     {"worst_residual", fit.worst_residual},
                     {"t90", IntervalJson(fit.t90)},
                     {"boot90", IntervalJson(fit.boot90)},
                     {"excluded", diverged + unusable},
                     {"points", points}};
  if (diverged + unusable > 0)
    r.reason = std::to_string(diverged) + " diverged and " + std::to_string(unusable) +
               " unusable cells excluded";
  return r;
}

// Mean bounds and paired differences: judged at every grid point; any FAIL fails, all PASS pass.
CheckResult EvaluatePointwise(const CheckSpec& spec, const std::vector<std::string>& axes,
                              const std::vector<CellView>& cells) {
  CheckResult r;
  r.spec = spec;
  int diverged = 0, unusable = 0, fails = 0, passes = 0, groups = 0;
  // The reported estimate is the grid point whose interval comes closest to (or past) the bound.
  double worst_margin = kInf;
  nlohmann::json points = nlohmann::json::array();
  for (const auto& [at, group] : GroupBy(axes, cells)) {
    std::vector<double> vs;
    for (const CellView* c : group) {
      double v;
      if (!c->ok) ++diverged;
      else if (!ReadValue(spec, *c, &v)) ++unusable;
      else vs.push_back(v);
    }
    if (vs.empty()) continue;
    ++groups;
    MeanEstimate m;
    if (spec.kind == CheckKind::kProportion) {
      int ones = 0;
      for (double v : vs) ones += v == 1.0;
      const ProportionEstimate pe = EstimateProportion(ones, static_cast<int>(vs.size()));
      m.mean = pe.p;
      m.n = pe.trials;
      m.t90 = pe.ci90;
      m.t95 = pe.ci95;
    } else {
      m = EstimateMean(vs);
    }
    const Verdict v = Judge(m.t90, m.t95, spec.lo, spec.hi);
    fails += v == Verdict::kFail;
    passes += v == Verdict::kPass;
    nlohmann::json point = MeanPointJson(m);
    point["at"] = at;
    point["verdict"] = VerdictName(v);
    points.push_back(std::move(point));
    const double margin = std::isfinite(spec.hi) ? spec.hi - m.t90.hi : m.t90.lo - spec.lo;
    if (margin < worst_margin || !std::isfinite(r.estimate)) {
      worst_margin = margin;
      r.estimate = m.mean;
      r.ci90 = m.t90;
      r.ci95 = m.t95;
      // With no swept axis there is one grid point, and nothing to say where it was decided.
      r.reason = at.empty() ? "" : "decided at " + at.dump();
    }
  }
  r.detail["points"] = points;
  r.detail["excluded"] = {{"diverged", diverged}, {"unusable", unusable}};
  if (groups == 0) {
    r.reason = "no usable cells (" + std::to_string(diverged) + " diverged, " +
               std::to_string(unusable) + " missing or non-finite)";
    return r;
  }
  r.verdict = fails > 0 ? Verdict::kFail
              : passes == groups ? Verdict::kPass
                                 : Verdict::kInconclusive;
  if (diverged + unusable > 0)
    r.reason += (r.reason.empty() ? "" : "; ") + std::to_string(diverged) + " diverged and " +
                std::to_string(unusable) + " unusable cells excluded";
  return r;
}

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

nlohmann::json FiniteOrNull(double v) {
  return std::isfinite(v) ? nlohmann::json(v) : nlohmann::json();
}

nlohmann::json MeanPointJson(const MeanEstimate& m) {
  return {{"mean", m.mean}, {"lo", FiniteOrNull(m.t90.lo)}, {"hi", FiniteOrNull(m.t90.hi)},
          {"n", m.n}};
}

const char* CheckKindName(CheckKind k) {
  switch (k) {
    case CheckKind::kExponent: return "exponent";
    case CheckKind::kExponentBound: return "exponent_bound";
    case CheckKind::kMeanBound: return "mean_bound";
    case CheckKind::kPairedDifference: return "paired_difference";
    case CheckKind::kProportion: return "proportion";
  }
  return "?";
}

const char* VerdictName(Verdict v) {
  switch (v) {
    case Verdict::kPass: return "PASS";
    case Verdict::kFail: return "FAIL";
    case Verdict::kInconclusive: return "INCONCLUSIVE";
  }
  return "?";
}

Verdict Judge(const Interval& ci90, const Interval& ci95, double lo, double hi) {
  // NaN-safe: every comparison with NaN is false, so a NaN interval is INCONCLUSIVE.
  if (ci90.lo >= lo && ci90.hi <= hi) return Verdict::kPass;
  if (ci95.hi < lo || ci95.lo > hi) return Verdict::kFail;
  return Verdict::kInconclusive;
}

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
CheckSpec PairedBelow(std::string observable, std::string other, std::string tolerance) {
  CheckSpec s = Make(CheckKind::kPairedDifference, std::move(observable), 0, -kInf, 0,
                     std::move(tolerance));
  s.other = std::move(other);
  return s;
}
CheckSpec PairedAbove(std::string observable, std::string other, std::string tolerance) {
  CheckSpec s = Make(CheckKind::kPairedDifference, std::move(observable), 0, 0, kInf,
                     std::move(tolerance));
  s.other = std::move(other);
  return s;
}

CheckResult EvaluateCheck(const CheckSpec& spec, const std::vector<std::string>& axes,
                          const std::vector<CellView>& cells, uint64_t seed) {
  switch (spec.kind) {
    case CheckKind::kExponent:
    case CheckKind::kExponentBound: return EvaluateExponent(spec, axes, cells, seed);
    case CheckKind::kMeanBound:
    case CheckKind::kPairedDifference:
    case CheckKind::kProportion: return EvaluatePointwise(spec, axes, cells);
  }
  THM_CHECK(false);
}

nlohmann::json CheckResultJson(const CheckResult& r) {
  const CheckSpec& s = r.spec;
  std::string observable = s.observable;
  if (s.kind == CheckKind::kPairedDifference) observable += " - " + s.other;
  nlohmann::json j = {{"observable", observable},
                      {"kind", CheckKindName(s.kind)},
                      {"estimate", FiniteOrNull(r.estimate)},
                      {"ci", IntervalJson(r.ci90)},
                      {"ci95", IntervalJson(r.ci95)},
                      {"predicted", s.predicted},
                      {"band", {FiniteOrNull(s.lo), FiniteOrNull(s.hi)}},
                      {"verdict", VerdictName(r.verdict)},
                      {"tolerance", s.tolerance},
                      {"reason", r.reason}};
  if (!s.x.empty()) j["x"] = s.x;
  if (s.x_min > 0) j["x_min"] = s.x_min;
  for (const auto& [k, v] : r.detail.items()) j[k] = v;
  return j;
}

}  // namespace thmcheck
