// The fit recovers known exponents, and its intervals cover at (at least) their nominal rate on
// synthetic power laws y = x^b·exp(σε) with the sweep shape the claims use.
#include "harness/fit.h"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>

#include "harness/mean_estimate.h"
#include "harness/rng.h"

namespace thmcheck {
namespace {

// Noiseless data: the slope is exact up to rounding in log/exp; 6 points, ~20 flops each:
// c·n·ε with c = 20, n = 6 ⇒ ~3e-14; we allow 1e-12.
constexpr double kExactTolerance = 1e-12;

struct Sweep {
  std::vector<double> x;
  std::vector<std::vector<double>> y;
};

Sweep PowerLaw(double b, double sigma, int J, int R, Rng& rng) {
  Sweep s;
  for (int j = 0; j < J; ++j) {
    s.x.push_back(128.0 * std::pow(2.0, j));
    std::vector<double> ys;
    for (int r = 0; r < R; ++r) ys.push_back(3.0 * std::pow(s.x[j], b) * std::exp(sigma * rng.Normal()));
    s.y.push_back(ys);
  }
  return s;
}

TEST(FitTest, RecoversExactExponentWithoutNoise) {
  Rng rng(1);
  const Sweep s = PowerLaw(-0.5, 0.0, 6, 3, rng);
  const PowerLawFit f = FitPowerLaw(s.x, s.y, 1);
  EXPECT_NEAR(f.slope, -0.5, kExactTolerance);
  EXPECT_NEAR(f.intercept, std::log(3.0), kExactTolerance);
  EXPECT_NEAR(f.r2, 1.0, kExactTolerance);
  EXPECT_LT(f.worst_residual, kExactTolerance);
}

TEST(FitTest, IntervalsCoverAtLeastNominally) {
  // 400 synthetic sweeps (6 widths × 5 replicates, 10% log-noise). The binomial sd of a 90%
  // coverage over 400 trials is √(.9·.1/400) = 0.015; the thresholds sit 4 sd below nominal
  // (false alarm ~3e-5), and the 95% interval must cover more often than the 90% one.
  Rng rng(2024);
  const int kTrials = 400;
  int cover90 = 0, cover95 = 0;
  double mean_slope = 0;
  for (int t = 0; t < kTrials; ++t) {
    const Sweep s = PowerLaw(-0.5, 0.1, 6, 5, rng);
    const PowerLawFit f = FitPowerLaw(s.x, s.y, DeriveSeed(9, std::to_string(t)), 1000);
    cover90 += f.ci90().lo <= -0.5 && -0.5 <= f.ci90().hi;
    cover95 += f.ci95().lo <= -0.5 && -0.5 <= f.ci95().hi;
    mean_slope += f.slope / kTrials;
  }
  EXPECT_GE(cover90, 0.90 * kTrials - 4 * 0.015 * kTrials);
  EXPECT_GE(cover95, 0.95 * kTrials - 4 * 0.011 * kTrials);
  EXPECT_GE(cover95, cover90);
  // Unbiased: se of one slope ≈ 0.1/√5/√Σ(u−ū)² ≈ 0.011; of the mean of 400 ≈ 5.5e-4; 6 se.
  EXPECT_NEAR(mean_slope, -0.5, 6 * 5.5e-4);
}

TEST(FitTest, PairedReplicatesCoverNominally) {
  // Common random numbers: replicate r scales every x_j by the same C_r = exp(0.3 ξ_r), as a
  // shared dataset does. The slope is then precise, and the joint bootstrap must still cover.
  // Same binomial thresholds as above (4 sd below nominal over 400 trials).
  Rng rng(77);
  const int kTrials = 400;
  int cover90 = 0;
  for (int t = 0; t < kTrials; ++t) {
    Sweep s;
    std::vector<double> scale(5);
    for (auto& c : scale) c = std::exp(0.3 * rng.Normal());
    for (int j = 0; j < 6; ++j) {
      s.x.push_back(128.0 * std::pow(2.0, j));
      std::vector<double> ys;
      for (int r = 0; r < 5; ++r)
        ys.push_back(scale[r] * std::pow(s.x[j], -0.5) * std::exp(0.05 * rng.Normal()));
      s.y.push_back(ys);
    }
    const PowerLawFit f = FitPowerLaw(s.x, s.y, DeriveSeed(10, std::to_string(t)), 1000);
    cover90 += f.ci90().lo <= -0.5 && -0.5 <= f.ci90().hi;
  }
  EXPECT_GE(cover90, 0.90 * kTrials - 4 * 0.015 * kTrials);
}

TEST(FitTest, MissingReplicatesAreSkipped) {
  // NaN marks a diverged replicate: the point estimate and the bootstrap use the others.
  const double nan = std::numeric_limits<double>::quiet_NaN();
  const std::vector<double> x = {1, 2, 4, 8};
  const std::vector<std::vector<double>> y = {{1, nan, 1}, {0.5, 0.5, 0.5}, {nan, 0.25, 0.25}, {0.125, 0.125, nan}};
  const PowerLawFit f = FitPowerLaw(x, y, 3);
  EXPECT_NEAR(f.slope, -1.0, kExactTolerance);
  EXPECT_NEAR(f.boot90.lo, -1.0, kExactTolerance);
}

TEST(FitTest, BootstrapIsDeterministicForASeed) {
  Rng rng(5);
  const Sweep s = PowerLaw(-1.0, 0.2, 5, 4, rng);
  const PowerLawFit a = FitPowerLaw(s.x, s.y, 77), b = FitPowerLaw(s.x, s.y, 77);
  EXPECT_EQ(a.boot90.lo, b.boot90.lo);
  EXPECT_EQ(a.boot95.hi, b.boot95.hi);
}

TEST(FitTest, MeanIntervalUsesStudentT) {
  // Values 1, 2, 3: mean 2, sd 1, se 1/√3; t_{0.95, 2} = 2.919986 (two-sided 90%).
  const MeanEstimate e = EstimateMean({1.0, 2.0, 3.0});
  EXPECT_DOUBLE_EQ(e.mean, 2.0);
  EXPECT_DOUBLE_EQ(e.sd, 1.0);
  EXPECT_NEAR(e.t90.hi - 2.0, 2.919986 / std::sqrt(3.0), 1e-6);
  EXPECT_NEAR(StudentQuantile(0.95, 1e6), 1.959964, 1e-5);
}

}  // namespace
}  // namespace thmcheck
