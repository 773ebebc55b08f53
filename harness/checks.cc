// Check evaluation (see checks.h): grouping an arm's cells, fitting, judging.
#include "harness/checks.h"

#include <algorithm>
#include <cmath>
#include <map>

#include "harness/check_values.h"
#include "harness/contract.h"
#include "harness/rng.h"
#include "harness/schema/statistics.h"

namespace thmcheck {
namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();

// A PASS judged with gaps in scope becomes INCONCLUSIVE (a FAIL stays: what was measured fails).
void Cap(const GapTally& gaps, CheckResult* r) {
  if (!gaps.Caps()) return;
  if (r->verdict == Verdict::kPass) r->verdict = Verdict::kInconclusive;
  r->reason += (r->reason.empty() ? "" : "; ") + gaps.CapReason();
}

// Exponent fits: the slope of log value against log x over the arm's grid (fit.h), judged once.
CheckResult EvaluateExponent(const CheckSpec& spec, const ArmData& data, const CheckContext& ctx) {
  CheckResult r;
  r.spec = spec;
  const std::vector<std::string>& axes = data.axes;
  // The abscissa is a swept axis, or else an observable constant within a grid point (grouping by
  // the arm's axes, each group must agree on it).
  const bool x_is_axis = std::find(axes.begin(), axes.end(), spec.x) != axes.end();
  std::vector<CellView> with_x = data.cells;
  if (!x_is_axis) {
    for (const auto& [at, group] : GroupBy(axes, data.cells)) {
      double xv = std::numeric_limits<double>::quiet_NaN();
      for (const CellView* c : group)
        if (c->ok && c->observables.count(spec.x)) xv = c->observables.at(spec.x);
      for (auto& c : with_x)
        if (c.params == group.front()->params) c.params[spec.x] = xv;
    }
  } else {
    for (const auto& a : axes)
      THM_CHECK_MSG(a == spec.x || GroupBy({a}, data.cells).size() == 1,
                    "exponent in " << spec.x << " needs axis " << a << " fixed");
  }
  const ValueReader reader(spec, ctx, /*log_scale=*/true);
  GapTally gaps(ctx.gaps);
  std::vector<double> x;
  std::vector<std::vector<double>> y;
  std::vector<schema::Point> points;
  for (const auto& [at, group] : GroupBy({spec.x}, with_x)) {
    // A grid point whose abscissa no usable cell told is unusable as a whole.
    const bool known = at.at(spec.x).is_number();
    const double xv = known ? at.at(spec.x).get<double>() : 0;
    const bool in_scope = !known || (xv >= spec.x_min && xv > 0);
    std::vector<double> ys;            // present values, for the point estimate
    std::vector<double> by_replicate;  // aligned by replicate index, NaN where missing
    for (const CellView* c : group) {
      double v;
      ValueReader::Read read = known ? reader.Value(*c, &v) : ValueReader::Read::kUnusable;
      if (!known && !c->ok) read = ValueReader::Read::kDiverged;
      gaps.Add(read, *c, in_scope);
      if (read != ValueReader::Read::kUsable) continue;
      ys.push_back(v);
      if (by_replicate.size() <= static_cast<size_t>(c->replicate))
        by_replicate.resize(c->replicate + 1, std::numeric_limits<double>::quiet_NaN());
      by_replicate[c->replicate] = v;
    }
    if (ys.empty() || !in_scope) continue;
    const MeanEstimate m = EstimateMean(ys);
    double lo = m.t90.lo;
    double min_y = ys[0];
    for (double v : ys) min_y = std::min(min_y, v);
    const bool clamped = !(lo > 0);  // a log-scale error bar cannot go below 0
    if (clamped) lo = min_y;
    schema::Point point = MeanPoint(m);
    point.x = xv;
    point.lo = lo;
    point.clamped = clamped;
    points.push_back(std::move(point));
    x.push_back(xv);
    y.push_back(by_replicate);
  }
  r.excluded = gaps.Record();
  if (x.size() < 3) {
    r.points = std::move(points);
    r.reason = "only " + std::to_string(x.size()) + " grid points with usable cells (need 3; " +
               std::to_string(gaps.diverged()) + " diverged, " + std::to_string(gaps.unusable()) +
               " non-positive or missing" +
               (reader.problem().empty() ? "" : "; " + reader.problem()) + ")";
    return r;
  }
  const PowerLawFit fit =
      FitPowerLaw(x, y, DeriveSeed(ctx.seed, "fit:" + spec.observable + "/" + spec.x));
  r.estimate = fit.estimate();
  r.ci90 = fit.ci90();
  r.ci95 = fit.ci95();
  r.verdict = Judge(r.ci90, r.ci95, spec.lo, spec.hi);
  schema::Fit& f = r.fit.emplace();
  f.slope = fit.slope;
  f.intercept = fit.intercept;
  f.r2 = fit.r2;
  f.worst_residual = fit.worst_residual;
  f.t90 = IntervalRecord(fit.t90);
  f.boot90 = IntervalRecord(fit.boot90);
  f.replicate_slope = schema::Finite(fit.replicate_slope);
  f.replicate_slopes = fit.replicate_slopes;
  f.rep90 = IntervalRecord(fit.rep90);
  f.excluded = gaps.diverged() + gaps.unusable();
  f.points = std::move(points);
  if (gaps.diverged() + gaps.unusable() > 0)
    r.reason = std::to_string(gaps.diverged()) + " diverged and " +
               std::to_string(gaps.unusable()) + " unusable cells excluded";
  Cap(gaps, &r);
  return r;
}

// Pointwise kinds: judged at every grid point; any FAIL fails, all PASS pass.
CheckResult EvaluatePointwise(const CheckSpec& spec, const ArmData& data, const CheckContext& ctx) {
  CheckResult r;
  r.spec = spec;
  const ValueReader reader(spec, ctx, /*log_scale=*/false);
  GapTally gaps(ctx.gaps);
  const bool counts = spec.kind == CheckKind::kProportion || spec.kind == CheckKind::kStatus;
  int fails = 0, passes = 0, groups = 0, empty = 0;
  // The reported estimate is the grid point whose interval comes closest to (or past) the bound.
  double worst_margin = kInf;
  for (const auto& [at, group] : GroupBy(data.axes, data.cells)) {
    std::vector<double> vs;
    for (const CellView* c : group) {
      double v;
      const ValueReader::Read read = reader.Value(*c, &v);
      gaps.Add(read, *c, /*in_scope=*/true);
      if (read == ValueReader::Read::kUsable) vs.push_back(v);
    }
    if (vs.empty()) {
      ++empty;
      continue;
    }
    ++groups;
    MeanEstimate m;
    if (counts) {
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
    schema::Point point = MeanPoint(m);
    point.at = at;
    point.verdict = VerdictName(v);
    r.points.push_back(std::move(point));
    // Distance of the 90% interval to the nearer band edge (negative: past it).
    const double margin = std::min(std::isfinite(spec.hi) ? spec.hi - m.t90.hi : kInf,
                                   std::isfinite(spec.lo) ? m.t90.lo - spec.lo : kInf);
    if (margin < worst_margin || !std::isfinite(r.estimate)) {
      worst_margin = margin;
      r.estimate = m.mean;
      r.ci90 = m.t90;
      r.ci95 = m.t95;
      // With no swept axis there is one grid point, and nothing to say where it was decided.
      r.reason = at.empty() ? "" : "decided at " + at.dump();
    }
  }
  r.excluded = gaps.Record();
  if (groups == 0) {
    r.reason = "no usable cells (" + std::to_string(gaps.diverged()) + " diverged, " +
               std::to_string(gaps.unusable()) + " missing or non-finite" +
               (reader.problem().empty() ? "" : "; " + reader.problem()) + ")";
    return r;
  }
  r.verdict = fails > 0                        ? Verdict::kFail
              : passes == groups && empty == 0 ? Verdict::kPass
                                               : Verdict::kInconclusive;
  if (gaps.diverged() + gaps.unusable() > 0)
    r.reason += (r.reason.empty() ? "" : "; ") + std::to_string(gaps.diverged()) +
                " diverged and " + std::to_string(gaps.unusable()) + " unusable cells excluded";
  if (empty > 0) r.reason += "; " + std::to_string(empty) + " grid point(s) with no usable cell";
  Cap(gaps, &r);
  return r;
}

}  // namespace

schema::Interval IntervalRecord(const Interval& i) {
  return {schema::Finite(i.lo), schema::Finite(i.hi), true};
}

schema::Point MeanPoint(const MeanEstimate& m) {
  schema::Point p;
  p.mean = m.mean;
  p.lo = schema::Finite(m.t90.lo);
  p.hi = schema::Finite(m.t90.hi);
  p.n = m.n;
  return p;
}

const char* VerdictName(Verdict v) {
  switch (v) {
    case Verdict::kPass:
      return "PASS";
    case Verdict::kFail:
      return "FAIL";
    case Verdict::kInconclusive:
      return "INCONCLUSIVE";
  }
  return "?";
}

Verdict Judge(const Interval& ci90, const Interval& ci95, double lo, double hi) {
  // NaN-safe: every comparison with NaN is false, so a NaN interval is INCONCLUSIVE.
  if (ci90.lo >= lo && ci90.hi <= hi) return Verdict::kPass;
  if (ci95.hi < lo || ci95.lo > hi) return Verdict::kFail;
  return Verdict::kInconclusive;
}

CheckResult EvaluateCheck(const CheckSpec& spec, const ArmData& data, const CheckContext& ctx) {
  switch (spec.kind) {
    case CheckKind::kExponent:
    case CheckKind::kExponentBound:
      return EvaluateExponent(spec, data, ctx);
    case CheckKind::kMeanBound:
    case CheckKind::kPairedDifference:
    case CheckKind::kProportion:
    case CheckKind::kCrossArm:
    case CheckKind::kStatus:
      return EvaluatePointwise(spec, data, ctx);
  }
  THM_CHECK(false);
}

CheckResult EvaluateCheck(const CheckSpec& spec, const std::vector<std::string>& axes,
                          const std::vector<CellView>& cells, uint64_t seed) {
  CheckContext ctx;
  ctx.seed = seed;
  return EvaluateCheck(spec, ArmData{axes, cells}, ctx);
}

schema::Check CheckRecord(const CheckResult& r) {
  const CheckSpec& s = r.spec;
  // "observable": what was measured ("a - b" for a paired difference), whatever the check's name.
  CheckSpec unnamed = s;
  unnamed.name.clear();
  schema::Check c;
  c.observable = CheckName(unnamed);
  c.kind = s.kind;
  c.estimate = schema::Finite(r.estimate);
  c.ci = IntervalRecord(r.ci90);
  c.ci95 = IntervalRecord(r.ci95);
  c.predicted = s.predicted;
  c.band = IntervalRecord({s.lo, s.hi});
  c.verdict = VerdictName(r.verdict);
  c.tolerance = s.tolerance;
  c.reason = r.reason;
  c.sanity = s.sanity;
  c.versus_arm = s.versus_arm;
  c.match_on = s.match_on;
  c.x = s.x;
  if (s.x_min > 0) c.x_min = s.x_min;
  c.fit = r.fit;
  c.points = r.points;
  c.excluded = r.excluded;
  return c;
}

}  // namespace thmcheck
