// Population risks of kernel predictors, exact when the reference points are the whole input space
// (e.g. the cube Q_d = {±1/√d}^d enumerated): kernel ridge regression along a ridge path (ridge
// picked by an oracle or on a validation sample), and the L² projection onto span{K(·, x_n)}.
// Why: arXiv 1905.10337 Thm 2 bounds the risk of EVERY kernel regressor; the hardest test of a
// lower bound lets the learner pick its ridge on the population risk itself (an oracle) and also
// reports the best predictor in the span, which no kernel regressor can beat; controls, which
// must show learning, pick their ridge on validation data as a learner would.
// Legend: N train points x_n, q outputs, f = Σ_n c_n K(·, x_n) (C is N×q), y the target;
//   G_nm = E_x K(x_n, x) K(x, x_m),  B_nq = E_x K(x_n, x) y_q(x),  A = Σ_q E y_q(x)²,  so that
//   E‖f − y‖² = A − 2 tr(CᵀB) + tr(CᵀGC)   (exact for any C: a quadratic in C).
// Three ways to get (G, B, A): (i) a dot-product kernel with cube eigenvalues λ_j
// (learners/cube_spectrum.h): G is the kernel with eigenvalues λ_j², B = Σ_S a_S λ_|S| χ_S(X),
// A = Σ a_S², all exact; (ii) enumeration of the 2^d points (d ≤ 16), any kernel: exact;
// (iii) a fresh test sample: an unbiased estimate of (G, B, A) for a fixed C.
#pragma once

#include <cstdint>
#include <vector>

#include <Eigen/Core>

namespace thmcheck {

// The target seen through one kernel and one training sample. The q columns may also be a basis
// of P functions (e.g. every parity a block of targets is made of): a target is then a P×q matrix
// of coefficients on them, and every path below is computed once for the whole block.
struct TargetMoments {
  Eigen::MatrixXd y;  // N×q labels at the training points (N×P for a basis)
  Eigen::MatrixXd b;  // N×q, B above
  double a = 0.0;     // A above (unused for a basis: each target brings its own)
};

// What a selection rule (the oracle, or validation) found for one target.
struct SpanRisk {
  double risk = 0.0;   // E‖f − y‖² of the selected predictor, summed over outputs
  double bound = 0.0;  // rounding bound on `risk` (see RiskRoundingBound in the .cc)
  double ridge = 0.0;  // the selected ridge λ (KRR) or μ (projection)
  int index = -1;      // its position in the grid; −1 when no grid value was eligible
};

// A value of a path (ridge λ or μ) is eligible for selection only if the rounding bound on its
// risk is at most this fraction of A. 1e−6·A is far below every level the claim compares risks
// with (α²/16 ≥ 1.5e−4·A for α ≥ 0.1, k ≤ 8, and A/2 for the thresholds), and it excludes the
// near-interpolating ridges whose risks are rounding noise (they can even come out negative).
inline constexpr double kEligibleRoundingFraction = 1e-6;

// One target's risks along a path: every grid value's predictor, its rounding bound, and (KRR
// with a validation sample) its mean validation error (1/n_val) Σ_v ‖f(x_v) − y(x_v)‖².
struct PathRisks {
  Eigen::VectorXd risk, bound, validation;  // validation empty without a validation sample
};
// The eligible grid value (rounding bound ≤ fraction·A) of least risk (the oracle), or of least
// validation error: ties go to the first (smallest ridge). index −1, risk NaN when none is.
SpanRisk SelectByRisk(const PathRisks& r, const Eigen::VectorXd& grid, double a,
                      double fraction = kEligibleRoundingFraction);
SpanRisk SelectByValidation(const PathRisks& r, const Eigen::VectorXd& grid, double a,
                            double fraction = kEligibleRoundingFraction);

// A path's P×P forms on a basis (C̃ the coefficients of grid value i in an orthonormal eigenbasis,
// B̃ likewise): X_i = C̃ᵀB̃, Q_i = C̃ᵀG̃C̃, V_i = E_iᵀE_i/n_val (E_i the validation residuals of
// the basis functions), and the column norms of C̃ and B̃ for the rounding bound. A target with
// coefficients W (P×q) and A = E‖y‖² has risk_i = A − 2 tr(WᵀX_iW) + tr(WᵀQ_iW): O(P²q) per
// grid value, whatever N.
class QuadraticPath {
 public:
  PathRisks Evaluate(const Eigen::MatrixXd& coef, double a) const;
  const Eigen::VectorXd& grid() const { return grid_; }

 private:
  friend class SpanRiskSolver;
  Eigen::VectorXd grid_;
  std::vector<Eigen::MatrixXd> cross_, quad_, validation_;
  std::vector<Eigen::VectorXd> c_norms_;  // ‖C̃ e_p‖ per basis column p
  Eigen::VectorXd b_norms_;               // ‖B̃ e_p‖
  int length_ = 0;                        // N + P: the longest sums (rounding bound)
  double g_norm_ = 0.0;
};

// KRR path and projection for one kernel Gram K = K(X, X) and one G (both N×N, symmetric PSD).
// Setup O(N³): eigendecompositions of K and G and Ũ = UᵀGU; per block of targets on P basis
// functions O(N²·P·ridges) (one GEMM), then O(P²q·ridges) per target.
// KRR with ridge λ is C = U diag(1/(s + λ)) UᵀY (s the eigenvalues of K, the cutoff rule of
// learners/kernel_regression.h KernelRidgePath); the projection path is C = V diag(1/(g + μ)) VᵀB
// (g the eigenvalues of G), which tends to the L² projection as μ → 0.
class SpanRiskSolver {
 public:
  // `ridges` (≥ 1, ≥ 0 each) for KRR; the projection path uses μ = 10^{-14 … -2}·max(g).
  // with_projection = false skips G's eigendecomposition (the projection then aborts).
  // k_val = K(X_val, X) (n_val×N) enables validation errors along the KRR path.
  SpanRiskSolver(const Eigen::MatrixXd& gram, const Eigen::MatrixXd& g, Eigen::VectorXd ridges,
                 bool with_projection, const Eigen::MatrixXd* k_val = nullptr);

  // The KRR path on a basis; y_val (n_val×P, the basis at X_val) needs k_val.
  QuadraticPath KrrPath(const TargetMoments& basis, const Eigen::MatrixXd* y_val = nullptr) const;
  // The projection path on a basis: its smallest eligible risk is an upper bound on the exact
  // projection risk (it is the exact risk of a predictor in the span, up to `bound`).
  QuadraticPath ProjectionPath(const TargetMoments& basis) const;

  // One target: the oracle ridge and every ridge's risk; the projection.
  SpanRisk KrrOracle(const TargetMoments& t, Eigen::VectorXd* risks = nullptr) const;
  SpanRisk Projection(const TargetMoments& t) const;
  // KRR coefficients at ridge index i (N×q, for sampled risks' standard errors and tests).
  Eigen::MatrixXd KrrCoefficients(const TargetMoments& t, int i) const;

  const Eigen::VectorXd& ridges() const { return ridges_; }
  int n() const { return static_cast<int>(s_.size()); }

 private:
  Eigen::VectorXd InverseShift(double ridge) const;  // 1/(s + λ) with the rank cutoff

  Eigen::VectorXd ridges_;
  Eigen::MatrixXd u_;        // eigenvectors of K
  Eigen::VectorXd s_;        // eigenvalues of K, ascending
  double cutoff_ = 0.0;      // N·ε·max|s|: eigenvalues below are rounding noise
  Eigen::MatrixXd g_tilde_;  // UᵀGU
  double g_norm_ = 0.0;      // ‖G‖_F
  bool with_projection_ = false;
  Eigen::MatrixXd v_;        // eigenvectors of G
  Eigen::VectorXd g_;        // eigenvalues of G, ascending
  Eigen::MatrixXd k_val_u_;  // K(X_val, X)·U, n_val×N (empty without validation)
};

// Moments (G, B, A) from reference points R (M rows, weights 1/M): the whole cube (exact) or a
// fresh sample (estimate). phi = K(R, X) (M×N), y_ref = y(R) (M×q); y_train = y(X).
Eigen::MatrixXd ReferenceSecondMoment(const Eigen::MatrixXd& phi);  // ΦᵀΦ/M
TargetMoments ReferenceTargetMoments(const Eigen::MatrixXd& phi, const Eigen::MatrixXd& y_ref,
                                     Eigen::MatrixXd y_train);

// Mean and standard error over the reference points of ‖f(r) − y(r)‖² for f = K(·, X)·C.
struct SampledRisk {
  double mean = 0.0;
  double se = 0.0;
};
SampledRisk ReferenceRisk(const Eigen::MatrixXd& phi, const Eigen::MatrixXd& coefficients,
                          const Eigen::MatrixXd& y_ref);

// By enumeration of the cube (d ≤ kMaxCharacterCubeDim, any kernel): for each character
// χ_S(x) = Π_{i∈S} sign(x_i) named by its bit mask S, the fraction e_S = ‖P χ_S‖² of its (unit)
// variance that the L² projection P onto span{K(·, x_n)} explains. Φ = K(cube, X) (2^d × N) lists
// the cube with row b negative in coordinate i iff bit i of b is set. P from a column-pivoted
// Householder QR of Φ; e_S from a fast Walsh–Hadamard transform of each column of Q, so any number
// of characters costs r·2^d·d, not r·2^d per character.
// Theorem [derived; docs/claims/parity_lower_bound.md, Calibration]: Σ_S e_S ≤ rank ≤ N over any
// set of distinct characters, i.e. mean_S (1 − e_S) ≥ 1 − N/(their number).
inline constexpr int kMaxCharacterCubeDim = 24;  // 2^24 rows of Φ: memory, not correctness
struct CharacterProjection {
  Eigen::VectorXd explained;  // e_S, one per mask, in the order given
  int rank = 0;
  double rounding = 0.0;  // bound on |Σ_S e_S − exact|, see the .cc
};
CharacterProjection ProjectCharacters(const Eigen::MatrixXd& phi, int d,
                                      const std::vector<uint64_t>& masks);

}  // namespace thmcheck
