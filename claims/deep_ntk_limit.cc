// Claim `deep_ntk_limit`: the empirical NTK of a depth-L ReLU MLP at initialization converges to
//   the infinite-width recursion as the width m grows, at the CLT rate m^−1/2, with a relative
//   fluctuation that grows with the number of hidden layers (≈ √((L − 1)/m)).
// Papers: Jacot, Gabriel, Hongler 2018, arXiv 1806.07572, Thm 1 (the limit); Arora, Du, Hu, Li,
//   Salakhutdinov, Wang 2019, arXiv 1904.11955, Thm 3.1 (a bound: |Θ_m − Θ| ≤ (L + 1)ε once
//   m ≳ L⁶/ε⁴, i.e. ≤ m^−1/4); Hanin & Nica 2019, arXiv 1909.05989, main theorem
//   (E[Θ_m(x,x)²]/E[Θ_m(x,x)]² ≃ exp(5β), β = Σ 1/n_ℓ over the hidden layers: ∝ (L − 1)/m).
//   Legend: L weight layers (L − 1 hidden of width m), n points x on the unit sphere in R^d, Θ the
//   analytic NTK (learners/deep_mlp.h, c_σ = 1, no bias), Θ_m one init's empirical NTK,
//   rel_err = ‖Θ_m − Θ‖_F/‖Θ‖_F.
// Prediction: slope of rel_err in m = −1/2 at each L [read: CLT; Hanin & Nica]; slope in L − 1 at
//   fixed m in [0, 1] (grows, ½ predicted); along (L − 1)/m fixed, flat. Tolerances and their
//   derivations: docs/claims/deep_ntk_limit.md.
#include "claims/claims.h"

#include <cmath>
#include <string>

#include "harness/rng.h"
#include "learners/deep_mlp.h"

namespace thmcheck {
namespace {

// How an arm sets the depth: a fixed L (cell parameter "L"), or L − 1 = m/width_per_hidden.
enum class DepthRule { kFixed, kDiagonal };
const Choices<DepthRule> kDepthRules = {
    {{DepthRule::kFixed, "fixed"}, {DepthRule::kDiagonal, "diagonal"}}};

CellOutcome RunCell(const CellParams& p, const CellSeeds& seeds);

// docs/claims/deep_ntk_limit.md, Tolerances: each band's derivation.
constexpr double kSlopeTol = 0.1;
// Hanin & Nica's exp(5(L − 1)/m) − 1 only steepens the fitted slope: by at most this on the
// swept grids (L = 5 over m = 32 … 1024); the band's lower side is widened by it.
constexpr double kFiniteWidthSteepening = 0.042;
constexpr const char* kRateWhy =
    "−½, band [−0.642, −0.4]: the CLT rate; Hanin & Nica's exp(5(L − 1)/m) − 1 variance steepens "
    "the fitted slope to −0.510, −0.521, −0.542 at L = 2, 3, 5 over m = 32 … 1024 (quick), "
    "−0.504 … −0.534 at L = 2 … 9 over m = 64 … 4096 (full) [derived]: the lower side is widened "
    "by 0.042; 0.1 on each side is left to the 90% interval";
// The CLT rate −½ with the band [−½ − kSlopeTol − kFiniteWidthSteepening, −½ + kSlopeTol].
CheckSpec RateCheck() {
  CheckSpec spec = ExponentCheck("rel_err", "m", -0.5, kSlopeTol, kRateWhy);
  spec.lo -= kFiniteWidthSteepening;
  return spec;
}
constexpr const char* kBoundWhy =
    "≤ −¼: Arora et al.'s bound (m ≳ L⁶/ε⁴); implied by the rate check when it PASSes";
constexpr const char* kDepthWhy =
    "slope in L − 1 within [0, 1]: the fluctuation grows with depth, at most linearly; Hanin & "
    "Nica's exp(5(L − 1)/m) − 1 gives 0.516 over L = 2 … 9 at m = 256 [derived]";
constexpr double kFlatTol = 0.25;
constexpr const char* kFlatWhy =
    "0 ± 0.25: with (L − 1)/m fixed, exp(5(L − 1)/m) − 1 is constant [read: Hanin & Nica], but "
    "only at leading order: its finite-depth terms are not bounded here, so the band asserts no "
    "more than the absence of the CLT decay (under half of the main rate)";

}  // namespace

ClaimSpec DeepNtkLimitClaim() {
  const auto main_arm = [](int L) {
    // `+=`, not "L" + std::string: GCC 12 misreads the latter under -Wstringop-overflow.
    std::string name = "L", condition = "L = ";
    name += std::to_string(L);
    condition += std::to_string(L);
    condition += " fixed, width m swept";
    return ArmSpec{
        .name = name,
        .role = ArmRole::kMain,
        .condition = condition,
        .overrides = {{"depth_rule", "fixed"}, {"L", L}},
        .axes = {{.name = "m", .from = "widths"}},
        .checks = {RateCheck(),
                   Sanity(Named("Arora et al. bound",
                                ExponentAtMost("rel_err", "m", -0.25, -0.25, kBoundWhy)))}};
  };
  return {
      .id = "deep_ntk_limit",
      .protocol = 1,
      .title = "The empirical NTK of a deep ReLU MLP converges to its limit at rate m^−1/2",
      .statement =
          "At initialization, the empirical NTK of a depth-L ReLU MLP (NTK parametrization, no "
          "bias) on n points of the unit sphere differs from the infinite-width NTK by a relative "
          "Frobenius error ∝ m^−1/2 at each L (a central limit; Arora et al. bound it by "
          "m^−1/4), and at fixed width the error grows with the number of hidden layers "
          "(variance ∝ (L − 1)/m, Hanin & Nica).",
      .citation = {.authors = "A. Jacot, F. Gabriel, C. Hongler",
                   .year = 2018,
                   .title = "Neural Tangent Kernel: Convergence and Generalization in Neural "
                            "Networks",
                   .arxiv = "1806.07572",
                   .theorem = "Thm 1 (the limit at initialization)",
                   .venue = "NeurIPS 2018",
                   .also = {"S. Arora, S. S. Du, W. Hu, Z. Li, R. Salakhutdinov, R. Wang 2019, On "
                            "Exact Computation with an Infinitely Wide Neural Net, arXiv "
                            "1904.11955, Thm 3.1",
                            "B. Hanin, M. Nica 2019, Finite Depth and Width Corrections to the "
                            "Neural Tangent Kernel, arXiv 1909.05989, main theorem"}},
      .params =
          {
              IntParam("replicates", 3, 10000, "inits (each with its own points x)")
                  .Defaults(40, 80)
                  .Smoke(3),
              IntParam("n", 2, 1000, "points on the unit sphere").Defaults(16, 16),
              IntParam("d", 1, 1000, "input dimension").Defaults(8, 8),
              IntListParam("widths", 2, 100000, 3, true, "widths m of the main arms")
                  .Defaults(nlohmann::json::array({32, 64, 128, 256, 512, 1024}),
                            nlohmann::json::array({64, 128, 256, 512, 1024, 2048, 4096}))
                  .Smoke(nlohmann::json::array({16, 32, 64})),
              IntParam("deep", 0, 1, "run the L = 9 main arm (1) or not (0)").Defaults(0, 1),
              IntParam("depth_width", 2, 100000, "m of the depth arm")
                  .Defaults(256, 1024)
                  .Smoke(32),
              IntListParam("depths", 2, 100, 3, true, "L of the depth arm")
                  .Defaults(nlohmann::json::array({2, 3, 5, 9}),
                            nlohmann::json::array({2, 3, 5, 9, 17})),
              IntListParam("diagonal_widths", 2, 100000, 3, true, "m of the diagonal control")
                  .Defaults(nlohmann::json::array({96, 192, 384, 768}),
                            nlohmann::json::array({96, 192, 384, 768, 1536}))
                  .Smoke(nlohmann::json::array({16, 32, 64})),
              IntParam("width_per_hidden", 1, 100000, "the control's m/(L − 1)")
                  .Defaults(96, 96)
                  .Smoke(16),
          },
      .validate = [](const nlohmann::json& p) -> std::string {
        for (const auto& m : p.at("diagonal_widths"))
          if (m.get<int>() % p.at("width_per_hidden").get<int>() != 0)
            return "every diagonal_widths must be a multiple of width_per_hidden (L − 1 = "
                   "m/width_per_hidden is a whole number of hidden layers)";
        return "";
      },
      .arms =
          {
              main_arm(2),
              main_arm(3),
              main_arm(5),
              main_arm(9),
              {.name = "depth",
               .role = ArmRole::kMain,
               .condition = "width m = depth_width fixed, depth L swept",
               .overrides = {{"depth_rule", "fixed"}},
               .axes = {{.name = "L", .from = "depths"}},
               .checks = {Named("grows with depth",
                                ExponentCheck("rel_err", "hidden_layers", 0.5, 0.5, kDepthWhy))},
               .own_params = {{"m", "depth_width"}}},
              {.name = "diagonal",
               .role = ArmRole::kControl,
               .condition = "depth grown with width, (L − 1)/m fixed: the fluctuation's "
                            "√((L − 1)/m) held constant",
               .overrides = {{"depth_rule", "diagonal"}},
               .axes = {{.name = "m", .from = "diagonal_widths"}},
               .checks = {Named("flat along (L − 1)/m fixed",
                                ExponentCheck("rel_err", "m", 0, kFlatTol, kFlatWhy))},
               .against = "L2",
               .must_fail = {{.check = "rel_err",
                              .why = "the variance ∝ (L − 1)/m does not shrink when depth "
                                     "grows with width: slope ≈ 0, not −½"}}},
          },
      .arm_switches = {{"L9", "deep"}},
      .figures =
          {
              {.name = "rel_err_vs_m",
               .title = "‖Θ_m − Θ‖_F/‖Θ‖_F against width, per depth",
               .arm = "L2",
               .x = "m",
               .y_label = "relative Frobenius error",
               .series = {"rel_err", "rel_max_err"}},
              {.name = "rel_err_vs_m_L5",
               .title = "‖Θ_m − Θ‖_F/‖Θ‖_F against width, L = 5",
               .arm = "L5",
               .x = "m",
               .y_label = "relative Frobenius error",
               .series = {"rel_err", "rel_max_err"}},
              {.name = "rel_err_vs_depth",
               .title = "Relative error against depth at fixed width",
               .arm = "depth",
               .x = "L",
               .y_label = "relative Frobenius error",
               .series = {"rel_err"}},
              {.name = "diagonal",
               .title = "Control: (L − 1)/m fixed",
               .arm = "diagonal",
               .x = "m",
               .y_label = "relative Frobenius error",
               .series = {"rel_err"}},
          },
      .run = RunCell,
  };
}

namespace {

// n points on the unit sphere of R^d, drawn per replicate (the same points at every width).
Eigen::MatrixXd SpherePoints(const CellParams& p, const CellSeeds& seeds) {
  Rng rng(DeriveSeed(seeds.replicate, "x"));
  Eigen::MatrixXd X(p.Int("n"), p.Int("d"));
  FillNormal(rng, X);
  X.rowwise().normalize();
  return X;
}

CellOutcome RunCell(const CellParams& p, const CellSeeds& seeds) {
  const int m = static_cast<int>(p.Int("m"));
  const int L = p.Choice("depth_rule", kDepthRules) == DepthRule::kFixed
                    ? static_cast<int>(p.Int("L"))
                    : 1 + m / static_cast<int>(p.Int("width_per_hidden"));
  const Eigen::MatrixXd X = SpherePoints(p, seeds);
  const Eigen::MatrixXd theta = DeepNtk(X, X, L, /*beta=*/0.0, Activation::kRelu);
  Rng rng(DeriveSeed(seeds.cell, "init"));
  const DeepMlp net =
      DeepMlp::Init(static_cast<int>(X.cols()), m, L, /*beta=*/0.0, Activation::kRelu, rng);
  const Eigen::MatrixXd diff = net.EmpiricalNtk(X, X) - theta;
  CellOutcome out;
  out.observables["rel_err"] = diff.norm() / theta.norm();
  out.observables["rel_max_err"] = diff.cwiseAbs().maxCoeff() / theta.cwiseAbs().maxCoeff();
  out.observables["hidden_layers"] = L - 1;
  out.observables["sqrt_hidden_over_m"] = std::sqrt(static_cast<double>(L - 1) / m);
  return out;
}

}  // namespace
}  // namespace thmcheck
