// Three-layer ResNet out(x) = A(σ(Wx + b₁) + σ(Uσ(Wx + b₁) + b₂)), σ = ReLU, A fixed at init,
// its training, and its empirical NTK at its current parameters. Allen-Zhu & Li 2019, arXiv
// 1905.10337: the learner of Thm 1 (analysed with the bottleneck U = V·A, V ∈ R^{m×k}; a full
// U ∈ R^{m×m} is the option), and the §7 experiment (SGD, momentum 0.9, batch 50, step decay,
// weight decay) [docs/claims/alpha_separation.md, Calibration].
// Why: the network side of claim alpha_separation; its empirical NTK is the "NTK of each net"
// kernel baseline (§7; docs/claims/alpha_separation.md).
// No analytic infinite-width kernel of this ResNet here: the claim's analytic NTK baseline is the
// two-layer H∞ (learners/two_layer_net.h, through learners/kernels.h).
// Legend: n samples (n₁, n₂ for a kernel's two sets; B a mini-batch), d input dim, m width, k
// outputs, η step; X is n×d (a sample per row), W m×d, b₁, b₂ ∈ R^m, A k×m, V m×k (or U m×m), out
// n×k. α, β belong to the target.
#pragma once

#include <functional>
#include <span>
#include <string>
#include <vector>

#include <Eigen/Core>

#include "harness/rng.h"
#include "learners/sgd.h"

namespace thmcheck {

// ---- Finite net ----

// kBottleneck: U = V·A, so the second block reads the k outputs of the first, A σ(Wx + b₁)
// (Thm 1's form: "learn F, then G of it"). kFull: U ∈ R^{m×m} trained directly.
enum class SecondLayer { kBottleneck, kFull };
const char* SecondLayerName(SecondLayer s);  // "bottleneck", "full"

// Initialization (all independent Gaussians; inputs are unit-norm, e.g. the scaled cube):
//   W_rj ~ N(0, w_scale²)         so w_r·x ~ N(0, w_scale²) on ‖x‖ = 1;
//   b₁_r ~ N(0, b1_scale²);
//   A_ar ~ N(0, 1/m)              so AAᵀ ≈ I_k and each output is O(1) at init;
//   V_rc ~ N(0, v_scale²/k)       (bottleneck; U_rc ~ N(0, v_scale²/m) for kFull);
//   b₂_r ~ N(0, b2_scale²).
// NOTE: with v_scale = 0 the second block starts at σ(b₂), so b2_scale must be > 0: with b₂ = 0
// every σ'(0) = 0 (activation.h) and V would never receive a gradient.
struct ResNet3Options {
  int d = 30;
  int m = 256;
  int k = 8;
  SecondLayer second = SecondLayer::kBottleneck;
  // Defaults: calibrated for alpha_separation (d = 30, k = 8, m = 256). Why v_scale > 0: at V = 0
  // every block-2 unit is affine in s = Aσ(Wx + b₁), so ∇V ∝ E[residual·sᵀ] is blind to the
  // degree-4 G(s) and only noise leaves that plateau; v_scale = 0.5 gave err/(kα²) ≤ 0.006 on
  // 6/6 seeds vs ≤ 0.024 with V = 0. NOTE: kFull is untuned (same settings: no learning).
  double w_scale = 1.0;
  double b1_scale = 0.0;
  double v_scale = 0.5;
  double b2_scale = 1.0;
  bool IsValid(std::string* error) const;
};

class ResNet3 {
 public:
  // The trained parameters θ = (W, b₁, V or U, b₂); gradients have the same shapes.
  struct Params {
    Eigen::MatrixXd w;   // m×d
    Eigen::VectorXd b1;  // m
    Eigen::MatrixXd v;   // m×k (bottleneck: U = V·A) or m×m (full: U itself)
    Eigen::VectorXd b2;  // m
  };
  using Gradient = Params;

  // Draws W, b₁, A, V, b₂ in that order, each column-major.
  static ResNet3 Init(const ResNet3Options& options, Rng& rng);
  static ResNet3 FromParameters(Params params, Eigen::MatrixXd a, SecondLayer second);

  int d() const { return static_cast<int>(p_.w.cols()); }
  int m() const { return static_cast<int>(p_.w.rows()); }
  int k() const { return static_cast<int>(a_.rows()); }
  SecondLayer second() const { return second_; }
  const Params& params() const { return p_; }
  Params& mutable_params() {
    return p_;
  }  // e.g. MomentumSgd::Update(slot, mutable_params().w, g.w)
  const Eigen::MatrixXd& a() const { return a_; }  // k×m, never trained

  // out(x_i) for each row of X: n×k (computed in blocks of kForwardBlock rows).
  Eigen::MatrixXd Forward(const Eigen::Ref<const Eigen::MatrixXd>& X) const;
  // σ(XWᵀ + 1b₁ᵀ): the first hidden layer, n×m (the representation the ridge probe reads).
  Eigen::MatrixXd FirstHidden(const Eigen::Ref<const Eigen::MatrixXd>& X) const;

  // Returns L = ½ Σ_i ‖out(x_i) − y_i‖² (a SUM over rows and outputs) and writes ∇_θ L.
  // Y is n×k. No allocation once the scratch has grown to n rows and *grad has θ's shapes.
  double LossAndGradient(const Eigen::Ref<const Eigen::MatrixXd>& X,
                         const Eigen::Ref<const Eigen::MatrixXd>& Y, Gradient* grad) const;
  // The same on the rows X[rows], Y[rows] (gathered into a reused buffer), with the residual
  // multiplied by `scale` first: scale = 1/|rows| gives the gradient of the batch MEAN of
  // ½‖out − y‖². The returned loss is always the unscaled SUM.
  double LossAndGradientOnRows(const Eigen::Ref<const Eigen::MatrixXd>& X,
                               const Eigen::Ref<const Eigen::MatrixXd>& Y,
                               std::span<const int> rows, double scale, Gradient* grad) const;
  // ∇_θ Σ_i ⟨R_i, out(x_i)⟩ for a given n×k R: the backward pass alone. With one row and R = e_a
  // it is the Jacobian row ∇_θ out_a(x) (tests build the explicit NTK from it).
  void Backprop(const Eigen::Ref<const Eigen::MatrixXd>& X,
                const Eigen::Ref<const Eigen::MatrixXd>& R, Gradient* grad) const;

  // Rows per block in Forward / FirstHidden: bounds the scratch at kForwardBlock×m doubles.
  static constexpr int kForwardBlock = 512;

 private:
  // Scratch for the hot path (ws_: training steps, Backprop); buffers only grow (their leading
  // rows are used), so alternating batch sizes does not reallocate. Forward uses a scratch of its
  // own per call, so evaluating a net does not change the bytes of its later training steps.
  // Copying a net does not copy its scratch.
  // NOTE: const methods write ws_: do not share one net between threads (copy it).
  struct Workspace {
    Workspace() = default;
    Workspace(const Workspace&) {}
    Workspace& operator=(const Workspace&) { return *this; }
    Eigen::MatrixXd xb, yb;  // ≥B×d, ≥B×k: gathered rows
    Eigen::MatrixXd h1, d1;  // ≥n×m: σ(Z₁), σ'(Z₁) (Z₁ is written into h1 first)
    Eigen::MatrixXd h2, d2;  // ≥n×m: σ(Z₂), σ'(Z₂)
    Eigen::MatrixXd s;       // ≥n×k: A σ(Z₁) rows (bottleneck input of block 2)
    Eigen::MatrixXd out, r;  // ≥n×k: outputs, residual
    Eigen::MatrixXd g, ds;   // ≥n×m: backward through h; ≥n×k: ∂/∂s
  };
  ResNet3(Params p, Eigen::MatrixXd a, SecondLayer second);
  void Grow(Workspace& w, long n) const;
  // Forward pass on n rows into the scratch w (h1, d1, s, h2, d2, out).
  void ForwardScratch(Workspace& w, const Eigen::Ref<const Eigen::MatrixXd>& X, long n) const;
  // Backward pass from the scratch residual r (n rows) into *grad.
  void BackwardScratch(const Eigen::Ref<const Eigen::MatrixXd>& X, long n, Gradient* grad) const;
  // ½‖out(X) − Y‖² (returned) and the gradient of scale × that loss into *grad.
  double ResidualStep(const Eigen::Ref<const Eigen::MatrixXd>& X,
                      const Eigen::Ref<const Eigen::MatrixXd>& Y, double scale,
                      Gradient* grad) const;

  Params p_;
  Eigen::MatrixXd a_;
  SecondLayer second_;
  mutable Workspace ws_;
};

// ---- Training: mini-batch SGD with momentum, step decay and weight decay (learners/sgd.h) ----
struct ResNet3TrainOptions {
  // Defaults: the paper's §7 optimizer (batch 50, momentum 0.9, ÷10 steps) with the calibrated
  // η = 2, second_lr_scale = 0.1 (a useful η is O(1) here because A ~ N(0, 1/m) makes every
  // ∂out/∂W_rj = O(1/√m)). No decay unless listed (the paper: ÷10 at half of 800 epochs).
  int epochs = 200;
  int batch_size = 50;
  double lr = 2.0;  // η for W and b₁; the optimizer sees the batch-MEAN gradient
  double momentum = 0.9;
  double weight_decay = 0.0;      // on every trained parameter (biases too, as torch.optim.SGD)
  double second_lr_scale = 0.1;   // V (or U) and b₂ step at second_lr_scale·η (≈ α² in the
                                  // analysis, docs/claims/alpha_separation.md; 0.1 worked for
                                  // all α ∈ [0.1, 0.4])
  std::vector<int> decay_epochs;  // η ÷= decay_factor at the start of each listed epoch
  double decay_factor = 10.0;
  bool IsValid(std::string* error) const;
};

struct ResNet3TrainResult {
  bool diverged = false;  // a non-finite loss stopped training (the net is left as is)
  int epochs_run = 0;
  // Per epoch: mean over its samples of ½‖out − y‖², each taken when its batch was seen.
  std::vector<double> epoch_loss;
};

// Trains *net in place on (X, Y): each epoch visits a fresh permutation (Permutation(rng, n)) in
// batches of batch_size (the last one smaller when B ∤ n). `after_epoch(epoch, net)`, if set, runs
// after every epoch (curves, validation); it must not change the net's shape.
ResNet3TrainResult TrainResNet3(
    ResNet3* net, const Eigen::Ref<const Eigen::MatrixXd>& X,
    const Eigen::Ref<const Eigen::MatrixXd>& Y, const ResNet3TrainOptions& options, Rng& rng,
    const std::function<void(int epoch, const ResNet3& net)>& after_epoch = nullptr);

// TrainResNet3 in pieces: Run(X, Y, a) then Run(X, Y, b) is byte-identical to one Run(X, Y, a + b)
// (same epochs, batches, learning rates and momenta) when every call passes the same X and Y, so
// several inits can be screened for a few epochs and the best one continued
// (claims/alpha_separation_cells.cc). The data is not stored: nothing can dangle.
class ResNet3Trainer {
 public:
  ResNet3Trainer(ResNet3 net, const ResNet3TrainOptions& options, Rng rng);
  // Runs up to `epochs` more epochs on (X, Y), never past options.epochs; stops at a non-finite
  // loss (result().diverged).
  const ResNet3TrainResult& Run(
      const Eigen::Ref<const Eigen::MatrixXd>& X, const Eigen::Ref<const Eigen::MatrixXd>& Y,
      int epochs, const std::function<void(int epoch, const ResNet3& net)>& after_epoch = nullptr);
  const ResNet3& net() const { return net_; }
  ResNet3&& take_net() && { return std::move(net_); }
  const ResNet3TrainResult& result() const { return result_; }
  const Rng& rng() const { return rng_; }

 private:
  ResNet3 net_;
  ResNet3TrainOptions o_;
  Rng rng_;
  double lr_;
  // Two optimizers, because block 2 (V or U, b₂) steps at second_lr_scale·η; a scale of 0
  // freezes block 2 (`second_` is then never used).
  MomentumSgd first_, second_;
  ResNet3::Gradient grad_;
  ResNet3TrainResult result_;
};

// ---- Empirical NTK ----

// Θ at the net's current parameters, w.r.t. (W, V) (or (W, U)); biases excluded:
// Θ_ab(x, x') = ⟨∇_{W,V} out_a(x), ∇_{W,V} out_b(x')⟩. With J(x) = A + A D₂(x) U (k×m, the
// derivative of out w.r.t. σ(Z₁)), D_ℓ = diag σ'(Z_ℓ), and t(x) the block-2 input (s = Aσ(Z₁)
// for the bottleneck, σ(Z₁) for kFull), the diagonal blocks are, from n×m matrices only:
//   Θ_aa = (P_a P'_aᵀ) ∘ (X X'ᵀ) + (E_a E'_aᵀ) ∘ (T T'ᵀ),
//   P_a = (1A_a + E_a U) ∘ σ'(Z₁),  E_a = σ'(Z₂) ∘ 1A_a   (rows: samples; 1A_a broadcasts row a).
// Convention: the paper's lower bound (Thm 2 / §7.1; docs/claims/parity_lower_bound.md) is for k
// separate scalar kernels K_1 … K_k, one per output; Θ_aa is exactly that ("NTK of each net"), and
// the mean (1/k)Σ_a Θ_aa is one kernel K used as K ⊗ I_k — the structure of the infinite-width
// limit, where the off-diagonal blocks vanish (E A_ar A_br = 0 for a ≠ b). The full nk×nk
// matrix-valued kernel is not offered: it is not a case of that theorem, and it costs k² such
// products.
// Cost: 2 GEMMs of n₁×m×n₂ per output (kPerOutput) or one of n₁×km×n₂ plus one of n₁×m×n₂ (kMean).
enum class NtkOutputs { kPerOutput, kMean };
std::vector<Eigen::MatrixXd> ResNet3EmpiricalNtk(const ResNet3& net,
                                                 const Eigen::Ref<const Eigen::MatrixXd>& X1,
                                                 const Eigen::Ref<const Eigen::MatrixXd>& X2,
                                                 NtkOutputs outputs);

}  // namespace thmcheck
