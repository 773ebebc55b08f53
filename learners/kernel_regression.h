// Kernel ridge regression (KRR), multi-output, with a ridge path from one eigendecomposition,
// ridge selection on a validation split or by an oracle on test error, and the L² projection of a
// target onto span{K(·, x_n)}: the best any kernel regressor can do with these samples. Why: the
// kernel lower bound (arXiv 1905.10337 §7.1, Thm 2; docs/claims/parity_lower_bound.md) must hold
// for every regressor.
// Legend: N train points (rows of X), q outputs (columns of Y), λ the ridge, K = K(X, X) (N×N),
// M reference/test points. Loss: Σ_n ‖f(x_n) − y_n‖² + λ‖f‖²_H, so f = K(·, X)·C, C = (K + λI)⁻¹Y.
// Errors are E‖f − y‖²: summed over outputs, averaged over rows.
#pragma once

#include <vector>

#include <Eigen/Core>

#include "harness/rng.h"
#include "learners/kernels.h"

namespace thmcheck {

// Eigenvalues (ascending) and, if wanted, orthonormal eigenvectors of a symmetric matrix.
// NOTE: Eigen 3.4.0's SelfAdjointEigenSolver can return NoConvergence (and unsorted values) on PSD
// matrices with a huge zero eigenspace — observed on the full-cube Gram of the arc-cosine kernel
// at d = 8 (120 of its 256 eigenvalues are zero); its deflation test |e_i| ≤ ε·√(|d_i| + |d_{i+1}|)
// is not scale-invariant. On failure we decompose A/τ + I (τ = max|A_ii|; same eigenvectors,
// eigenvalues τ(μ − 1)), which adds an absolute error ≈ ε·τ ≤ ε‖A‖₂, the order of the solver's
// own backward error. A second failure aborts. (No failure in 1080 random rank-deficient Grams.)
struct SymmetricEigen {
  Eigen::VectorXd values;
  Eigen::MatrixXd vectors;  // empty unless requested
};
SymmetricEigen SymmetricEigenDecompose(const Eigen::MatrixXd& a, bool compute_vectors = true);

// The direct solve C = (K + λI)⁻¹ Y by LDLT (Cholesky with pivots), λ > 0: the reference.
Eigen::MatrixXd KrrSolve(const Eigen::MatrixXd& gram, const Eigen::MatrixXd& Y, double ridge);

// All ridges from one eigendecomposition K = U diag(s) Uᵀ: C(λ) = U diag(1/(s + λ)) UᵀY, O(N²q) per
// ridge after an O(N³) setup. λ = 0 gives the minimum-norm interpolant: eigenvalues below the
// numerical-rank cutoff N·ε·s_max (the eigensolver's backward error) are treated as zero; for λ
// above the cutoff, negative roundings of zero eigenvalues of the PSD Gram are clamped to 0.
// The spectral filter of that rule: 1/(s_i + λ) per eigenvalue, with the rank cutoff applied.
Eigen::VectorXd RidgeInverseShift(const Eigen::VectorXd& s, double ridge, double cutoff);

class KernelRidgePath {
 public:
  KernelRidgePath(const Eigen::MatrixXd& gram, const Eigen::MatrixXd& Y);
  Eigen::MatrixXd Coefficients(double ridge) const;              // N×q
  const Eigen::VectorXd& GramEigenvalues() const { return s_; }  // ascending
  double RankCutoff() const { return cutoff_; }

 private:
  Eigen::MatrixXd u_;    // N×N eigenvectors
  Eigen::VectorXd s_;    // N eigenvalues, ascending
  Eigen::MatrixXd uty_;  // UᵀY, N×q
  double cutoff_;
};

// count ridges log-spaced over [10^lo, 10^hi] × mean(diag K) (the ridge's natural unit: the scale
// of K's eigenvalues). With lo ≈ −8 the smallest ridge is near interpolation.
Eigen::VectorXd RidgeGrid(const Eigen::MatrixXd& gram, int count, double lo_decades = -8.0,
                          double hi_decades = 1.0);

// Predictions K(X_new, X_train)·C: M×q.
Eigen::MatrixXd KrrPredict(const Kernel& kernel, const Eigen::MatrixXd& x_train,
                           const Eigen::MatrixXd& coefficients, const Eigen::MatrixXd& x_new);

// E‖f_λ − y‖² on (x_test, y_test) for every ridge of the grid, in one pass over the test rows
// (blocks of block_rows; one GEMM per block against all ridges' stacked coefficients). A non-finite
// error is kept as is (divergence is data).
Eigen::VectorXd PathTestErrors(const Kernel& kernel, const Eigen::MatrixXd& x_train,
                               const KernelRidgePath& path, const Eigen::VectorXd& ridges,
                               const Eigen::MatrixXd& x_test, const Eigen::MatrixXd& y_test,
                               int block_rows = 4096);

struct KrrFit {
  double ridge = 0.0;                // selected λ (for the full training set)
  int index = -1;                    // its position in the grid
  Eigen::MatrixXd coefficients;      // N×q on the full training set
  Eigen::VectorXd selection_errors;  // per ridge: validation or test error
};

// ORACLE: selects λ by the error on the TEST set itself, so the reported error is the best any
// ridge achieves — optimistic for the learner, hence the hardest setting for a claimed LOWER bound
// on its error to pass. Never use it to report a learner's performance. selection_errors(i) is the
// test error of ridge i; the selected error is selection_errors(index). Ties go to the smaller
// index; non-finite errors are never selected (all non-finite aborts).
KrrFit FitKrrOracle(const Kernel& kernel, const Eigen::MatrixXd& x_train, const Eigen::MatrixXd& Y,
                    const Eigen::VectorXd& ridges, const Eigen::MatrixXd& x_test,
                    const Eigen::MatrixXd& y_test);

// Honest selection: a uniform random validation_fraction of the rows (rng.Below) is held out, the
// path is fit on the rest, λ minimizes validation error, and the fit is redone on all N rows with
// λ·N/N_fit. NOTE: that rescaling keeps the per-sample ridge λ/N fixed: with a summed loss the
// optimal λ grows ∝ N, so reusing λ unscaled on more data would under-regularize.
KrrFit FitKrrValidated(const Kernel& kernel, const Eigen::MatrixXd& x_train,
                       const Eigen::MatrixXd& Y, const Eigen::VectorXd& ridges,
                       double validation_fraction, Rng& rng);

// The L² projection of a target onto span{K(·, x_n)} on a reference set R (M rows, weights 1/M):
// argmin_C Σ_{r∈R} ‖K(r, X)C − y_r‖²/M, by column-pivoted Householder QR of Φ = K(R, X) (M×N; no
// normal equations, so accuracy goes with cond(Φ), not cond(Φ)²). With R the whole cube, risk is
// the exact population risk of the best predictor in the span, which no kernel regressor can beat.
// NOTE: columns the QR finds numerically dependent (|r_ii| ≤ N·ε·|r_11|) are dropped; the span is
// then that of a backward perturbation of Φ of relative size N·ε, and the risk can be overestimated
// by what those directions would have explained — a bias toward passing a lower bound; rank says
// how many columns were kept. NOTE: on a random reference set (M ≪ 2^d) this is an in-sample fit
// to R, optimistic by ≈ N/M of the variance. Memory: M·N doubles (checked ≤ kMaxProjectionEntries).
struct SpanProjection {
  Eigen::MatrixXd coefficients;  // N×q
  Eigen::VectorXd risk;          // per output: Σ_r (f_q(r) − y_q(r))² / M
  int rank = 0;
};
inline constexpr long kMaxProjectionEntries = long{1} << 27;  // 1 GiB of doubles
SpanProjection ProjectOntoSpan(const Kernel& kernel, const Eigen::MatrixXd& x_train,
                               const Eigen::MatrixXd& x_ref, const Eigen::MatrixXd& y_ref);

}  // namespace thmcheck
