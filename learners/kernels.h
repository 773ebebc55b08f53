// Kernels for kernel regression: a small interface (Gram, name, and for dot-product kernels on the
// unit sphere the scalar profile κ(t), t = ⟨x,x'⟩, from which learners/cube_spectrum computes exact
// eigenvalues on the cube) and the family the parity lower bound is checked against
// (docs/claims/parity_lower_bound.md; arXiv 1905.10337 Thm 2 holds for any Mercer kernel): RBF,
// Laplace, polynomial, arc-cosine of order 0/1 (Cho & Saul 2009, NIPS, §2), and the analytic NTK
// and NNGP of deep MLPs (Jacot et al. 2018, arXiv 1806.07572, via learners/deep_mlp.h).
// Legend: rows of X1 (n1×d) and X2 (n2×d) are points; t = ⟨x,x'⟩; θ = angle between x and x'.
// Every kernel here is a function of t alone when ‖x‖ = ‖x'‖ = 1, as on the cube {±1/√d}^d.
#pragma once

#include <string>

#include <Eigen/Core>

#include "learners/activation.h"

namespace thmcheck {

class Kernel {
 public:
  virtual ~Kernel() = default;
  // Stable name with parameters, e.g. "rbf(sigma=1)", for result files and test names.
  virtual std::string Name() const = 0;
  // K(X1, X2): n1×n2. X1 and X2 must have the same number of columns.
  virtual Eigen::MatrixXd Gram(const Eigen::MatrixXd& X1, const Eigen::MatrixXd& X2) const = 0;
  // True iff K(x,x') = κ(⟨x,x'⟩) whenever ‖x‖ = ‖x'‖ = 1.
  virtual bool IsDotProductOnSphere() const { return false; }
  // κ(t) for t ∈ [−1, 1]; only for IsDotProductOnSphere() kernels (aborts otherwise).
  virtual double Profile(double t) const;
};

// exp(−‖x − x'‖²/(2σ²)); on the sphere κ(t) = exp(−(1 − t)/σ²).
class RbfKernel : public Kernel {
 public:
  explicit RbfKernel(double sigma);
  std::string Name() const override;
  Eigen::MatrixXd Gram(const Eigen::MatrixXd& X1, const Eigen::MatrixXd& X2) const override;
  bool IsDotProductOnSphere() const override { return true; }
  double Profile(double t) const override;

 private:
  double sigma_;
};

// exp(−‖x − x'‖/σ); on the sphere κ(t) = exp(−√(2 − 2t)/σ).
// NOTE: κ is not differentiable at t = 1, so an ‖x − x'‖ from the expansion ‖x‖² + ‖x'‖² − 2t
// would be off by √(ε·‖x‖²) ≈ 1e−8 near the diagonal; Gram recomputes near-coincident pairs
// directly (see SquaredDistances in kernels.cc).
class LaplaceKernel : public Kernel {
 public:
  explicit LaplaceKernel(double sigma);
  std::string Name() const override;
  Eigen::MatrixXd Gram(const Eigen::MatrixXd& X1, const Eigen::MatrixXd& X2) const override;
  bool IsDotProductOnSphere() const override { return true; }
  double Profile(double t) const override;

 private:
  double sigma_;
};

// (⟨x,x'⟩ + c)^p, p ≥ 0, c ≥ 0. On the cube it spans exactly the parities of degree ≤ p (c > 0),
// so p < k gives a kernel that provably cannot fit a degree-k parity at any N.
class PolynomialKernel : public Kernel {
 public:
  PolynomialKernel(int degree, double offset);
  std::string Name() const override;
  Eigen::MatrixXd Gram(const Eigen::MatrixXd& X1, const Eigen::MatrixXd& X2) const override;
  bool IsDotProductOnSphere() const override { return true; }
  double Profile(double t) const override;

 private:
  int degree_;
  double offset_;
};

// Arc-cosine kernel of order n ∈ {0, 1} (Cho & Saul 2009, §2) on inputs augmented as
// x̃ = (x, β) (β = bias ≥ 0; β = 0 is the plain kernel):
//   k_n(x, x') = (1/π) ‖x̃‖^n ‖x̃'‖^n J_n(θ̃),  J_0 = π − θ̃,  J_1 = sin θ̃ + (π − θ̃) cos θ̃.
// Cho & Saul's normalization carries a factor 2: k_n = 2 E_w[Θ(w·x̃)Θ(w·x̃')(w·x̃)^n (w·x̃')^n],
// w ~ N(0, I). So the ReLU NNGP E[σ(w·x)σ(w·x')] is k_1/2, E[σ'σ'] is k_0/2, and the two-layer NTK
// of docs/conventions.md is H∞ = ½(t·k_0 + k_1) (β = 0). Random ReLU features with weight
// √(2/D) (learners/random_features.h) converge to k_1 exactly (random_features_test checks the
// factor 2 by Monte Carlo).
// NOTE: for β = 0, k_1's Taylor series in t has no odd powers above t¹ (nor does the NTK's), so on
// the cube its eigenvalues vanish at every odd degree ≥ 3: such kernels cannot fit odd parities of
// degree ≥ 3 at any N (checked in cube_spectrum_test; cf. Bietti & Mairal 2019, arXiv 1905.12173,
// on the sphere). Use β > 0 for odd k.
// NOTE: θ̃ = arccos(t̃) loses half the digits near θ̃ = 0 (and J_0 is not smooth there); Gram
// recomputes near-parallel pairs as θ̃ = 2·asin(‖u − u'‖/2), u = x̃/‖x̃‖.
class ArcCosineKernel : public Kernel {
 public:
  ArcCosineKernel(int order, double bias = 0.0);
  std::string Name() const override;
  Eigen::MatrixXd Gram(const Eigen::MatrixXd& X1, const Eigen::MatrixXd& X2) const override;
  bool IsDotProductOnSphere() const override { return true; }
  double Profile(double t) const override;

 private:
  int order_;
  double bias_;
};

// The infinite-width NTK Θ^L or NNGP Σ^L of an L-layer MLP (L ≥ 2 weight layers, bias scale β,
// c_σ = 1), wrapping learners/deep_mlp.h and, for L = 2, β = 0 (the two-layer H∞ of
// docs/conventions.md), learners/two_layer_net.h: not reimplemented, the finite nets and their
// limits must share one definition.
// Both depend on x, x' only through ⟨x,x'⟩, ‖x‖, ‖x'‖ (Σ¹ = x·x' + β², no 1/d: see deep_mlp.h),
// so Profile(t) evaluates the Gram on two unit vectors of R² with inner product t.
// NOTE: for ReLU, β = 0 the NTK's odd degrees ≥ 3 vanish on the cube, as for k_1 above.
// NOTE: gaussian_moments.h documents that E[σ'σ'] for ReLU moves by up to √(2δ)/(2π) ≈ 2e−8 when
// the correlation ρ = 1 is rounded by δ ≈ 2ε, so Gram entries at coincident points can be that
// far off.
// NOTE: tanh uses a 128² Gauss–Hermite rule per entry and layer: slow for large Grams.
enum class NeuralKernelKind { kNtk, kNngp };
class NeuralKernel : public Kernel {
 public:
  NeuralKernel(NeuralKernelKind kind, int depth, double bias, Activation act);
  std::string Name() const override;
  Eigen::MatrixXd Gram(const Eigen::MatrixXd& X1, const Eigen::MatrixXd& X2) const override;
  bool IsDotProductOnSphere() const override { return true; }
  double Profile(double t) const override;

 private:
  NeuralKernelKind kind_;
  int depth_;
  double bias_;
  Activation act_;
};

// ‖x_i − x'_j‖² for all pairs, ≥ 0, exactly 0 for identical rows. From the expansion
// ‖x‖² + ‖x'‖² − 2⟨x,x'⟩ (one GEMM), except pairs whose result is below kRecomputeFraction of
// ‖x‖² + ‖x'‖², which are recomputed as Σ (x_i − x'_i)² (no cancellation). Exposed for tests.
Eigen::MatrixXd SquaredDistances(const Eigen::MatrixXd& X1, const Eigen::MatrixXd& X2);

}  // namespace thmcheck
