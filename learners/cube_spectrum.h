// Exact spectra of dot-product kernels on the cube Q_d = {±1/√d}^d, and exact population risks of
// predictors f = Σ_n c_n K(·, x_n) for the parity lower bound (arXiv 1905.10337 §7.1, Thm 2;
// docs/claims/parity_lower_bound.md). Legend: N train points x_n, d dimension, j or k a degree, w a
// Hamming distance, t_w = 1 − 2w/d, M = 2^d, q outputs, χ_S(x) = Π_{i∈S} √d x_i.
// Derivation: K(x,x') = κ(⟨x,x'⟩) = κ(t_w) depends only on z = x⊙x' (as signs), so K is a
// convolution on the group {±1}^d and its eigenfunctions are the characters χ_S, with eigenvalue
// λ_S = E_z[κ(t_{w(z)}) χ_S(z)]. Grouping z by weight w, Σ_{wt(z)=w} χ_S(z) = K_w(|S|), so
//   λ_j = 2^{−d} Σ_{w=0}^{d} κ(t_w) K_w(j) = 2^{−d} Σ_{w=0}^{d} C(d,w) κ(t_w) K_j(w) / C(d,j),
// with the Krawtchouk polynomial K_j(w; d) = Σ_i (−1)^i C(w,i) C(d−w, j−i) = Σ_{|S|=j} χ_S(z) at
// any z with w minus signs (the two forms agree by C(d,w) K_j(w) = C(d,j) K_w(j)). Conversely
// K(x,x') = Σ_S λ_{|S|} χ_S(x) χ_S(x'), i.e. κ(t_w) = Σ_j λ_j K_j(w), and κ(1) = Σ_j C(d,j) λ_j.
#pragma once

#include <functional>
#include <string>
#include <utility>
#include <vector>

#include <Eigen/Core>

#include "learners/kernels.h"

namespace thmcheck {

// Largest d for the spectrum: Krawtchouk values stay exact integers below 2^53 (|K_w(j)| ≤ C(d,w)
// ≤ 2^40) and Boost's binomials are exact after rounding.
inline constexpr int kMaxSpectrumDim = 40;

// A target in the parity basis: (S, a_S) pairs meaning Σ a_S χ_S, subsets distinct. The same std
// type as FourierExpansion in concepts/sparse_parity.h (learners/ may not include concepts/).
using ParityExpansion = std::vector<std::pair<std::vector<int>, double>>;

// K_j(w; d) = Σ_i (−1)^i C(w,i) C(d−w, j−i), an exact integer; 0 ≤ j, w ≤ d ≤ kMaxSpectrumDim.
double Krawtchouk(int j, int w, int d);

// λ_0, …, λ_d of the kernel κ(⟨x,x'⟩) under the uniform measure on Q_d (eigenvalue of the integral
// operator f ↦ E_{x'}[K(·,x') f(x')]; λ_j has multiplicity C(d,j)).
// Rounding: |error| ≤ (d + 2)·ε·Σ_w 2^{−d} C(d,w) |κ(t_w)| (d + 1 products and a (d + 1)-term sum
// with exact integer weights K_w(j) bounded by C(d,w)), an ABSOLUTE bound: high-degree λ_j of
// smooth kernels are far below it and come out as rounding noise (see CubeEigenvalueErrorBound).
Eigen::VectorXd CubeEigenvalues(const std::function<double(double)>& profile, int d);
Eigen::VectorXd CubeEigenvalues(const Kernel& kernel, int d);  // kernel must be a dot-product one

// The bound above for this profile and d.
double CubeEigenvalueErrorBound(const std::function<double(double)>& profile, int d);

// κ(t_w), w = 0, …, d, of the kernel whose eigenvalues are mu_0, …, mu_d: Σ_j mu_j K_j(w).
Eigen::VectorXd CubeProfileFromEigenvalues(const Eigen::VectorXd& mu, int d);

// The dot-product kernel on Q_d with prescribed eigenvalues mu_j ≥ 0 (any mu_j = 0 removes the
// degree-j parities from its span). Uses: a kernel that contains exactly the degree-k parities (the
// tight case of the span bound), a kernel that "contains the parity feature" (a control of
// docs/claims/parity_lower_bound.md), and K² (eigenvalues λ_j²) for SpanPredictorRiskSpectral. Gram
// accepts cube points only (t must be within 0.25·2/d of a grid value t_w; d = the points'
// dimension).
// NOTE: eigenvalues from CubeEigenvalues may be rounding negatives (≈ −(d + 2)·ε·κ(1)) where the
// true value is 0; the constructor rejects mu_j < 0, so clamp with .cwiseMax(0.0) first.
class CubeSpectralKernel : public Kernel {
 public:
  CubeSpectralKernel(Eigen::VectorXd mu, int d);
  std::string Name() const override;
  Eigen::MatrixXd Gram(const Eigen::MatrixXd& X1, const Eigen::MatrixXd& X2) const override;
  bool IsDotProductOnSphere() const override { return true; }
  double Profile(double t) const override;  // t must be a grid value t_w (within 0.25·2/d)

 private:
  int WeightOf(double t) const;
  Eigen::VectorXd mu_;
  int d_;
  Eigen::VectorXd profile_;  // κ(t_w), w = 0 … d
};

// Exact population risk E_x[(f_q(x) − y_q(x))²] per output q of f = Σ_n C(n,q) K(·, x_n), by
// enumeration: cube is all M = 2^d points (M×d, e.g. concepts' EnumerateCube), y_cube (M×q) the
// target there. Streams the cube in blocks of `block_rows` (memory block_rows×N); any kernel.
Eigen::VectorXd SpanPredictorRisk(const Kernel& kernel, const Eigen::MatrixXd& x_train,
                                  const Eigen::MatrixXd& coefficients, const Eigen::MatrixXd& cube,
                                  const Eigen::MatrixXd& y_cube, int block_rows = 4096);

// The same risk in O(N² + N·Σ|S|) without enumeration, for a dot-product kernel with eigenvalues
// lambda (CubeEigenvalues) and a target given in the parity basis, one expansion per output:
//   E(f − y)² = cᵀ K²_XX c − 2 Σ_S a_S λ_{|S|} Σ_n c_n χ_S(x_n) + Σ_S a_S²,
// K² being the kernel with eigenvalues λ_j² (‖f‖² = cᵀK²c as E_x K(x_n,x)K(x,x_m) = K²(x_n,x_m)).
// NOTE: the first two terms cancel when f fits well: the absolute error is ≈ N·ε·cᵀK²c, which
// grows with ‖c‖ (near-interpolating fits on ill-conditioned Grams). Prefer enumeration then.
Eigen::VectorXd SpanPredictorRiskSpectral(const Eigen::VectorXd& lambda,
                                          const Eigen::MatrixXd& x_train,
                                          const Eigen::MatrixXd& coefficients,
                                          const std::vector<ParityExpansion>& target);

}  // namespace thmcheck
