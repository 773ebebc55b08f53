// Claim `parity_lower_bound`: no kernel learns a Boolean-cube k-parity from N ≪ C(d,k) samples.
// Theorem: Allen-Zhu & Li 2019, arXiv 1905.10337, Thm 2 as restated in §7.1: x uniform on
//   {±1/√d}^d, H = F + αG(F), F = √d x_S, G = Π_j y_j in each of k outputs; for N ≤ C(d,k)/1000, for
//   ≥ 99% of targets S every kernel regressor has risk E‖f − H‖² > α²/16 (a bound, not a rate).
// Observables: above_bound (0/1 per cell of b targets: TheoremIndicator); span_slack = mean over
//   all C(d,k) parities of the L² projection error onto span{K(·,x_n)} − (1 − rank/C(d,k)) +
//   rounding (exact, ≥ 0 [derived]; rank ≤ N gives the 1 − N/C(d,k)); threshold_n = N where oracle-ridge KRR error first < ½, ∝ D_k
//   = Σ_{j≤k} C(d,j) (rate, slope 1 [CLAIMS.md §3 calib 0.97]).
// Sweep (quick): d = 30, k = 8 (the paper's §7 setting), N = 16, 64, 128, 10 samples × 30 targets;
//   span bound d = 10, k = 2, N = 8 … 128; thresholds k = 2 at d = 8 … 32 (D_k 14×), k = 3 at
//   d = 5 … 10 (D_3 6.8×), NTK L = 2, 3 (bias 0.5).
//   Smoke (seconds, sanitizer CI; any verdict): 2 samples × 4 targets, 4 kernels, shorter lists.
// Tolerances: proportion ≥ 0.99^30 ⟺ per-target ≥ 99% (Clopper–Pearson); span_slack ≥ 0 with the
//   QR/FWHT rounding inside; threshold slope 1 ± 0.15 (kSlopeAllowance, derived below).
// Controls (each rejected): N = 4·D_k (kernels learn), k = 1 (degree-1 target), a target-aware
//   kernel χ_S(x)χ_S(x') (span bound), a degree-1 target timed against D_2 (threshold slope ½).
// Risks are exact (cube spectrum or 2^d enumeration) with KRR's ridge picked on the population
//   risk (an oracle: the hardest setting for a lower bound) and the best predictor in the span.
// Cross-check (report, issue 4): alpha_separation's ResNet error < α²/16 where kernels stay above.
#include "claims/claims.h"

#include <cmath>

#include "claims/parity_lower_bound_cells.h"
#include "claims/parity_lower_bound_family.h"
#include "concepts/boolean_cube.h"
#include "learners/cube_spectrum.h"

namespace thmcheck {
namespace {

// Threshold exponent band. Pilot (this code, seed 1, 6 samples, oracle ridge, exact risks): slopes of
// N* against D_k, k = 2, d = 8 … 32 (D_k 14×): ntk2 0.94, ntk3 0.99, rbf 0.93; k = 3, d = 6 … 10:
// ntk2 0.98, ntk3 0.97, rbf 0.76 (CLAIMS.md calib: 0.97 for k = 2, d = 8 … 48; 0.86 for k = 3).
// N*/D_k still drifts where D_{k−1} is not ≪ C(d,k) (N* ≈ a·D_{k−1} + c·C(d,k) with a ≠ c), most
// for kernels with little spectral mass above degree k (rbf; poly_at: 0.90 at k = 2, d = 6 … 24),
// while heavy tails drift up (laplace, arccos0: 1.22). The defaults fit the NTKs of 2- and 3-layer
// ReLU nets (the paper's kernels), whose N*/D_k is flattest; 0.15 covers the NTKs' 0.94–0.99 with
// room, and the fit's interval covers sample-to-sample noise.
// Quick k = 3 sweep: d = 6 … 10 (D_3 4.2×) left seed 3 INCONCLUSIVE (0.94 [0.84, 1.05]); d = 5 … 10
// (6.8×, same cost) gave 0.94–0.98 with 90% intervals inside the band for seeds 1–5.
constexpr double kSlopeAllowance = 0.15;

constexpr const char* kTheoremTolerance =
    "P(all 30 targets of a cell beat α²/16) ≥ 0.99^30 is equivalent to each target beating it "
    "with probability ≥ 99% (targets independent; b > 30 uses the exact randomized version, "
    "TheoremIndicator); Clopper–Pearson 90% interval over the cells, so PASS needs ≥ 10 cells";
constexpr const char* kSpanTolerance =
    "exact: Σ_S ‖Pχ_S‖² ≤ rank ≤ N for any span [derived]; span_slack = (rank − Σ_S ‖Pχ_S‖²)/C(d,k) "
    "+ the rounding bound rank·(4·2^d·N + 2d)·ε/C(d,k) (Householder QR, Walsh–Hadamard): ≥ 0 "
    "unless the bound is violated; it is ≈ the rounding bound for parity_k (equality case)";
constexpr const char* kThresholdTolerance =
    "1 ± 0.15: finite-size spread of smooth kernels in pilots (slopes 0.90–1.07, k = 2 and 3)";

CheckSpec TheoremCheck() {
  return ProportionAtLeast("above_bound", TheoremPassProbability(), kTheoremTolerance);
}
CheckSpec SpanCheck() { return MeanAtLeast("span_slack", 0.0, kSpanTolerance); }
CheckSpec ThresholdCheck() {
  return ExponentCheck("threshold_n", "D_k", 1.0, kSlopeAllowance, kThresholdTolerance);
}

std::string Validate(const nlohmann::json& p) {
  const int d = p.at("d"), k = p.at("k"), span_d = p.at("span_d"), span_k = p.at("span_k");
  const std::string risk = p.at("risk");
  if (k > d) return "k = " + std::to_string(k) + " > d = " + std::to_string(d) + ": a k-parity needs k ≤ d";
  if (span_k > span_d)
    return "span_k = " + std::to_string(span_k) + " > span_d = " + std::to_string(span_d);
  const double premise = BinomialCoefficient(d, k) / 1000.0;
  for (int n : p.at("n"))
    if (n > premise)
      return "n = " + std::to_string(n) + " breaks the theorem's premise N ≤ C(d,k)/1000 = " +
             std::to_string(premise) + " (d = " + std::to_string(d) + ", k = " + std::to_string(k) +
             "); lower n or raise d, k";
  const double cube = std::ldexp(1.0, span_d);
  const double learn_n = std::ceil(p.at("learn_factor").get<double>() * LowDegreeDimension(span_d, span_k));
  for (int n : p.at("span_n"))
    if (n > cube) return "span_n = " + std::to_string(n) + " > 2^span_d: the span bound enumerates the cube";
  if (learn_n > cube) return "learn_factor·D_k = " + std::to_string(learn_n) + " > 2^span_d";
  const auto kernels = SplitNames(p.at("kernels"));
  if (kernels.empty()) return "kernels: name at least one kernel";
  for (const auto& name : kernels) {
    if (std::string why = KernelNameProblem(name); !why.empty()) return "kernels: " + why;
    if (risk == "exact" && !IsDotProductMember(name) && d > kMaxEnumerableCubeDim)
      return "risk=exact: " + name + " has no closed-form cube spectrum and d = " + std::to_string(d) +
             " exceeds the enumeration limit " + std::to_string(kMaxEnumerableCubeDim) + " (use risk=auto)";
    if (risk == "exact" && d > kMaxSpectrumDim)
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
      return "threshold_kernels: " + name + " with bias = 0 has zero odd cube eigenvalues ≥ 3 and "
             "never learns the k = 3 parity; set bias > 0";
  }
  return "";
}

}  // namespace

ClaimSpec ParityLowerBoundClaim() {
  ClaimSpec c;
  c.id = "parity_lower_bound";
  c.protocol = 1;
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
      IntParam("replicates", 1, 1000, "samples per grid point (one per cell)").Defaults(10, 20).Smoke(2),
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
      ChoiceParam("risk", {"auto", "exact", "sample"},
                  "population risk: exact where possible (auto), forced exact, or a test sample")
          .Defaults("auto", "auto"),
      IntParam("n_test", 100, 1000000, "test-sample size when a risk is sampled").Defaults(4096, 16384),
      IntParam("d", 1, kMaxBinomialN, "theorem: input dimension (C(d,k) exact up to 56)").Defaults(30, 30),
      IntParam("k", 1, 64, "theorem: parity degree (= number of outputs)").Defaults(8, 8),
      IntListParam("n", 1, 100000, 1, true, "theorem: sample sizes, each ≤ C(d,k)/1000")
          .Defaults({16, 64, 128}, {16, 64, 256, 1024})
          .Smoke({16, 64}),
      IntParam("span_d", 1, kMaxEnumerableCubeDim, "span bound: dimension (enumerated)").Defaults(10, 12),
      IntParam("span_k", 1, kMaxEnumerableCubeDim, "span bound: parity degree").Defaults(2, 3),
      IntListParam("span_n", 1, 65536, 3, true, "span bound: sample sizes")
          .Defaults({8, 16, 32, 64, 128}, {16, 32, 64, 128, 256, 512})
          .Smoke({8, 16, 32}),
      RealParam("learn_factor", 1, 64,
                "controls: N = learn_factor·D_k at (span_d, span_k), and learn_factor·(d + 1) for k = 1")
          .Defaults(4.0, 4.0),
      IntListParam("threshold_d", 3, kMaxSpectrumDim, 3, true, "threshold, k = 2: dimensions")
          .Defaults({8, 12, 16, 24, 32}, {8, 12, 16, 24, 32, 40})
          .Smoke({6, 8, 12}),
      IntListParam("threshold_d_k3", 3, kMaxSpectrumDim, 3, true, "threshold, k = 3: dimensions")
          .Defaults({5, 6, 7, 8, 9, 10}, {6, 8, 10, 12, 14})
          .Smoke({5, 6, 7}),
      ChoiceParam("threshold_kernels", {}, "kernels whose geometric-mean threshold is fitted")
          .Defaults("ntk2,ntk3", "ntk2,ntk3")
          .Smoke("ntk2"),
  };
  c.validate = Validate;
  const auto arm = [](std::string name, ArmRole role, std::string condition, nlohmann::json overrides,
                      std::vector<Axis> axes, CheckSpec check) {
    return ArmSpec{std::move(name), role, std::move(condition), std::move(overrides), std::move(axes), {check}};
  };
  c.arms = {
      arm("main", ArmRole::kMain, "N ≤ C(d,k)/1000: the theorem's premise",
          {{"regime", "theorem"}}, {{"n", "n"}}, TheoremCheck()),
      arm("span", ArmRole::kMain, "any N, a fixed kernel: the exact span bound (d ≤ 16 enumerated)",
          {{"regime", "span"}}, {{"n", "span_n"}}, SpanCheck()),
      arm("threshold_k2", ArmRole::kMain, "k = 2: N* ∝ D_k", {{"regime", "threshold"}, {"k", 2}},
          {{"d", "threshold_d"}}, ThresholdCheck()),
      arm("threshold_k3", ArmRole::kMain, "k = 3: N* ∝ D_k", {{"regime", "threshold"}, {"k", 3}},
          {{"d", "threshold_d_k3"}}, ThresholdCheck()),
      arm("many_samples", ArmRole::kControl,
          "N = learn_factor·D_k ≫ C(d,k)/1000 (at span_d, span_k): kernels learn the parity",
          {{"regime", "many_samples"}}, {}, TheoremCheck()),
      arm("degree_one", ArmRole::kControl,
          "k = 1 (C(d,1)/1000 < 1: no N meets the premise): a degree-1 target at the theorem's d, "
          "N = learn_factor·(d + 1) ≪ C(d,k)/1000 for the main k",
          {{"regime", "degree_one"}}, {}, TheoremCheck()),
      arm("target_aware", ArmRole::kControl,
          "the kernel χ_S(x)χ_S(x') is chosen after seeing the target S (not a fixed span)",
          {{"regime", "target_aware"}}, {{"n", "span_n"}}, SpanCheck()),
      arm("threshold_degree_one", ArmRole::kControl,
          "a degree-1 target timed against D_2: N* grows like D_1 ≈ √(2·D_2), slope ½",
          {{"regime", "threshold"}, {"k", 2}, {"target_degree", 1}}, {{"d", "threshold_d"}},
          ThresholdCheck()),
  };
  // What the report draws: every kernel's risk above α²/16 at N ≤ C(d,k)/1000, and the span
  // bound 1 − N/C(d,k) (recorded per cell) under each kernel's projection error.
  const auto theorem_floor = [](const nlohmann::json& p) {
    const double alpha = p.at("alpha");
    return alpha * alpha / 16;
  };
  c.figures = {
      {"risk_vs_n", "Population risk per kernel (theorem regime)", "main", "n", "risk E‖f − H‖²",
       true, true, {"risk.*"}, {}, {{"α²/16 (Thm 2)", theorem_floor}}},
      {"proj_error_vs_n", "Best predictor in each kernel's span; span_bound = 1 − N/C(d,k)",
       "span", "n", "projection error (mean over all k-parities)", true, false, {"proj_error.*"},
       {"span_bound"}, {}},
  };
  // Beside it, when the report also has alpha_separation's results (issue 4): on the separation
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
  c.run = ParityLowerBoundCell;
  return c;
}

}  // namespace thmcheck
