// Claim `annealing_convex`: a large step then annealing ends, at the same training loss, nearer the
//   test optimum than a small step throughout, by a factor that grows like κ.
// Papers: Nakkiran 2020, arXiv 2005.07360 (the phenomenon, in 2-D linear regression); the rate κ is
//   derived for this suite's instance (docs/claims/annealing_convex.md). Legend: Ĥ = diag(1, 1/κ)
//   the train Hessian, κ = λ_max/λ_min, e = w − β*, ε the stopping train loss, η_S = small step,
//   η_L = (2 − c/κ)/λ_max the large one for T₁ = τκ steps, S / LL the two schedules.
// Theorem, rates, sweep, tolerances and their derivations: docs/claims/annealing_convex.md.
#include "claims/claims.h"

#include <cmath>

#include "concepts/quadratic_landscape.h"
#include "harness/rng.h"
#include "learners/kernel_regression.h"
#include "learners/quadratic_gd.h"

namespace thmcheck {
namespace {

enum class TestLandscape { kIsotropic, kTrain };
const Choices<TestLandscape> kTestLandscapes = {
    {{TestLandscape::kIsotropic, "isotropic"}, {TestLandscape::kTrain, "train"}}};
enum class LargeStep { kEdge, kAboveTwo };
const Choices<LargeStep> kLargeSteps = {
    {{LargeStep::kEdge, "edge"}, {LargeStep::kAboveTwo, "above_2"}}};

// The arms' cell functions (defined below the declaration).
CellOutcome RunCell(const CellParams& p, const CellSeeds& seeds);
CellOutcome TrajectoryCell(const CellParams& p, const CellSeeds& seeds);
CellOutcome LeastSquaresCell(const CellParams& p, const CellSeeds& seeds);

// The rate's band: docs/claims/annealing_convex.md, Tolerances, kSlopeAllowance.
constexpr double kSlopeAllowance = 0.1;
constexpr const char* kRateWhy =
    "1 ± 0.1: test_S/test_LL = κ·(train_S/train_LL)·(1 + ≤ 0.003) [derived]; the stopping step "
    "leaves train_S/train_LL in [(1 − η_S/κ)², (1 − η_S)⁻²] = [0.98, 1.235]: ≤ 0.061 of slope "
    "over five log-spaced κ";
// The smallest gain asserted: docs/claims/annealing_convex.md, Tolerances, kGainMargin.
constexpr double kGainMargin = 0.5;
constexpr const char* kGainWhy =
    "≤ −0.5 (LL's test loss ≥ √10 below S's, paired): the gain is ≥ 0.98·0.997·κ ≥ 9.7 at "
    "κ ≥ 10 [derived]; half a decade is the smallest effect asserted";
// The control's flat ratio: docs/claims/annealing_convex.md, Tolerances, kFlatWhy.
constexpr const char* kFlatWhy =
    "0 ± 0.1: with the test loss equal to the train loss, test_S/test_LL = train_S/train_LL, "
    "which stays in [0.98, 1.235] at every κ [derived]; 0.1 = the main arm's allowance";
// Runs reach ε: docs/claims/annealing_convex.md, Tolerances, kMostReach.
constexpr const char* kMostReach =
    "≥ 1/2 at every κ: below 2/λ_max every eigen-component contracts, so every run reaches ε "
    "within the step cap (Clopper–Pearson 90%)";
constexpr const char* kMostDiverge =
    "≥ 1/2 at every κ: at η_L·λ_max = 2.5 the steep component grows ×1.5 per step, past 1e8·L̂(w₀) "
    "within the T₁ = τκ ≥ 50 large steps";
// The stopping step's granularity: docs/claims/annealing_convex.md, Tolerances, kSameTrainLoss.
constexpr const char* kSameTrainLoss =
    "log₁₀(train_S/train_LL) ∈ [−0.01, 0.1]: both stop at the first step with L̂ ≤ ε; LL's last "
    "step shrinks L̂ by ≥ (1 − η_S)² = 0.81, S's by ≥ (1 − η_S/κ)² (an identity of the stopping "
    "rule)";

}  // namespace

ClaimSpec AnnealingConvexClaim() {
  return {
      .id = "annealing_convex",
      .protocol = 1,
      .title = "Annealing a large step generalizes better at equal training loss (convex)",
      .statement =
          "For gradient descent on a quadratic train loss whose shape differs from the test loss "
          "(train Hessian diag(1, 1/κ), isotropic test loss), a step near 2/λ_max annealed to a "
          "small one reaches training loss ε at a point whose test loss is ≈ κ times lower than "
          "that of a small step throughout, stopped at the same ε: the ratio grows like κ¹.",
      .citation = {.authors = "P. Nakkiran",
                   .year = 2020,
                   .title = "Learning Rate Annealing Can Provably Help Generalization, Even for "
                            "Convex Problems",
                   .arxiv = "2005.07360",
                   .theorem = "the 2-D linear-regression construction (rate derived here)",
                   .venue = "arXiv preprint",
                   .also = {}},
      .params =
          {
              RealListParam("kappas", 2, 1e6, 3, true, "κ = λ_max/λ_min of the train Hessian")
                  .Defaults(nlohmann::json::array({10, 30, 100, 300, 1000}),
                            nlohmann::json::array({10, 30, 100, 300, 1000, 3000, 10000}))
                  .Smoke(nlohmann::json::array({10, 30, 100})),
              IntParam("replicates", 2, 1000, "initial residuals e₀ (shared by every κ and arm)")
                  .Defaults(8, 32)
                  .Smoke(2),
              RealParam("eps", 1e-14, 1e-3, "the stopping train loss ε").Defaults(1e-6, 1e-6),
              RealParam("eta_small", 1e-3, 1.0, "η_S·λ_max, the small step (< 1: no bounce)")
                  .Defaults(0.1, 0.1),
              RealParam("c", 1e-3, 1.999, "η_L·λ_max = 2 − c/κ (0 < c < 2)").Defaults(0.5, 0.5),
              RealParam("tau", 0.1, 100, "T₁ = ⌈τκ⌉ large steps").Defaults(5, 5),
              RealParam("unstable_eta", 2.001, 10, "η_L·λ_max of the control above 2/λ_max")
                  .Defaults(2.5, 2.5),
              IntParam("step_cap", 1, 100000, "step cap, in units of κ/(η_S·λ_max)")
                  .Defaults(100, 100),
              IntListParam("snapshots", 1, 10000000, 3, true,
                           "steps t at which the trajectory arm records both schedules")
                  .Defaults(nlohmann::json::array({1, 3, 10, 30, 100, 300, 1000, 3000, 10000}),
                            nlohmann::json::array({1, 3, 10, 30, 100, 300, 1000, 3000, 10000})),
              RealParam("trajectory_kappa", 2, 1e6, "κ of the trajectory arm").Defaults(100, 100),
              IntParam("ls_dim", 2, 200, "dimension d of the least-squares arm").Defaults(20, 20),
              IntListParam("ls_samples", 3, 100000, 3, true,
                           "samples n > d of the least-squares arm (Σ_x = I, noiseless)")
                  .Defaults(nlohmann::json::array({22, 30, 60, 200}),
                            nlohmann::json::array({22, 25, 30, 40, 60, 100, 200, 1000})),
          },
      .validate = [](const nlohmann::json& p) -> std::string {
        if (p.at("ls_samples").front().get<int>() <= p.at("ls_dim").get<int>())
          return "every ls_samples must exceed ls_dim (n > d: a unique least-squares solution)";
        return "";
      },
      .arms =
          {
              {.name = "main",
               .role = ArmRole::kMain,
               .condition = "isotropic test loss (a mismatch with Ĥ); η_L·λ_max = 2 − c/κ < 2",
               .overrides = {{"test_landscape", "isotropic"}, {"large_step", "edge"}},
               .axes = {{.name = "kappa", .from = "kappas"}},
               .checks = {ExponentCheck("test_ratio", "kappa", 1, kSlopeAllowance, kRateWhy),
                          PairedBelow("log10_test_LL", "log10_test_S", kGainWhy, kGainMargin),
                          StatusAtLeast("ok", 0.5, kMostReach),
                          Sanity(MeanWithin("log10_train_ratio", -0.01, 0.1, kSameTrainLoss))},
               .divergence_is_result = true},
              {.name = "matched_test",
               .role = ArmRole::kControl,
               .condition = "test loss equal to the train loss: no landscape mismatch",
               .overrides = {{"test_landscape", "train"}, {"large_step", "edge"}},
               .axes = {{.name = "kappa", .from = "kappas"}},
               .checks = {Named("test_ratio flat",
                                ExponentCheck("test_ratio", "kappa", 0, kSlopeAllowance, kFlatWhy)),
                          Sanity(MeanWithin("log10_train_ratio", -0.01, 0.1, kSameTrainLoss))},
               .must_fail = {{.check = "test_ratio",
                              .why = "without a mismatch the two end points have the same test "
                                     "loss up to the stopping step: ratio ≈ 1 at every κ"},
                             {.check = "log10_test_LL - log10_test_S",
                              .why = "the paired gain is ≤ 0.09 decades, not ≥ 0.5"}}},
              {.name = "unstable_large_step",
               .role = ArmRole::kControl,
               .condition = "η_L·λ_max = unstable_eta > 2: the large step's stability is broken",
               .overrides = {{"test_landscape", "isotropic"}, {"large_step", "above_2"}},
               .axes = {{.name = "kappa", .from = "kappas"}},
               .checks = {StatusAtLeast("diverged", 0.5, kMostDiverge)},
               .must_fail = {{.check = "status:ok",
                              .why = "the steep component grows by |1 − η_Lλ_max| = 1.5 per "
                                     "step: LL diverges before annealing"}}},
              {.name = "trajectory",
               .role = ArmRole::kReport,
               .condition = "both schedules at κ = trajectory_kappa, recorded at step t",
               .overrides = {{"test_landscape", "isotropic"}, {"large_step", "edge"}},
               .axes = {{.name = "t", .from = "snapshots"}},
               .run = TrajectoryCell},
              {.name = "least_squares",
               .role = ArmRole::kReport,
               .condition = "a sampled mismatch: noiseless least squares, n > d samples of "
                            "N(0, I), Ĥ = XᵀX/n, test loss ½‖e‖²",
               .overrides = {{"large_step", "edge"}},
               .axes = {{.name = "n", .from = "ls_samples"}},
               .run = LeastSquaresCell},
          },
      .figures =
          {
              {.name = "ratio_vs_kappa",
               .title = "test_S / test_LL at equal training loss, against κ",
               .arm = "main",
               .x = "kappa",
               .y_label = "test_S / test_LL",
               .series = {"test_ratio"},
               .reference_series = {"kappa_level"}},
              {.name = "test_loss_vs_kappa",
               .title = "Test loss of each schedule at train loss ε",
               .arm = "main",
               .x = "kappa",
               .y_label = "test loss ½‖w − β*‖²",
               .series = {"test_S", "test_LL"}},
              {.name = "matched_ratio_vs_kappa",
               .title = "Control: test loss equal to train loss",
               .arm = "matched_test",
               .x = "kappa",
               .y_label = "test_S / test_LL",
               .series = {"test_ratio"}},
              {.name = "trajectories",
               .title =
                   "Train and test loss along each schedule (κ = trajectory_kappa, 100 by default)",
               .arm = "trajectory",
               .x = "t",
               .y_label = "loss",
               .series = {"S.train", "S.test", "LL.train", "LL.test"}},
              {.name = "least_squares_ratio",
               .title = "Sampled least squares: test_S / test_LL and κ(XᵀX/n) against n",
               .arm = "least_squares",
               .x = "n",
               .y_label = "ratio",
               .series = {"test_ratio"},
               .reference_series = {"kappa_level"}},
          },
      .run = RunCell,
  };
}

namespace {

// Each coordinate of e₀ in ±[½, 3/2]: docs/claims/annealing_convex.md, Tolerances, kResidual.
constexpr double kResidualLo = 0.5, kResidualHi = 1.5;
// When a run has diverged: docs/claims/annealing_convex.md, Tolerances, kDivergenceFactor.
constexpr double kDivergenceFactor = 1e8;

// The two schedules on one landscape, both from e₀: S = η_S throughout, LL = η_L for ⌈τκ⌉ steps
// then η_S; κ = λ_max/λ_min, steps in units of 1/λ_max.
struct Schedules {
  StepSchedule small, large;
  GdRunOptions options;
};
Schedules MakeSchedules(const CellParams& p, double lambda_max, double kappa) {
  const double eta_small = p.Real("eta_small") / lambda_max;
  const double eta_large = p.Choice("large_step", kLargeSteps) == LargeStep::kEdge
                               ? (2 - p.Real("c") / kappa) / lambda_max
                               : p.Real("unstable_eta") / lambda_max;
  const auto large_steps = static_cast<int64_t>(std::ceil(p.Real("tau") * kappa));
  Schedules s;
  s.small = {.eta_small = eta_small};
  s.large = {.eta_small = eta_small, .eta_large = eta_large, .large_steps = large_steps};
  s.options = {.eps = p.Real("eps"),
               .max_steps = large_steps + static_cast<int64_t>(std::ceil(p.Int("step_cap") * kappa /
                                                                         p.Real("eta_small"))),
               .divergence_factor = kDivergenceFactor};
  return s;
}

const char* EndName(GdEnd end) {
  constexpr const char* kNames[] = {"reached ε", "stopped", "capped", "diverged"};
  return kNames[static_cast<int>(end)];
}

// Runs S and LL on (Ĥ, Σ) from e₀ and records both end points; a run that did not reach ε leaves
// the comparison unrecorded (no check reads an unfinished run).
CellOutcome CompareSchedules(const Eigen::MatrixXd& train, const Eigen::MatrixXd& test,
                             const Eigen::VectorXd& e0, const Schedules& s, double kappa) {
  CellOutcome out;
  const GdRun S = RunQuadraticGd(train, e0, s.small, s.options);
  const GdRun LL = RunQuadraticGd(train, e0, s.large, s.options);
  out.observables["kappa_level"] = kappa;
  out.observables["steps_S"] = static_cast<double>(S.steps);
  out.observables["steps_LL"] = static_cast<double>(LL.steps);
  if (S.end == GdEnd::kDiverged || LL.end == GdEnd::kDiverged) {
    out.status = CellStatus::kDiverged;
    out.note = std::string("S ") + EndName(S.end) + ", LL " + EndName(LL.end) + " at step " +
               std::to_string(LL.steps);
    return out;
  }
  if (S.end != GdEnd::kReached || LL.end != GdEnd::kReached) {
    out.note = std::string("unfinished: S ") + EndName(S.end) + ", LL " + EndName(LL.end);
    return out;
  }
  const double test_S = QuadraticLoss(test, S.residual), test_LL = QuadraticLoss(test, LL.residual);
  out.observables["train_S"] = S.train_loss;
  out.observables["train_LL"] = LL.train_loss;
  out.observables["log10_train_ratio"] = std::log10(S.train_loss / LL.train_loss);
  out.observables["test_S"] = test_S;
  out.observables["test_LL"] = test_LL;
  out.observables["log10_test_S"] = std::log10(test_S);
  out.observables["log10_test_LL"] = std::log10(test_LL);
  out.observables["test_ratio"] = test_S / test_LL;
  return out;
}

// e₀ is drawn per replicate: every κ and arm of a replicate starts from the same residual.
Eigen::VectorXd InitialResidual(const CellSeeds& seeds) {
  Rng rng(DeriveSeed(seeds.replicate, "e0"));
  return SampleSignedResidual(rng, 2, kResidualLo, kResidualHi);
}

CellOutcome RunCell(const CellParams& p, const CellSeeds& seeds) {
  const double kappa = p.Real("kappa");
  const Eigen::MatrixXd train = TwoScaleHessian(kappa);
  const Eigen::MatrixXd test = p.Choice("test_landscape", kTestLandscapes) == TestLandscape::kTrain
                                   ? train
                                   : Eigen::MatrixXd::Identity(2, 2);
  return CompareSchedules(train, test, InitialResidual(seeds), MakeSchedules(p, 1.0, kappa), kappa);
}

CellOutcome TrajectoryCell(const CellParams& p, const CellSeeds& seeds) {
  const double kappa = p.Real("trajectory_kappa");
  const Eigen::MatrixXd train = TwoScaleHessian(kappa);
  const Eigen::VectorXd e0 = InitialResidual(seeds);
  Schedules s = MakeSchedules(p, 1.0, kappa);
  s.options.stop_at = p.Int("t");
  CellOutcome out;
  for (const auto& [name, schedule] : {std::pair{"S", s.small}, std::pair{"LL", s.large}}) {
    const GdRun run = RunQuadraticGd(train, e0, schedule, s.options);
    out.observables[std::string(name) + ".train"] = run.train_loss;
    out.observables[std::string(name) + ".test"] = 0.5 * run.residual.squaredNorm();
    out.observables[std::string(name) + ".steps"] = static_cast<double>(run.steps);
  }
  return out;
}

CellOutcome LeastSquaresCell(const CellParams& p, const CellSeeds& seeds) {
  Rng rng(DeriveSeed(seeds.cell, "design"));
  const LeastSquaresLandscape ls = SampleLeastSquares(rng, p.Int("n"), p.Int("ls_dim"), 1.0);
  // NOTE: SymmetricEigenDecompose checks convergence and retries (learners/kernel_regression.h).
  const Eigen::VectorXd lambda =
      SymmetricEigenDecompose(ls.train_hessian, /*compute_vectors=*/false).values;  // n > d: > 0
  const double kappa = lambda.maxCoeff() / lambda.minCoeff();
  return CompareSchedules(ls.train_hessian, ls.test_hessian, ls.residual0,
                          MakeSchedules(p, lambda.maxCoeff(), kappa), kappa);
}

}  // namespace
}  // namespace thmcheck
