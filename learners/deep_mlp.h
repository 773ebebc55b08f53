// An NTK-parametrized L-layer MLP with hand-written forward/backward and its empirical NTK, the
// finite-width side of DeepNtk (ntk_analytic.h): Jacot, Gabriel, Hongler 2018 (arXiv 1806.07572,
// §2 "α̃^(ℓ+1) = W^(ℓ) α^(ℓ)/√n_ℓ + β b^(ℓ)"), except that the first layer is not divided by √d:
//   z¹ = W⁰x + βb⁰,  z^{l+1} = W^l σ(z^l)/√m + βb^l (1 ≤ l ≤ L−1),  f(x) = z^L ∈ R,
// all weights and biases N(0, 1). L counts weight matrices: L = 2, β = 0 is TwoLayerNet (kNtk).
// Why: Monte-Carlo check of DeepNtk at large m, and the later claim "NTK fluctuation ∝ √(L/m)".
// Legend: n samples, d input dim, m width, L depth, β bias scale; Z_l, A_l = σ(Z_l) are n×m,
// A_0 = X (n×d); Δ_l = ∂f/∂Z_l (n×m, Δ_L = 1); s_0 = 1, s_l = 1/√m for l ≥ 1.
#pragma once

#include <vector>

#include <Eigen/Core>

#include "harness/rng.h"
#include "learners/activation.h"

namespace thmcheck {

class DeepMlp {
 public:
  struct Gradient {
    std::vector<Eigen::MatrixXd> W;  // W[l]: out×in, like the parameters
    std::vector<Eigen::VectorXd> b;  // b[l]: out
  };

  // Draws W⁰, b⁰, W¹, b¹, … in order; each W row by row (one output unit at a time). L ≥ 1.
  static DeepMlp Init(int d, int m, int L, double beta, Activation act, Rng& rng);

  int d() const { return static_cast<int>(W_.front().cols()); }
  int m() const { return m_; }
  int depth() const { return static_cast<int>(W_.size()); }
  double beta() const { return beta_; }
  Activation activation() const { return act_; }
  const Eigen::MatrixXd& W(int l) const { return W_.at(l); }  // (m or 1)×(d or m)
  const Eigen::VectorXd& b(int l) const { return b_.at(l); }

  // f for every row of X (n×d).
  Eigen::VectorXd Forward(const Eigen::Ref<const Eigen::MatrixXd>& X) const;

  // L = ½ Σ_i (f(x_i) − y_i)² and its gradient:
  //   ∇W_l = s_l (r ∘ Δ_{l+1})ᵀ A_l,  ∇b_l = β (r ∘ Δ_{l+1})ᵀ 1,  r = f − y.
  // For small n (allocates its trace; not a training hot path).
  double LossAndGradient(const Eigen::Ref<const Eigen::MatrixXd>& X,
                         const Eigen::Ref<const Eigen::VectorXd>& y, Gradient* grad) const;

  // θ ← θ − η ∇.
  void Step(const Gradient& grad, double eta);

  // Θ(x, x') = ⟨∇_θ f(x), ∇_θ f(x')⟩ over all weights and biases, n₁×n₂, in O(L n₁ n₂ m) from the
  // per-layer factors (never the Jacobian):  Θ = Σ_l (Δ¹_{l+1} Δ²_{l+1}ᵀ) ∘ (s_l² A¹_l A²_lᵀ + β²).
  Eigen::MatrixXd EmpiricalNtk(const Eigen::Ref<const Eigen::MatrixXd>& X1,
                               const Eigen::Ref<const Eigen::MatrixXd>& X2) const;

 private:
  // Forward values needed by backward: a[l] = A_l (a[0] = X), ds[l] = σ'(Z_l) for 1 ≤ l ≤ L−1.
  struct Trace {
    std::vector<Eigen::MatrixXd> a;
    std::vector<Eigen::MatrixXd> ds;
    Eigen::VectorXd f;
  };

  DeepMlp(std::vector<Eigen::MatrixXd> W, std::vector<Eigen::VectorXd> b, int m, double beta,
          Activation act);
  double Scale(int l) const;  // s_l
  void ForwardTrace(const Eigen::Ref<const Eigen::MatrixXd>& X, Trace* trace) const;
  // delta[l] = Δ_l for 1 ≤ l ≤ L (delta[0] unused).
  void Backward(const Trace& trace, std::vector<Eigen::MatrixXd>* delta) const;

  std::vector<Eigen::MatrixXd> W_;
  std::vector<Eigen::VectorXd> b_;
  int m_;
  double beta_;
  Activation act_;
};

}  // namespace thmcheck
