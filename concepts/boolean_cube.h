// The scaled Boolean cube Q_d = {±1/√d}^d (unit-norm points) and its parities χ_S.
// Why: the kernel lower bound for sparse parities (Allen-Zhu & Li 2019, arXiv 1905.10337, §7.1,
// Thm 2; docs/claims/parity_lower_bound.md) is stated for x uniform on Q_d, and for d ≤ 16 all 2^d
// points can be enumerated, which makes population risks exact sums instead of Monte Carlo
// estimates.
// Legend: n samples (rows), d dimension, k = |S| the parity's degree, M = 2^d cube points.
// Parity: χ_S(x) = Π_{i∈S} √d x_i ∈ {±1}; {χ_S : S ⊆ [d]} is an orthonormal basis of L²(Q_d).
// Enumeration order: row b of EnumerateCube(d) has x_i = −1/√d iff bit i of b is set, so
// CubeIndices(EnumerateCube(d))[b] == b and the Hamming weight of b counts the minus signs.
#pragma once

#include <cstdint>
#include <vector>

#include <Eigen/Core>

#include "harness/rng.h"

namespace thmcheck {

// Largest d whose cube EnumerateCube accepts: 2^16 rows × 16 columns = 8 MiB. Callers validate
// their d against it before any work (EnumerateCube aborts past it: a programming error).
inline constexpr int kMaxEnumerableCubeDim = 16;

// n×d matrix of i.i.d. uniform points of Q_d. Draws are consumed row by row (one rng.Sign() per
// coordinate), so the first n rows of a sample of N ≥ n points from the same seed are exactly the
// sample of n points: sample-size sweeps nest.
Eigen::MatrixXd SampleCube(Rng& rng, int n, int d);

// All 2^d points of Q_d as a 2^d × d matrix, in the enumeration order above; 1 ≤ d ≤ 16.
Eigen::MatrixXd EnumerateCube(int d);

// A uniform random k-subset of {0, …, d−1}, sorted ascending (partial Fisher–Yates with
// rng.Below, so every one of the C(d, k) subsets has probability exactly 1/C(d, k)).
std::vector<int> RandomSubset(Rng& rng, int d, int k);

// All C(d, k) k-subsets of {0, …, d−1}, each sorted, in lexicographic order.
std::vector<std::vector<int>> AllSubsets(int d, int k);

// χ_S on each row of X (n×d, rows on Q_d): an n-vector of exact ±1 values (χ_∅ ≡ 1).
// NOTE: computed from the signs of the coordinates, not as the product Π √d·x_i: the latter is 1
// only up to rounding (fl(√d)·fl(1/√d) ≠ 1 in general), which would break exact orthonormality.
// Rows must lie on Q_d (checked to kOnCubeRelTol); subset entries in [0, d), distinct.
Eigen::VectorXd Parity(const Eigen::MatrixXd& X, const std::vector<int>& subset);

// Relative tolerance for "x lies on Q_d": |√d·|x_i| − 1| ≤ 16ε. A point built as ±1/√d carries at
// most three roundings (sqrt, divide, and the √d·|x_i| product here), each ≤ ε/2, so ≤ 1.5ε;
// 16ε leaves room for callers who build 1/√d another way (e.g. sqrt(1.0 / d)) while still
// rejecting any point off the cube, whose coordinates differ by ≥ 1/d ≫ ε.
inline constexpr double kOnCubeRelTol = 16.0 * 2.220446049250313e-16;

// Bit b_i = 1 iff x_i < 0, for each row (the inverse of EnumerateCube's order); d ≤ 32.
std::vector<uint32_t> CubeIndices(const Eigen::MatrixXd& X);

// Number of negative coordinates of each row: the Hamming distance to (1, …, 1)/√d.
Eigen::VectorXi HammingWeights(const Eigen::MatrixXd& X);

// Hamming distance between two points of Q_d (number of coordinates whose signs differ).
int HammingDistance(const Eigen::Ref<const Eigen::RowVectorXd>& x,
                    const Eigen::Ref<const Eigen::RowVectorXd>& y);

// ⟨x, x'⟩ = 1 − 2w/d for two points of Q_d at Hamming distance w: the only way a dot-product
// kernel sees a pair of cube points.
double CubeInnerProductAtDistance(int d, int w);

// The largest n for which every C(n, k) < 2^53 is exact as a double (C(57, 28) > 2^53).
inline constexpr int kMaxBinomialN = 56;

// C(n, k) as a double, exact (an integer < 2^53) for n ≤ kMaxBinomialN; 0 for k < 0 or k > n.
double BinomialCoefficient(int n, int k);

// D_k = Σ_{j ≤ k} C(d, j): the dimension of the polynomials of degree ≤ k on Q_d
// (docs/claims/parity_lower_bound.md, Calibration: the KRR sample threshold is measured against
// D_k).
double LowDegreeDimension(int d, int k);

}  // namespace thmcheck
