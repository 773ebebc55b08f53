// Two-layer network f(x) = c · Σ_r a_r σ(w_r·x), both layers trained by (mini-batch) gradient
// descent on the summed squared loss L = ½ Σ_i (f(x_i) − y_i)² (a SUM, docs/conventions.md), and
// beside it (after google/neural-tangents) its kernels: the empirical NTK H of the finite net and
// the infinite-width NTK H∞ it converges to (kNtk scaling, c_σ = 1 as in docs/conventions.md).
// Why: the learner of claim ntk_closeness (docs/claims/ntk_closeness.md), in NTK scaling and its
// controls; its observables ‖H₀ − H∞‖ = O(m^−1/2) and ‖H_T − H₀‖ (Du et al. 2018, §3 "H(t)" and
// Remark 3.1, there first layer only) need both kernels, and H₀ is the linearized model's.
// Papers: Du, Zhai, Póczos, Singh 2018 (arXiv 1810.02054) eq. (1) net, eq. (2) loss (they train W
// only; we train W and a); NTK parametrization: Jacot et al. 2018 (arXiv 1806.07572); mean field:
// Mei, Montanari, Nguyen 2018 (arXiv 1804.06561), Chizat & Bach 2018 (arXiv 1805.09545).
// Legend: n samples (n₁, n₂ for a kernel's two sets), d input dim, m width, η step; X is n×d (a
// sample per row; Xₖ is nₖ×d), W is m×d (a neuron per row), a ∈ R^m, Z = X Wᵀ is n×m (Zₖ = Xₖ Wᵀ),
// c = output_scale(); θ = (W, a).
#pragma once

#include <span>

#include <Eigen/Core>

#include "harness/rng.h"
#include "learners/activation.h"

namespace thmcheck {

// ---- Finite net ----

// How the initialization and the output scale c depend on the width m (w_r ~ N(0, I_d) in all):
//   kNtk:       a_r ~ N(0, 1),   c = 1/√m   (Du et al., Jacot et al.; width-independent η works)
//   kStandard:  a_r ~ N(0, 1/m), c = 1      (same f at init; its NTK grows like m, so η ∝ 1/m)
//   kMeanField: a_r ~ N(0, 1),   c = 1/m    (f → 0 at init; needs η·m; the lazy-regime control)
enum class Scaling { kNtk, kStandard, kMeanField };
const char* ScalingName(Scaling scaling);  // "ntk", "standard", "mean_field"

// Which layers gradient descent trains: both, θ = (W, a), or the first only (W; a fixed), as in Du
// et al. 2018 Thm 4.1 and Arora et al. 2019 (arXiv 1901.08584) Thm 4.1. A kernel of the net is the
// Gram of the gradients of the trained parameters only.
enum class TrainedLayers { kBoth, kFirst };

class TwoLayerNet {
 public:
  // ∇_θ L, shaped like the parameters.
  struct Gradient {
    Eigen::MatrixXd W;  // m×d
    Eigen::VectorXd a;  // m
  };

  // Draws W then a from `rng`. W is drawn neuron by neuron (w_1 first), so the draws of neuron r
  // do not depend on d's layout in memory.
  static TwoLayerNet Init(int d, int m, Scaling scaling, Activation act, Rng& rng);
  // A net with given parameters, e.g. ±1 output weights or a hand-made test case.
  // Output weights ±1 in pairs: neurons 2r and 2r + 1 share w_r ~ N(0, I_d), with a = +1 and −1,
  // so f ≡ 0 at init (Chizat, Oyallon, Bach 2019's symmetrization, arXiv 1812.07956), while the
  // kernels' limits are those of a_r ~ unif{±1} (Du et al.'s init): a² = 1 either way. m even;
  // c as in Scaling (kNtk or kMeanField; kStandard draws a ~ N(0, 1/m), so it has no sign form).
  static TwoLayerNet InitSignPairs(int d, int m, Scaling scaling, Activation act, Rng& rng);
  static TwoLayerNet FromParameters(Eigen::MatrixXd W, Eigen::VectorXd a, double output_scale,
                                    Activation act);

  int d() const { return static_cast<int>(W_.cols()); }
  int m() const { return static_cast<int>(W_.rows()); }
  Activation activation() const { return act_; }
  const Eigen::MatrixXd& W() const { return W_; }  // m×d
  const Eigen::VectorXd& a() const { return a_; }  // m
  double output_scale() const { return c_; }       // c
  // For optimizers that update in place (e.g. MomentumSgd::Update(slot, net.mutable_W(), g.W)).
  Eigen::MatrixXd& mutable_W() { return W_; }
  Eigen::VectorXd& mutable_a() { return a_; }

  // f(x_i) for every row of X (n×d); returns n values.
  Eigen::VectorXd Forward(const Eigen::Ref<const Eigen::MatrixXd>& X) const;
  // Z = X Wᵀ (n×m): preactivations, e.g. for counting ReLU sign flips between two nets.
  Eigen::MatrixXd Preactivations(const Eigen::Ref<const Eigen::MatrixXd>& X) const;

  // Returns L = ½ Σ_i (f(x_i) − y_i)² over the n rows of X and writes ∇_θ L to *grad:
  //   r = f − y,  ∇a = c σ(Z)ᵀ r,  ∇W = c (σ'(Z) ∘ r aᵀ)ᵀ X.
  // Cost: two n×d×m products and O(nm) elementwise work; no allocation once the scratch has grown
  // to n rows and *grad has the parameters' shape. With `residual`, r (n) is written there too
  // (a trajectory u(t) − y without a second forward pass).
  double LossAndGradient(const Eigen::Ref<const Eigen::MatrixXd>& X,
                         const Eigen::Ref<const Eigen::VectorXd>& y, Gradient* grad,
                         Eigen::VectorXd* residual = nullptr) const;
  // The same on the mini-batch X[rows], y[rows] (rows may repeat): the rows are gathered into a
  // reused buffer. The loss stays a SUM over the batch (scale η yourself for a mean).
  double LossAndGradientOnRows(const Eigen::Ref<const Eigen::MatrixXd>& X,
                               const Eigen::Ref<const Eigen::VectorXd>& y,
                               std::span<const int> rows, Gradient* grad) const;

  // θ ← θ − η ∇ on the trained layers (a stays fixed under kFirst).
  void Step(const Gradient& grad, double eta, TrainedLayers layers = TrainedLayers::kBoth);

  // ‖θ‖ = (‖W‖_F² + ‖a‖²)^½ and ‖θ − θ'‖ for a net of the same shape (c is not a parameter).
  double ParameterNorm() const;
  double DistanceTo(const TwoLayerNet& other) const;

 private:
  // Scratch for the hot path. Buffers only grow (their leading rows are used), so alternating
  // train, test and batch sizes does not reallocate. Copying a net does not copy its scratch.
  // NOTE: const methods write this scratch: do not share one net between threads (copy it).
  struct Workspace {
    Workspace() = default;
    Workspace(const Workspace&) {}
    Workspace& operator=(const Workspace&) { return *this; }
    Eigen::MatrixXd z;        // ≥n×m: Z, then σ(Z)
    Eigen::MatrixXd ds;       // ≥n×m: σ'(Z), then c σ'(Z) ∘ r aᵀ
    Eigen::MatrixXd x_batch;  // ≥b×d: gathered mini-batch rows
    Eigen::VectorXd r;        // ≥n: residual f − y
    Eigen::VectorXd y_batch;  // ≥b
  };

  TwoLayerNet(Eigen::MatrixXd W, Eigen::VectorXd a, double c, Activation act);

  Eigen::MatrixXd W_;
  Eigen::VectorXd a_;
  double c_;
  Activation act_;
  mutable Workspace ws_;
};

// ---- Empirical NTK ----

// The Gram matrix of parameter gradients H(x, x') = ⟨∇_θ f(x), ∇_θ f(x')⟩ with both layers
// trained, θ = (W, a):
//   H = c² [ (σ'(Z₁) diag(a²) σ'(Z₂)ᵀ) ∘ (X₁X₂ᵀ) + σ(Z₁) σ(Z₂)ᵀ ],  Zₖ = Xₖ Wᵀ;
// with the first layer only (θ = W), the first term alone.
// The n₁×n₂ kernel above, in O(n₁ n₂ m + (n₁ + n₂) m d) time from blocks of neurons (never the
// n×m(d+1) Jacobian); memory O(n₁ n₂ + (n₁ + n₂)·kNtkNeuronBlock). When X1 and X2 are the same
// matrix object it exploits symmetry (half the flops) and returns an exactly symmetric H.
Eigen::MatrixXd EmpiricalNtk(const TwoLayerNet& net, const Eigen::Ref<const Eigen::MatrixXd>& X1,
                             const Eigen::Ref<const Eigen::MatrixXd>& X2,
                             TrainedLayers layers = TrainedLayers::kBoth);

// Neurons per block: the n×block scratch stays in L2 for n ≤ 200, and 128 is deep enough for an
// efficient matrix product.
inline constexpr int kNtkNeuronBlock = 128;

// ---- Infinite-width kernel ----

// The NTK of TwoLayerNet (kNtk) as m → ∞ (w ~ N(0, I_d), a ~ N(0, 1), both layers, no bias):
//   H∞(x, x') = (x·x') E[σ'(w·x)σ'(w·x')] + E[σ(w·x)σ(w·x')],
// for ReLU and unit inputs (x·x')(π − θ)/(2π) + (sin θ + (π − θ) cos θ)/(2π), θ = arccos(x·x').
// With the first layer only, the first term: Du et al. 2018's H∞ (arXiv 1810.02054, §3),
// E_w[x·x' 1{w·x ≥ 0, w·x' ≥ 0}] for ReLU.
// Any input norms; n₁×n₂. Exactly symmetric when X1 and X2 are the same matrix object.
// The moments E[σσ], E[σ'σ'], their ReLU NOTE at ρ = 1 and the tanh quadrature's accuracy:
// learners/gaussian_moments.h.
Eigen::MatrixXd AnalyticNtkTwoLayer(const Eigen::Ref<const Eigen::MatrixXd>& X1,
                                    const Eigen::Ref<const Eigen::MatrixXd>& X2, Activation act,
                                    TrainedLayers layers = TrainedLayers::kBoth);

}  // namespace thmcheck
