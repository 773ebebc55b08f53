// Claim `lazy_training_scale`: scaling a smooth model's output by α, with the loss divided by α²
//   and an output that is zero at init, makes training lazy: over a fixed time horizon the
//   weights move O(1/α), stay within O(1/α²) of the linearized model's, and the outputs within
//   O(1/α) of its outputs.
// Paper: Chizat, Oyallon, Bach 2019, "On Lazy Training in Differentiable Programming", arXiv
//   1812.07956, Thm 2.2 (h(w₀) = 0, Dh Lipschitz, horizon T fixed: sup_t ‖w_α(t) − w₀‖ = O(1/α),
//   sup_t ‖w_α(t) − w̄_α(t)‖ = O(1/α²), sup_t ‖αh(w_α(t)) − αh̄(w̄_α(t))‖ = O(1/α); read in a
//   restatement: docs/claims/lazy_training_scale.md).
//   Legend: n points x on the unit sphere of R^d, m width, f = αh, h(θ) = (1/m) Σ_r a_r σ(w_r·x)
//   with both layers trained, neurons in ±1 sign pairs so h(θ₀) ≡ 0; GD on (1/α²)·½Σ(f − y)² at a
//   step that keeps the horizon fixed in function space; θ̄ the linearized model's parameters,
//   f̄ its outputs; weight_change = sup_t ‖θ − θ₀‖/‖θ₀‖, param_gap = sup_t ‖θ − θ̄‖/‖θ₀‖,
//   function_gap = sup_t ‖f − f̄‖/‖y‖.
// Prediction (tanh, m = 1024, α = 4 … 512): slopes in α of weight_change −1 ± 0.1, of param_gap
//   −2 ± 0.2, of function_gap ≤ −1. Controls: ReLU (Dh not Lipschitz: function gap ∝ α^−1/2) and
//   an unpaired init (h(θ₀) ≠ 0: weight change flat in α). Tolerances and their derivations:
//   docs/claims/lazy_training_scale.md.
#include "claims/claims.h"

#include <algorithm>
#include <cmath>
#include <string>

#include "concepts/sphere.h"
#include "harness/rng.h"
#include "learners/kernel_regression.h"
#include "learners/linearized_parameters.h"
#include "learners/two_layer_net.h"

namespace thmcheck {
namespace {

// The init: ±1 sign pairs (h(θ₀) ≡ 0, the theorem's case) or i.i.d. a ~ N(0, 1) (h(θ₀) ≠ 0).
enum class Init { kSignPairs, kIid };
const Choices<Init> kInits = {{{Init::kSignPairs, "sign_pairs"}, {Init::kIid, "iid"}}};
const Choices<Activation> kActivations = {
    {{Activation::kTanh, "tanh"}, {Activation::kRelu, "relu"}}};

CellOutcome RunCell(const CellParams& p, const CellSeeds& seeds);

// docs/claims/lazy_training_scale.md, Tolerances: each band's derivation.
constexpr const char* kWeightWhy =
    "−1 ± 0.1: the first-order term of the expansion in 1/α; the next, O(1/α²), bends the "
    "local slope to −0.93 between α = 4 and 8 and the fitted one to −0.99 (probe, seed 1001)";
constexpr const char* kParamGapWhy =
    "−2 ± 0.2: the linearization error of a smooth h is second order in the O(1/α) move; its "
    "own next term bends the local slope to −1.85 between α = 4 and 8 and the fitted one to "
    "−1.98 (probe, seed 1001)";
constexpr const char* kFunctionGapWhy =
    "≤ −1: Chizat et al.'s O(1/α) bound (one-sided; a cancellation may make it steeper)";
constexpr const char* kReluWhy =
    "−½ ± 0.25: with ReLU the linearization error is carried by the ≈ mδ neurons whose "
    "preactivation the O(δ) = O(1/α) move flips, each off by O(δ) with a random sign: "
    "(α/m)·δ·√(mδ) ∝ α^−1/2 [derived]";
constexpr const char* kFlatWhy =
    "0 ± 0.2: with h(θ₀) ≠ 0 the initial residual grows like α‖h(θ₀)‖, and the move it drives is "
    "that residual over α: constant once α‖h(θ₀)‖ ≫ ‖y‖ [derived]";

}  // namespace

ClaimSpec LazyTrainingScaleClaim() {
  return {
      .id = "lazy_training_scale",
      .protocol = 1,
      .title =
          "Scaling a smooth model's output by α makes training lazy: moves O(1/α), "
          "linearization gap O(1/α²)",
      .statement =
          "For a two-layer tanh net f = (α/m) Σ a_r tanh(w_r·x) with both layers trained, an "
          "output that is zero at init and the loss divided by α², gradient descent over a "
          "fixed horizon moves the parameters by O(1/α), stays within O(1/α²) of the linearized "
          "model's parameters and within O(1/α) of its outputs.",
      .citation = {.authors = "L. Chizat, E. Oyallon, F. Bach",
                   .year = 2019,
                   .title = "On Lazy Training in Differentiable Programming",
                   .arxiv = "1812.07956",
                   .theorem = "Thm 2.2",
                   .venue = "NeurIPS 2019",
                   .also = {}},
      .params =
          {
              IntParam("replicates", 3, 10000, "point sets, targets and inits")
                  .Defaults(20, 50)
                  .Smoke(3),
              IntParam("n", 2, 1000, "points on the unit sphere").Defaults(32, 32),
              IntParam("d", 2, 1000, "input dimension").Defaults(10, 10),
              IntParam("m", 2, 100000, "width (even)").Defaults(1024, 1024).Smoke(64),
              RealListParam("alphas", 1e-3, 1e6, 3, true, "output scales α of the swept arms")
                  .Defaults(nlohmann::json::array({4, 8, 16, 32, 64, 128, 256, 512}),
                            nlohmann::json::array({4, 8, 16, 32, 64, 128, 256, 512, 1024, 2048}))
                  .Smoke(nlohmann::json::array({4, 16, 64})),
              RealListParam("relu_alphas", 1e-3, 1e6, 3, true,
                            "α of the ReLU control (√m … m/2: many flipped units per point)")
                  .Defaults(nlohmann::json::array({32, 64, 128, 256, 512}),
                            nlohmann::json::array({32, 64, 128, 256, 512}))
                  .Smoke(nlohmann::json::array({16, 32, 64})),
              RealListParam("iid_alphas", 1e-3, 1e6, 3, true, "α of the unpaired-init control")
                  .Defaults(nlohmann::json::array({128, 256, 512, 1024, 2048}),
                            nlohmann::json::array({128, 256, 512, 1024, 2048, 4096}))
                  .Smoke(nlohmann::json::array({16, 32, 64})),
              IntParam("steps", 1, 1000000, "K: GD steps (the horizon)").Defaults(200, 200),
              RealParam("eta_factor", 1e-3, 1.9,
                        "η_f·λ_max(H∞): the function-space step, the same at every α")
                  .Defaults(0.5, 0.5),
          },
      .validate = [](const nlohmann::json& p) -> std::string {
        if (p.at("m").get<int>() % 2 != 0) return "m must be even (neurons come in ±1 sign pairs)";
        return "";
      },
      .arms =
          {
              {.name = "tanh",
               .role = ArmRole::kMain,
               .condition = "tanh (Dh Lipschitz), sign-paired init (h(θ₀) ≡ 0), α swept",
               .overrides = {{"activation", "tanh"}, {"init", "sign_pairs"}},
               .axes = {{.name = "alpha", .from = "alphas"}},
               .checks = {ExponentCheck("weight_change", "alpha", -1, 0.1, kWeightWhy),
                          ExponentCheck("param_gap", "alpha", -2, 0.2, kParamGapWhy),
                          ExponentAtMost("function_gap", "alpha", -1, -1, kFunctionGapWhy)}},
              {.name = "relu",
               .role = ArmRole::kControl,
               .condition = "ReLU: Dh is not Lipschitz (α from √m to m/2)",
               .overrides = {{"activation", "relu"}, {"init", "sign_pairs"}},
               .axes = {{.name = "alpha", .from = "relu_alphas"}},
               .checks = {Named("gap ∝ α^−1/2",
                                ExponentCheck("function_gap", "alpha", -0.5, 0.25, kReluWhy))},
               .must_fail = {{.check = "function_gap",
                              .why = "flipped ReLU units keep an O(α^−1/2) error: slower than "
                                     "the smooth O(1/α)"}}},
              {.name = "iid_init",
               .role = ArmRole::kControl,
               .condition = "i.i.d. output weights: h(θ₀) ≠ 0, so f₀ = αh(θ₀) grows with α",
               .overrides = {{"activation", "tanh"}, {"init", "iid"}},
               .axes = {{.name = "alpha", .from = "iid_alphas"}},
               .checks = {Named("move flat in α",
                                ExponentCheck("weight_change", "alpha", 0, 0.2, kFlatWhy))},
               .must_fail = {{.check = "weight_change",
                              .why = "the residual to remove grows like α: the move does not "
                                     "shrink"}}},
          },
      .figures =
          {
              {.name = "lazy_scaling",
               .title = "Relative move, parameter gap and function gap against α (tanh)",
               .arm = "tanh",
               .x = "alpha",
               .y_label = "relative size",
               .series = {"weight_change", "param_gap", "function_gap"}},
              {.name = "relu",
               .title = "Control: ReLU",
               .arm = "relu",
               .x = "alpha",
               .y_label = "relative size",
               .series = {"weight_change", "param_gap", "function_gap"}},
              {.name = "iid_init",
               .title = "Control: h(θ₀) ≠ 0",
               .arm = "iid_init",
               .x = "alpha",
               .y_label = "relative size",
               .series = {"weight_change", "function_gap"}},
          },
      .run = RunCell,
  };
}

namespace {

CellOutcome RunCell(const CellParams& p, const CellSeeds& seeds) {
  const int n = static_cast<int>(p.Int("n")), d = static_cast<int>(p.Int("d"));
  const int m = static_cast<int>(p.Int("m"));
  const double alpha = p.Real("alpha");
  const Activation act = p.Choice("activation", kActivations);
  // Points and target are the replicate's (the same at every α): y = √d·β·x, ‖β‖ = 1.
  Rng data_rng(DeriveSeed(seeds.replicate, "data"));
  const Eigen::MatrixXd X = SampleUnitSphere(data_rng, n, d);
  Eigen::VectorXd beta(d);
  FillNormal(data_rng, beta);
  const Eigen::VectorXd y = std::sqrt(static_cast<double>(d)) * X * beta.normalized();
  // The init is the replicate's too: α only rescales the output, θ₀ is the same at every α.
  Rng init_rng(DeriveSeed(seeds.replicate, "init"));
  const TwoLayerNet base =
      p.Choice("init", kInits) == Init::kSignPairs
          ? TwoLayerNet::InitSignPairs(d, m, Scaling::kMeanField, act, init_rng)
          : TwoLayerNet::Init(d, m, Scaling::kMeanField, act, init_rng);
  TwoLayerNet net =
      TwoLayerNet::FromParameters(base.W(), base.a(), alpha / static_cast<double>(m), act);
  // GD on ½Σ(f − y)² at η/α² is GD on Chizat et al.'s (1/α²)·½Σ(αh − y)² at η. The net's
  // function-space kernel is (α²/m)·H_m with H_m → H∞ (NTK normalization), so η = η_f·m/λ_max
  // gives the function-space step η_f/λ_max at every α: the horizon K·η_f is the same.
  const double lambda_max =
      SymmetricEigenDecompose(AnalyticNtkTwoLayer(X, X, act), false).values(n - 1);
  const double eta = p.Real("eta_factor") * m / (lambda_max * alpha * alpha);
  LinearizedParameters lin(net, X, y);
  const double theta0_norm = net.ParameterNorm();
  const double y_norm = y.norm();
  double weight_change = 0, param_gap = 0, function_gap = 0;
  TwoLayerNet::Gradient g;
  Eigen::VectorXd r;
  const int steps = static_cast<int>(p.Int("steps"));
  CellOutcome out;
  for (int t = 0; t <= steps; ++t) {
    net.LossAndGradient(X, y, &g, &r);
    if (!std::isfinite(r.squaredNorm())) {
      out.status = CellStatus::kDiverged;
      out.note = "the residual is not finite at step " + std::to_string(t);
      return out;
    }
    weight_change = std::max(weight_change, net.DistanceTo(base) / theta0_norm);
    param_gap = std::max(param_gap, lin.DistanceTo(net) / theta0_norm);
    function_gap = std::max(function_gap, (r + y - lin.outputs()).norm() / y_norm);
    if (t == steps) {
      out.observables["loss_end"] = r.squaredNorm() / y.squaredNorm();
      break;
    }
    net.Step(g, eta);
    lin.Step(eta);
  }
  out.observables["weight_change"] = weight_change;
  out.observables["param_gap"] = param_gap;
  out.observables["function_gap"] = function_gap;
  return out;
}

}  // namespace
}  // namespace thmcheck
