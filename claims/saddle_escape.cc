// Claim `saddle_escape`: gradient descent with a step η < 1/L from a random init converges to a
//   minimizer, not a strict saddle (almost surely); near a strict saddle it is power iteration,
//   escaping from distance ε in log(1/ε)/log(1 + η|λ₁|) steps; on rank-k approximation, where
//   every second-order stationary point is global, every init reaches the global optimum.
// Papers: Lee, Simchowitz, Jordan, Recht 2016, arXiv 1602.04915 (main result, stated in their
//   introduction); Panageas & Piliouras 2017, arXiv 1605.00405 (the same on a forward-invariant
//   region where f is L-smooth). Landscapes: concepts/saddle_landscapes.h. Legend: L the bound on
//   ‖∇²f‖ over a region the run cannot leave, λ₁ < 0 the most negative eigenvalue at the saddle.
// Prediction: each main arm sends ≥ 0.99 of its inits to a minimizer (Clopper–Pearson, the 90%
//   interval's lower end); (1 + η|λ₁|)^T ∝ 1/ε (exponent 1 ± 0.008). Controls: inits on the stable
//   manifold (they converge to the saddle) and η = 1.2 > 2/L on the plane (none converges).
//   Tolerances and their derivations: docs/claims/saddle_escape.md.
#include "claims/claims.h"

#include <cmath>
#include <string>

#include "concepts/saddle_landscapes.h"
#include "harness/rng.h"
#include "learners/gradient_descent.h"

namespace thmcheck {
namespace {

// The landscape an arm runs on, and where its init is drawn.
enum class Problem { kPlane, kQuartic, kRankK };
const Choices<Problem> kProblems = {
    {{Problem::kPlane, "plane"}, {Problem::kQuartic, "quartic"}, {Problem::kRankK, "rank_k"}}};
// random: uniform in the init region; stable_manifold: the same draw with the coordinates along
// the escaping direction zeroed (y on the plane, the top eigenvector's row of U); escape: ε·u
// with u uniform on the unit sphere (the escape-time arm).
enum class Init { kRandom, kStableManifold, kEscape };
const Choices<Init> kInits = {{{Init::kRandom, "random"},
                               {Init::kStableManifold, "stable_manifold"},
                               {Init::kEscape, "escape"}}};

CellOutcome RunCell(const CellParams& p, const CellSeeds& seeds);

// docs/claims/saddle_escape.md, Tolerances: each band's derivation.
constexpr double kAlmostAll = 0.99;
constexpr const char* kReachWhy =
    "≥ 0.99: the theorem says all but a null set; the Clopper–Pearson interval's lower end (a "
    "one-sided 95% bound) is 0.05^(1/300) = 0.9901 for 300 of 300, so one run that ends at a "
    "saddle, capped or diverged makes it INCONCLUSIVE, and a few make it FAIL";
constexpr double kGrowthTol = 0.008;
constexpr const char* kGrowthWhy =
    "1 ± 0.008: T·log(1 + η|λ₁|) = log(δ/(ε|u₁|)) − c(ε) + r, r ∈ [0, log(1 + η|λ₁|)) the whole-"
    "step rounding (≤ 0.0023 of slope over ε = 10⁻³ … 10⁻¹²) and c ≥ 0 the slower directions' "
    "share, which fades as ε → 0 (≤ 0.001 in 4000 simulated directions) [derived]; 0.008 is half "
    "the gap to the gradient flow's count log(1/ε)/(η|λ₁|), which predicts 0.984";
constexpr const char* kMonotoneWhy =
    "the descent lemma: η < 1/L on a region holding the sublevel set and one step beyond it "
    "makes f non-increasing (an identity of the chosen η)";
constexpr const char* kSaddleWhy =
    "≥ 0.99: the stable manifold is invariant (exactly, in floating point: the zeroed "
    "coordinates' gradient is zero), so the run converges to a critical point inside it — a "
    "strict saddle";
constexpr double kNoneReach = 0.01;
constexpr const char* kLargeStepWhy =
    "≤ 0.01: at η = 1.2 the minimizers' Hessian diag(1, 2) gives |1 − 2η| = 1.4 > 1, so they "
    "repel; the saddle repels too (1 + η); runs oscillate or diverge";

}  // namespace

ClaimSpec SaddleEscapeClaim() {
  return {
      .id = "saddle_escape",
      .protocol = 1,
      .title = "Gradient descent from a random init escapes strict saddles and reaches a minimizer",
      .statement =
          "For an objective that is L-smooth on a region gradient descent cannot leave, whose "
          "saddles are strict, gradient descent with a step η < 1/L from a random init converges "
          "to a local minimizer almost surely. Near a strict saddle it is power iteration: "
          "from distance ε it escapes in log(1/ε)/log(1 + η|λ₁|) steps. On rank-k "
          "approximation, whose second-order stationary points are all global, it reaches the "
          "global optimum from almost every init.",
      .citation =
          {.authors = "J. D. Lee, M. Simchowitz, M. I. Jordan, B. Recht",
           .year = 2016,
           .title = "Gradient Descent Converges to Minimizers",
           .arxiv = "1602.04915",
           .theorem = "main result (Introduction)",
           .venue = "COLT 2016",
           .also = {"I. Panageas, G. Piliouras 2017, Gradient Descent Only Converges to "
                    "Minimizers: Non-Isolated Critical Points and Invariant Regions, ITCS "
                    "2017, arXiv 1605.00405 (the same on a forward-invariant region where "
                    "f is L-smooth)",
                    "R. Ge, C. Jin, Y. Zheng 2017, No Spurious Local Minima in Nonconvex "
                    "Low Rank Problems: A Unified Geometric Analysis, ICML 2017, arXiv "
                    "1704.00708 (matrix sensing: every local minimum is global, no "
                    "high-order saddles; rank-k approximation is its fully observed case)"}},
      .params =
          {
              IntParam("replicates", 3, 1000000, "random inits per arm")
                  .Defaults(300, 3000)
                  .Smoke(20),
              IntParam("escape_replicates", 3, 100000, "directions u of the escape-time arm")
                  .Defaults(20, 50)
                  .Smoke(3),
              IntParam("sweep_replicates", 3, 100000, "inits per step of the report arm")
                  .Defaults(60, 300)
                  .Smoke(5),
              RealParam("eta_L", 1e-3, 0.999, "η·L: the step as a fraction of 1/L")
                  .Defaults(0.9, 0.9),
              RealParam("large_eta", 1e-3, 100, "η of the large-step control (plane)")
                  .Defaults(1.2, 1.2),
              RealListParam("sweep_eta_L", 1e-3, 1000, 2, true, "η·L of the report arm (plane)")
                  .Defaults(nlohmann::json::array({0.5, 0.9, 1.5, 3, 6, 9, 11, 13.2}),
                            nlohmann::json::array({0.5, 0.9, 1.5, 3, 6, 9, 11, 13.2}))
                  .Smoke(nlohmann::json::array({0.9, 13.2})),
              RealParam("plane_box", 1, 100, "r: plane inits uniform in [−r, r]²").Defaults(2, 2),
              RealListParam("quartic_lambda", -1e3, 1e3, 2, true,
                            "Λ of the quartic, λ₁ < 0 first (unique smallest)")
                  .Defaults(
                      nlohmann::json::array({-1, -0.3, 0.2, 0.4, 0.6, 0.8, 1.0, 1.2, 1.4, 1.6}),
                      nlohmann::json::array({-1, -0.3, 0.2, 0.4, 0.6, 0.8, 1.0, 1.2, 1.4, 1.6})),
              RealParam("quartic_r0", 1e-3, 100, "quartic inits uniform in the ball of this radius")
                  .Defaults(1.5, 1.5),
              RealListParam("inv_eps", 1, 1e15, 3, true, "1/ε: the escape arm's start distances")
                  .Defaults(
                      nlohmann::json::array({1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12}),
                      nlohmann::json::array({1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12}))
                  .Smoke(nlohmann::json::array({1e3, 1e6, 1e9})),
              RealParam("escape_radius", 1e-6, 1, "δ: escaped once ‖z‖ ≥ δ (quartic)")
                  .Defaults(0.1, 0.1),
              RealListParam("rank_mu", 0, 1e3, 2, false, "M's eigenvalues μ (non-increasing)")
                  .Defaults(nlohmann::json::array({1, 0.8, 0.6, 0.4, 0.3, 0.2, 0.1, 0.05}),
                            nlohmann::json::array({1, 0.8, 0.6, 0.4, 0.3, 0.2, 0.1, 0.05})),
              IntParam("rank_k", 1, 1000, "k: the rank of U").Defaults(3, 3),
              RealParam("rank_r0", 1e-3, 100, "U₀ uniform in the Frobenius ball of this radius")
                  .Defaults(1, 1),
              RealParam("grad_tol", 0, 1, "stationary once ‖∇f‖ ≤ this").Defaults(1e-10, 1e-10),
              RealParam("min_gap", 0, 1, "at a minimizer: MinimizerGap ≤ this")
                  .Defaults(1e-6, 1e-6),
              IntParam("max_steps", 1, 1e9, "the step cap (runs past it are unfinished)")
                  .Defaults(100000, 100000),
          },
      .validate = [](const nlohmann::json& p) -> std::string {
        const auto lambda = p.at("quartic_lambda").get<std::vector<double>>();
        if (lambda.front() >= 0) return "quartic_lambda must start with a negative λ₁";
        const auto mu = p.at("rank_mu").get<std::vector<double>>();
        const int k = p.at("rank_k").get<int>();
        if (k >= static_cast<int>(mu.size())) return "rank_k must be below the size of rank_mu";
        for (size_t i = 1; i < mu.size(); ++i)
          if (mu[i] > mu[i - 1]) return "rank_mu must be non-increasing";
        if (!(mu[k - 1] > mu[k])) return "rank_mu needs a gap at rank_k: μ_k > μ_{k+1}";
        return "";
      },
      .arms =
          {
              {.name = "plane",
               .role = ArmRole::kMain,
               .condition = "f = x²/2 + y⁴/4 − y²/2, inits uniform in [−2, 2]², η = 0.9/L, L = 11",
               .overrides = {{"problem", "plane"}, {"init", "random"}},
               .checks = {ProportionAtLeast("to_min", kAlmostAll, kReachWhy),
                          Sanity(ProportionAtLeast("monotone", kAlmostAll, kMonotoneWhy))}},
              {.name = "quartic",
               .role = ArmRole::kMain,
               .condition = "½zᵀΛz + ¼‖z‖⁴ on R^10 (saddles at 0 and ±√0.3 e₂), inits uniform in "
                            "the ball of radius 1.5, η = 0.9/L",
               .overrides = {{"problem", "quartic"}, {"init", "random"}},
               .checks = {ProportionAtLeast("to_min", kAlmostAll, kReachWhy),
                          Sanity(ProportionAtLeast("monotone", kAlmostAll, kMonotoneWhy))}},
              {.name = "escape",
               .role = ArmRole::kMain,
               .condition = "the quartic from z₀ = ε·u near its saddle at 0, u uniform on the "
                            "sphere, the same u at every ε",
               .overrides = {{"problem", "quartic"}, {"init", "escape"}},
               .axes = {{.name = "inv_eps", .from = "inv_eps"}},
               .checks = {ExponentCheck("growth", "inv_eps", 1, kGrowthTol, kGrowthWhy)},
               .replicates_from = "escape_replicates"},
              {.name = "rank_k",
               .role = ArmRole::kMain,
               .condition = "‖UUᵀ − M‖²_F, d = 8, k = 3, U₀ uniform in the unit Frobenius ball, "
                            "η = 0.9/L",
               .overrides = {{"problem", "rank_k"}, {"init", "random"}},
               .checks = {ProportionAtLeast("to_min", kAlmostAll, kReachWhy),
                          Sanity(ProportionAtLeast("monotone", kAlmostAll, kMonotoneWhy))}},
              {.name = "plane_stable_manifold",
               .role = ArmRole::kControl,
               .condition = "init on the saddle's stable manifold: y₀ = 0 (not random)",
               .overrides = {{"problem", "plane"}, {"init", "stable_manifold"}},
               .checks = {ProportionAtLeast("at_saddle", kAlmostAll, kSaddleWhy)},
               .against = "plane",
               .must_fail = {{.check = "to_min",
                              .why = "an init in the measure-zero set converges to the saddle"}}},
              {.name = "rank_k_missing_top",
               .role = ArmRole::kControl,
               .condition = "U₀ with a zero row along M's top eigenvector (not random)",
               .overrides = {{"problem", "rank_k"}, {"init", "stable_manifold"}},
               .checks = {ProportionAtLeast("at_saddle", kAlmostAll, kSaddleWhy)},
               .against = "rank_k",
               .must_fail = {{.check = "to_min",
                              .why = "UUᵀ converges to the best rank-k approximation without "
                                     "the top eigenvector: a saddle"}}},
              {.name = "large_step",
               .role = ArmRole::kControl,
               .condition = "the plane with η = 1.2: above 2/L and above 2/λ_max at the minimizers",
               .overrides = {{"problem", "plane"}, {"init", "random"}},
               .checks = {Named("none reaches a minimizer",
                                ProportionAtMost("to_min", kNoneReach, kLargeStepWhy))},
               .own_params = {{"eta", "large_eta"}},
               .against = "plane",
               .must_fail = {{.check = "to_min",
                              .why = "the minimizers repel: runs oscillate or diverge"}}},
              {.name = "step_sweep",
               .role = ArmRole::kReport,
               .condition = "the plane at steps from 0.5/L to 1.2 (the large-step control's)",
               .overrides = {{"problem", "plane"}, {"init", "random"}},
               .axes = {{.name = "eta_L", .from = "sweep_eta_L"}},
               .replicates_from = "sweep_replicates"},
          },
      .figures =
          {
              {.name = "escape_time",
               .title = "Steps to escape from distance ε of the quartic's saddle",
               .arm = "escape",
               .x = "inv_eps",
               .y_label = "steps T to ‖z‖ ≥ δ",
               .log_y = false,
               .series = {"escape_steps"},
               .reference_series = {"power_iteration_steps"}},
              {.name = "reach_vs_step",
               .title = "Fraction of plane inits reaching a minimizer, by step η·L",
               .arm = "step_sweep",
               .x = "eta_L",
               .y_label = "fraction of runs",
               .log_y = false,
               .series = {"to_min", "diverged", "capped"}},
          },
      .run = RunCell,
  };
}

namespace {

// η = c/L(R') with R' = R + c·G(R)/L(R), R holding the sublevel set of the worst init in a ball
// of radius r₀: the step is then at most c·G(R)/L(R) long, so the segment to the next iterate
// stays where ‖∇²f‖ ≤ L(R'), and the descent lemma keeps every iterate in the sublevel set.
template <class F>
double BallStep(const F& f, double r0, double c) {
  const double R = f.SublevelRadius(f.MaxValue(r0));
  const double R1 = R + c * f.GradientBound(R) / f.Smoothness(R);
  return c / f.Smoothness(R1);
}

Eigen::VectorXd ToVector(const std::vector<double>& v) {
  return Eigen::Map<const Eigen::VectorXd>(v.data(), static_cast<Eigen::Index>(v.size()));
}

// A finished run on landscape f: where it ended and how far that is from f's minimizers.
struct Descent {
  GradientDescentRun run;
  double gap = 0;
};

template <class F>
Descent Descend(const F& f, const Eigen::VectorXd& z0, const GradientDescentOptions& options) {
  Descent d;
  d.run = RunGradientDescent(
      [&](const Eigen::VectorXd& z) { return f.Value(z); },
      [&](const Eigen::VectorXd& z, Eigen::VectorXd* g) { f.Gradient(z, g); }, z0, options);
  d.gap = f.MinimizerGap(d.run.z);
  return d;
}

CellOutcome RunCell(const CellParams& p, const CellSeeds& seeds) {
  const Problem problem = p.Choice("problem", kProblems);
  const Init init = p.Choice("init", kInits);
  const double c = p.Real("eta_L");
  // Inits are the replicate's: an arm and its control start from the same draw.
  Rng rng(DeriveSeed(seeds.replicate, p.Str("problem")));
  GradientDescentOptions options;
  options.grad_tol = p.Real("grad_tol");
  options.max_steps = p.Int("max_steps");
  options.divergence_norm = 1e6;  // far outside every region the runs start in
  double growth_rate = 0;  // log(1 + η|λ₁|): the power iteration's per-step growth (quartic)
  Descent descent;
  switch (problem) {
    case Problem::kPlane: {
      const double r = p.Real("plane_box");
      options.eta = p.Has("eta") ? p.Real("eta") : c / SaddlePlane::Smoothness(r);
      Eigen::VectorXd z0 = Eigen::Vector2d(rng.Uniform(-r, r), rng.Uniform(-r, r));
      if (init == Init::kStableManifold) z0(1) = 0;
      descent = Descend(SaddlePlane(), z0, options);
      break;
    }
    case Problem::kQuartic: {
      const IndefiniteQuartic quartic(ToVector(p.RealList("quartic_lambda")));
      options.eta = BallStep(quartic, p.Real("quartic_r0"), c);
      growth_rate = std::log1p(options.eta * -quartic.lambda()(0));
      Eigen::VectorXd z0;
      if (init == Init::kEscape) {
        z0 = SampleUniformBall(rng, quartic.Dimension(), 1.0);
        z0 /= z0.norm() * p.Real("inv_eps");  // ε·u, u the replicate's direction
        options.grad_tol = 0;                 // stop on escaping only
        options.leave_radius = p.Real("escape_radius");
      } else {
        z0 = SampleUniformBall(rng, quartic.Dimension(), p.Real("quartic_r0"));
        if (init == Init::kStableManifold) z0(0) = 0;
      }
      descent = Descend(quartic, z0, options);
      break;
    }
    case Problem::kRankK: {
      const RankKApproximation rank(ToVector(p.RealList("rank_mu")),
                                    static_cast<int>(p.Int("rank_k")));
      const double r0 = p.Real("rank_r0");
      options.eta = BallStep(rank, r0, c);
      Eigen::VectorXd z0 = SampleUniformBall(rng, rank.Dimension(), r0);
      // Row 0 of U (column-major: entries 0, d, 2d, …) is the top eigenvector's coordinate.
      if (init == Init::kStableManifold)
        for (int j = 0; j < rank.k(); ++j) z0(j * rank.d()) = 0;
      descent = Descend(rank, z0, options);
      break;
    }
  }
  const GradientDescentRun& run = descent.run;
  CellOutcome out;
  out.observables["eta"] = options.eta;
  out.observables["steps"] = static_cast<double>(run.steps);
  out.observables["monotone"] = run.monotone ? 1 : 0;
  out.note = std::string("stopped: ") + GdStopName(run.stop);
  if (init == Init::kEscape) {
    if (run.stop != GdStop::kLeft) {
      out.note += " before escaping: no escape time recorded";
      return out;  // unfinished: `growth` is missing, so the check counts the cell as unusable
    }
    const double eps = 1 / p.Real("inv_eps");
    out.observables["escape_steps"] = static_cast<double>(run.steps);
    out.observables["growth"] = std::exp(growth_rate * static_cast<double>(run.steps));
    // Power iteration's count for a start along e₁: log(δ/ε)/log(1 + η|λ₁|).
    out.observables["power_iteration_steps"] =
        std::log(p.Real("escape_radius") / eps) / growth_rate;
    return out;
  }
  const bool stationary = run.stop == GdStop::kStationary;
  const double final_gap = descent.gap;
  if (std::isfinite(final_gap)) out.observables["gap"] = final_gap;  // none once diverged
  out.observables["to_min"] = stationary && final_gap <= p.Real("min_gap") ? 1 : 0;
  out.observables["at_saddle"] = stationary && final_gap > p.Real("min_gap") ? 1 : 0;
  out.observables["diverged"] = run.stop == GdStop::kDiverged ? 1 : 0;
  out.observables["capped"] = run.stop == GdStop::kCapped ? 1 : 0;
  return out;
}

}  // namespace
}  // namespace thmcheck
