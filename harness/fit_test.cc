// The fit recovers known exponents, and its intervals cover at (at least) their nominal rate on
// synthetic power laws y = x^b·exp(σε) with the sweep shape the claims use, including sweeps where
// each replicate has its own slope b_r (the estimand is then E_r[b_r], see fit.h), with and
// without finite-size curvature; the hull without the replicate-slope interval under-covers there.
#include "harness/fit.h"

#include <gtest/gtest.h>

#include <cmath>
#include <iostream>
#include <limits>
#include <string>
#include <tuple>

#include "harness/rng.h"
#include "harness/schema/statistics.h"

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
    for (int r = 0; r < R; ++r)
      ys.push_back(3.0 * std::pow(s.x[j], b) * std::exp(sigma * rng.Normal()));
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
  // NaN marks a diverged replicate: the point estimate, the bootstrap and the replicate slopes
  // use the others.
  const double nan = std::numeric_limits<double>::quiet_NaN();
  const std::vector<double> x = {1, 2, 4, 8};
  const std::vector<std::vector<double>> y = {
      {1, nan, 1}, {0.5, 0.5, 0.5}, {nan, 0.25, 0.25}, {0.125, 0.125, nan}};
  const PowerLawFit f = FitPowerLaw(x, y, 3);
  EXPECT_NEAR(f.slope, -1.0, kExactTolerance);
  EXPECT_NEAR(f.boot90.lo, -1.0, kExactTolerance);
  // Each replicate has 3 of the 4 points, all on the same line: b_r = −1 and s = 0.
  EXPECT_EQ(f.replicate_slopes, 3);
  EXPECT_NEAR(f.replicate_slope, -1.0, kExactTolerance);
  EXPECT_NEAR(f.rep90.hi, -1.0, kExactTolerance);
}

TEST(FitTest, BootstrapIsDeterministicForASeed) {
  Rng rng(5);
  const Sweep s = PowerLaw(-1.0, 0.2, 5, 4, rng);
  const PowerLawFit a = FitPowerLaw(s.x, s.y, 77), b = FitPowerLaw(s.x, s.y, 77);
  EXPECT_EQ(a.boot90.lo, b.boot90.lo);
  EXPECT_EQ(a.boot95.hi, b.boot95.hi);
}

// Least-squares slope of v on u, written out here so the estimand does not come from the code
// under test.
double ReferenceSlope(const std::vector<double>& u, const std::vector<double>& v) {
  const double n = static_cast<double>(u.size());
  double mu = 0, mv = 0;
  for (size_t j = 0; j < u.size(); ++j) mu += u[j] / n, mv += v[j] / n;
  double suu = 0, suv = 0;
  for (size_t j = 0; j < u.size(); ++j) {
    suu += (u[j] - mu) * (u[j] - mu);
    suv += (u[j] - mu) * (v[j] - mv);
  }
  return suv / suu;
}

// The sweep on which Hull(t90, boot90) was found to under-cover: widths 256 … 8192 (6, doubling);
// replicate r has slope b_r = −0.5 + 0.05ξ_r and scale C_r = exp(0.3ξ'_r), shared by every width
// (a shared dataset); y_jr = C_r·x_j^{b_r}·(1 + c·x_j^{−1/2})·exp(0.02ε_jr), c = 0 without
// finite-size curvature.
constexpr int kWidths = 6;
constexpr double kFirstWidth = 256;
constexpr double kMeanSlope = -0.5, kSlopeSpread = 0.05, kScaleSpread = 0.3, kCellNoise = 0.02;
// c = 3 moves the local slope of log(1 + c·x^{−1/2}) from −0.079 at x = 256 to −0.016 at 8192, and
// its OLS slope over the grid is −0.039 (the test prints the estimand): 0.8 of the slope spread and
// 3.1 times the se of b̄ at R = 16 (0.0505/√16), so an interval aimed at −0.5 would miss it.
constexpr double kCurvature = 3.0;

std::vector<double> Widths() {
  std::vector<double> x;
  for (int j = 0; j < kWidths; ++j) x.push_back(kFirstWidth * std::pow(2.0, j));
  return x;
}

Sweep SlopeSpreadSweep(int R, double c, Rng& rng) {
  Sweep s;
  s.x = Widths();
  std::vector<double> slope(R), scale(R);
  for (int r = 0; r < R; ++r) {
    slope[r] = kMeanSlope + kSlopeSpread * rng.Normal();
    scale[r] = std::exp(kScaleSpread * rng.Normal());
  }
  for (double x : s.x) {
    std::vector<double> ys;
    for (int r = 0; r < R; ++r)
      ys.push_back(scale[r] * std::pow(x, slope[r]) * (1.0 + c / std::sqrt(x)) *
                   std::exp(kCellNoise * rng.Normal()));
    s.y.push_back(ys);
  }
  return s;
}

// E_r[b_r]: −0.5 plus the grid's OLS slope of log(1 + c·x^{−1/2}) (the noise has mean 0).
double Estimand(double c) {
  std::vector<double> u, v;
  for (double x : Widths()) u.push_back(std::log(x)), v.push_back(std::log1p(c / std::sqrt(x)));
  return kMeanSlope + ReferenceSlope(u, v);
}

// 400 sweeps: the binomial sd of a 90% coverage is √(.9·.1/400) = 0.015, and the floor 0.87 sits
// 2 sd below nominal: an exactly calibrated interval falls below it with probability ≈ 2.3%, and
// the hull, wider than the exact replicate-slope t-interval, less often.
constexpr int kCoverageTrials = 400;
constexpr double kCoverageFloor = 0.90 - 2 * 0.015;
// The bootstrap's percentile error at 1000 resamples is ~√(.05·.95/1000) ≈ 0.7% of tail mass,
// small beside the coverage sd; it keeps the whole file to about a second.
constexpr int kCoverageResamples = 1000;

struct Coverage {
  int trials = 0;
  int hull = 0;      // ci90() covers the estimand
  int old_hull = 0;  // Hull(t90, boot90), the interval before the replicate-slope interval
};

bool Covers(const Interval& i, double v) { return i.lo <= v && v <= i.hi; }

Coverage MeasureCoverage(int R, double c) {
  // Appended rather than "R" + std::string: GCC 12 warns falsely (-Wrestrict) on the latter.
  std::string tag = "R";
  tag.append(std::to_string(R)).append("/c").append(std::to_string(c));
  Rng rng(DeriveSeed(2718, tag));
  const double estimand = Estimand(c);
  Coverage cov;
  for (int t = 0; t < kCoverageTrials; ++t) {
    const Sweep s = SlopeSpreadSweep(R, c, rng);
    const PowerLawFit f =
        FitPowerLaw(s.x, s.y, DeriveSeed(11, std::to_string(t)), kCoverageResamples);
    ++cov.trials;
    cov.hull += Covers(f.ci90(), estimand);
    cov.old_hull += Covers(Hull(f.t90, f.boot90), estimand);
  }
  return cov;
}

double Rate(int covered, int trials) { return static_cast<double>(covered) / trials; }

class SlopeSpreadCoverageTest : public ::testing::TestWithParam<std::tuple<int, bool>> {};

TEST_P(SlopeSpreadCoverageTest, HullCoversTheMeanReplicateSlope) {
  const auto [R, curved] = GetParam();
  const double c = curved ? kCurvature : 0.0;
  const Coverage cov = MeasureCoverage(R, c);
  ASSERT_EQ(cov.trials, kCoverageTrials);
  const double hull = Rate(cov.hull, cov.trials), old_hull = Rate(cov.old_hull, cov.trials);
  RecordProperty("coverage90", std::to_string(hull));
  RecordProperty("old_hull_coverage90", std::to_string(old_hull));
  std::cout << "R = " << R << ", c = " << c << " (estimand " << Estimand(c) << "): ci90 covers "
            << hull << ", Hull(t90, boot90) " << old_hull << " of " << cov.trials << "\n";
  EXPECT_GE(hull, kCoverageFloor);
}

INSTANTIATE_TEST_SUITE_P(FitTest, SlopeSpreadCoverageTest,
                         ::testing::Combine(::testing::Values(3, 6, 16), ::testing::Bool()),
                         [](const ::testing::TestParamInfo<std::tuple<int, bool>>& info) {
                           std::string name = "R";
                           return name.append(std::to_string(std::get<0>(info.param)))
                               .append(std::get<1>(info.param) ? "_Curved" : "_Straight");
                         });

TEST(FitTest, OldHullUnderCoversWhenSlopesDiffer) {
  // The finding behind the replicate-slope interval: at R = 6 without curvature, the hull of the
  // t-interval on log means (width from lack of fit only) and the percentile bootstrap (no t
  // factor) covers E_r[b_r] well below 0.87: 0.74 with these seeds (the R6_Straight sweeps above;
  // 0.75 over 4000 other sweeps), against 0.88 for ci90(). The slope on log means is also biased
  // up by ~0.015 here (see fit.h), so more replicates do not help: 0.67 at R = 16.
  const Coverage cov = MeasureCoverage(6, 0.0);
  ASSERT_EQ(cov.trials, kCoverageTrials);
  const double old_hull = Rate(cov.old_hull, cov.trials);
  RecordProperty("old_hull_coverage90", std::to_string(old_hull));
  std::cout << "R = 6: Hull(t90, boot90) covers " << old_hull << " of " << cov.trials << "\n";
  EXPECT_LT(old_hull, kCoverageFloor);
}

TEST(FitTest, ReplicateSlopesAreExactWithoutNoise) {
  // Each replicate its own slope and scale, no noise: every b_r is exact, b̄ is their mean, and
  // rep90 is b̄ ± t_{R−1}·s/√R with s their sample sd.
  const std::vector<double> x = {1, 2, 4, 8, 16};
  const std::vector<double> b = {-0.3, -0.5, -0.7, -1.0}, scale = {1.0, 2.0, 0.5, 3.0};
  std::vector<std::vector<double>> y(x.size());
  for (size_t j = 0; j < x.size(); ++j)
    for (size_t r = 0; r < b.size(); ++r) y[j].push_back(scale[r] * std::pow(x[j], b[r]));
  const PowerLawFit f = FitPowerLaw(x, y, 4);
  const double mean = (-0.3 - 0.5 - 0.7 - 1.0) / 4;
  double ss = 0;
  for (double br : b) ss += (br - mean) * (br - mean);
  const double half = StudentQuantile(0.90, 3) * std::sqrt(ss / 3) / 2;
  EXPECT_EQ(f.replicate_slopes, 4);
  EXPECT_NEAR(f.replicate_slope, mean, kExactTolerance);
  EXPECT_EQ(f.estimate(), f.replicate_slope);
  EXPECT_NEAR(f.rep90.lo, mean - half, kExactTolerance);
  EXPECT_NEAR(f.rep90.hi, mean + half, kExactTolerance);
  EXPECT_LE(f.ci90().lo, f.rep90.lo);
  EXPECT_GE(f.ci90().hi, f.rep90.hi);
  EXPECT_LE(f.rep95.lo, f.rep90.lo);
}

TEST(FitTest, ReplicateSlopesSkipMissingCells) {
  const double nan = std::numeric_limits<double>::quiet_NaN();
  const std::vector<double> x = {1, 2, 4, 8, 16};
  const std::vector<double> b = {-0.3, -0.5, -0.7, -1.0};
  std::vector<std::vector<double>> y(x.size());
  for (size_t j = 0; j < x.size(); ++j)
    for (size_t r = 0; r < b.size(); ++r) y[j].push_back(std::pow(x[j], b[r]));
  // Replicate 0 keeps 3 of 5 points (its slope is still exact); replicate 3 keeps 2, fewer than
  // kMinReplicatePoints, and gives no slope.
  y[1][0] = y[3][0] = nan;
  y[0][3] = y[1][3] = y[2][3] = nan;
  const PowerLawFit f = FitPowerLaw(x, y, 5);
  EXPECT_EQ(f.replicate_slopes, 3);
  EXPECT_NEAR(f.replicate_slope, (-0.3 - 0.5 - 0.7) / 3, kExactTolerance);

  // Only replicate 1 left whole: no replicate interval; rep equals t, so the hull is t ∪ boot.
  for (size_t j = 0; j < x.size(); ++j) y[j][0] = y[j][2] = nan;
  const PowerLawFit g = FitPowerLaw(x, y, 6);
  EXPECT_EQ(g.replicate_slopes, 1);
  EXPECT_TRUE(std::isnan(g.replicate_slope));
  EXPECT_EQ(g.estimate(), g.slope);
  EXPECT_EQ(g.rep90.lo, g.t90.lo);
  EXPECT_EQ(g.rep95.hi, g.t95.hi);
  EXPECT_EQ(g.ci90().lo, Hull(g.t90, g.boot90).lo);
  EXPECT_EQ(g.ci90().hi, Hull(g.t90, g.boot90).hi);
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
