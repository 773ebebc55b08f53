// A replicate mean with its Student-t intervals, header-only. The harness judges and draws with it
// (checks, figures, fit) and the report aggregates another claim's cells with it (a cross-check),
// so both show the same mean and interval for the same numbers, computed by the same code; the
// report links no harness library. It includes only leaf headers (fit.h for the Interval and
// MeanEstimate types, check.h) and Boost.Math, kept out of fit.h, which most files include.
// Legend: n values, sd the sample standard deviation, se = sd/√n, t_{n−1} Student's quantile.
#pragma once

#include <cmath>
#include <limits>
#include <vector>

#include <boost/math/distributions/students_t.hpp>

#include "harness/check.h"
#include "harness/fit.h"

namespace thmcheck {

// Two-sided quantile of Student's t with `dof` degrees of freedom: t such that P(|T| ≤ t) = level.
inline double StudentQuantile(double level, double dof) {
  THM_CHECK_GT(dof, 0.0);
  boost::math::students_t dist(dof);
  return boost::math::quantile(dist, 0.5 + level / 2.0);
}

inline MeanEstimate EstimateMean(const std::vector<double>& values) {
  THM_CHECK(!values.empty());
  MeanEstimate e;
  e.n = static_cast<int>(values.size());
  double sum = 0;
  for (double x : values) sum += x;
  e.mean = sum / static_cast<double>(values.size());
  if (e.n == 1) {
    constexpr double kInf = std::numeric_limits<double>::infinity();
    e.t90 = e.t95 = {-kInf, kInf};
    return e;
  }
  double ss = 0;
  for (double x : values) ss += (x - e.mean) * (x - e.mean);
  e.sd = std::sqrt(ss / (e.n - 1));
  const double se = e.sd / std::sqrt(static_cast<double>(e.n));
  const double t90 = StudentQuantile(0.90, e.n - 1), t95 = StudentQuantile(0.95, e.n - 1);
  e.t90 = {e.mean - t90 * se, e.mean + t90 * se};
  e.t95 = {e.mean - t95 * se, e.mean + t95 * se};
  return e;
}

}  // namespace thmcheck
