// Vectorized double tanh; see fast_tanh.h for the algorithm, its sources and its error bound.
// Written with GCC/Clang vector extensions (intrinsics only for FMA and MINPD): the same source is
// the AVX2 kernel and (two lanes) the SSE2 one, and the scalar Tanh is this kernel, not a copy.
#include "learners/fast_tanh.h"

#include <bit>
#include <cstddef>
#include <cstdint>
#include <cstring>

#ifdef __AVX__
#include <immintrin.h>
#endif

#include "harness/contract.h"

namespace thmcheck {
namespace {

// NOTE: a 32-byte vector type without AVX would change the calling convention (-Wpsabi).
#ifdef __AVX__
constexpr int kTanhLanes = 4;
#else
constexpr int kTanhLanes = 2;
#endif
using TanhVec = double __attribute__((vector_size(8 * kTanhLanes)));
using TanhBits = std::uint64_t __attribute__((vector_size(8 * kTanhLanes)));

// Cephes tanh.c: tanh a = a + a·s·P(s)/Q(s), s = a², for a < kTanhSwitch; Q is monic.
constexpr double kTanhSwitch = 0.625;
constexpr double kTanhP[] = {-9.64399179425052238628e-1, -9.92877231001918586564e1,
                             -1.61468768441708447952e3};
constexpr double kTanhQ[] = {1.12811678491632931402e2, 2.23548839060100448583e3,
                             4.84406305325125486048e3};
// Cephes exp.c: e^r = (Q(r²) + rP(r²))/(Q(r²) − rP(r²)) for |r| ≤ ln2/2; its reduction constants
// (ln 2 = C1 + C2, C1 = 22713/2¹⁵ exactly).
constexpr double kExpP[] = {1.26177193074810590878e-4, 3.02994407707441961300e-2,
                            9.99999999999999999910e-1};
constexpr double kExpQ[] = {3.00198505138664455042e-6, 2.52448340349684104192e-3,
                            2.27265548208155028766e-1, 2.00000000000000000009e0};
constexpr double kLog2E = 1.4426950408889634073599;
constexpr double kLn2C1 = 6.93145751953125e-1;
constexpr double kLn2C2 = 1.42860682030941723212e-6;
// The kernel reduces a itself, h = a − k·ln2/2 = r/2, so 2a is never formed. In h the polynomials
// are 2P(4h²) and Q(4h²): Cephes's coefficients times powers of 2, so every intermediate is the
// r-form's times a power of 2, and N and D are bit for bit the r-form's.
constexpr double kExpP2h[] = {32 * kExpP[0], 8 * kExpP[1], 2 * kExpP[2]};
constexpr double kExpQh[] = {64 * kExpQ[0], 16 * kExpQ[1], 4 * kExpQ[2], kExpQ[3]};
// 1.5·2⁵² + 1023: adding it rounds 2a·log₂e to an integer k (|k| < 2⁵¹) and leaves k + 1023, the
// biased exponent of 2^k, in the low mantissa bits.
constexpr double kRoundShift = 0x1.8p52 + 1023;
// tanh a rounds to 1 from a = 19.1 on (1 − tanh a < 2e^{−2a} ≤ 2⁻⁵⁴); the clamp at 20 also keeps
// k ≤ 58, so 2^k·N is finite for any input.
constexpr double kTanhSaturate = 20.0;
constexpr std::uint64_t kSignBit = 0x8000000000000000ULL;

TanhVec Broadcast(double c) {
  TanhVec v = {};
  for (int i = 0; i < kTanhLanes; ++i) v[i] = c;
  return v;
}

TanhBits BroadcastBits(std::uint64_t c) {
  TanhBits v = {};
  for (int i = 0; i < kTanhLanes; ++i) v[i] = c;
  return v;
}

// a·b + c, with one rounding where the target has FMA (x86-64-v3: fewer roundings than the bound of
// fast_tanh.h counts, and a shorter kernel), else two.
[[gnu::always_inline]] inline TanhVec MulAdd(TanhVec a, TanhVec b, TanhVec c) {
#ifdef __FMA__  // implies AVX: four lanes
  return _mm256_fmadd_pd(a, b, c);
#else
  return a * b + c;
#endif
}

// min(cap, a), and a where a is NaN (MINPD returns its second operand when one is NaN).
[[gnu::always_inline]] inline TanhVec MinKeepNaN(TanhVec cap, TanhVec a) {
#ifdef __AVX__
  return _mm256_min_pd(cap, a);
#else
  return a > cap ? cap : a;
#endif
}

// The kernel, lane by lane the same IEEE operations (inlined so the loop keeps its constants in
// registers).
[[gnu::always_inline]] inline TanhVec TanhKernel(TanhVec x) {
  const TanhBits sign = std::bit_cast<TanhBits>(x) & BroadcastBits(kSignBit);
  TanhVec a = std::bit_cast<TanhVec>(std::bit_cast<TanhBits>(x) ^ sign);  // |x|
  a = MinKeepNaN(Broadcast(kTanhSaturate), a);

  // a < 0.625: the tanh rational.
  const TanhVec s = a * a;
  const TanhVec p =
      MulAdd(MulAdd(Broadcast(kTanhP[0]), s, Broadcast(kTanhP[1])), s, Broadcast(kTanhP[2]));
  const TanhVec q =
      MulAdd(MulAdd(s + Broadcast(kTanhQ[0]), s, Broadcast(kTanhQ[1])), s, Broadcast(kTanhQ[2]));

  // a ≥ 0.625: e^{2a} = 2^k·N/D.
  const TanhVec shifted = MulAdd(a, Broadcast(2 * kLog2E), Broadcast(kRoundShift));
  const TanhVec k = shifted - Broadcast(kRoundShift);
  // a − k·C1/2 is exact (see fast_tanh.h), fused or not.
  const TanhVec h = MulAdd(k, Broadcast(-kLn2C2 / 2), MulAdd(k, Broadcast(-kLn2C1 / 2), a));
  const TanhVec two_k = std::bit_cast<TanhVec>(std::bit_cast<TanhBits>(shifted) << 52);
  const TanhVec wh = h * h;
  const TanhVec rp = h * MulAdd(MulAdd(Broadcast(kExpP2h[0]), wh, Broadcast(kExpP2h[1])), wh,
                                Broadcast(kExpP2h[2]));
  const TanhVec qe = MulAdd(
      MulAdd(MulAdd(Broadcast(kExpQh[0]), wh, Broadcast(kExpQh[1])), wh, Broadcast(kExpQh[2])), wh,
      Broadcast(kExpQh[3]));
  const TanhVec n = qe + rp, d = qe - rp;

  // One division for both: P/Q, or f/2 = 1/(e^{2a} + 1) = D/(2^k·N + D).
  const auto small = a < Broadcast(kTanhSwitch);
  const TanhVec ratio = (small ? p : d) / (small ? q : MulAdd(two_k, n, d));
  const TanhVec t =
      small ? MulAdd(a * s, ratio, a) : MulAdd(Broadcast(-2.0), ratio, Broadcast(1.0));
  return std::bit_cast<TanhVec>(std::bit_cast<TanhBits>(t) | sign);
}

// t[i] = tanh(z[i]) for i < len, and dt[i] = 1 − t[i]² unless dt is null; t may be z.
void TanhContiguous(const double* z, double* t, double* dt, Eigen::Index len) {
  Eigen::Index i = 0;
  for (; i + kTanhLanes <= len; i += kTanhLanes) {
    TanhVec v;
    std::memcpy(&v, z + i, sizeof v);
    v = TanhKernel(v);
    std::memcpy(t + i, &v, sizeof v);
    if (dt != nullptr) {
      const TanhVec dv = Broadcast(1.0) - v * v;  // not fused, as 1 − t·t is elsewhere
      std::memcpy(dt + i, &dv, sizeof dv);
    }
  }
  if (i < len) {  // the last len mod kTanhLanes entries, in a zero-padded vector
    const auto bytes = static_cast<std::size_t>(len - i) * sizeof(double);
    TanhVec v = {};
    std::memcpy(&v, z + i, bytes);
    v = TanhKernel(v);
    std::memcpy(t + i, &v, bytes);
    if (dt != nullptr) {
      const TanhVec dv = Broadcast(1.0) - v * v;
      std::memcpy(dt + i, &dv, bytes);
    }
  }
}

// Over matrices: as one array when all are contiguous, else a column at a time (blocks).
void TanhMatrix(const Eigen::Ref<const Eigen::MatrixXd>& z, Eigen::Ref<Eigen::MatrixXd>& t,
                Eigen::Ref<Eigen::MatrixXd>* dt) {
  THM_CHECK_EQ(z.rows(), t.rows());
  THM_CHECK_EQ(z.cols(), t.cols());
  if (dt != nullptr) {
    THM_CHECK_EQ(z.rows(), dt->rows());
    THM_CHECK_EQ(z.cols(), dt->cols());
  }
  const Eigen::Index rows = z.rows();
  if (z.outerStride() == rows && t.outerStride() == rows &&
      (dt == nullptr || dt->outerStride() == rows)) {
    TanhContiguous(z.data(), t.data(), dt ? dt->data() : nullptr, z.size());
    return;
  }
  for (Eigen::Index j = 0; j < z.cols(); ++j) {
    TanhContiguous(z.col(j).data(), t.col(j).data(), dt ? dt->col(j).data() : nullptr, rows);
  }
}

}  // namespace

double Tanh(double x) { return TanhKernel(Broadcast(x))[0]; }

void Tanh(const Eigen::Ref<const Eigen::MatrixXd>& z, Eigen::Ref<Eigen::MatrixXd> out) {
  TanhMatrix(z, out, nullptr);
}

void TanhAndDerivative(const Eigen::Ref<const Eigen::MatrixXd>& z, Eigen::Ref<Eigen::MatrixXd> t,
                       Eigen::Ref<Eigen::MatrixXd> dt) {
  TanhMatrix(z, t, &dt);
}

}  // namespace thmcheck
