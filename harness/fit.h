// Statistics behind every verdict: power-law fits with three slope intervals (the OLS t-interval
// on log replicate means, a seeded bootstrap over replicates, and a Student-t interval over
// per-replicate slopes), and intervals for a mean. Legend: x_j the swept values (j = 1..J), y_jr
// replicate r's observable at x_j, b_r replicate r's least-squares slope of log y_jr on log x_j.
// Estimand: the common rate over replicates, E_r[b_r]. Replicates are paired across x (a
// replicate shares its dataset across the sweep: common random numbers), so each has its own
// slope; b_r is taken over the swept grid, so finite-size curvature over the grid is part of the
// estimand, and a claim's tolerance band covers the distance to the asymptotic rate.
#pragma once

#include <cstdint>
#include <vector>

#include "harness/schema/statistics.h"

namespace thmcheck {

// The smallest interval containing both: verdicts use the hull of the fit's intervals, so they
// are at least as cautious as each (the bootstrap misses lack of fit and, at R = 3, has few
// distinct resamples and no t factor; the t-interval on J means misses the replicate noise
// structure; the replicate-slope interval is exact but needs two replicates with slopes).
Interval Hull(const Interval& a, const Interval& b);

// A replicate's slope needs this many present points: the J ≥ 3 the fit on means requires. A
// 2-point slope is a secant between two widths: under finite-size curvature it targets the local
// slope there rather than the grid's, and on a doubling grid of 6 it is up to ~35× noisier than a
// full-grid slope (2/ln²2 against 1/Σ(u_j − ū)²), which an unweighted mean would let dominate.
inline constexpr int kMinReplicatePoints = 3;

struct PowerLawFit {
  double slope = 0, intercept = 0;  // log(mean_j) ≈ intercept + slope·log(x_j) (natural logs)
  double r2 = 0;
  double worst_residual = 0;  // largest |residual| in log units
  Interval t90, t95;          // OLS slope ± t_{J−2}·se (Boost.Math Student's t)
  Interval boot90, boot95;    // percentile bootstrap over replicates, drawn jointly for every x_j
  // b̄, the mean of the R' per-replicate slopes b_r (each over the x_j where y_jr is present, from
  // ≥ kMinReplicatePoints points); NaN when R' < 2. It is unbiased for the estimand E_r[b_r];
  // `slope` is not when the b_r differ: the log of a mean of x^{b_r} bends up, by Var(b_r)·ū on
  // the grid's mean log x ū as R grows (Jensen; +0.018 for sd(b_r) = 0.05 on widths 256 … 8192).
  double replicate_slope = 0;
  int replicate_slopes = 0;  // R'
  // b̄ ± t_{R'−1}·s/√R' (s the sample sd of the b_r): exact for independent normal b_r, whatever
  // their spread. When R' < 2 they equal t90, t95, so the hull below is that of t and boot alone.
  Interval rep90, rep95;
  Interval ci90() const { return Hull(Hull(t90, boot90), rep90); }
  Interval ci95() const { return Hull(Hull(t95, boot95), rep95); }
  // The point estimate a check reports: b̄ when R' ≥ 2, else the slope on log means. `slope`
  // stays the fit's line (recorded as such with its intercept and residuals).
  double estimate() const { return replicate_slopes >= 2 ? replicate_slope : slope; }
};

inline constexpr int kBootstrapResamples = 2000;  // percentile error at 5%: ~√(.05·.95/2000) ≈ 0.5%

// Requires J ≥ 3 distinct positive x_j, each with ≥ 1 positive finite y_jr; y[j][r] is replicate
// r's value (NaN where that replicate is missing at x_j: diverged or excluded). NOTE: a replicate
// missing at some x_j contributes its slope over the x_j it has, a slightly different grid.
PowerLawFit FitPowerLaw(const std::vector<double>& x, const std::vector<std::vector<double>>& y,
                        uint64_t seed, int resamples = kBootstrapResamples);

// Interval, MeanEstimate, EstimateMean and StudentQuantile: harness/schema/statistics.h (the
// report shares them).

// Exact (Clopper–Pearson) two-sided interval for a binomial proportion: `successes` of `trials`.
struct ProportionEstimate {
  double p = 0;
  int trials = 0;
  Interval ci90, ci95;
};
ProportionEstimate EstimateProportion(int successes, int trials);

}  // namespace thmcheck
