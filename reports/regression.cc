// The regression rules; see regression.h for the statistics and their constants.
#include "reports/regression.h"

#include <algorithm>
#include <cmath>
#include <map>

#include "reports/format.h"

namespace thmcheck::report {
namespace {

// 1/Φ⁻¹(3/4): makes the MAD a consistent estimate of σ for Gaussian data.
constexpr double kMadToSigma = 1.4826;

std::vector<double> Logs(const std::vector<double>& values) {
  std::vector<double> out;
  for (const double v : values) {
    if (v > 0 && std::isfinite(v)) out.push_back(std::log(v));
  }
  return out;
}

// Judges points[i] against up to kBaselineWindow points before it (x: ln of the fastest times).
void Judge(std::vector<BenchmarkPoint>& points, const std::vector<double>& x, size_t i) {
  if (i == 0) return;
  BenchmarkPoint& p = points[i];
  const size_t first = i > static_cast<size_t>(kBaselineWindow) ? i - kBaselineWindow : 0;
  const std::vector<double> window(x.begin() + first, x.begin() + i);
  const double baseline = Median(window);
  p.judged = true;
  p.window = static_cast<int>(window.size());
  p.baseline_ns = std::exp(baseline);
  double allowed = std::log1p(kShortHistorySlowdown);
  if (window.size() >= static_cast<size_t>(kMinRunsForSpread)) {
    p.spread = ScaledMad(window);
    p.run_to_run = true;
    allowed = std::max(kZ * p.spread, std::log1p(kMinSlowdown));
  }
  p.threshold = std::exp(allowed);
  p.flagged = x[i] - baseline > allowed;
}

std::string Percent(double ratio) { return FormatNumber(100 * (ratio - 1), 3) + "%"; }

bool Outside(const std::optional<double>& v, const Interval& band) {
  if (!v || !band.present) return false;
  return (band.lo && *v < *band.lo) || (band.hi && *v > *band.hi);
}

}  // namespace

double Median(std::vector<double> values) {
  if (values.empty()) return NAN;
  const size_t n = values.size();
  std::nth_element(values.begin(), values.begin() + n / 2, values.end());
  const double upper = values[n / 2];
  if (n % 2 == 1) return upper;
  return 0.5 * (upper + *std::max_element(values.begin(), values.begin() + n / 2));
}

double ScaledMad(const std::vector<double>& values) {
  if (values.empty()) return NAN;
  const double m = Median(values);
  std::vector<double> deviations;
  for (const double v : values) deviations.push_back(std::fabs(v - m));
  return kMadToSigma * Median(deviations);
}

BenchmarkTrends JudgeBenchmarks(const std::vector<HistoryRun>& runs) {
  BenchmarkTrends out;
  if (runs.empty()) return out;
  out.machine = runs.back().machine;
  std::map<std::string, size_t> index;
  std::vector<std::vector<double>> x;  // per trend: ln of the fastest repetition, run by run
  for (size_t r = 0; r < runs.size(); ++r) {
    if (runs[r].machine != out.machine) {
      ++out.other_machine_runs;
      continue;
    }
    for (const BenchmarkSample& b : runs[r].benchmarks) {
      const std::vector<double> logs = Logs(b.cpu_ns);
      if (logs.empty()) continue;
      auto it = index.find(b.name);
      if (it == index.end()) {
        it = index.emplace(b.name, out.trends.size()).first;
        out.trends.push_back({b.name, b.family, {}});
        x.emplace_back();
      }
      BenchmarkPoint p;
      p.run = r;
      const double best = *std::min_element(logs.begin(), logs.end());
      p.best_ns = std::exp(best);
      p.worst_ns = std::exp(*std::max_element(logs.begin(), logs.end()));
      std::vector<BenchmarkPoint>& points = out.trends[it->second].points;
      points.push_back(p);
      x[it->second].push_back(best);
      Judge(points, x[it->second], points.size() - 1);  // against the runs before it only
    }
  }
  return out;
}

std::vector<ClaimTrend> JudgeClaims(const std::vector<HistoryRun>& runs) {
  std::vector<ClaimTrend> out;
  std::map<std::string, size_t> index;  // "claim\nprotocol\nscale" → series
  for (size_t r = 0; r < runs.size(); ++r) {
    for (const ClaimResult& claim : runs[r].claims) {
      const std::string id = claim.claim.empty() ? claim.id : claim.claim;
      const std::string key =
          id + "\n" + (claim.protocol ? std::to_string(*claim.protocol) : "?") + "\n" + claim.scale;
      auto it = index.find(key);
      if (it == index.end()) {
        it = index.emplace(key, out.size()).first;
        out.push_back({id, claim.title, claim.scale, claim.protocol, {}, {}});
      }
      ClaimTrend& series = out[it->second];
      VerdictPoint v{r, claim.verdict, {}, false};
      for (const Arm& arm : claim.arms) v.arms.emplace_back(arm.name, arm.verdict);
      v.changed = !series.verdicts.empty() && series.verdicts.back().verdict != v.verdict;
      series.verdicts.push_back(std::move(v));
      for (const Arm& arm : claim.arms) {
        for (const Check& check : arm.checks) {
          auto trend = std::find_if(
              series.estimates.begin(), series.estimates.end(),
              [&](const EstimateTrend& e) { return e.arm == arm.name && e.name == check.Name(); });
          if (trend == series.estimates.end()) {
            trend = series.estimates.insert(series.estimates.end(), EstimateTrend{});
            trend->arm = arm.name;
            trend->name = check.Name();
            trend->kind = CheckKindName(check.kind);
          }
          trend->role = arm.role;
          trend->check_role = check.role;
          EstimatePoint p{r, check.estimate, check.ci, check.band, false};
          // Only a main arm's evidence is held to its band: a control's must-fail row is meant to
          // leave it, a report arm is never judged, a sanity check's FAIL fails the claim anyway.
          p.outside_band = trend->MainEvidence() && Outside(check.estimate, check.band);
          trend->points.push_back(p);
        }
      }
    }
  }
  return out;
}

std::string ClaimTrendPage(const std::string& claim) {
  return "claim_" + FileStem(claim) + ".html";
}

std::vector<Flag> LatestFlags(const std::vector<HistoryRun>& runs,
                              const BenchmarkTrends& benchmarks,
                              const std::vector<ClaimTrend>& claims) {
  std::vector<Flag> flags;
  if (runs.empty()) return flags;
  const size_t latest = runs.size() - 1;
  for (const BenchmarkTrend& t : benchmarks.trends) {
    if (t.points.empty() || t.points.back().run != latest || !t.points.back().flagged) continue;
    const BenchmarkPoint& p = t.points.back();
    flags.push_back(
        {"benchmark", t.name,
         "fastest CPU time " + FormatNumber(p.best_ns, 4) + " ns/iteration is " +
             Percent(p.best_ns / p.baseline_ns) + " above the median of its last " +
             std::to_string(p.window) + " run(s) (" + FormatNumber(p.baseline_ns, 4) +
             " ns); allowed: +" + Percent(p.threshold) +
             (p.run_to_run ? " (" + FormatNumber(kZ, 2) + "\u03c3, run-to-run \u03c3 = " +
                                 FormatNumber(p.spread, 2) + " in ln time, or the floor)"
                           : " (short history: fixed floor)"),
         "benchmarks.html#" + FileStem(t.family)});
  }
  for (const ClaimTrend& c : claims) {
    if (c.verdicts.empty() || c.verdicts.back().run != latest) continue;
    const std::string href = ClaimTrendPage(c.claim);
    const VerdictPoint& v = c.verdicts.back();
    if (v.changed) {
      const VerdictPoint& before = c.verdicts[c.verdicts.size() - 2];
      flags.push_back({"verdict", c.claim,
                       "verdict " + before.verdict + " \u2192 " + v.verdict + " since " +
                           runs[before.run].commit.substr(0, 12) + " (scale " + c.scale + ")",
                       href});
    }
    for (const EstimateTrend& e : c.estimates) {
      if (e.points.empty() || e.points.back().run != latest || !e.points.back().outside_band)
        continue;
      const EstimatePoint& p = e.points.back();
      const bool was_inside = e.points.size() >= 2 && !e.points[e.points.size() - 2].outside_band;
      flags.push_back({"band", c.claim + " " + e.arm + "." + e.name,
                       "estimate " + FormatNumber(p.estimate) + " " +
                           (was_inside ? "left" : "is outside") + " its band " +
                           FormatInterval(p.band) + " (90% " + FormatInterval(p.ci) + ")",
                       href});
    }
  }
  if (latest > 0) {
    for (const ClaimResult& before : runs[latest - 1].claims) {
      const bool present = std::any_of(runs[latest].claims.begin(), runs[latest].claims.end(),
                                       [&](const ClaimResult& c) { return c.id == before.id; });
      if (!present) {
        flags.push_back({"missing", before.id,
                         "in the previous run (" + runs[latest - 1].commit.substr(0, 12) +
                             ") but not in this one: it did not finish",
                         ClaimTrendPage(before.id)});
      }
    }
  }
  return flags;
}

}  // namespace thmcheck::report
