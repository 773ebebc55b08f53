// An NTK-parametrized L-layer MLP with hand-written forward/backward and its empirical NTK, and
// beside it (after google/neural-tangents) the infinite-width NNGP/NTK it converges to: the
// recursion of Jacot, Gabriel, Hongler 2018 (arXiv 1806.07572, Prop. 1 and Thm. 1), with c_σ = 1
// as in docs/conventions.md. The net follows their §2 "α̃^(ℓ+1) = W^(ℓ) α^(ℓ)/√n_ℓ + β b^(ℓ)",
// except that the first layer is not divided by √d:
//   z¹ = W⁰x + βb⁰,  z^{l+1} = W^l σ(z^l)/√m + βb^l (1 ≤ l ≤ L−1),  f(x) = z^L ∈ R,
// all weights and biases N(0, 1). L counts weight matrices: L = 2, β = 0 is TwoLayerNet (kNtk).
// Why: Monte-Carlo check of DeepNtk at large m, and the later claim "NTK fluctuation ∝ √(L/m)",
// which needs the limit each finite net converges to.
// Legend: n samples (n₁, n₂ for a kernel's two sets), d input dim, m width, L depth (number of
// weight layers), β bias scale; Z_l, A_l = σ(Z_l) are n×m, A_0 = X (n×d); Δ_l = ∂f/∂Z_l (n×m,
// Δ_L = 1); s_0 = 1, s_l = 1/√m for l ≥ 1.
#pragma once

#include <vector>

#include <Eigen/Core>

#include "harness/rng.h"
#include "learners/activation.h"

namespace thmcheck {

// ---- Finite net (and its empirical NTK, a member) ----

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

// ---- Infinite-width kernels ----

// Jacot et al.'s recursion for an L-layer MLP (L weight matrices, see DeepMlp), c_σ = 1:
//   Σ¹ = x·x' + β²,  Σ^{l+1} = E[σ(u)σ(v)] + β²  with (u, v) ~ N(0, Σ^l on {x, x'}),
//   Θ¹ = Σ¹,  Θ^{l+1} = Θ^l · Σ̇^{l+1} + Σ^{l+1},  Σ̇^{l+1} = E[σ'(u)σ'(v)].
// NOTE normalization: the first layer's weights are N(0, I) on the raw input, so Σ¹ = x·x' + β²;
// Jacot et al. (and docs/conventions.md's reference form) divide by the input dimension,
// Σ¹ = x·x'/n₀ + β² (the same as ours on inputs scaled by 1/√n₀). Papers using c_σ = 2 for ReLU
// (e.g. Arora et al. 2019, arXiv 1904.11955) get 2^{L−1} times our Θ^L when β = 0. L = 2, β = 0 is
// AnalyticNtkTwoLayer (two_layer_net.h) exactly. The Gaussian moments E[σσ], E[σ'σ'], their ReLU
// NOTE at ρ = 1 and the tanh quadrature's accuracy: learners/gaussian_moments.h.
struct DeepKernels {
  Eigen::MatrixXd nngp;  // Σ^L: the output's covariance at init (the NNGP kernel)
  Eigen::MatrixXd ntk;   // Θ^L
};
DeepKernels DeepNngpAndNtk(const Eigen::Ref<const Eigen::MatrixXd>& X1,
                           const Eigen::Ref<const Eigen::MatrixXd>& X2, int L, double beta,
                           Activation act);
Eigen::MatrixXd DeepNtk(const Eigen::Ref<const Eigen::MatrixXd>& X1,
                        const Eigen::Ref<const Eigen::MatrixXd>& X2, int L, double beta,
                        Activation act);

}  // namespace thmcheck
