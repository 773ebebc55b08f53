// Power-law fits and mean intervals (see fit.h).
#include "harness/fit.h"

#include <algorithm>
#include <cmath>
#include <limits>

#include <boost/math/distributions/beta.hpp>

#include "harness/contract.h"
#include "harness/rng.h"
#include "harness/schema/statistics.h"

namespace thmcheck {
namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();

struct Ols {
  double slope, intercept, r2, worst, se;
};

Ols FitLine(const std::vector<double>& u, const std::vector<double>& v) {
  const double n = static_cast<double>(u.size());
  double mu = 0, mv = 0;
  for (size_t j = 0; j < u.size(); ++j) mu += u[j], mv += v[j];
  mu /= n, mv /= n;
  double suu = 0, suv = 0, svv = 0;
  for (size_t j = 0; j < u.size(); ++j) {
    suu += (u[j] - mu) * (u[j] - mu);
    suv += (u[j] - mu) * (v[j] - mv);
    svv += (v[j] - mv) * (v[j] - mv);
  }
  Ols f;
  f.slope = suv / suu;
  f.intercept = mv - f.slope * mu;
  double sse = 0;
  f.worst = 0;
  for (size_t j = 0; j < u.size(); ++j) {
    const double r = v[j] - (f.intercept + f.slope * u[j]);
    sse += r * r;
    f.worst = std::max(f.worst, std::abs(r));
  }
  f.r2 = svv > 0 ? 1.0 - sse / svv : 1.0;
  f.se = u.size() > 2 ? std::sqrt(sse / (n - 2) / suu) : kInf;
  return f;
}

// Mean of the finite entries (NaN marks a missing replicate).
double MeanPresent(const std::vector<double>& v) {
  double s = 0;
  int n = 0;
  for (double x : v)
    if (std::isfinite(x)) s += x, ++n;
  return n ? s / n : std::numeric_limits<double>::quiet_NaN();
}

// Percentile interval with linear interpolation between order statistics.
Interval Percentiles(std::vector<double> draws, double level) {
  std::sort(draws.begin(), draws.end());
  auto q = [&](double p) {
    const double pos = p * static_cast<double>(draws.size() - 1);
    const size_t i = static_cast<size_t>(std::floor(pos));
    const size_t k = std::min(i + 1, draws.size() - 1);
    return draws[i] + (pos - static_cast<double>(i)) * (draws[k] - draws[i]);
  };
  const double tail = (1.0 - level) / 2.0;
  return {q(tail), q(1.0 - tail)};
}

}  // namespace

Interval Hull(const Interval& a, const Interval& b) {
  return {std::min(a.lo, b.lo), std::max(a.hi, b.hi)};
}

PowerLawFit FitPowerLaw(const std::vector<double>& x, const std::vector<std::vector<double>>& y,
                        uint64_t seed, int resamples) {
  THM_CHECK_EQ(x.size(), y.size());
  THM_CHECK_GE(x.size(), 3u);
  std::vector<double> u(x.size()), v(x.size());
  size_t replicates = 0;
  for (size_t j = 0; j < x.size(); ++j) {
    THM_CHECK_MSG(x[j] > 0 && !y[j].empty(), "x_" << j << " = " << x[j]);
    for (double yr : y[j])
      THM_CHECK_MSG(std::isnan(yr) || (yr > 0 && std::isfinite(yr)), "y = " << yr);
    u[j] = std::log(x[j]);
    v[j] = std::log(MeanPresent(y[j]));
    THM_CHECK_MSG(std::isfinite(v[j]), "no finite replicate at x = " << x[j]);
    replicates = std::max(replicates, y[j].size());
  }
  const Ols ols = FitLine(u, v);
  PowerLawFit fit;
  fit.slope = ols.slope;
  fit.intercept = ols.intercept;
  fit.r2 = ols.r2;
  fit.worst_residual = ols.worst;
  const double dof = static_cast<double>(x.size()) - 2.0;
  const double t90 = StudentQuantile(0.90, dof), t95 = StudentQuantile(0.95, dof);
  fit.t90 = {ols.slope - t90 * ols.se, ols.slope + t90 * ols.se};
  fit.t95 = {ols.slope - t95 * ols.se, ols.slope + t95 * ols.se};

  // Bootstrap: draw replicate indices with replacement, the same draw for every x_j (paired), and
  // refit; an x_j none of whose drawn replicates is present sits out that resample.
  Rng rng(seed);
  std::vector<double> slopes;
  slopes.reserve(resamples);
  std::vector<size_t> draw(replicates);
  std::vector<double> ub, vb;
  for (int b = 0; b < resamples; ++b) {
    for (auto& d : draw) d = rng.Below(replicates);
    ub.clear();
    vb.clear();
    for (size_t j = 0; j < x.size(); ++j) {
      double s = 0;
      int n = 0;
      for (size_t d : draw)
        if (d < y[j].size() && std::isfinite(y[j][d])) s += y[j][d], ++n;
      if (n == 0) continue;
      ub.push_back(u[j]);
      vb.push_back(std::log(s / n));
    }
    if (ub.size() >= 2) slopes.push_back(FitLine(ub, vb).slope);
  }
  THM_CHECK_MSG(!slopes.empty(), "no bootstrap resample had two grid points");
  fit.boot90 = Percentiles(slopes, 0.90);
  fit.boot95 = Percentiles(slopes, 0.95);

  // Per-replicate slopes b_r over the x_j where replicate r is present; their mean is the
  // estimand's natural estimator, and with independent replicates the t-interval on R' slopes
  // covers E_r[b_r] whatever the slopes' spread (the bootstrap's percentiles do not, at small R).
  std::vector<double> replicate_slopes;
  for (size_t r = 0; r < replicates; ++r) {
    ub.clear();
    vb.clear();
    for (size_t j = 0; j < x.size(); ++j) {
      if (r >= y[j].size() || !std::isfinite(y[j][r])) continue;
      ub.push_back(u[j]);
      vb.push_back(std::log(y[j][r]));
    }
    if (ub.size() >= static_cast<size_t>(kMinReplicatePoints))
      replicate_slopes.push_back(FitLine(ub, vb).slope);
  }
  fit.replicate_slopes = static_cast<int>(replicate_slopes.size());
  if (fit.replicate_slopes >= 2) {
    const MeanEstimate m = EstimateMean(replicate_slopes);
    fit.replicate_slope = m.mean;
    fit.rep90 = m.t90;
    fit.rep95 = m.t95;
  } else {
    fit.replicate_slope = std::numeric_limits<double>::quiet_NaN();
    fit.rep90 = fit.t90;
    fit.rep95 = fit.t95;
  }
  return fit;
}

ProportionEstimate EstimateProportion(int successes, int trials) {
  THM_CHECK(trials > 0 && successes >= 0 && successes <= trials);
  ProportionEstimate e;
  e.trials = trials;
  e.p = static_cast<double>(successes) / trials;
  // Clopper & Pearson 1934: the bounds are Beta quantiles; at 0 or n successes one side is exact.
  auto interval = [&](double level) {
    const double tail = (1.0 - level) / 2.0;
    Interval i{0.0, 1.0};
    if (successes > 0)
      i.lo = boost::math::quantile(
          boost::math::beta_distribution<>(successes, trials - successes + 1), tail);
    if (successes < trials)
      i.hi = boost::math::quantile(
          boost::math::beta_distribution<>(successes + 1, trials - successes), 1.0 - tail);
    return i;
  };
  e.ci90 = interval(0.90);
  e.ci95 = interval(0.95);
  return e;
}

}  // namespace thmcheck
