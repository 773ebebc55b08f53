// Claim `alpha_separation`: a 3-layer ResNet learns βF + αG(F) far below kα²; kernels stay Ω(kα²).
// Theorem: Allen-Zhu & Li 2019, arXiv 1905.10337, Thm 1 (ResNet error ≤ O(α⁴), an upper bound) and
//   Thm 2 / §7.1 (any kernel regressor from N ≪ C(d,8) samples has error ≥ Ω(α²)). Legend: N = n
//   train points, d = 30, k = 8 outputs, m width, α, β weights of G(F), F; err = E‖out − y‖².
// Observables (cells.h): L.err_ratio = err/(kα²), L.phi = fraction of αG learned; recorded and
//   drawn only: kernels' L.excess = err_λ(α) − err_λ(0), resnet.probe_f_r2 (probe σ(Wx + b₁) → F).
// Predicted: every kernel err/(kα²) ≥ 1 − o(1) (bound); ResNet err/(kα²) ≪ 1 (bound; the α⁴ rate
//   is NOT fitted: the ResNet sits at a floor), so φ ≥ 0.5 and the ResNet ≥ 0.65 below the best
//   kernel (kernel_best: lowest validation error), paired within replicates.
// Sweep: main arm β = 1, α ∈ alphas (quick 0.15, 0.25, 0.4, N = 3000, 200 epochs, ≈ 60 s wall on
//   2 cores; full 0.1 … 0.4, N = 4000, 300 epochs) × 4 / 8 replicates; a replicate's samples,
//   ResNet inits and SGD orders are shared across α and arms; the ResNet is the best of
//   `restarts` = 3 runs screened on validation at epoch E/4 (TrainBest; fig2a screens 80 runs).
// Tolerances (derivations at the constants below): kernels err/(kα²) ≥ 0.9; ResNet err/(kα²) ≤
//   0.25, φ ≥ 0.5 (implied by the ceiling), ResNet − best kernel ≤ −0.65 in ratio (floor minus
//   ceiling).
//   Sanity (an identity, not evidence): each kernel's error is quadratic in α at its ridge.
// Controls β = 0 and β = 0.2 at α = 0.3 (no usable F signal; paper Fig. 2(b)): must FAIL the
//   ResNet's ratio ceiling, its φ floor and the paired separation; predict the ResNet fails like
//   a kernel (err/(kα²) ≥ 0.9) and learns nothing of αG (|φ| ≤ 0.3). Kernels: analytic 2-layer
//   ReLU NTK, the ResNet's empirical NTK at init (W, V), RBF; ridge chosen on a fresh validation
//   set, never on test data.
// Arm fig2a (full scale, or --set fig2a=1): the paper's Fig. 2(a), N = 1000, α = 0.3, widths
//   `fig2a_widths`, W's init scale, the batch size and η chosen on validation: ResNet err < kα²,
//   two-layer net and kernels ≥ kα²; printed as a table. Arm fig2a_wide (full): the same at 10⁴
//   under a longer schedule (kFig2aWideEpochs), drawn on the same figure.
#include "claims/claims.h"

#include <array>
#include <string>

#include "claims/alpha_separation_cells.h"

namespace thmcheck {
namespace {

// Quick scale holds over the α the theorem covers, down to 0.15 (full: 0.1). Pilot (seeds
// 1000–1009, α 0.15, 0.2, 0.3, 0.4, 3 replicates, best of 2 runs): the ResNet's err/(kα²) was
// 0.004–0.08 in 112 of 120 cells, 0.08–0.245 in the others: two replicates (seeds 1004, 1009)
// stalled partly at every α (seed 1009: 0.245 at α = 0.15, φ 0.67), and with 3 replicates one
// such run puts the ceiling's t-interval (t₂ = 2.92) above 0.25. What gives way: α = 0.2 and 0.3
// (three α, not four), to pay for a fourth replicate (t₃ = 2.35: one partly stalled replicate at
// 0.25 leaves the interval below the ceiling) and a third screened run per cell (a run stalls
// with probability ≈ 1/8 at m = 256, so all three do ≈ 0.2% of the time). With these settings
// seeds 1000–1009 all PASS. ≈ 60 s wall on 2 cores.
constexpr int kQuickReplicates = 4, kRestarts = 3;
// Kernel lower bound. Thm 2 gives err ≥ α²/16 per output for ≥ 99% of targets (loose constant);
// KRR cannot predict a degree-8 parity from N ≪ C(30,8) ≈ 5.9e6 samples, so err_G ≥ k(1 − N/C) and
// err/(kα²) ≥ 1 − 5e−4 plus a nonnegative F error. 0.9 leaves 10% for the finite test set (n_test
// = 2000: relative s.e. of E‖G − Ĝ‖² ≈ √(2/(k·n_test)) ≈ 1%) and a negative F–G cross term.
constexpr double kKernelRatioFloor = 0.9;
// The kernels' α-dependent part is quadratic in α at the selected ridge: err_λ(α) − err_λ(0) =
// 2α⟨r_F, r_G⟩ + α²‖r_G‖² (KRR is linear in the labels). An identity of the code, so a sanity
// check: the relative gap is a sum of n_test·k = 12,000 products of O(1) terms, rounding
// ≈ c·n·ε ≈ 10·12000·1.1e−16 ≈ 1e−11; 1e−9 leaves a factor 100.
constexpr double kQuadraticGap = 1e-9;
// ResNet upper bound: calibration (resnet3.h; docs/claims/alpha_separation.md) err/(kα²) 0.003–0.05
// at N ≥ 3000 for α ≥ 0.15 (pilot N = 3000, α 0.25 … 0.4: 0.008–0.024); a learner that ignores G
// has ratio ≥ 1 (β = 0 control: 2.1–2.2). 0.25 separates the two with a 4× margin on each side.
constexpr double kResNetRatioCeiling = 0.25;
// φ ≥ 1 − √0.25 = 0.5 [derived]: write out − βF = φαG + R with R ⊥ G on the test set (φ is that
// projection's coefficient); then err = (1 − φ)²α²‖G‖² + ‖R‖² ≥ (1 − φ)²·kα², so the ceiling
// err/(kα²) ≤ 0.25 needs φ ≥ 0.5. It is the main arm's smallest learned fraction of αG — the gain
// the β controls predict vanishes (|φ| ≤ kPhiNull).
constexpr double kPhiFloor = 0.5;
// The β controls' null: a learner that learned nothing of αG has φ ≈ 0 up to the test set's
// noise and the F–G leakage of an unfinished fit; pilot (N = 3000, α = 0.3): β = 0: φ −0.01 … 0.03,
// β = 0.2: ≈ 0 (0.23 once at full scale). 0.3 sits well below the main arm's floor 0.5.
constexpr double kPhiNull = 0.3;
// The separation's smallest effect: the ResNet's ratio ≤ 0.25 and every kernel's ≥ 0.9, so
// paired within a cell the ResNet sits ≥ 0.65 below the best kernel (ratio units).
constexpr double kSeparationMargin = kKernelRatioFloor - kResNetRatioCeiling;
// Probe R²(F) (a ridge probe from the first hidden layer to F) is recorded and drawn, not checked:
// it is the proof's mechanism, not a statement of Thm 1, and a run may carry part of F in its
// second block (pilot, seed 1000, α = 0.4, replicate 2: R²(F) 0.80 with err/(kα²) 0.031);
// calibration 0.999–1.000 otherwise, 0.41 at init, β = 0: 0.17–0.22.
// Fig. 2(a) reproduction (arm `fig2a`, full scale): the paper's N = 1000, α = 0.3, 800 epochs with
// ÷10 at 400, across widths. The level is kα² itself (ratio 1): the error of predicting βF exactly
// and nothing of αG(F). Paper (read off the figure ±10%): ResNet err 0.10–0.29 (ratio 0.14–0.40),
// two-layer ≈ 0.92 (1.28), every kernel ≥ 1.4 (≥ 1.94). Our learners there (pilot;
// claims/alpha_separation_notes.md, "notes" below): with the main arm's init (w_scale 1) the ResNet
// does not learn G at N = 1000 (ratio ≥ 1); a smaller first-layer init (w_scale 0.1–0.3) with
// second_lr_scale 0.3 does (m = 256: err 0.03–0.1 when a run does not collapse), so w_scale, the
// batch and η are chosen per cell on validation — the paper chose η and weight decay per width on
// test error.
constexpr double kFig2aAlpha = 0.3, kFig2aLevel = 1.0;
constexpr int kFig2aN = 1000, kFig2aEpochs = 800;
constexpr double kFig2aDecayAt = 0.5, kFig2aSecondLrScale = 0.3;
// The grid of W's init std at every width: pilot (N = 1000, 2–6 runs each) m = 256: 0.1 and 0.2
// learn G in most runs (err 0.03–0.1), 0.3 partly (0.53–0.62), 1 not (1.2); m = 1024: 0.1 in one
// run of two (0.34), 0.03 likewise (0.20); m = 100: only 1 (one run of two: 0.48). Wider nets need
// a smaller init to leave the lazy regime (a neuron moves ∝ η/(√m·w_scale); A ~ N(0, 1/m)).
// The batch grid: at m = 100 more, smaller steps at the same η/B learn G (w_scale 0.5: B = 50 ends
// at err 0.6–4.2 in 8 runs, B = 5 at 0.06–1.4, median 0.5, in 16), hence 0.5 joined the w_scales.
constexpr std::array<double, 5> kFig2aWScales = {0.03, 0.1, 0.3, 0.5, 1.0};
constexpr std::array<int, 2> kFig2aBatches = {50, 5};
// The η grid: wide nets need a larger step to leave the lazy regime, narrower ones collapse with it
// (notes, 2026-11-23 "A larger step" and "m = 3000 at full scale"; N = 1000, w_scale 0.03, B = 50):
// m = 3000 learns G with η = 4 (2 of 2, then 2 of 6 runs: err 0.15, 0.17) and not with η ≤ 3
// (≥ 0.83: memorizes), η ≥ 5 is unstable; m = 1000 learns it with η = 2, collapses with η = 4 (err
// 4.3 from epoch 50: the screen sees it).
constexpr std::array<double, 2> kFig2aLrs = {2.0, 4.0};
// The screen (TrainBest): 4 runs per grid setting (80 per cell), every run to E/8, the 16 lowest on
// validation on to E/4, the lowest of those to E. Why: at m = 3000 G is learned almost only with
// (w_scale, B, η) = (0.03, 50, 4), in 2 of 6 runs (notes, 2026-11-23 "m = 3000 at full scale" and
// "A two-stage screen"), so 2 runs per setting left 2 of 8 replicates with no learner (err 0.55
// [0.27, 0.84]: INCONCLUSIVE); 4 per setting found one in 8 of 8 (err 0.27 [0.22, 0.32]; notes,
// 2026-11-24 "The 80-run screen"). Keeping 8 pruned one replicate's only learner (it ranked 9th at
// E/8 behind memorizers), 16 kept it. Cost R/8 + K/8 + 3/4 = 12.75 runs per learner, against 10.75
// with 2 runs and one stage; at m ≤ 1000 it lowered the ResNet's error too (same section).
constexpr int kFig2aRestarts = 4, kFig2aScreenKeep = 16;
// The widest widths (arm fig2a_wide, m = 10⁴ by default): with the paper's 800 epochs (÷10 at 400)
// no setting tried at 10⁴ learned G beyond φ ≈ 0.5 (22 runs, err ≥ 0.35); a constant-η phase twice
// as long (1600 epochs, ÷10 at 1200) with W's init 0.003–0.01 and η = 5 at B = 50 did in 3 of 7
// pilot runs (err 0.013–0.055; notes, 2026-11-24 "A longer constant-η phase"; the pilot drew its
// own samples and seeds, so the choice saw none of full's replicates). Under the fig2a screen, 7 of
// full's 8 replicates then learned it (err 0.008–0.088, the 8th 0.59 with φ 0.55: mean 0.111
// [−0.020, 0.242]; notes, 2026-11-24 "Full's 8 replicates at m = 10⁴"). A schedule of its own arm,
// since the narrower widths learn G under the paper's (the paper, too, chose its step per width);
// ≈ 24 core-min per cell.
constexpr int kFig2aWideWidth = 10000, kFig2aWideEpochs = 1600;
constexpr double kFig2aWideDecayAt = 0.75;
constexpr std::array<double, 2> kFig2aWideWScales = {0.003, 0.01};
constexpr std::array<int, 1> kFig2aWideBatches = {50};
constexpr std::array<double, 1> kFig2aWideLrs = {5.0};

// What both Fig. 2(a) arms force: the paper's N and α, the second layer's step and the screen.
nlohmann::json Fig2aOverrides() {
  return {{"n", kFig2aN},
          {"alpha", kFig2aAlpha},
          {"beta", 1.0},
          {"second_lr_scale", kFig2aSecondLrScale},
          {"two_layer", 1},
          {"restarts", kFig2aRestarts},
          {"screen_keep", kFig2aScreenKeep}};
}

nlohmann::json Fig2aWideOverrides() {
  nlohmann::json o = Fig2aOverrides();
  o["epochs"] = kFig2aWideEpochs;
  o["decay_at"] = kFig2aWideDecayAt;
  o["w_scales"] = kFig2aWideWScales;
  o["batches"] = kFig2aWideBatches;
  o["lrs"] = kFig2aWideLrs;
  return o;
}

constexpr const char* kKernelRatioWhy =
    "≥ 0.9: no kernel learns a degree-8 parity from N ≪ C(30,8) samples (Thm 2: ratio ≥ 1 − N/C); "
    "0.1 allows for test-set noise (≈ 1%) and a negative F–G cross term";
constexpr const char* kQuadraticWhy =
    "≤ 1e−9: err_λ(α) − err_λ(0) = 2α⟨r_F, r_G⟩ + α²‖r_G‖² (KRR is linear in the labels) up to "
    "rounding (≈ 1e−11 over 12,000 terms)";
constexpr const char* kResNetWhy =
    "≤ 0.25: Thm 1 bounds it by O(α²); calibration 0.003–0.05 at N ≥ 3000, α ≥ 0.15; ignoring G "
    "gives ≥ 1";
constexpr const char* kPhiWhy =
    "≥ 0.5: err/(kα²) ≥ (1 − φ)² (φ the projection of out − βF on αG), so the ceiling 0.25 needs "
    "φ ≥ 0.5; kernels ≈ 0";
constexpr const char* kSeparationWhy =
    "< 0 at every α: the theorem's separation, paired within replicates (same samples)";
constexpr const char* kSeparationMarginWhy =
    "≤ −0.65 at every α: the ResNet's ceiling 0.25 below the kernels' floor 0.9, paired within "
    "replicates (same samples); kernel_best is chosen on validation";
// The β controls (no usable F signal): what their broken condition does to the main checks, and
// what they predict of their own outcome (paper Fig. 2(b): the ResNet fails like a kernel).
constexpr const char* kNoSignalRatio =
    "without F's signal αG(F) is a degree-8 parity of x with no low-degree part: SGD from N ≪ "
    "C(30,8) samples does not find it, so the ResNet's error stays ≳ kα²";
constexpr const char* kNoSignalPhi = "the ResNet learns nothing of αG: φ ≈ 0, below 0.5";
constexpr const char* kNoSignalSeparation =
    "the ResNet loses its edge: no better than the best kernel, not 0.65 below it";
constexpr const char* kFailsLikeAKernel =
    "≥ 0.9 (the kernels' floor): a learner that learned nothing of αG has err/(kα²) ≥ (1 − φ)² ≈ 1 "
    "(paper Fig. 2(b): err ≈ kα² at β = 0)";
constexpr const char* kPhiNullWhy =
    "|φ| ≤ 0.3: nothing of αG learned, up to test-set noise (pilot β = 0: −0.01 … 0.03); the "
    "main arm's floor is 0.5";

std::vector<CheckSpec> ResNetChecks() {
  return {
      MeanAtMost("resnet.err_ratio", kResNetRatioCeiling, kResNetWhy),
      MeanAtLeast("resnet.phi", kPhiFloor, kPhiWhy),
      PairedBelow("resnet.err_ratio", "kernel_best.err_ratio", kSeparationMarginWhy,
                  kSeparationMargin),
  };
}

// A β control's own predictions: the ResNet fails like a kernel and learns nothing of αG.
std::vector<CheckSpec> NoSignalPredictions() {
  return {Named("resnet.err_ratio like a kernel",
                MeanAtLeast("resnet.err_ratio", kKernelRatioFloor, kFailsLikeAKernel)),
          Named("resnet.phi null", MeanWithin("resnet.phi", -kPhiNull, kPhiNull, kPhiNullWhy))};
}

// The main checks a β control must fail, each for the reason the missing F signal gives. Never one
// about F itself (with β = 0, F is not in the target: such a check fails whatever the ResNet does).
std::vector<MustFail> NoSignalMustFail() {
  return {{"resnet.err_ratio", kNoSignalRatio},
          {"resnet.phi", kNoSignalPhi},
          {"resnet.err_ratio - kernel_best.err_ratio", kNoSignalSeparation}};
}

constexpr const char* kFig2aBelowWhy =
    "< 1 (err < kα² = 0.72) at every width: paper Fig. 2(a) ResNet 0.10–0.29 in err";
constexpr const char* kFig2aAboveWhy =
    "≥ 1 (err ≥ kα²) at every width: paper Fig. 2(a) two-layer ≈ 0.92, kernels ≥ 1.4 in err";

// The paper's Fig. 2(a) statement, at each width: the ResNet below kα², the two-layer net and every
// kernel above it, and the ResNet below the best kernel (paired).
std::vector<CheckSpec> Fig2aChecks() {
  std::vector<CheckSpec> checks = {MeanAtMost("resnet.err_ratio", kFig2aLevel, kFig2aBelowWhy)};
  for (const char* learner : {"two_layer", "ntk", "resnet_ntk", "rbf"})
    checks.push_back(MeanAtLeast(std::string(learner) + ".err_ratio", kFig2aLevel, kFig2aAboveWhy));
  checks.push_back(PairedBelow("resnet.err", "kernel_best.err", kSeparationWhy));
  return checks;
}

std::vector<CheckSpec> MainChecks() {
  std::vector<CheckSpec> checks;
  for (const char* kernel : {"ntk", "resnet_ntk", "rbf"}) {
    const std::string name = kernel;
    checks.push_back(MeanAtLeast(name + ".err_ratio", kKernelRatioFloor, kKernelRatioWhy));
    // Linear smoothers at a fixed ridge: an identity of the code, not evidence.
    checks.push_back(Sanity(MeanAtMost(name + ".quadratic_gap", kQuadraticGap, kQuadraticWhy)));
  }
  for (CheckSpec& c : ResNetChecks()) checks.push_back(std::move(c));
  return checks;
}

std::string Validate(const nlohmann::json& p) {
  const int d = p.at("d"), k = p.at("k");
  if (p.at("concept") == "parity") {
    if (2 * k > d)
      return "concept=parity needs 2k ≤ d (F pairs up 2k coordinates): k = " + std::to_string(k) +
             ", d = " + std::to_string(d);
    if (k % 4 != 0)
      return "concept=parity needs k a multiple of 4 (G groups 4 outputs): k = " +
             std::to_string(k);
  }
  // A width of Fig. 2(a) is one arm's mean: the two arms may not share one (figures.h).
  if (p.at("fig2a") == 1 && p.at("fig2a_wide") == 1)
    for (const auto& m : p.at("fig2a_widths"))
      for (const auto& wide : p.at("fig2a_wide_widths"))
        if (m == wide)
          return "fig2a_widths and fig2a_wide_widths both contain m = " + m.dump() +
                 ": a width of Fig. 2(a) is run by one arm; drop it from one list, or --set "
                 "fig2a_wide=0";
  return "";
}

}  // namespace

ClaimSpec AlphaSeparationClaim() {
  ClaimSpec c;
  c.id = "alpha_separation";
  c.protocol = 2;
  c.title = "ResNets learn F + αG(F) to error ≪ α²; kernels stay at Ω(α²)";
  c.statement =
      "For the hierarchical target H = βF + αG(F) with a degree-8 composite G(F) on the Boolean "
      "cube, a 3-layer ResNet trained by SGD reaches test error O(α⁴) (an upper bound; in practice "
      "an α-independent floor far below kα²) and learns the composite part, while every kernel "
      "ridge regressor trained on the same N ≪ C(d,8) samples has error ≥ Ω(kα²), its α-dependent "
      "part growing exactly like α².";
  c.citation = {"Z. Allen-Zhu, Y. Li",
                2019,
                "What Can ResNet Learn Efficiently, Going Beyond Kernels?",
                "1905.10337",
                "Thm 1; Thm 2 and §7.1; Fig. 2",
                "NeurIPS 2019",
                {}};
  c.params = {
      ChoiceParam("concept", kConcepts,
                  "parity: the paper's §7 instance; concept1: a random member of Concept 1 "
                  "(checks calibrated on parity only)")
          .Defaults("parity", "parity"),
      IntParam("d", 4, 1000, "input dimension (x uniform on {±1/√d}^d)").Defaults(30, 30),
      IntParam("k", 1, 64, "outputs").Defaults(8, 8),
      IntParam("n", 100, 20000, "training samples N, shared by every learner")
          .Defaults(3000, 4000)
          .Smoke(400),
      IntParam("n_val", 100, 20000, "fresh validation samples (kernel ridge, probe ridge)")
          .Defaults(500, 2000)
          .Smoke(200),
      IntParam("n_test", 100, 100000, "fresh test samples").Defaults(1500, 4000).Smoke(200),
      IntParam("width", 16, 20000, "hidden width m of the ResNet (and two-layer net)")
          .Defaults(256, 256),
      RealListParam("alphas", 1e-3, 1.0, 3, true, "α swept by the main arm")
          .Defaults(nlohmann::json::array({0.15, 0.25, 0.4}),
                    nlohmann::json::array({0.1, 0.15, 0.2, 0.3, 0.4})),
      RealParam("beta", 0.0, 10.0, "weight β of F in the main arm").Defaults(1.0, 1.0),
      IntParam("epochs", 1, 10000, "SGD epochs (the fig2a arm has its own: fig2a_epochs)")
          .Defaults(200, 300)
          .Smoke(10),
      RealParam("decay_at", 0.0, 1.0,
                "η ÷= 10 at this fraction of the epochs (fig2a: fig2a_decay_at)")
          .Defaults(0.75, 0.75),
      RealListParam("lrs", 1e-4, 100.0, 1, true,
                    "η of W, b₁ (batch-mean gradient); several: a grid chosen on validation "
                    "(see restarts; fig2a: fig2a_lrs)")
          .Defaults(nlohmann::json::array({2.0}), nlohmann::json::array({2.0})),
      IntListParam("batches", 1, 1000, 1, false,
                   "mini-batch sizes B (η scales as η·B/50); several: a grid chosen on validation "
                   "(fig2a: fig2a_batches)")
          .Defaults(nlohmann::json::array({50}), nlohmann::json::array({50})),
      RealListParam("w_scales", 1e-3, 10.0, 1, true,
                    "init std of W (inputs unit-norm); several: a grid chosen on validation "
                    "(fig2a: fig2a_w_scales)")
          .Defaults(nlohmann::json::array({1.0}), nlohmann::json::array({1.0})),
      RealParam("second_lr_scale", 0.0, 10.0, "η of V, b₂ as a multiple of η").Defaults(0.1, 0.1),
      RealParam("weight_decay", 0.0, 1.0, "weight decay on every trained parameter")
          .Defaults(0.0, 0.0),
      IntParam("restarts", 1, 16,
               "independent ResNet (and two-layer) runs per cell and (w_scale, η) setting, each "
               "trained for a quarter of the epochs; the one with the lowest validation error is "
               "trained on and scored (the fig2a arm declares its own: 4)")
          .Defaults(kRestarts, kRestarts)
          .Smoke(1),
      IntParam("screen_keep", 0, 1000,
               "0: every run of the screen (see restarts) is trained for a quarter of the epochs; "
               "K ≥ 1: every run for an eighth, and only the K lowest on validation on to the "
               "quarter (the fig2a arm declares its own: 16)")
          .Defaults(0, 0),
      IntParam("two_layer", 0, 1, "also train the two-layer net baseline").Defaults(0, 1),
      RealParam("rbf_sigma", 1e-3, 1e3, "σ of the RBF kernel exp(−‖x − x'‖²/2σ²)")
          .Defaults(1.0, 1.0),
      IntParam("fig2a", 0, 1, "also run the paper's Fig. 2(a) arm (N = 1000, α = 0.3, widths)")
          .Defaults(0, 1),
      // The fig2a arm stops at 3000 under the paper's schedule; 10⁴ needs a longer one and is the
      // fig2a_wide arm's (kFig2aWideEpochs). m = 3000 costs ≈ 18 core-min per cell with the arm's
      // 80-run screen (8 cells ≈ 75 min wall on 2 cores; notes, 2026-11-24 "The 80-run screen");
      // quick (--set fig2a=1) leaves it out.
      IntListParam("fig2a_widths", 16, 20000, 1, true, "widths m of the fig2a arm")
          .Defaults(nlohmann::json::array({100, 300, 1000}),
                    nlohmann::json::array({100, 300, 1000, 3000})),
      IntParam("fig2a_epochs", 8, 10000, "SGD epochs of the fig2a arm (the paper's: 800)")
          .Defaults(kFig2aEpochs, kFig2aEpochs),
      RealParam("fig2a_decay_at", 0.0, 1.0,
                "η ÷= 10 at this fraction of fig2a_epochs (the paper's: 0.5)")
          .Defaults(kFig2aDecayAt, kFig2aDecayAt),
      RealListParam("fig2a_w_scales", 1e-3, 10.0, 1, true,
                    "the fig2a arm's grid of W's init std, chosen on validation")
          .Defaults(nlohmann::json(kFig2aWScales), nlohmann::json(kFig2aWScales)),
      IntListParam("fig2a_batches", 1, 1000, 1, false,
                   "the fig2a arm's grid of batch sizes B, chosen on validation")
          .Defaults(nlohmann::json(kFig2aBatches), nlohmann::json(kFig2aBatches)),
      RealListParam("fig2a_lrs", 1e-4, 100.0, 1, true,
                    "the fig2a arm's grid of η (at B = 50), chosen on validation")
          .Defaults(nlohmann::json(kFig2aLrs), nlohmann::json(kFig2aLrs)),
      IntParam("fig2a_wide", 0, 1,
               "also run arm fig2a_wide: Fig. 2(a) at fig2a_wide_widths under its own, longer "
               "schedule (1600 epochs, ÷10 at 1200) and grid")
          .Defaults(0, 1),
      IntListParam("fig2a_wide_widths", 16, 20000, 1, true,
                   "widths m of the fig2a_wide arm (none also in fig2a_widths)")
          .Defaults(nlohmann::json::array({kFig2aWideWidth}),
                    nlohmann::json::array({kFig2aWideWidth})),
      IntParam("replicates", 2, 1000, "independent (samples, init, SGD order) draws")
          .Defaults(kQuickReplicates, 8)
          .Smoke(2),
  };
  c.validate = Validate;
  c.arms = {
      {"main",
       ArmRole::kMain,
       "β = 1: F is a large, learnable signal",
       nlohmann::json::object(),
       {{"alpha", "alphas"}},
       MainChecks()},
      {.name = "beta0",
       .role = ArmRole::kControl,
       .condition = "β = 0 at α = 0.3: no F signal, the target is αG(F) alone",
       .overrides = {{"beta", 0.0}, {"alpha", 0.3}},
       .axes = {},
       .checks = NoSignalPredictions(),
       .must_fail = NoSignalMustFail()},
      {.name = "beta0.2",
       .role = ArmRole::kControl,
       .condition = "β = 0.2 at α = 0.3: F too weak to be learned first",
       .overrides = {{"beta", 0.2}, {"alpha", 0.3}},
       .axes = {},
       .checks = NoSignalPredictions(),
       .must_fail = NoSignalMustFail()},
      {"fig2a",
       ArmRole::kMain,
       "the paper's Fig. 2(a): N = 1000, α = 0.3, `fig2a_epochs` (the paper's 800, ÷10 at 400), "
       "width swept; W's init scale, batch size and η chosen per cell on validation",
       Fig2aOverrides(),
       {{"width", "fig2a_widths"}},
       Fig2aChecks(),
       // Settable for this arm alone (defaults: the paper's schedule, the grid above), e.g. to
       // try another schedule at some width (notes, 2026-11-24 "A longer constant-η phase").
       {{"epochs", "fig2a_epochs"},
        {"decay_at", "fig2a_decay_at"},
        {"w_scales", "fig2a_w_scales"},
        {"batches", "fig2a_batches"},
        {"lrs", "fig2a_lrs"}}},
      {"fig2a_wide",
       ArmRole::kMain,
       "the paper's Fig. 2(a) at its widest widths (10⁴): as fig2a, but 1600 epochs (÷10 at "
       "1200), W's init 0.003 or 0.01, B = 50, η = 5",
       Fig2aWideOverrides(),
       {{"width", "fig2a_wide_widths"}},
       Fig2aChecks()},
  };
  c.arm_switches = {{"fig2a", "fig2a"}, {"fig2a_wide", "fig2a_wide"}};
  // What the report draws: the separation (kernels at the Ω(kα²) level, the ResNet far below its
  // ceiling) and the learned fraction of αG, per learner over the main arm's α.
  c.figures = {
      {"err_ratio_vs_alpha",
       "Test error relative to kα², per learner",
       "main",
       "alpha",
       "err / (k·α²)",
       true,
       true,
       {"*.err_ratio"},
       {},
       {FigureLine::Constant("kernels' Ω(kα²) level", 1.0),
        FigureLine::Constant("ResNet ceiling", kResNetRatioCeiling)}},
      {"phi_vs_alpha",
       "Fraction φ of αG(F) learned, per learner",
       "main",
       "alpha",
       "φ",
       true,
       false,
       {"*.phi"},
       {},
       {FigureLine::Constant("ResNet floor", kPhiFloor)}},
      // The hierarchical signature (recorded, not checked): F read off the first hidden layer,
      // G not.
      {"probe_vs_alpha",
       "Ridge probe R² from the ResNet's first hidden layer",
       "main",
       "alpha",
       "test R²",
       true,
       false,
       {"resnet.probe_f_r2", "resnet.probe_g_r2"},
       {},
       {}},
  };
  // The paper's Fig. 2(a): test error against width, one line per learner, kα² drawn; also
  // printed by `thmcheck run` (the arm runs at full scale or with --set fig2a=1).
  c.figures.push_back({"fig2a_err_vs_width",
                       "Fig. 2(a): test error vs width at N = 1000, α = 0.3",
                       "fig2a",
                       "width",
                       "test error E‖out − y‖²",
                       true,
                       true,
                       {"resnet.err", "two_layer.err", "ntk.err", "resnet_ntk.err", "rbf.err"},
                       {},
                       {{"kα² (α = 0.3)",
                         [](const nlohmann::json& p) {
                           return p.at("k").get<double>() * kFig2aAlpha * kFig2aAlpha;
                         }}},
                       {"fig2a_wide"}});
  c.printed_figures = {"fig2a_err_vs_width"};
  c.run = RunAlphaSeparationCell;
  c.shared = AlphaSeparationSharedWork();
  return c;
}

}  // namespace thmcheck
