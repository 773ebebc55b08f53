// Claim `ntk_closeness`: wide two-layer nets trained by GD stay near their linearization.
// Theorem: Du, Zhai, Póczos, Singh 2018, arXiv 1810.02054, Remark 3.1 / Lemmas 3.1–3.2 (‖H(0) − H∞‖
//   and ‖H(t) − H(0)‖ are O(m^−1/2)); Lee et al. 2019, arXiv 1902.06720, Thm 2.1 (below a critical
//   η the trajectory stays O(m^−1/2) from the linearized one). Legend: n train points, d input dim,
//   m width, η step, H₀ the empirical NTK Gram at init, H∞ its infinite-width limit.
// Observables and predicted rates in m (main arm: NTK scaling, η = eta_factor/λ_max(H₀) < 2/λ_max):
//   rel_weight_change ‖θ_T − θ₀‖/‖θ₀‖ ∝ m^−1/2 (exact), sign_flip_fraction ∝ m^−1/2 (exact),
//   init_kernel_dev ‖H₀ − H∞‖_F ∝ m^−1/2 (exact), rel_kernel_change ‖H_T − H₀‖/‖H₀‖ ≤ m^−1/2
//   (bound), lin_gap sup_t RMS(f_t − f_t^lin) on held-out points ≤ m^−1/2 (bound).
// Sweep: widths 256 … 8192 (32×, 6 widths) × 6 replicates at quick scale; 256 … 32768 × 16 at full;
//   each replicate's dataset is shared by all its widths and arms (common random numbers). Smoke
//   (seconds, sanitizer CI; any verdict): n = 8, widths 64 … 1024, 2 replicates, 50 steps.
// Tolerances: exact rates −1/2 ± 0.1, bounds slope ≤ −0.4 (kSlopeAllowance below, derived there);
//   no check reads an unfinished run (loss_T/loss_0 > 1e−4, kFinishedRatio, derived there): its
//   trained observables are not recorded, a gap that caps a main arm's checks.
// Controls, each naming the main checks it must FAIL and predicting its own outcome:
//   mean_field f = (1/m)Σ a σ(w·x), η = 0.5/λ_max(H₀) (scales as m through λ_max; still inside
//   the main arm's η < 2/λ_max(H₀), see kMeanFieldEtaFactor): weight change and sign flips
//   flat in m (slope 0 ± 0.1, on its finished runs) — must fail the weight-change, sign-flip and
//   kernel-change rates; large_step η = 3/λ_max(H₀) (the catapult, Lewkowycz et al. 2020, arXiv
//   2003.02218): most runs neither diverge nor stay unfinished, and end where η·λ_max(H_T) < 2
//   — must fail the
//   weight-change and kernel-change rates. A claim about the network, not its linearization
//   (which diverges like |1 − ηλ|^T by construction above 2/λ_max).
// Convention: f(x) = (1/√m) Σ_r a_r σ(w_r·x), w_r ~ N(0, I_d), a_r ~ N(0, 1), x on
//   S^{d−1}, loss ½ Σ_i (f(x_i) − y_i)² (a sum), y ~ N(0, 1), both layers trained by full-batch GD.
#include "claims/claims.h"

#include <algorithm>
#include <cmath>
#include <limits>

#include "concepts/sphere.h"
#include "harness/rng.h"
#include "learners/empirical_ntk.h"
#include "learners/kernel_regression.h"
#include "learners/linearized_model.h"
#include "learners/ntk_analytic.h"
#include "learners/two_layer_net.h"

namespace thmcheck {
namespace {

// Finite-size allowance on every fitted exponent. The CLT rates are exact up to relative
// corrections of order m^−1/2 (next term of the expansion); pilot runs ([calib],
// docs/claims/ntk_closeness.md, Calibration: n = 20, d = 10, m = 64 … 8192, 3 seeds) gave −0.50,
// −0.50 and −0.49 for the three exact rates, so 0.1 covers finite-size bias with room; the fit's
// own interval covers replicate noise.
constexpr double kSlopeAllowance = 0.1;
constexpr double kRate = -0.5;
// Fit only from m ≥ 128 (docs/claims/ntk_closeness.md, pitfalls: below it the O(1/m) terms bend the
// curve). The default sweep starts at 256: at 128 … 4096 the local slope of sign flips still
// steepened from −0.37 to −0.54 (d = 5, seed 5), biasing the fit to −0.42; from 256 it gave −0.47.
constexpr double kMinWidth = 128;
// A run whose loss exceeds its initial loss by this factor, or is not finite, has diverged (at
// η ≥ 4/λ_max GD on the quadratic part grows geometrically, docs/claims/ntk_closeness.md); 1e8 is
// far above any transient of a converging catapult (λ_max falls ~4× and the loss peaks ~10–100×,
// [calib]).
constexpr double kDivergenceFactor = 1e8;

// ‖H₀ − H∞‖_F is an init-only observable: it is averaged over this many independent inits per
// cell (the trained net's and kInitDraws − 1 more), each O(n²m), so its slope is not dominated by
// one draw's spread (seed 2, quick: 90% interval ±0.11 with one draw, ±0.03 with 8).
constexpr int kInitDraws = 8;

constexpr const char* kExact =
    "−1/2 ± 0.1: CLT rate; 0.1 = finite-size allowance (pilot −0.49…−0.50)";
constexpr const char* kBound = "≤ −1/2 + 0.1: the theorem bounds the rate; pilot −0.63…−0.75";

// A run has finished when loss_T/loss_0 ≤ 1e−4; an unfinished run records no trained observable
// (weights, signs, kernel change, linearization gap), so it is a gap: in the main arm it caps
// every rate at INCONCLUSIVE, in a control it is left out (checks.h). Why 1e−4: under the
// linearized dynamics the residual r_t shrinks monotonically and the distance still to travel in
// weight space, relative to the distance travelled, is of order ‖r_T‖/‖r_0‖ = √(loss ratio) =
// 1%; a relative error of 1% in y at one end of a 32× sweep moves its slope by at most
// 0.01/ln 32 ≈ 0.003 (0.006 if the two ends err oppositely), 6% of the allowance 0.1. Du et al.
// Thm 4.1 predicts (1 − ηλ_min/2)^{2T}: ≈ 1e−12 at η = 1/λ_max, T = 400 ([calib] λ_max 4.68,
// λ_min 0.167). Pilot (seeds 1000–1019, 720 main-arm cells): every ratio ≤ 10^−5.4.
constexpr double kFinishedRatio = 1e-4;
// The mean-field control's flat slopes: under 1/m output scaling the particles' flow has an
// m → ∞ limit (Mei, Montanari, Nguyen 2018, arXiv 1804.06561), so weight change and sign flips
// tend to constants with O(m^−1/2) fluctuations ([calib] slopes within ±0.01); 0.1 is the main
// arm's own finite-size allowance, so the two bands are 0.3 apart.
constexpr const char* kFlat =
    "0 ± 0.1: the mean-field flow has a width-independent limit ([calib] slopes within ±0.01); "
    "0.1 = the main arm's allowance";
// The mean-field control's step, 0.5/λ_max(H₀): the condition it breaks is the output scale only,
// and any η < 2/λ_max(H₀) meets the main arm's. Why not the main arm's 1/λ_max(H₀): under
// mean-field scaling the NTK grows while the features move, and that step ends at the edge of
// stability (pilot, seed 1000: η·λ_max(H_T) = 1.9–2.3, one replicate of six diverged at every
// width, two unfinished after 400 steps); at 0.5/λ_max(H₀) λ_max(H) grows ≈ 4× to η·λ_max(H_T) =
// 1.4–1.98 and every run finished (seeds 1000–1002, 108 cells, log10 loss ratio −6.1 … −34).
constexpr double kMeanFieldEtaFactor = 0.5;
// The catapult's end point: a step above 2/λ_max(H₀) that converges does so after λ_max(H) has
// fallen below 2/η (Lewkowycz et al. 2020, arXiv 2003.02218, §2: the loss spikes and the
// curvature drops until the step is stable); [calib] λ_max 4.7 → 1.3, i.e. η·λ_max(H_T) ≈ 0.8.
constexpr const char* kCatapult =
    "≤ 2: a converged large-step run ends where the step is stable, η·λ_max(H_T) < 2 (catapult; "
    "[calib] 3/4.7·1.3 ≈ 0.8)";
// Most large-step runs converge: [calib] η = 3/λ_max converged in every seed, η = 4/λ_max diverged
// for most. ≥ 1/2 at each width is "most" (6 of 6 gives a Clopper–Pearson 90% lower end 0.61).
constexpr const char* kMostConverge =
    "≥ 1/2 at every width: at 1.5× the critical step most runs do not diverge ([calib] none did)";
constexpr const char* kMostFinish =
    "≥ 1/2 at every width: after the catapult most runs converge (loss ratio ≤ 1e−4; [calib] "
    "all did)";

// The names of the σ and output-scaling choices in parameters and result files.
const Choices<Activation> kActivations = {
    {{Activation::kRelu, "relu"}, {Activation::kTanh, "tanh"}}};
const Choices<Scaling> kScalings = {{{Scaling::kNtk, "ntk"}, {Scaling::kMeanField, "mean_field"}}};

CellOutcome RunCell(const CellParams& p, const CellSeeds& seeds) {
  const int n = p.Int("n"), n_test = p.Int("n_test"), d = p.Int("d"), m = p.Int("m");
  const int steps = p.Int("steps");
  const Activation act = p.Choice("activation", kActivations);
  const Scaling scaling = p.Choice("scaling", kScalings);

  // The dataset is shared by every width and arm of a replicate (common random numbers): the
  // slopes then measure the width dependence, not the spread of λ_min(H∞) between datasets.
  Rng data_rng(DeriveSeed(seeds.replicate, "data"));
  const Eigen::MatrixXd X = SampleUnitSphere(data_rng, n, d);
  const Eigen::MatrixXd X_test = SampleUnitSphere(data_rng, n_test, d);
  const Eigen::VectorXd y = SampleGaussianLabels(data_rng, n);
  Rng init_rng(DeriveSeed(seeds.cell, "init"));
  TwoLayerNet net = TwoLayerNet::Init(d, m, scaling, act, init_rng);
  const TwoLayerNet net0 = net;

  const Eigen::MatrixXd H0 = EmpiricalNtk(net, X, X);
  const Eigen::MatrixXd Theta0 = EmpiricalNtk(net, X_test, X);
  // NOTE: Eigen 3.4's SelfAdjointEigenSolver can fail to converge on Gram matrices;
  // SymmetricEigenDecompose checks and retries (learners/kernel_regression.h).
  const double lambda_max =
      SymmetricEigenDecompose(H0, /*compute_vectors=*/false).values.maxCoeff();
  const double eta = p.Real("eta_factor") / lambda_max;
  // H₀ / (m c²) is the per-neuron average, the NTK-normalized Gram whatever the output scale c.
  const double c2m = net.output_scale() * net.output_scale() * m;
  const Eigen::MatrixXd H_inf = AnalyticNtkTwoLayer(X, X, act);
  double init_dev = (H0 / c2m - H_inf).norm();
  for (int k = 1; k < kInitDraws; ++k) {
    const TwoLayerNet other = TwoLayerNet::Init(d, m, scaling, act, init_rng);
    init_dev += (EmpiricalNtk(other, X, X) / c2m - H_inf).norm();
  }

  CellOutcome out;
  out.observables["lambda_max"] = lambda_max;
  out.observables["eta"] = eta;
  out.observables["init_kernel_dev"] = init_dev / kInitDraws;

  LinearizedModel lin(net.Forward(X), net.Forward(X_test), H0, Theta0, y);
  TwoLayerNet::Gradient grad;
  const double loss0 = net.LossAndGradient(X, y, &grad);
  double loss = loss0, lin_gap = 0;
  for (int t = 1; t <= steps; ++t) {
    net.Step(grad, eta);
    lin.Step(eta);
    // sup over steps of the held-out RMS gap; ∞ once the linearization itself diverges
    // (it does for η > 2/λ_max: the control arm's catapult).
    const double gap = std::sqrt((net.Forward(X_test) - lin.u_test()).squaredNorm() / n_test);
    lin_gap = std::isfinite(gap) ? std::max(lin_gap, gap) : INFINITY;
    loss = net.LossAndGradient(X, y, &grad);
    if (!std::isfinite(loss) || loss > kDivergenceFactor * loss0) {
      out.status = CellStatus::kDiverged;
      out.note = "loss " + std::to_string(loss) + " at step " + std::to_string(t) + " (initial " +
                 std::to_string(loss0) + ")";
      out.observables["final_loss"] = loss;
      return out;
    }
  }
  out.observables["final_loss"] = loss;
  out.observables["loss_ratio"] = loss / loss0;
  // NOTE: a loss that reached exactly 0 would give −∞ (unusable): clamp at the smallest normal.
  out.observables["log10_loss_ratio"] =
      std::log10(std::max(loss / loss0, std::numeric_limits<double>::min()));
  const bool finished = loss / loss0 <= kFinishedRatio;
  out.observables["finished"] = finished ? 1.0 : 0.0;
  if (!finished) {  // no trained observable from an unfinished run (kFinishedRatio)
    out.note = "unfinished: loss ratio " + std::to_string(loss / loss0) + " after " +
               std::to_string(steps) + " steps";
    return out;
  }
  const Eigen::MatrixXd HT = EmpiricalNtk(net, X, X);
  const double lambda_max_T =
      SymmetricEigenDecompose(HT, /*compute_vectors=*/false).values.maxCoeff();
  const Eigen::ArrayXXd Z0 = net0.Preactivations(X).array(), ZT = net.Preactivations(X).array();
  out.observables["rel_weight_change"] = net.DistanceTo(net0) / net0.ParameterNorm();
  out.observables["sign_flip_fraction"] = ((Z0 > 0) != (ZT > 0)).cast<double>().mean();
  out.observables["rel_kernel_change"] = (HT - H0).norm() / H0.norm();
  out.observables["lin_gap"] = lin_gap;
  out.observables["lambda_max_T"] = lambda_max_T;
  out.observables["eta_lambda_T"] = eta * lambda_max_T;
  return out;
}

std::vector<CheckSpec> MainChecks() {
  return {
      ExponentCheck("rel_weight_change", "m", kRate, kSlopeAllowance, kExact, kMinWidth),
      ExponentCheck("sign_flip_fraction", "m", kRate, kSlopeAllowance, kExact, kMinWidth),
      ExponentCheck("init_kernel_dev", "m", kRate, kSlopeAllowance, kExact, kMinWidth),
      ExponentAtMost("rel_kernel_change", "m", kRate, kRate + kSlopeAllowance, kBound, kMinWidth),
      ExponentAtMost("lin_gap", "m", kRate, kRate + kSlopeAllowance, kBound, kMinWidth),
  };
}

std::vector<CheckSpec> MeanFieldPredictions() {
  return {
      Named("rel_weight_change flat",
            ExponentCheck("rel_weight_change", "m", 0, kSlopeAllowance, kFlat, kMinWidth)),
      Named("sign_flip_fraction flat",
            ExponentCheck("sign_flip_fraction", "m", 0, kSlopeAllowance, kFlat, kMinWidth)),
  };
}

std::vector<CheckSpec> LargeStepPredictions() {
  return {StatusAtLeast("ok", 0.5, kMostConverge), ProportionAtLeast("finished", 0.5, kMostFinish),
          MeanAtMost("eta_lambda_T", 2.0, kCatapult)};
}

constexpr const char* kMeanFieldWeights =
    "1/m output scaling: each particle moves O(1) at every width (slope ≈ 0, not −1/2)";
constexpr const char* kMeanFieldFlips =
    "the particles move O(1), so a width-independent fraction of ReLU signs flips";
constexpr const char* kMeanFieldKernel =
    "the NTK moves with the particles: O(1) relative change at every width";
constexpr const char* kCatapultWeights =
    "above 2/λ_max the loss first grows along the top eigendirection and the weights move O(1) "
    "to a flatter point, at every width";
constexpr const char* kCatapultKernel =
    "the catapult lowers λ_max(H) by O(1) at every width ([calib] 4.7 → 1.3)";

}  // namespace

ClaimSpec NtkClosenessClaim() {
  ClaimSpec c;
  c.id = "ntk_closeness";
  c.protocol = 2;
  c.title = "Wide two-layer nets stay near their linearization (NTK regime)";
  c.statement =
      "Under over-parameterization, NTK initialization and a step below 2/λ_max(H₀), gradient "
      "descent moves the weights, the ReLU activation pattern and the NTK by O(m^−1/2), the "
      "initial NTK is O(m^−1/2) from its infinite-width limit, and the network stays O(m^−1/2) "
      "from its linearization on held-out points.";
  c.citation = {"S. S. Du, X. Zhai, B. Póczos, A. Singh",
                2018,
                "Gradient Descent Provably Optimizes Over-parameterized Neural Networks",
                "1810.02054",
                "Remark 3.1, Lemmas 3.1–3.2",
                "ICLR 2019",
                {"J. Lee et al. 2019, Wide neural networks of any depth evolve as linear models "
                 "under gradient descent, arXiv 1902.06720, Thm 2.1",
                 "Z. Allen-Zhu, Y. Li, Z. Song 2018, A convergence theory for deep learning via "
                 "over-parameterization, arXiv 1811.03962"}};
  c.params = {
      IntParam("n", 2, 2000, "training points on S^{d−1}").Defaults(20, 20).Smoke(8),
      IntParam("n_test", 1, 10000, "held-out points for the linearization gap")
          .Defaults(20, 20)
          .Smoke(8),
      IntParam("d", 2, 1000, "input dimension").Defaults(10, 10),
      IntListParam("widths", 16, 65536, 5, true, "hidden widths m swept")
          .Defaults({256, 512, 1024, 2048, 4096, 8192},
                    {256, 512, 1024, 2048, 4096, 8192, 16384, 32768})
          .Smoke({64, 128, 256, 512, 1024}),
      IntParam("replicates", 2, 1000, "independent datasets (each shared by all widths)")
          .Defaults(6, 16)
          .Smoke(2),
      IntParam("steps", 1, 100000, "full-batch GD steps").Defaults(400, 400).Smoke(50),
      RealParam("eta_factor", 1e-3, 1.9,
                "main-arm step η = eta_factor/λ_max(H₀) per replicate; < 2 is the lazy regime")
          .Defaults(1.0, 1.0),
      ChoiceParam("activation", kActivations, "σ").Defaults("relu", "relu"),
  };
  const nlohmann::json main_overrides = {{"scaling", "ntk"}};
  c.arms = {
      {"main",
       ArmRole::kMain,
       "NTK scaling, η = eta_factor/λ_max(H₀) < 2/λ_max",
       main_overrides,
       {{"m", "widths"}},
       MainChecks()},
      {.name = "mean_field",
       .role = ArmRole::kControl,
       .condition =
           "mean-field scaling f = (1/m)Σ a σ(w·x): the lazy regime's 1/√m output scale is broken",
       .overrides = {{"scaling", "mean_field"}, {"eta_factor", kMeanFieldEtaFactor}},
       .axes = {{"m", "widths"}},
       .checks = MeanFieldPredictions(),
       .must_fail = {{"rel_weight_change", kMeanFieldWeights},
                     {"sign_flip_fraction", kMeanFieldFlips},
                     {"rel_kernel_change", kMeanFieldKernel}}},
      {.name = "large_step",
       .role = ArmRole::kControl,
       .condition = "step η = 3/λ_max(H₀), above the lazy-regime limit 2/λ_max (catapult)",
       .overrides = {{"scaling", "ntk"}, {"eta_factor", 3.0}},
       .axes = {{"m", "widths"}},
       .checks = LargeStepPredictions(),
       .must_fail = {{"rel_weight_change", kCatapultWeights},
                     {"rel_kernel_change", kCatapultKernel}}},
  };
  c.run = RunCell;
  return c;
}

}  // namespace thmcheck
