// Reads arms, checks, fits and sweep points; see arms_reader.h. A check's role defaults to
// "evidence" (what every check of a file without roles was), or "sanity" when it says
// "sanity": true; its name defaults to its observable, which is what older harnesses wrote.
#include "reports/arms_reader.h"

namespace thmcheck::report {
namespace {

using nlohmann::json;

Fit ReadFit(FieldReader& r, const json& f, const std::string& at) {
  Fit fit;
  fit.slope = r.Number(f, "slope", at, Need::kOptional);
  fit.intercept = r.Number(f, "intercept", at, Need::kOptional);
  fit.r2 = r.Number(f, "r2", at, Need::kOptional);
  fit.worst_residual = r.Number(f, "worst_residual", at, Need::kOptional);
  fit.excluded = r.Integer(f, "excluded", at, Need::kOptional);
  fit.replicate_slope = r.Number(f, "replicate_slope", at, Need::kOptional);
  fit.replicate_slopes = r.Integer(f, "replicate_slopes", at, Need::kOptional);
  fit.rep90 = r.Pair(f, "rep90", at);
  fit.points = ReadPoints(r, f, at);
  return fit;
}

Excluded ReadExcluded(FieldReader& r, const json& c, const std::string& at) {
  Excluded excluded;
  const json* e = r.Object(c, "excluded", at, Need::kOptional);
  if (e == nullptr) return excluded;
  const std::string e_at = FieldPath(at, "excluded");
  excluded.diverged = r.Integer(*e, "diverged", e_at, Need::kOptional).value_or(0);
  excluded.unusable = r.Integer(*e, "unusable", e_at, Need::kOptional).value_or(0);
  excluded.capping_cells =
      r.Strings(*e, "capping_cells", e_at, Need::kOptional).value_or(std::vector<std::string>{});
  return excluded;
}

Check ReadCheck(FieldReader& r, const json& c, const std::string& at) {
  Check check;
  check.observable = r.String(c, "observable", at, Need::kRequired);
  check.kind = r.String(c, "kind", at, Need::kRequired);
  check.verdict = r.String(c, "verdict", at, Need::kRequired);
  check.name = r.String(c, "name", at, Need::kOptional);
  if (check.name.empty()) check.name = check.observable;
  const bool sanity = r.Bool(c, "sanity", at, Need::kOptional).value_or(false);
  check.role = r.String(c, "role", at, Need::kOptional);
  if (sanity || check.role.empty()) check.role = sanity ? kSanity : kEvidence;
  check.why = r.String(c, "why", at, Need::kOptional);
  check.x = r.String(c, "x", at, Need::kOptional);
  check.estimate = r.Number(c, "estimate", at, Need::kOptional);
  check.ci = r.Pair(c, "ci", at);
  check.ci95 = r.Pair(c, "ci95", at);
  check.predicted = r.Number(c, "predicted", at, Need::kOptional);
  check.band = r.Pair(c, "band", at);
  check.tolerance = r.String(c, "tolerance", at, Need::kOptional);
  check.reason = r.String(c, "reason", at, Need::kOptional);
  check.versus_arm = r.String(c, "versus_arm", at, Need::kOptional);
  check.match_on =
      r.Strings(c, "match_on", at, Need::kOptional).value_or(std::vector<std::string>{});
  check.excluded = ReadExcluded(r, c, at);
  check.points = ReadPoints(r, c, at);
  if (const json* f = r.Object(c, "fit", at, Need::kOptional))
    check.fit = ReadFit(r, *f, FieldPath(at, "fit"));
  return check;
}

}  // namespace

std::vector<SweepPoint> ReadPoints(FieldReader& r, const json& obj, const std::string& where) {
  std::vector<SweepPoint> points;
  ForEachElement(r, obj, "points", where, Need::kOptional, [&](const json& p,
                                                               const std::string& at) {
    SweepPoint point;
    // A point is placed by "x", or, for per-point bounds over a one-axis grid, by its grid point
    // "at" (e.g. {"alpha": 0.3}); a point known only by a multi-axis "at" has no abscissa.
    const std::optional<double> x = r.Number(p, "x", at, Need::kOptional);
    const json* grid = r.Object(p, "at", at, Need::kOptional);
    if (grid != nullptr) point.at = grid->dump();
    const bool grid_x = grid != nullptr && grid->size() == 1 && grid->begin()->is_number();
    point.has_x = x.has_value() || grid_x;
    if (x) {
      point.x = *x;
    } else if (grid_x) {
      point.x = grid->begin()->get<double>();
    } else if (grid == nullptr && r.ok()) {
      r.Fail(at, "a point needs \"x\" or \"at\"");
    }
    point.verdict = r.String(p, "verdict", at, Need::kOptional);
    point.mean = r.Number(p, "mean", at, Need::kOptional);
    point.lo = r.Number(p, "lo", at, Need::kOptional);
    point.hi = r.Number(p, "hi", at, Need::kOptional);
    point.n = r.Integer(p, "n", at, Need::kOptional);
    points.push_back(point);
  });
  return points;
}

std::vector<Arm> ReadArms(FieldReader& r, const json& root) {
  std::vector<Arm> arms;
  ForEachElement(r, root, "arms", "", Need::kRequired, [&](const json& a, const std::string& at) {
    Arm arm;
    arm.name = r.String(a, "name", at, Need::kRequired);
    arm.role = r.String(a, "role", at, Need::kRequired);
    arm.verdict = r.String(a, "verdict", at, Need::kRequired);
    arm.condition = r.String(a, "condition", at, Need::kOptional);
    if (const json* o = r.Object(a, "overrides", at, Need::kOptional)) arm.overrides = *o;
    arm.against = r.String(a, "against", at, Need::kOptional);
    arm.rejected_by = r.Strings(a, "rejected_by", at, Need::kOptional);
    ForEachElement(r, a, "checks", at, Need::kRequired,
                   [&](const json& c, const std::string& c_at) {
                     arm.checks.push_back(ReadCheck(r, c, c_at));
                   });
    arms.push_back(std::move(arm));
  });
  return arms;
}

std::vector<ArmNotRun> ReadArmsNotRun(FieldReader& r, const json& root) {
  std::vector<ArmNotRun> arms;
  ForEachElement(r, root, "arms_not_run", "", Need::kOptional,
                 [&](const json& a, const std::string& at) {
                   ArmNotRun arm;
                   arm.name = r.String(a, "name", at, Need::kRequired);
                   arm.role = r.String(a, "role", at, Need::kRequired);
                   arm.condition = r.String(a, "condition", at, Need::kOptional);
                   arm.enabled_by = r.String(a, "enabled_by", at, Need::kRequired);
                   arms.push_back(std::move(arm));
                 });
  return arms;
}

}  // namespace thmcheck::report
