// Claim `parity_lower_bound`: no kernel learns a Boolean-cube k-parity from N ≪ C(d,k) samples.
// Theorem: Allen-Zhu & Li 2019, arXiv 1905.10337, Thm 2 as restated in §7.1: x uniform on
//   {±1/√d}^d, H = F + αG(F), F = √d x_S, G = Π_j y_j in each of k outputs; for N ≤ C(d,k)/1000,
//   for ≥ 99% of targets S every kernel regressor has risk E‖f − H‖² > α²/16 (a bound, not a rate).
// Observables, main arm (exact risks; ridge by the population oracle, and the span projection):
//   above_bound (0/1 per cell of b targets: TheoremIndicator); g_slack = min over kernels of
//   mean_S E‖f − αG(F)‖²/(kα²) − (1 − N/C(d,k)), f fitted to αG(F) alone (bound: E ≥ 0 [derived,
//   cells.h GPartSlack]; = 0 for parity_k, so it is sharp). Arms threshold_k2/k3 (validation
//   ridge): threshold_n = N where KRR's mean error on b unit k-parities first < ½, ∝ D_k =
//   Σ_{j≤k} C(d,j) (a rate, slope 1).
// Sweep: d = 30, k = 8 (§7), N = 32, 128, 512, 1024 quick (N/C ≤ 1.75e−4: the budget), … 2048
//   full (3.5e−4); the premise edge ⌊C(30,8)/1000⌋ = 5852 costs ≈ 18 min per kernel per cell
//   ("Why full stops"): not a default. 10 / 20 samples × 30 / 50 targets; thresholds k = 2 at
//   d = 12 … 32 (D_2 6.7×; full … 40), k = 3 at d = 6 … 12 (D_3 7.1×; full … 14), NTK L = 2, 3
//   (bias 0.5). Smoke (seconds, CI; any verdict): shorter lists.
// Tolerances: above_bound proportion ≥ 0.99^30 ⟺ per-target ≥ 99% (Clopper–Pearson); g_slack
//   ≥ −0.01 (per-cell sd ≤ √(N/C)/√b, kGSlackTol); threshold slope 1 ± 0.15 (kSlopeAllowance).
// Controls (REJECTED = a must-fail check FAILs and every prediction PASSes; validation ridge, no
//   projection — both oracles would ease their rejection): many_samples (N = 4·D_k at d = 10,
//   k = 2) and degree_one (k = 1, N = 4(d + 1)) must fail above_bound and predict the best
//   kernel's risk ≤ α²/16; target_aware (K_S = d⟨x_S, x'_S⟩ + χ_Sχ_S', chosen after seeing S, on
//   the main arm's cells) must fail above_bound and g_slack and predicts its risk ≤ α²/16;
//   threshold_degree_one (degree-1 target timed against D_2) must fail threshold_k2's slope band
//   and predicts slope ½ ± 0.15. Report arm span: the exact span bound (span_slack: a sanity
//   check).
// Quick: 61–76 s wall, 117–146 s CPU, on 2 otherwise idle cores (--threads 2; 46 s with N ≤ 512).
// Cross-check (drawn by the report): alpha_separation's ResNet error < α²/16 where kernels stay
// above.
#include "claims/claims.h"

#include <cmath>

#include "claims/parity_lower_bound_cells.h"
#include "claims/parity_lower_bound_family.h"
#include "claims/parity_lower_bound_target_aware.h"
#include "concepts/boolean_cube.h"
#include "learners/cube_spectrum.h"

namespace thmcheck {
namespace {

// Threshold exponent band (protocol 2: validation ridge, N* of the mean error over b = 30 unit
// parities per cell; slope = mean of per-replicate slopes of log N* on log D_k, R = 10). Pilots on
// seeds 1000–1011 with the quick defaults: k = 2, d = 12 … 32: 0.952–0.964 (90% intervals within
// [0.944, 0.973]); k = 3, d = 6 … 12: 0.954–1.008 (within [0.880, 1.054]); the degree-1 control
// 0.460–0.485 (within [0.407, 0.509]). Wider d (k = 2 to 40, k = 3 to 16; seeds 1000–1002) gave
// 0.960–0.971 and 1.005–1.015. The drift below 1 is finite size: N* ≈ a·D_{k−1} + c·C(d,k) with
// a ≠ c while D_{k−1} is not ≪ C(d,k) (N*/D_3 = 1.75 at d = 6, 1.88 at d = 16). The defaults fit
// the NTKs of 2- and 3-layer ReLU nets (the paper's kernels), whose N*/D_k is flattest (protocol 1
// pilots: rbf 0.76 at k = 3, laplace and arccos0 up to 1.22). The quick lists are what fits the
// budget (d = 16 at k = 3 alone costs 15 s per cell, N* ≈ 1300). 0.15 covers the drift (≤ 0.05)
// with room; the interval covers the sample noise: ±0.01–0.07 with 30 targets per cell, against
// ±0.06–0.1 with one target in protocol 1 (where the referee saw threshold_k2 at 0.90 [0.82,
// 0.99]).
constexpr double kSlopeAllowance = 0.15;

// Why full stops at N = 2048, not at the premise edge ⌊C(30,8)/1000⌋ = 5852 (measured on this
// shared 2-core machine, load ≈ 4, one cell, 30–50 targets): the per-kernel cost is two N×N
// eigendecompositions (K, and G for the projection), Eigen's O(N³) tridiagonal QR. ntk2 alone:
// N = 2048 20 s, 4096 374 s, 5852 1109 s wall (1.6 GB); all 13 full kernels at N = 2048: 375 s
// wall, 181 s CPU, 0.97 GB. A 13-kernel cell at 5852 is ≈ 4 h, so 20 replicates ≈ 80 h: not
// affordable nightly; 2048 (N/C = 3.5e−4) adds ≈ 1 h CPU. `--set n=…,5852` runs the edge.

constexpr const char* kTheoremTolerance =
    "P(all 30 targets of a cell beat α²/16) ≥ 0.99^30 is equivalent to each target beating it "
    "with probability ≥ 99% (targets independent; b > 30 uses the exact randomized version, "
    "TheoremIndicator); Clopper–Pearson 90% interval over the cells, so PASS needs ≥ 10 cells";

// G-part slack band. E[g_slack] ≥ 0 [derived, cells.h GPartSlack]; parity_k is the equality case
// (its KRR interpolant IS the L² projection onto its span, which lies in the degree-k parities, so
// Σ_S e_S = rank = N and E_S[ratio] = 1 − N/C exactly). Noise: e_S = ‖Pχ_S‖² ∈ [0, 1] with mean
// ≤ N/C has variance ≤ N/C, so the mean over b targets has sd ≤ √(N/C)/√b; at the premise edge
// (N/C ≤ 1e−3, b = 30) that is ≤ 0.0058 per cell, and the replicate mean's 90% lower end sits
// ≤ t_{0.95,9}·0.0058/√10 = 0.0034 below E ≥ 0 (R = 10). The min over kernels is parity_k's: the
// others put far less than N/C of their span on degree k (g_ratio = 1.0000 at N = 2048 for the
// other 12 of full's kernels, against parity_k's 0.99965 = 1 − N/C), so no multiple-comparison dip.
// A kernel that learned G has ratio ≈ 0, g_slack ≈ −1 + N/C ≈ −1: 0.01 is ≫ the equality case's
// noise (measured |g_slack| ≤ 3e−8 at N ≤ 2048) and ≪ 1.
constexpr double kGSlackTol = 0.01;
constexpr const char* kGSlackTolerance =
    "≥ −0.01: E[g_slack] ≥ 0 for any span fixed before the target (Σ_S ‖Pχ_S‖² ≤ N); the mean "
    "over b targets has sd ≤ √(N/C)/√b ≤ 0.0058 per cell at N/C ≤ 1e−3, b = 30 (replicate "
    "mean's 90% end ≤ 0.0034 below 0); a kernel that learns G has g_slack ≈ −1";

constexpr const char* kSpanTolerance =
    "exact: Σ_S ‖Pχ_S‖² ≤ rank ≤ N for any span [derived]; span_slack = (rank − Σ_S "
    "‖Pχ_S‖²)/C(d,k) "
    "+ the rounding bound rank·(4·2^d·N + 2d)·ε/C(d,k) (Householder QR, Walsh–Hadamard): ≥ 0 "
    "unless the bound is violated (Parseval on the code's own basis: a sanity check)";
constexpr const char* kThresholdTolerance =
    "1 ± 0.15: finite-size spread of N*/D_k for the NTKs over the swept d (pilots, seeds ≥ 1000)";

CheckSpec TheoremCheck() {
  return ProportionAtLeast("above_bound", TheoremPassProbability(), kTheoremTolerance);
}
CheckSpec GSlackCheck() { return MeanAtLeast("g_slack", -kGSlackTol, kGSlackTolerance); }
CheckSpec ThresholdCheck() {
  return ExponentCheck("threshold_n", "D_k", 1.0, kSlopeAllowance, kThresholdTolerance);
}

// Controls' predictions: what the broken condition makes happen, each derived.
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

ClaimSpec ParityLowerBoundClaim() {
  ClaimSpec c;
  c.id = "parity_lower_bound";
  c.protocol = 2;
  c.title = "No kernel learns a Boolean-cube k-parity from N ≪ C(d,k) samples";
  c.statement =
      "For x uniform on {±1/√d}^d and the class H = F + αG(F) (F = √d x_S, |S| = k, G the product "
      "of F's coordinates in each output), if N ≤ C(d,k)/1000 then for at least 99% of targets S "
      "every kernel regressor has population risk > α²/16. Averaged over targets, the best "
      "predictor in any N-dimensional span leaves ≥ 1 − N/C(d,k) of a unit parity's variance; the "
      "N at which kernel regression explains half of it grows like D_k = Σ_{j≤k} C(d,j).";
  c.citation = {"Z. Allen-Zhu, Y. Li",
                2019,
                "What Can ResNet Learn Efficiently, Going Beyond Kernels?",
                "1905.10337",
                "Thm 2 (restated in §7.1)",
                "NeurIPS 2019",
                {"B. Ghorbani, S. Mei, T. Misiakiewicz, A. Montanari 2019, Linearized two-layers "
                 "neural networks in high dimension, arXiv 1904.12191 (kernels fit degree ≤ ℓ "
                 "with d^ℓ ≪ n ≪ d^{ℓ+1})"}};
  c.params = {
      IntParam("replicates", 1, 1000, "samples per grid point (one per cell)")
          .Defaults(10, 20)
          .Smoke(2),
      IntParam("targets", 1, 100000, "random targets S per cell, sharing its sample")
          .Defaults(30, 50)
          .Smoke(4),
      RealParam("alpha", 1e-3, 10, "weight α of the composite part αG(F)").Defaults(0.3, 0.3),
      ChoiceParam("kernels", {}, "comma-separated kernel family (see parity_lower_bound_family.h)")
          .Defaults("ntk2,ntk3,nngp2,arccos0,rbf,laplace,poly_below,poly_at,parity_k",
                    "ntk2,ntk3,nngp2,arccos0,arccos1,rbf,laplace,poly_below,poly_at,parity_k,"
                    "rf:256,rf:1024,rf:4096")
          .Smoke("ntk2,rbf,poly_at,parity_k"),
      RealParam("bias", 0, 4, "bias β of the ReLU kernels and random features").Defaults(0.5, 0.5),
      ChoiceParam("risk", kRiskSettings,
                  "population risk: exact where possible (auto), forced exact, or a test sample")
          .Defaults("auto", "auto"),
      IntParam("n_test", 100, 1000000, "test-sample size when a risk is sampled")
          .Defaults(4096, 16384),
      IntParam("n_val", 16, 100000, "validation sample for the ridge of controls and thresholds")
          .Defaults(256, 256)
          .Smoke(64),
      IntParam("d", 1, kMaxBinomialN, "theorem: input dimension (C(d,k) exact up to 56)")
          .Defaults(30, 30),
      IntParam("k", 1, 64, "theorem: parity degree (= number of outputs)").Defaults(8, 8),
      // From N = 32: at N = 16 the target-aware control's k + 1 = 9 features are rank-deficient
      // for ≈ 72·2^{−16} = 1.1e−3 of targets (two ±1 columns equal up to sign; 2 of 10 pilot seeds
      // hit one), 1.7e−8 at N = 32. Quick stops at 1024: the whole claim took 76 s wall (146 s CPU)
      // on 2 otherwise idle cores (--threads 2); 2048 would add ≈ 8 × 100 s CPU. Under a load of ≈
      // 4 it took 218 s, and 122 s with N ≤ 768. Full stops at 2048 ("Why full stops" above).
      IntListParam("n", 1, 100000, 1, true, "theorem: sample sizes, each ≤ C(d,k)/1000")
          .Defaults({32, 128, 512, 1024}, {32, 128, 512, 1024, 2048})
          .Smoke({32, 64}),
      IntParam("span_d", 1, kMaxEnumerableCubeDim, "span bound: dimension (enumerated)")
          .Defaults(10, 12),
      IntParam("span_k", 1, kMaxEnumerableCubeDim, "span bound: parity degree").Defaults(2, 3),
      IntListParam("span_n", 1, 65536, 3, true, "span bound: sample sizes")
          .Defaults({8, 16, 32, 64, 128}, {16, 32, 64, 128, 256, 512})
          .Smoke({8, 16, 32}),
      RealParam(
          "learn_factor", 1, 64,
          "controls: N = learn_factor·D_k at (span_d, span_k), and learn_factor·(d + 1) for k = 1")
          .Defaults(4.0, 4.0),
      IntListParam("threshold_d", 3, kMaxSpectrumDim, 3, true, "threshold, k = 2: dimensions")
          .Defaults({12, 16, 20, 24, 28, 32}, {12, 16, 20, 24, 28, 32, 40})
          .Smoke({6, 8, 12}),
      IntListParam("threshold_d_k3", 3, kMaxSpectrumDim, 3, true, "threshold, k = 3: dimensions")
          .Defaults({6, 7, 8, 9, 10, 12}, {6, 7, 8, 9, 10, 12, 14})
          .Smoke({5, 6, 7}),
      ChoiceParam("threshold_kernels", {}, "kernels whose geometric-mean threshold is fitted")
          .Defaults("ntk2,ntk3", "ntk2,ntk3")
          .Smoke("ntk2"),
  };
  c.validate = Validate;
  // Each arm measures with its own cell function (.run); `regime` names it in every cell's
  // parameters, which the cell ids hash.
  const nlohmann::json oracle = {{"regime", "theorem"}, {"selection", "oracle"}};
  c.arms = {
      {.name = "main",
       .role = ArmRole::kMain,
       .condition = "N ≤ C(d,k)/1000: the theorem's premise (oracle ridge, projection)",
       .overrides = oracle,
       .axes = {{"n", "n"}},
       .checks = {TheoremCheck(), GSlackCheck()},
       .run = TheoremCell},
      {.name = "span",
       .role = ArmRole::kReport,
       .condition = "any N, a fixed kernel: the exact span bound (d ≤ 16 enumerated)",
       .overrides = {{"regime", "span"}},
       .axes = {{"n", "span_n"}},
       .checks = {Sanity(MeanAtLeast("span_slack", 0.0, kSpanTolerance))},
       .run = SpanCell},
      {.name = "threshold_k2",
       .role = ArmRole::kMain,
       .condition = "k = 2: N* ∝ D_k (validation ridge)",
       .overrides = {{"regime", "threshold"}, {"k", 2}},
       .axes = {{"d", "threshold_d"}},
       .checks = {ThresholdCheck()},
       .run = ThresholdCell},
      {.name = "threshold_k3",
       .role = ArmRole::kMain,
       .condition = "k = 3: N* ∝ D_k (validation ridge)",
       .overrides = {{"regime", "threshold"}, {"k", 3}},
       .axes = {{"d", "threshold_d_k3"}},
       .checks = {ThresholdCheck()},
       .run = ThresholdCell},
      {.name = "many_samples",
       .role = ArmRole::kControl,
       .condition = "N = learn_factor·D_k ≫ C(d,k)/1000 (at span_d, span_k; validation ridge)",
       .overrides = {{"regime", "many_samples"}, {"selection", "validation"}},
       .axes = {},
       .checks = {Named("best kernel below α²/16",
                        MeanAtMost("best_risk_over_bound", 1.0, kLearnsWhy))},
       .must_fail = {{"above_bound",
                      "N ≫ C(d,k)/1000: 4·D_k samples pin down every degree ≤ k "
                      "function, so kernels learn the parity (pilots: poly_at, "
                      "nngp2, rbf, ntk2 below α²/16)"}},
       .run = ManySamplesCell},
      {.name = "degree_one",
       .role = ArmRole::kControl,
       .condition = "k = 1 (C(d,1)/1000 < 1: no N meets the premise): a degree-1 target at the "
                    "theorem's d, N = learn_factor·(d + 1) (validation ridge)",
       .overrides = {{"regime", "degree_one"}, {"selection", "validation"}},
       .axes = {},
       .checks = {Named("best kernel below α²/16",
                        MeanAtMost("best_risk_over_bound", 1.0, kLearnsWhy))},
       .must_fail = {{"above_bound",
                      "k = 1: the d + 1 functions of degree ≤ 1 are pinned down by "
                      "N = 4(d + 1) samples, so a kernel whose span holds them "
                      "(poly_at, parity_k) learns the target"}},
       .run = DegreeOneCell},
      {.name = "target_aware",
       .role = ArmRole::kControl,
       .condition = "the kernel K_S = d⟨x_S, x'_S⟩ + χ_Sχ_S' is chosen after seeing the target S "
                    "(not a fixed span; validation ridge), on the theorem's d, k, N",
       .overrides = {{"regime", "target_aware"}},
       .axes = {{"n", "n"}},
       .checks = {Named("K_S below α²/16",
                        MeanAtMost("best_risk_over_bound", 1.0, kAwareLearnsWhy))},
       .must_fail = {{"above_bound",
                      "the target is in the kernel's span: the fixed-span counting "
                      "argument no longer applies"},
                     {"g_slack", "K_S contains χ_S: it learns G, ratio ≈ 0 < 1 − N/C"}},
       .run = TargetAwareCell},
      {.name = "threshold_degree_one",
       .role = ArmRole::kControl,
       .condition = "a degree-1 target timed against D_2: N* grows like D_1 ≈ √(2·D_2)",
       .overrides = {{"regime", "threshold"}, {"k", 2}, {"target_degree", 1}},
       .axes = {{"d", "threshold_d"}},
       .checks = {Named("threshold_n slope ½",
                        ExponentCheck("threshold_n", "D_k", 0.5, kSlopeAllowance, kHalfSlopeWhy))},
       .against = "threshold_k2",
       .must_fail = {{"threshold_n", "N* tracks D_1 = d + 1, not D_2: slope ½ against D_2"}},
       .run = ThresholdCell},
  };
  // What the report draws: every kernel's risk above α²/16 at N ≤ C(d,k)/1000, and the span
  // bound 1 − N/C(d,k) (recorded per cell) under each kernel's projection error.
  const auto theorem_floor = [](const nlohmann::json& p) {
    const double alpha = p.at("alpha");
    return alpha * alpha / 16;
  };
  c.figures = {
      {"risk_vs_n",
       "Population risk per kernel (theorem regime)",
       "main",
       "n",
       "risk E‖f − H‖²",
       true,
       true,
       {"risk.*"},
       {},
       {{"α²/16 (Thm 2)", theorem_floor}}},
      {"proj_error_vs_n",
       "Best predictor in each kernel's span; span_bound = 1 − N/C(d,k)",
       "span",
       "n",
       "projection error (mean over all k-parities)",
       true,
       false,
       {"proj_error.*"},
       {"span_bound"},
       {}},
  };
  // Beside it, when the report also has alpha_separation's results: on the separation
  // class the ResNet gets under α²/16 at an N where every kernel stays above it. Errors there are
  // summed over the k outputs, like the theorem's risk, and also shown per output; the premise
  // column says whether that N meets N ≤ C(d,k)/1000. Measured (alpha_separation_notes.md): quick
  // (N = 3000) the ResNet's error ≈ 0.015·kα² is under α²/16 per output only (summed needs
  // err/(kα²) < 1/(16k) = 0.0078); full (N = 4000, 300 epochs) it is under it summed at α ≥ 0.2.
  c.cross_checks = {{
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
      .premise = {"N ≤ C(d,k)/1000", "n", 1e-3, "d", "k"},
  }};
  return c;
}

}  // namespace thmcheck
