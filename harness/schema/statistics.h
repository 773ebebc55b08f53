// A replicate mean with its Student-t intervals, header-only. The harness judges and draws with it
// (checks, figures, fit) and the report aggregates another claim's cells with it (a cross-check),
// so both show the same mean and interval for the same numbers, computed by the same code. A leaf
// beside the result records: it includes Boost.Math only.
// Legend: n values, sd the sample standard deviation, se = sd/√n, t_{n−1} Student's quantile.
#pragma once

#include <cmath>
#include <limits>
#include <stdexcept>
#include <vector>

#include <boost/math/distributions/students_t.hpp>

namespace thmcheck {

struct Interval {
  double lo = 0, hi = 0;
};

struct MeanEstimate {
  double mean = 0;
  double sd = 0;  // sample standard deviation (0 when n = 1)
  int n = 0;
  Interval t90, t95;  // mean ± t_{n−1}·sd/√n; degenerate (±∞) when n = 1
};

// Two-sided quantile of Student's t with `dof` degrees of freedom: t such that P(|T| ≤ t) = level.
// dof ≤ 0 throws (Boost.Math's domain error).
inline double StudentQuantile(double level, double dof) {
  boost::math::students_t dist(dof);
  return boost::math::quantile(dist, 0.5 + level / 2.0);
}

inline MeanEstimate EstimateMean(const std::vector<double>& values) {
  if (values.empty()) throw std::invalid_argument("EstimateMean: no values");
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
