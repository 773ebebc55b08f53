// Tests for the vectorized tanh: special values (NaN, ±inf, ±0, subnormals), exact oddness, the
// error bound of fast_tanh.h over a dense sweep against a long-double reference (with a control
// arm that must be rejected), monotonicity on fine grids, and scalar/matrix bit-identity.
// Legend: x an input, t = tanh x; errors in ulps of t as a double (fast_tanh.h).
#include "learners/fast_tanh.h"

#include <algorithm>
#include <bit>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <limits>
#include <vector>

#include <gtest/gtest.h>

namespace thmcheck {
namespace {

using Limits = std::numeric_limits<double>;
// The reference is tanhl: it needs x86's 80-bit long double (or wider), 11 bits beyond a double.
static_assert(std::numeric_limits<long double>::digits >= 64);

// The bound derived in fast_tanh.h (2.28 ulp, first order), plus the reference's own error: glibc
// 2.36's tanhl was within 2.6 ulps of its 64-bit significand (0.0013 ulp of a double) of 50-digit
// mpmath on 2·10⁴ points log-spaced over [1e-6, 25].
constexpr double kMaxUlps = 2.3;

bool SameBits(double a, double b) {
  return std::bit_cast<std::uint64_t>(a) == std::bit_cast<std::uint64_t>(b);
}

// |got − want| in ulps of want rounded to double (the spacing of doubles at |want|).
double UlpError(double got, long double want) {
  const long double mag = std::fabs(want);
  double ulp = Limits::denorm_min();
  if (mag >= Limits::min()) {
    int exp = 0;
    std::frexp(mag, &exp);  // mag ∈ [2^(exp−1), 2^exp)
    ulp = std::ldexp(1.0, exp - Limits::digits);
  }
  return static_cast<double>(std::fabs(static_cast<long double>(got) - want) / ulp);
}

// Tanh over v, in place, through the matrix form.
void TanhInPlace(std::vector<double>& v) {
  Eigen::Map<Eigen::MatrixXd> m(v.data(), static_cast<Eigen::Index>(v.size()), 1);
  Tanh(m, m);
}

// The sweep, 7.2M points: 2M log-spaced over [1e-300, 30], 0.4M uniform near 0, two sets of 0.4M
// at the switch a = 0.625 and 0.4M where tanh saturates to 1; each with both signs.
std::vector<double> SweepPoints() {
  std::vector<double> x;
  const int kLog = 2'000'000, kUniform = 400'000;
  const double lo = std::log(1e-300), hi = std::log(30.0);
  for (int i = 0; i < kLog; ++i) x.push_back(std::exp(lo + (hi - lo) * i / (kLog - 1)));
  for (int i = 0; i < kUniform; ++i) x.push_back(0.0625 * i / kUniform);      // near 0
  for (int i = 0; i < kUniform; ++i) x.push_back(0.6 + 0.05 * i / kUniform);  // the switch
  for (int i = 0; i < kUniform; ++i) x.push_back(0.625 + 1e-9 * (i - kUniform / 2));
  for (int i = 0; i < kUniform; ++i) x.push_back(18.0 + 4.0 * i / kUniform);  // saturation
  const size_t n = x.size();
  for (size_t i = 0; i < n; ++i) x.push_back(-x[i]);
  return x;
}

TEST(FastTanh, SpecialValues) {
  const double kInf = Limits::infinity(), kNaN = Limits::quiet_NaN();
  EXPECT_TRUE(std::isnan(Tanh(kNaN)));
  EXPECT_TRUE(std::isnan(Tanh(-kNaN)));
  EXPECT_EQ(Tanh(kInf), 1.0);
  EXPECT_EQ(Tanh(-kInf), -1.0);
  EXPECT_EQ(Tanh(Limits::max()), 1.0);
  EXPECT_EQ(Tanh(-Limits::max()), -1.0);
  EXPECT_TRUE(SameBits(Tanh(0.0), 0.0));
  EXPECT_TRUE(SameBits(Tanh(-0.0), -0.0));
  // Subnormals and the smallest normals: tanh x = x(1 − x²/3 + …) rounds to x.
  for (double x : {Limits::denorm_min(), 1e-310, Limits::min() - Limits::denorm_min(),
                   Limits::min(), 1e-200, 1e-9}) {
    EXPECT_TRUE(SameBits(Tanh(x), x)) << x;
    EXPECT_TRUE(SameBits(Tanh(-x), -x)) << x;
  }
  // The same through the matrix form (its last entries go through the zero-padded tail).
  Eigen::MatrixXd z(1, 7), t(1, 7);
  z << kNaN, kInf, -kInf, 0.0, -0.0, Limits::denorm_min(), -1e-310;
  Tanh(z, t);
  EXPECT_TRUE(std::isnan(t(0)));
  EXPECT_EQ(t(1), 1.0);
  EXPECT_EQ(t(2), -1.0);
  EXPECT_TRUE(SameBits(t(3), 0.0) && SameBits(t(4), -0.0));
  EXPECT_TRUE(SameBits(t(5), Limits::denorm_min()) && SameBits(t(6), -1e-310));
}

TEST(FastTanh, ErrorWithinBoundOddAndBounded) {
  const std::vector<double> x = SweepPoints();
  std::vector<double> t = x;
  TanhInPlace(t);
  // x[half + i] = −x[i]: the errors are measured for x ≥ 0, and carry over to x < 0 because both
  // Tanh (checked bit for bit here) and the reference are odd.
  const size_t half = x.size() / 2;
  double worst = 0.0, worst_x = 0.0, worst_std = 0.0, std_vs_tanhl = 0.0, naive_worst = 0.0;
  size_t bad_odd = 0, bad_range = 0;
  for (size_t i = 0; i < half; ++i) {
    ASSERT_TRUE(std::isfinite(t[i])) << x[i];
    const long double want = std::tanh(static_cast<long double>(x[i]));
    const double err = UlpError(t[i], want);
    if (err > worst) worst = err, worst_x = x[i];
    const double std_t = std::tanh(x[i]);
    worst_std = std::max(worst_std, UlpError(t[i], std_t));
    std_vs_tanhl = std::max(std_vs_tanhl, UlpError(std_t, want));
    // Control arm: 1 − 2/(e^{2x} + 1) without the rational branch cancels near 0 and must fail.
    const double naive = 1.0 - 2.0 / (std::exp(2.0 * x[i]) + 1.0);
    naive_worst = std::max(naive_worst, UlpError(naive, want));
    if (!SameBits(t[half + i], -t[i])) ++bad_odd;
    if (!(std::fabs(t[i]) <= 1.0)) ++bad_range;
  }
  std::printf(
      "Tanh on %zu points: worst %.3f ulp at x = %.17g (bound %.2f); against std::tanh %.3f ulp "
      "(std::tanh's own worst %.3f); control 1 − 2/(e^{2x} + 1): %.3g ulp\n",
      x.size(), worst, worst_x, kMaxUlps, worst_std, std_vs_tanhl, naive_worst);
  EXPECT_TRUE(worst <= kMaxUlps) << worst << " ulp at x = " << worst_x;
  EXPECT_EQ(bad_odd, 0u);
  EXPECT_EQ(bad_range, 0u);
  EXPECT_TRUE(naive_worst > kMaxUlps) << naive_worst;
}

// Non-decreasing from x = lo in `count` steps of h, through the matrix form.
size_t CountDecreases(double lo, double h, int count) {
  std::vector<double> t(count);
  for (int i = 0; i < count; ++i) t[i] = lo + h * i;
  TanhInPlace(t);
  size_t decreases = 0;
  for (int i = 1; i < count; ++i) decreases += t[i] < t[i - 1];
  return decreases;
}

TEST(FastTanh, MonotoneOnFineGrids) {
  // [−20, 20] in steps of 2⁻²⁰, a million points at a time.
  const double h = std::ldexp(1.0, -20);
  const int kChunk = 1 << 20;
  size_t decreases = 0;
  for (double lo = -20.0; lo < 20.0; lo += h * (kChunk - 1)) {
    decreases += CountDecreases(lo, h, kChunk);
  }
  EXPECT_EQ(decreases, 0u);
  // Steps of 2⁻⁴⁹, the finest fast_tanh.h promises: across 0, across the switch and where the
  // error is largest.
  const double fine = std::ldexp(1.0, -49);
  for (double lo : {-0.5e6 * fine, 0.625 - 0.5e6 * fine, 0.63, 0.8, 1.5}) {
    EXPECT_EQ(CountDecreases(lo, fine, 1'000'000), 0u) << lo;
  }
}

TEST(FastTanh, ScalarAndMatrixAgreeBitwise) {
  // The whole sweep: the matrix form against the scalar one.
  const std::vector<double> x = SweepPoints();
  std::vector<double> t = x;
  TanhInPlace(t);
  size_t differ = 0;
  for (size_t i = 0; i < x.size(); ++i) differ += !SameBits(Tanh(x[i]), t[i]);
  EXPECT_EQ(differ, 0u);
}

TEST(FastTanh, BlocksInPlaceAndDerivative) {
  // A block with an outer stride (column by column, 5 = 4 + a 1-entry tail), out-of-place and in
  // place.
  Eigen::MatrixXd big(9, 6);
  for (Eigen::Index j = 0; j < big.cols(); ++j) {
    for (Eigen::Index i = 0; i < big.rows(); ++i) big(i, j) = 0.37 * (i - 4) + 1.1 * (j - 3);
  }
  const Eigen::MatrixXd z = big.topRows(5), below = big.bottomRows(4);
  Eigen::MatrixXd out(5, 6);
  Tanh(big.topRows(5), out);
  Tanh(big.topRows(5), big.topRows(5));
  for (Eigen::Index j = 0; j < z.cols(); ++j) {
    for (Eigen::Index i = 0; i < z.rows(); ++i) {
      EXPECT_TRUE(SameBits(out(i, j), Tanh(z(i, j)))) << z(i, j);
      EXPECT_TRUE(SameBits(big(i, j), out(i, j))) << z(i, j);
    }
  }
  EXPECT_TRUE(big.bottomRows(4) == below);  // the rows outside the block are untouched
  // TanhAndDerivative: Tanh and 1 − t·t, contiguous and on the block, t in place.
  Eigen::MatrixXd t(5, 6), dt(5, 6), dt_block(5, 6);
  TanhAndDerivative(z, t, dt);
  big.topRows(5) = z;
  TanhAndDerivative(big.topRows(5), big.topRows(5), dt_block);
  for (Eigen::Index j = 0; j < z.cols(); ++j) {
    for (Eigen::Index i = 0; i < z.rows(); ++i) {
      const double want = Tanh(z(i, j));
      EXPECT_TRUE(SameBits(t(i, j), want) && SameBits(big(i, j), want)) << z(i, j);
      EXPECT_TRUE(SameBits(dt(i, j), 1.0 - want * want)) << z(i, j);
      EXPECT_TRUE(SameBits(dt_block(i, j), 1.0 - want * want)) << z(i, j);
    }
  }
}

}  // namespace
}  // namespace thmcheck
