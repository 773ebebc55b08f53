// Double-precision tanh, vectorized: Eigen 3.4 evaluates `.tanh()` on doubles one std::tanh call at
// a time (packet_traits<double> has no HasTanh), which made the tanh GD step of
// two_layer_net_bench.cc 8× slower than the ReLU one. One kernel serves the matrix form (four lanes
// per AVX2 instruction) and the scalar form (the same kernel on a broadcast lane), so the two agree
// bit for bit, and the finite nets (learners/activation.h) and the Gaussian moments
// (learners/gaussian_moments.h) share one σ.
// Legend: a = |x|, s = a², u = 2⁻⁵³ (unit roundoff), ulp(t) the spacing of doubles at t.
//
// Algorithm (t = tanh a; the sign of x is copied back, so Tanh(−x) = −Tanh(x) exactly):
//   a < 0.625: t = a + a·s·P(s)/Q(s), the degree 2/3 rational of Cephes tanh.c (S. L. Moshier,
//     Cephes Math Library 2.8, 2000; also Go's math.Tanh), with Cephes's switch point 0.625. Its
//     approximation error with the coefficients rounded to double is ≤ 4.9e-18 relative on
//     [0, 0.625] (0.044u; 50-digit mpmath on a 4000-point grid). The correction a·s·P/Q is at most
//     0.13·t: no cancellation.
//   a ≥ 0.625: t = 1 − f, f = 2/(E + 1), E = e^{2a} = 2^k·N/D: k = round(2a/ln 2) (the 1.5·2⁵²
//     shift leaves k in the low mantissa bits), r = 2a − k·ln 2 with ln 2 = C1 + C2 (Cody and Waite
//     1980; C1 has 15 significant bits, so k·C1 and 2a − k·C1 are exact for k ≤ 58), |r| ≤ ln2/2,
//     and e^r = N/D = (Q(r²) + rP(r²))/(Q(r²) − rP(r²)), Cephes exp.c's rational (relative error
//     ≤ 1e-19 on |r| ≤ ln2/2, 0.001u; same check). So f = 2D/(2^k·N + D), one division, shared
//     with the branch above: each lane picks its numerator and denominator before dividing.
//     Why the switch: from a = 0.625 on f ≤ 0.446 < t, so f's relative error reaches t shrunk by
//     f/t < 1; near 0, 1 − f would cancel (ulp(1)/t relative error).
//   a ≥ 20, ±inf: a is clamped to 20, where f < 2/e⁴⁰ < 2⁻⁵⁶ and 1 − f rounds to 1.
//   NaN flows through every step (comparisons with NaN are false, so it is never clamped).
//   Subnormal and tiny a: s underflows to 0 or the correction is below ½ ulp(a), so t = a
//   (tanh a = a·(1 − a²/3 + …) rounds to a for a < 1.2e-8 anyway).
//
// Accuracy: |Tanh(x) − tanh x| ≤ 2.3 ulp(tanh x) for every double x. Derivation: first-order
// rounding-error analysis (standard model fl(a∘b) = (a∘b)(1 + δ), |δ| ≤ u, Higham, "Accuracy and
// Stability of Numerical Algorithms", 2nd ed., §2.2), each rounding's effect on t summed in
// absolute value, maximized over a grid of a with 50-digit arithmetic:
//   a < 0.625: ½ ulp (final add) + ~6u·|c| (s, P, Q, P/Q, a·s, c = a·s·P/Q) + approximation
//     ≤ 1.15 ulp, worst where t is just below ½ (|c| = 0.049, ulp(t) = u/2).
//   a ≥ 0.625: ½ ulp (final subtraction) + f·(2u (denominator, division) + g·2u (N, D)) + 0.19u
//     (r, P, Q, rP), g = E/(E + 1) ≤ 0.78 the sensitivity of f to N/D, ulp(t) = u: ≤ 2.28 ulp at
//     a = 0.625 (f = 0.445), falling towards ½ ulp as f → 0.
// Tested (fast_tanh_test.cc) against long-double tanhl on ~7M points; the largest error seen is
// 1.6 ulp, next to the switch (glibc 2.36's std::tanh: 1.95 ulp on the same points).
// Monotone: Tanh(x₂) ≥ Tanh(x₁) whenever x₂ − x₁ ≥ 2⁻⁴⁹. For a ≤ 1 from the bound: tanh rises by
// more than 2 × 2.3 ulp over such a step. Beyond, f falls by a factor e^{−2g(x₂−x₁)} ≤ 1 − 2⁻⁴⁹,
// more than its rounding errors (≤ 4.3u relative, each side) can undo, and 1 − f rounds
// monotonically.
// NOTE: not between neighbouring doubles in [0.625, 1): tanh moves by less than 1 ulp per input
// ulp there, and Tanh goes down by 1 ulp now and then (glibc's std::tanh does not).
// NOTE: with FMA (the x86-64-v3 target, cmake/TargetIsa.cmake) the Horner steps and the reduction
// are explicit fused multiply-adds: fewer roundings than counted above, so the bound holds, and a
// shorter kernel; an x86-64 (SSE2) build, two lanes at a time, differs from it in the last bit at
// some x, as Eigen's own kernels do. Within one build every lane runs the same IEEE operations
// (-ffp-contract=off fuses nothing else), hence the scalar/matrix identity.
#pragma once

#include <Eigen/Core>

namespace thmcheck {

// tanh x, bit-identical to the matrix form below.
double Tanh(double x);

// Elementwise out = tanh(z). `out` must already have z's shape (nothing is allocated); it may be z
// itself (in place), but must not otherwise overlap it.
void Tanh(const Eigen::Ref<const Eigen::MatrixXd>& z, Eigen::Ref<Eigen::MatrixXd> out);

// Both t = tanh(z) and dt = tanh'(z) = 1 − t² in one pass, bit for bit the values of Tanh and of
// 1.0 − t·t (unfused). Shapes as above; t may be z itself, dt must overlap neither.
void TanhAndDerivative(const Eigen::Ref<const Eigen::MatrixXd>& z, Eigen::Ref<Eigen::MatrixXd> t,
                       Eigen::Ref<Eigen::MatrixXd> dt);

}  // namespace thmcheck
