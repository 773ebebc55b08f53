// Non-convex objectives whose critical points are known in closed form, for the saddle-escape
// claim (gradient descent from a random init converges to a minimizer: Lee, Simchowitz, Jordan,
// Recht 2016, arXiv 1602.04915). Each gives its value, its gradient, a bound L on ‖∇²f‖ over a
// ball (the smoothness a step η < 1/L needs) and how far a point is from the set of global
// minimizers.
//  - Plane: f(x, y) = x²/2 + y⁴/4 − y²/2, Lee et al.'s example: a strict saddle at 0 (Hessian
//    diag(1, −1)), minimizers (0, ±1) (Hessian diag(1, 2)).
//  - Indefinite quartic on R^d: f(z) = ½ zᵀΛz + ¼‖z‖⁴, Λ = diag(λ₁ … λ_d), λ₁ < λ₂ and λ₁ < 0.
//    ∇f = (Λ + ‖z‖²) z, so the critical points are 0 and ±√(−λᵢ) eᵢ for each λᵢ < 0; the Hessian
//    Λ + ‖z‖²I + 2zzᵀ at ±√(−λᵢ) eᵢ has the eigenvalue λ₁ − λᵢ < 0 for i > 1 (a strict saddle)
//    and is positive definite for i = 1 when λ₁ is simple: the minimizers are ±√(−λ₁) e₁. Near 0,
//    gradient descent is the power iteration z ← (I − ηΛ) z, so a component along e₁ grows by
//    (1 + η|λ₁|) per step (the talk's "GD near a saddle is power iteration").
//  - Rank-k approximation: f(U) = ‖UUᵀ − M‖²_F over U ∈ R^{d×k}, M = diag(μ₁ ≥ … ≥ μ_d ≥ 0) with
//    μ_k > μ_{k+1}. Its global minimizers are the U with UUᵀ = M_k = diag(μ₁ … μ_k, 0 …) (Eckart–
//    Young) and every other critical point is a strict saddle (the talk's "All SOSP are global"
//    list, item 2, "classical"). A U whose rows along a top eigenvector are zero keeps them zero:
//    ∇f = 4(UUᵀ − M)U maps that coordinate subspace into itself.
// Diagonal Λ and M lose nothing: gradient descent commutes with rotations, and the inits drawn
// here (uniform in a ball) are rotation invariant, so a rotated instance runs the same law. They
// also make the stable manifolds coordinate subspaces, which floating point preserves exactly.
// Legend: d dimension, k rank, z ∈ R^d or vec(U) ∈ R^{dk} (column-major) the point.
#pragma once

#include <Eigen/Core>

#include "harness/rng.h"

namespace thmcheck {

// A point uniform in the ball of radius r in R^p: a Gaussian direction, radius r·U^{1/p}.
Eigen::VectorXd SampleUniformBall(Rng& rng, int p, double r);

class SaddlePlane {
 public:
  double Value(const Eigen::VectorXd& z) const;
  void Gradient(const Eigen::VectorXd& z, Eigen::VectorXd* g) const;
  // Distance to the nearer minimizer (0, ±1).
  double MinimizerGap(const Eigen::VectorXd& z) const;
  // sup ‖∇²f‖ over the strip |y| ≤ r: max(1, 3r² − 1). The strip |y| ≤ r (r ≥ 1) is forward
  // invariant for η < 1/L(r): |y| ≥ 1 shrinks (the factor 1 + η(1 − y²) ∈ (0, 1]) and y ↦
  // y(1 + η − ηy²) maps [0, 1] into itself.
  static double Smoothness(double r);
};

class IndefiniteQuartic {
 public:
  // λ₁ < 0 must be the unique smallest eigenvalue (CHECKed).
  explicit IndefiniteQuartic(Eigen::VectorXd lambda);
  int Dimension() const { return static_cast<int>(lambda_.size()); }
  const Eigen::VectorXd& lambda() const { return lambda_; }
  double Value(const Eigen::VectorXd& z) const;
  void Gradient(const Eigen::VectorXd& z, Eigen::VectorXd* g) const;
  // Distance to the nearer minimizer ±√(−λ₁) e₁.
  double MinimizerGap(const Eigen::VectorXd& z) const;
  // sup ‖∇²f‖ over ‖z‖ ≤ R: max(|λ₁|, λ_max + 3R²) (the Hessian is Λ + ‖z‖²I + 2zzᵀ).
  double Smoothness(double R) const;
  // sup ‖∇f‖ over ‖z‖ ≤ R: (max|λᵢ| + R²)·R.
  double GradientBound(double R) const;
  // A radius holding the sublevel set {f ≤ F}: f(z) ≥ ¼‖z‖⁴ + ½λ₁‖z‖² gives
  // ‖z‖² ≤ −λ₁ + √(λ₁² + 4F).
  double SublevelRadius(double F) const;
  // sup f over ‖z‖ ≤ r: ½ max(λ_max, 0) r² + ¼ r⁴.
  double MaxValue(double r) const;

 private:
  Eigen::VectorXd lambda_;
};

class RankKApproximation {
 public:
  // μ non-increasing, non-negative, with μ_k > μ_{k+1} (CHECKed); 1 ≤ k < d.
  RankKApproximation(Eigen::VectorXd mu, int k);
  int d() const { return static_cast<int>(mu_.size()); }
  int k() const { return k_; }
  // The parameter count dk (U column-major in a vector).
  int Dimension() const { return d() * k_; }
  double Value(const Eigen::VectorXd& u) const;
  void Gradient(const Eigen::VectorXd& u, Eigen::VectorXd* g) const;
  // ‖UUᵀ − M_k‖_F / ‖M_k‖_F: 0 exactly at the global minimizers.
  double MinimizerGap(const Eigen::VectorXd& u) const;
  // sup ‖∇²f‖ over ‖U‖_F ≤ R: 12R² + 4μ₁ (∇²f[V, V] = 2‖UVᵀ + VUᵀ‖² + 4⟨UUᵀ − M, VVᵀ⟩).
  double Smoothness(double R) const;
  // sup ‖∇f‖_F over ‖U‖_F ≤ R: 4(R² + μ₁)R.
  double GradientBound(double R) const;
  // A Frobenius radius holding the sublevel set {f ≤ F}: ‖UUᵀ‖_F ≤ ‖M‖_F + √F, and UUᵀ has rank
  // ≤ k, so ‖U‖²_F = tr UUᵀ ≤ √k ‖UUᵀ‖_F.
  double SublevelRadius(double F) const;
  // sup f over ‖U‖_F ≤ r: (r² + ‖M‖_F)².
  double MaxValue(double r) const;

 private:
  Eigen::VectorXd mu_;
  int k_;
};

}  // namespace thmcheck
