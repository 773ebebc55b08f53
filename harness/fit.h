// Statistics behind every verdict: power-law fits on log-log replicate means with two intervals
// (a seeded bootstrap over replicates, and the OLS t-interval via Boost.Math), and intervals for
// a mean. Legend: x_j the swept values (j = 1..J), y_jr replicate r's observable at x_j.
// Replicates are paired across x (a replicate shares its dataset across the sweep: common random
// numbers), so the bootstrap resamples replicate indices jointly for every x_j, keeping the
// within-replicate correlation that makes the slope precise; for unpaired data this is the same
// as resampling each x_j on its own.
#pragma once

#include <cstdint>
#include <vector>

namespace thmcheck {

struct Interval {
  double lo = 0, hi = 0;
};
// The smallest interval containing both: verdicts use the hull of the bootstrap and t intervals,
// so they are at least as cautious as either (the bootstrap misses lack of fit; the t-interval on
// J means misses the replicate noise structure).
Interval Hull(const Interval& a, const Interval& b);

struct PowerLawFit {
  double slope = 0, intercept = 0;  // log(mean_j) ≈ intercept + slope·log(x_j) (natural logs)
  double r2 = 0;
  double worst_residual = 0;  // largest |residual| in log units
  Interval t90, t95;          // OLS slope ± t_{J−2}·se (Boost.Math Student's t)
  Interval boot90, boot95;    // percentile bootstrap over replicates within each x_j
  Interval ci90() const { return Hull(t90, boot90); }
  Interval ci95() const { return Hull(t95, boot95); }
};

inline constexpr int kBootstrapResamples = 2000;  // percentile error at 5%: ~√(.05·.95/2000) ≈ 0.5%

// Requires J ≥ 3 distinct positive x_j, each with ≥ 1 positive finite y_jr; y[j][r] is replicate
// r's value (NaN where that replicate is missing at x_j: diverged or excluded).
PowerLawFit FitPowerLaw(const std::vector<double>& x, const std::vector<std::vector<double>>& y,
                        uint64_t seed, int resamples = kBootstrapResamples);

struct MeanEstimate {
  double mean = 0;
  double sd = 0;        // sample standard deviation (0 when n = 1)
  int n = 0;
  Interval t90, t95;    // mean ± t_{n−1}·sd/√n; degenerate (±∞) when n = 1
};
// EstimateMean and StudentQuantile are header-only, in mean_estimate.h: the report shares them.

// Exact (Clopper–Pearson) two-sided interval for a binomial proportion: `successes` of `trials`.
struct ProportionEstimate {
  double p = 0;
  int trials = 0;
  Interval ci90, ci95;
};
ProportionEstimate EstimateProportion(int successes, int trials);

}  // namespace thmcheck
