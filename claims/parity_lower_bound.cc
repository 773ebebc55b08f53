// Claim `parity_lower_bound`: no kernel learns a Boolean-cube k-parity from N ≪ C(d,k) samples.
// Papers: Allen-Zhu & Li 2019, arXiv 1905.10337, Thm 2 as restated in §7.1; Ghorbani, Mei,
//   Misiakiewicz, Montanari 2019, arXiv 1904.12191. Legend: x uniform on {±1/√d}^d, S the target's
//   k coordinates, χ_S its parity, F = √d x_S, G = Π_j y_j, H = F + αG(F), N samples, b targets
//   per cell, D_k = Σ_{j≤k} C(d,j), N* = threshold_n (where KRR explains half a unit parity).
// Theorem, rates, sweep, tolerances and their derivations: docs/claims/parity_lower_bound.md.
#include "claims/claims.h"

#include <cmath>

#include "claims/parity_lower_bound_cells.h"
#include "claims/parity_lower_bound_family.h"
#include "claims/parity_lower_bound_target_aware.h"
#include "concepts/boolean_cube.h"
#include "learners/cube_spectrum.h"

namespace thmcheck {
namespace {

// Parameter combinations no single range excludes (defined below the declaration).
std::string Validate(const nlohmann::json& p);

// 99% of targets: docs/claims/parity_lower_bound.md, Tolerances, kTheoremTolerance.
constexpr const char* kTheoremTolerance =
    "P(all 30 targets of a cell beat α²/16) ≥ 0.99^30 is equivalent to each target beating it "
    "with probability ≥ 99% (targets independent; b > 30 uses the exact randomized version, "
    "TheoremIndicator); Clopper–Pearson 90% interval over the cells, so PASS needs ≥ 10 cells";
// G-part slack band: docs/claims/parity_lower_bound.md, Tolerances, kGSlackTol.
constexpr double kGSlackTol = 0.01;
constexpr const char* kGSlackTolerance =
    "≥ −0.01: E[g_slack] ≥ 0 for any span fixed before the target (Σ_S ‖Pχ_S‖² ≤ N); the mean "
    "over b targets has sd ≤ √(N/C)/√b ≤ 0.0058 per cell at N/C ≤ 1e−3, b = 30 (replicate "
    "mean's 90% end ≤ 0.0034 below 0); a kernel that learns G has g_slack ≈ −1";
// The span bound's rounding: docs/claims/parity_lower_bound.md, Tolerances, kSpanTolerance.
constexpr const char* kSpanTolerance =
    "exact: Σ_S ‖Pχ_S‖² ≤ rank ≤ N for any span [derived]; span_slack = (rank − Σ_S "
    "‖Pχ_S‖²)/C(d,k) "
    "+ the rounding bound rank·(4·2^d·N + 2d)·ε/C(d,k) (Householder QR, Walsh–Hadamard): ≥ 0 "
    "unless the bound is violated (Parseval on the code's own basis: a sanity check)";
// Threshold exponent band: docs/claims/parity_lower_bound.md, Tolerances, kSlopeAllowance.
constexpr double kSlopeAllowance = 0.15;
constexpr const char* kThresholdTolerance =
    "1 ± 0.15: finite-size spread of N*/D_k for the NTKs over the swept d (pilots, seeds ≥ 1000)";
// Each derived in docs/claims/parity_lower_bound.md, Tolerances, the controls' predictions.
constexpr const char* kLearnsWhy =
    "≤ 1 (best kernel's mean risk over α²/16): poly_at's span is exactly the degree ≤ k parities "
    "(dimension D_k) and N = learn_factor·D_k generic points determine any function in it, so KRR "
    "at the smallest eligible ridge recovers H up to a ridge bias ≈ (λ/s_min)²·A ≪ α²/16, and "
    "validation (error ≈ 0 there) picks it";
constexpr const char* kAwareLearnsWhy =
    "≤ 1 (mean risk over α²/16): H is in the (k+1)-dim span of K_S and Φ = φ(X) has rank k + 1 "
    "(P(two ±1 columns agree up to sign) ≤ C(k+1,2)·2^{1−N} = 1.7e−8 at N = 32), so KRR at the "
    "smallest ridge λ = (k+1)·1e−8 has risk λ²‖(ΦᵀΦ + λ)⁻¹W*‖² ≈ (λ/σ_min)²·k(1 + α²) ≪ α²/16";
constexpr const char* kHalfSlopeWhy =
    "½ ± 0.15: N* ∝ D_1 = d + 1, whose least-squares log-slope against D_2 over d = 12 … 32 is "
    "0.490 (0.491 over d = 12 … 40 at full); the band is the main arms' finite-size allowance";

CheckSpec ThresholdCheck() {
  return ExponentCheck("threshold_n", "D_k", 1.0, kSlopeAllowance, kThresholdTolerance);
}

}  // namespace

ClaimSpec ParityLowerBoundClaim() {
  return {
      .id = "parity_lower_bound",
      .protocol = 2,
      .title = "No kernel learns a Boolean-cube k-parity from N ≪ C(d,k) samples",
      .statement =
          "For x uniform on {±1/√d}^d and the class H = F + αG(F) (F = √d x_S, |S| = k, G the "
          "product of F's coordinates in each output), if N ≤ C(d,k)/1000 then for at least 99% of "
          "targets S every kernel regressor has population risk > α²/16. Averaged over targets, "
          "the best predictor in any N-dimensional span leaves ≥ 1 − N/C(d,k) of a unit parity's "
          "variance; the N at which kernel regression explains half of it grows like D_k = "
          "Σ_{j≤k} C(d,j).",
      .citation = {.authors = "Z. Allen-Zhu, Y. Li",
                   .year = 2019,
                   .title = "What Can ResNet Learn Efficiently, Going Beyond Kernels?",
                   .arxiv = "1905.10337",
                   .theorem = "Thm 2 (restated in §7.1)",
                   .venue = "NeurIPS 2019",
                   .also = {"B. Ghorbani, S. Mei, T. Misiakiewicz, A. Montanari 2019, Linearized "
                            "two-layers neural networks in high dimension, arXiv 1904.12191 "
                            "(kernels fit degree ≤ ℓ with d^ℓ ≪ n ≪ d^{ℓ+1})"}},
      .params =
          {
              IntParam("replicates", 1, 1000, "samples per grid point (one per cell)")
                  .Defaults(10, 20)
                  .Smoke(2),
              IntParam("targets", 1, 100000, "random targets S per cell, sharing its sample")
                  .Defaults(30, 50)
                  .Smoke(4),
              RealParam("alpha", 1e-3, 10, "weight α of the composite part αG(F)")
                  .Defaults(0.3, 0.3),
              ChoiceParam("kernels", {},
                          "comma-separated kernel family (see parity_lower_bound_family.h)")
                  .Defaults("ntk2,ntk3,nngp2,arccos0,rbf,laplace,poly_below,poly_at,parity_k",
                            "ntk2,ntk3,nngp2,arccos0,arccos1,rbf,laplace,poly_below,poly_at,"
                            "parity_k,rf:256,rf:1024,rf:4096")
                  .Smoke("ntk2,rbf,poly_at,parity_k"),
              RealParam("bias", 0, 4, "bias β of the ReLU kernels and random features")
                  .Defaults(0.5, 0.5),
              ChoiceParam("risk", kRiskSettings,
                          "population risk: exact where possible (auto), forced exact, or a test "
                          "sample")
                  .Defaults("auto", "auto"),
              IntParam("n_test", 100, 1000000, "test-sample size when a risk is sampled")
                  .Defaults(4096, 16384),
              IntParam("n_val", 16, 100000,
                       "validation sample for the ridge of controls and thresholds")
                  .Defaults(256, 256)
                  .Smoke(64),
              IntParam("d", 1, kMaxBinomialN, "theorem: input dimension (C(d,k) exact up to 56)")
                  .Defaults(30, 30),
              IntParam("k", 1, 64, "theorem: parity degree (= number of outputs)").Defaults(8, 8),
              // Why 32 … 1024, and 2048 at full: docs/claims/parity_lower_bound.md, Sweep.
              IntListParam("n", 1, 100000, 1, true, "theorem: sample sizes, each ≤ C(d,k)/1000")
                  .Defaults({32, 128, 512, 1024}, {32, 128, 512, 1024, 2048})
                  .Smoke({32, 64}),
              IntParam("span_d", 1, kMaxEnumerableCubeDim, "span bound: dimension (enumerated)")
                  .Defaults(10, 12),
              IntParam("span_k", 1, kMaxEnumerableCubeDim, "span bound: parity degree")
                  .Defaults(2, 3),
              IntListParam("span_n", 1, 65536, 3, true, "span bound: sample sizes")
                  .Defaults({8, 16, 32, 64, 128}, {16, 32, 64, 128, 256, 512})
                  .Smoke({8, 16, 32}),
              RealParam("learn_factor", 1, 64,
                        "controls: N = learn_factor·D_k at (span_d, span_k), and "
                        "learn_factor·(d + 1) for k = 1")
                  .Defaults(4.0, 4.0),
              IntListParam("threshold_d", 3, kMaxSpectrumDim, 3, true,
                           "threshold, k = 2: dimensions")
                  .Defaults({12, 16, 20, 24, 28, 32}, {12, 16, 20, 24, 28, 32, 40})
                  .Smoke({6, 8, 12}),
              IntListParam("threshold_d_k3", 3, kMaxSpectrumDim, 3, true,
                           "threshold, k = 3: dimensions")
                  .Defaults({6, 7, 8, 9, 10, 12}, {6, 7, 8, 9, 10, 12, 14})
                  .Smoke({5, 6, 7}),
              ChoiceParam("threshold_kernels", {},
                          "kernels whose geometric-mean threshold is fitted")
                  .Defaults("ntk2,ntk3", "ntk2,ntk3")
                  .Smoke("ntk2"),
          },
      .validate = Validate,
      // Each arm measures with its own cell function (.run); `regime` names it in every cell's
      // parameters, which the cell ids hash.
      .arms =
          {
              {.name = "main",
               .role = ArmRole::kMain,
               .condition = "N ≤ C(d,k)/1000: the theorem's premise (oracle ridge, projection)",
               .overrides = {{"regime", "theorem"}, {"selection", "oracle"}},
               .axes = {{.name = "n", .from = "n"}},
               .checks = {ProportionAtLeast("above_bound", TheoremPassProbability(),
                                            kTheoremTolerance),
                          MeanAtLeast("g_slack", -kGSlackTol, kGSlackTolerance)},
               .run = TheoremCell},
              {.name = "span",
               .role = ArmRole::kReport,
               .condition = "any N, a fixed kernel: the exact span bound (d ≤ 16 enumerated)",
               .overrides = {{"regime", "span"}},
               .axes = {{.name = "n", .from = "span_n"}},
               .checks = {Sanity(MeanAtLeast("span_slack", 0.0, kSpanTolerance))},
               .run = SpanCell},
              {.name = "threshold_k2",
               .role = ArmRole::kMain,
               .condition = "k = 2: N* ∝ D_k (validation ridge)",
               .overrides = {{"regime", "threshold"}, {"k", 2}},
               .axes = {{.name = "d", .from = "threshold_d"}},
               .checks = {ThresholdCheck()},
               .run = ThresholdCell},
              {.name = "threshold_k3",
               .role = ArmRole::kMain,
               .condition = "k = 3: N* ∝ D_k (validation ridge)",
               .overrides = {{"regime", "threshold"}, {"k", 3}},
               .axes = {{.name = "d", .from = "threshold_d_k3"}},
               .checks = {ThresholdCheck()},
               .run = ThresholdCell},
              {.name = "many_samples",
               .role = ArmRole::kControl,
               .condition =
                   "N = learn_factor·D_k ≫ C(d,k)/1000 (at span_d, span_k; validation ridge)",
               .overrides = {{"regime", "many_samples"}, {"selection", "validation"}},
               .axes = {},
               .checks = {Named("best kernel below α²/16",
                                MeanAtMost("best_risk_over_bound", 1.0, kLearnsWhy))},
               .must_fail = {{.check = "above_bound",
                              .why = "N ≫ C(d,k)/1000: 4·D_k samples pin down every degree ≤ k "
                                     "function, so kernels learn the parity (pilots: poly_at, "
                                     "nngp2, rbf, ntk2 below α²/16)"}},
               .run = ManySamplesCell},
              {.name = "degree_one",
               .role = ArmRole::kControl,
               .condition = "k = 1 (C(d,1)/1000 < 1: no N meets the premise): a degree-1 target at "
                            "the theorem's d, N = learn_factor·(d + 1) (validation ridge)",
               .overrides = {{"regime", "degree_one"}, {"selection", "validation"}},
               .axes = {},
               .checks = {Named("best kernel below α²/16",
                                MeanAtMost("best_risk_over_bound", 1.0, kLearnsWhy))},
               .must_fail = {{.check = "above_bound",
                              .why = "k = 1: the d + 1 functions of degree ≤ 1 are pinned down by "
                                     "N = 4(d + 1) samples, so a kernel whose span holds them "
                                     "(poly_at, parity_k) learns the target"}},
               .run = DegreeOneCell},
              {.name = "target_aware",
               .role = ArmRole::kControl,
               .condition = "the kernel K_S = d⟨x_S, x'_S⟩ + χ_Sχ_S' is chosen after seeing the "
                            "target S (not a fixed span; validation ridge), on the theorem's d, "
                            "k, N",
               .overrides = {{"regime", "target_aware"}},
               .axes = {{.name = "n", .from = "n"}},
               .checks = {Named("K_S below α²/16",
                                MeanAtMost("best_risk_over_bound", 1.0, kAwareLearnsWhy))},
               .must_fail = {{.check = "above_bound",
                              .why = "the target is in the kernel's span: the fixed-span counting "
                                     "argument no longer applies"},
                             {.check = "g_slack",
                              .why = "K_S contains χ_S: it learns G, ratio ≈ 0 < 1 − N/C"}},
               .run = TargetAwareCell},
              {.name = "threshold_degree_one",
               .role = ArmRole::kControl,
               .condition = "a degree-1 target timed against D_2: N* grows like D_1 ≈ √(2·D_2)",
               .overrides = {{"regime", "threshold"}, {"k", 2}, {"target_degree", 1}},
               .axes = {{.name = "d", .from = "threshold_d"}},
               .checks = {Named(
                   "threshold_n slope ½",
                   ExponentCheck("threshold_n", "D_k", 0.5, kSlopeAllowance, kHalfSlopeWhy))},
               .against = "threshold_k2",
               .must_fail = {{.check = "threshold_n",
                              .why = "N* tracks D_1 = d + 1, not D_2: slope ½ against D_2"}},
               .run = ThresholdCell},
          },
      .figures =
          {
              {.name = "risk_vs_n",
               .title = "Population risk per kernel (theorem regime)",
               .arm = "main",
               .x = "n",
               .y_label = "risk E‖f − H‖²",
               .log_x = true,
               .log_y = true,
               .series = {"risk.*"},
               .reference_series = {},
               .lines = {{.label = "α²/16 (Thm 2)",
                          .value =
                              [](const nlohmann::json& p) {
                                const double alpha = p.at("alpha");
                                return alpha * alpha / 16;
                              }}}},
              {.name = "proj_error_vs_n",
               .title = "Best predictor in each kernel's span; span_bound = 1 − N/C(d,k)",
               .arm = "span",
               .x = "n",
               .y_label = "projection error (mean over all k-parities)",
               .log_x = true,
               .log_y = false,
               .series = {"proj_error.*"},
               .reference_series = {"span_bound"},
               .lines = {}},
          },
      // Measured: docs/claims/parity_lower_bound.md, Cross-check with alpha_separation.
      .cross_checks = {{
          .title = "Cross-check with alpha_separation",
          .why = "Thm 2's level α²/16 on alpha_separation's class F + αG(F), which Thm 1 says a "
                 "3-layer ResNet learns: its test error E‖out − y‖² (summed over the k outputs) "
                 "against the kernel regressors' at the same N.",
          .other_claim = "alpha_separation",
          .other_arm = "main",
          .x = "alpha",
          .level_label = "α²/16",
          .level_coefficient = 1.0 / 16,
          .level_power = 2,
          .below_label = "the ResNet",
          .below = {"resnet.err"},
          .above_label = "every kernel",
          .above = {"ntk.err", "resnet_ntk.err", "rbf.err"},
          .show_params = {"n", "d", "k"},
          .per_output = "k",
          .premise = {.label = "N ≤ C(d,k)/1000",
                      .param = "n",
                      .factor = 1e-3,
                      .choose_n = "d",
                      .choose_k = "k"},
      }},
  };
}

namespace {

std::string Validate(const nlohmann::json& p) {
  const int d = p.at("d"), k = p.at("k"), span_d = p.at("span_d"), span_k = p.at("span_k");
  const RiskSetting risk = kRiskSettings.Of(p.at("risk"));
  if (k > d)
    return "k = " + std::to_string(k) + " > d = " + std::to_string(d) + ": a k-parity needs k ≤ d";
  if (k < 2)
    return "k = 1: the target-aware control's features √d x_i and χ_S coincide (and the theorem "
           "needs C(d,k) ≥ 1000·N); use k ≥ 2";
  if (span_k > span_d)
    return "span_k = " + std::to_string(span_k) + " > span_d = " + std::to_string(span_d);
  const double premise = BinomialCoefficient(d, k) / 1000.0;
  for (int n : p.at("n"))
    if (n > premise)
      return "n = " + std::to_string(n) +
             " breaks the theorem's premise N ≤ C(d,k)/1000 = " + std::to_string(premise) +
             " (d = " + std::to_string(d) + ", k = " + std::to_string(k) +
             "); lower n or raise d, k";
  const double cube = std::ldexp(1.0, span_d);
  const double learn_n =
      std::ceil(p.at("learn_factor").get<double>() * LowDegreeDimension(span_d, span_k));
  for (int n : p.at("span_n"))
    if (n > cube)
      return "span_n = " + std::to_string(n) + " > 2^span_d: the span bound enumerates the cube";
  if (learn_n > cube) return "learn_factor·D_k = " + std::to_string(learn_n) + " > 2^span_d";
  const auto kernels = SplitNames(p.at("kernels"));
  if (kernels.empty()) return "kernels: name at least one kernel";
  for (const auto& name : kernels) {
    if (std::string why = KernelNameProblem(name); !why.empty()) return "kernels: " + why;
    if (risk == RiskSetting::kExact && !IsDotProductMember(name) && d > kMaxEnumerableCubeDim)
      return "risk=exact: " + name +
             " has no closed-form cube spectrum and d = " + std::to_string(d) +
             " exceeds the enumeration limit " + std::to_string(kMaxEnumerableCubeDim) +
             " (use risk=auto)";
    if (risk == RiskSetting::kExact && d > kMaxSpectrumDim)
      return "risk=exact: d = " + std::to_string(d) + " exceeds the closed-form spectrum limit " +
             std::to_string(kMaxSpectrumDim) + " (use risk=auto or sample)";
  }
  const auto threshold = SplitNames(p.at("threshold_kernels"));
  if (threshold.empty()) return "threshold_kernels: name at least one kernel";
  for (const auto& name : threshold) {
    if (std::string why = KernelNameProblem(name); !why.empty()) return "threshold_kernels: " + why;
    if (!IsDotProductMember(name) || name == "poly_below")
      return "threshold_kernels: " + name + " (needs a dot-product kernel that can fit degree k)";
    if (IsReluMember(name) && p.at("bias").get<double>() == 0.0)
      return "threshold_kernels: " + name +
             " with bias = 0 has zero odd cube eigenvalues ≥ 3 and "
             "never learns the k = 3 parity; set bias > 0";
  }
  return "";
}

}  // namespace
}  // namespace thmcheck
