// Claim `random_features_rate`: a function f = ∫ φ(x; w) c(w) dω(w) with bounded c is approximated
//   by m random features φ(x; w_j), w_j ~ ω, to L2 error ≲ ‖c‖∞/√m; least squares on the same
//   features does at least as well.
// Papers: Rahimi & Recht 2008, "Weighted Sums of Random Kitchen Sinks", NeurIPS 2008 (the Monte
//   Carlo bound ‖c‖∞/√m); the talk's form "‖f̂ − f‖ ≲ ‖c‖∞/√m" for φ = ReLU(w·x). Legend: d input
//   dimension, x and w on the unit sphere S^{d−1}, m features, n training points, J kernel
//   sections in the target, K(x, x') = E_w[ReLU(w·x) ReLU(w·x')] its kernel.
// Prediction (d = 5, m = 8 … 512): slope in m of the Monte Carlo estimate's relative L2 error
//   −½ ± 0.1; of least squares' ≤ −½; least squares below Monte Carlo at every m. Control: an odd
//   harmonic of degree 3, outside the bias-free ReLU kernel's RKHS: least squares' error flat in
//   m (0 ± 0.1). Tolerances and their derivations: docs/claims/random_features_rate.md.
#include "claims/claims.h"

#include <cmath>
#include <string>

#include "concepts/sphere.h"
#include "harness/rng.h"
#include "learners/kernels.h"
#include "learners/random_features.h"

namespace thmcheck {
namespace {

// kernel_sections: f = Σⱼ αⱼ K(x, xⱼ), inside the RKHS with c(w) = Σⱼ αⱼ ReLU(w·xⱼ) (bounded by
// Σⱼ|αⱼ|); odd_harmonic: f = x₁x₂x₃, a harmonic of degree 3, orthogonal to every ReLU(w·x).
enum class Target { kKernelSections, kOddHarmonic };
const Choices<Target> kTargets = {
    {{Target::kKernelSections, "kernel_sections"}, {Target::kOddHarmonic, "odd_harmonic"}}};

CellOutcome RunCell(const CellParams& p, const CellSeeds& seeds);

// docs/claims/random_features_rate.md, Tolerances: each band's derivation.
constexpr const char* kMonteCarloWhy =
    "−½ ± 0.1: the estimate is a mean of m i.i.d. zero-mean functions, so E‖f̂ − f‖² = V/m "
    "exactly; 0.1 is left to the 90% interval over replicates and to the test-set estimate of "
    "the L2 norm";
constexpr const char* kLeastSquaresWhy =
    "≤ −½ (one-sided): least squares on n ≫ m points fits at least as well as any fixed weights "
    "on the same features, the Monte Carlo ones included";
constexpr const char* kBelowWhy =
    "< 0 paired (same features): least squares is the best fit in their span on the training "
    "points; on test points it can lose only its estimation error, O(m/n) relative";
constexpr const char* kFlatWhy =
    "0 ± 0.1: bias-free ReLU features carry no odd harmonic above degree 1 (ReLU(t) = (t + |t|)/2, "
    "|t| even), so the best fit in their span is 0 and the error stays ‖f‖; fitting the training "
    "points' noise adds √(1 + m/(n − m)), a slope ≤ 0.02 here";

}  // namespace

ClaimSpec RandomFeaturesRateClaim() {
  return {
      .id = "random_features_rate",
      .protocol = 1,
      .title = "m random ReLU features approximate a function of the kernel's class at rate m^−1/2",
      .statement =
          "For f(x) = ∫ ReLU(w·x) c(w) dω(w) with c bounded and ω uniform on the sphere, the Monte "
          "Carlo estimate f̂ = (1/m) Σⱼ c(wⱼ) ReLU(wⱼ·x) from m features wⱼ ~ ω has L2 error of "
          "order ‖c‖∞/√m, and least squares on the same features does at least as well. A target "
          "outside the features' RKHS is not approximated at any m.",
      .citation = {.authors = "A. Rahimi, B. Recht",
                   .year = 2008,
                   .title = "Weighted Sums of Random Kitchen Sinks: Replacing Minimization with "
                            "Randomization in Learning",
                   .arxiv = "",
                   .theorem = "the Monte Carlo bound ‖c‖∞/√m, as the talk states it",
                   .venue = "NeurIPS 2008",
                   .also = {"A. Rahimi, B. Recht 2007, Random Features for Large-Scale Kernel "
                            "Machines, NIPS 2007 (the features and their kernel)"}},
      .params =
          {
              IntParam("replicates", 3, 10000, "targets, points and feature draws")
                  .Defaults(20, 50)
                  .Smoke(3),
              IntParam("d", 3, 1000, "input dimension (≥ 3 for x₁x₂x₃)").Defaults(5, 5),
              IntParam("sections", 1, 1000, "J: kernel sections in the target").Defaults(4, 4),
              IntParam("n", 16, 1000000, "training points of least squares")
                  .Defaults(4096, 8192)
                  .Smoke(512),
              IntParam("n_test", 16, 1000000, "test points of the L2 error")
                  .Defaults(4096, 8192)
                  .Smoke(512),
              RealListParam("widths", 1, 1e6, 3, true, "m: features")
                  .Defaults(nlohmann::json::array({8, 16, 32, 64, 128, 256, 512}),
                            nlohmann::json::array({8, 16, 32, 64, 128, 256, 512, 1024}))
                  .Smoke(nlohmann::json::array({8, 16, 32})),
          },
      .validate = [](const nlohmann::json& p) -> std::string {
        const auto widths = p.at("widths").get<std::vector<double>>();
        if (widths.back() * 4 > p.at("n").get<double>())
          return "n must be at least 4 × the largest width (least squares needs n ≫ m)";
        return "";
      },
      .arms =
          {
              {.name = "kernel_sections",
               .role = ArmRole::kMain,
               .condition = "f = Σⱼ αⱼ K(x, xⱼ), J = 4, in the RKHS with ‖c‖∞ ≤ Σ|αⱼ|",
               .overrides = {{"target", "kernel_sections"}},
               .axes = {{.name = "m", .from = "widths"}},
               .checks = {ExponentCheck("mc_error", "m", -0.5, 0.1, kMonteCarloWhy),
                          ExponentAtMost("ls_error", "m", -0.5, -0.5, kLeastSquaresWhy),
                          PairedBelow("ls_error", "mc_error", kBelowWhy)}},
              {.name = "odd_harmonic",
               .role = ArmRole::kControl,
               .condition = "f = x₁x₂x₃: outside the RKHS of bias-free ReLU features",
               .overrides = {{"target", "odd_harmonic"}},
               .axes = {{.name = "m", .from = "widths"}},
               .checks = {Named("error flat in m",
                                ExponentCheck("ls_error", "m", 0, 0.1, kFlatWhy))},
               .must_fail = {{.check = "ls_error",
                              .why = "no feature correlates with the target: nothing to fit"}}},
          },
      .figures =
          {
              {.name = "errors",
               .title = "Relative L2 error against the number of random features",
               .arm = "kernel_sections",
               .x = "m",
               .y_label = "‖f̂ − f‖ / ‖f‖ (test points)",
               .series = {"mc_error", "ls_error"}},
          },
      .run = RunCell,
  };
}

namespace {

// ‖a − b‖/‖b‖ over the rows of two n-vectors: the relative L2(μ) error, μ the test points' law.
double RelativeError(const Eigen::VectorXd& a, const Eigen::VectorXd& b) {
  return (a - b).norm() / b.norm();
}

CellOutcome RunCell(const CellParams& p, const CellSeeds& seeds) {
  const int d = static_cast<int>(p.Int("d")), m = static_cast<int>(p.Real("m"));
  const Target target = p.Choice("target", kTargets);
  // Everything but m is the replicate's: the same target, points and features at every m. The
  // features nest (SampleUnitSphere draws row by row), so the sweep adds features to one draw.
  Rng data_rng(DeriveSeed(seeds.replicate, "data"));
  const Eigen::MatrixXd X = SampleUnitSphere(data_rng, static_cast<int>(p.Int("n")), d);
  const Eigen::MatrixXd X_test = SampleUnitSphere(data_rng, static_cast<int>(p.Int("n_test")), d);
  Rng target_rng(DeriveSeed(seeds.replicate, "target"));
  const int J = static_cast<int>(p.Int("sections"));
  const Eigen::MatrixXd centers = SampleUnitSphere(target_rng, J, d);
  Eigen::VectorXd alpha(J);
  for (int j = 0; j < J; ++j) alpha(j) = target_rng.Uniform() < 0.5 ? -1.0 : 1.0;
  Rng feature_rng(DeriveSeed(seeds.replicate, "features"));
  RandomReluFeatures features;
  features.w = SampleUnitSphere(feature_rng, m, d);  // ω uniform on the sphere: c is bounded
  features.b = Eigen::VectorXd::Zero(m);

  // K(x, x') = E_{w ~ unif(S^{d−1})}[ReLU(w·x) ReLU(w·x')] = k₁(x, x')/(2d): Cho & Saul's k₁ is
  // 2·E over w ~ N(0, I) (learners/kernels.h), and E‖w‖² = d for the Gaussian.
  const ArcCosineKernel k1(1);
  auto f_of = [&](const Eigen::MatrixXd& Z) -> Eigen::VectorXd {
    if (target == Target::kOddHarmonic) {
      return Z.col(0).cwiseProduct(Z.col(1)).cwiseProduct(Z.col(2));
    }
    return k1.Gram(Z, centers) * alpha / (2.0 * d);
  };
  const Eigen::VectorXd f = f_of(X), f_test = f_of(X_test);

  Eigen::MatrixXd phi, phi_test;  // √(2/m)·ReLU(X Wᵀ) (learners/random_features.h)
  RandomFeatureMap(features, X, &phi);
  RandomFeatureMap(features, X_test, &phi_test);
  CellOutcome out;
  // Least squares: the minimum-norm solution (ridge 0; n ≥ 4m, so it is the unique one).
  const Eigen::VectorXd a = RandomFeaturesRidge(phi, f, 0.0);
  out.observables["ls_error"] = RelativeError(phi_test * a, f_test);
  if (target == Target::kKernelSections) {
    // Monte Carlo: f̂ = (1/m) Σⱼ c(wⱼ) ReLU(wⱼ·x) = Φ c/√(2m), c(w) = Σᵢ αᵢ ReLU(w·xᵢ).
    const Eigen::VectorXd c = (features.w * centers.transpose()).cwiseMax(0.0) * alpha;
    out.observables["mc_error"] = RelativeError(phi_test * c / std::sqrt(2.0 * m), f_test);
    out.observables["c_sup"] = alpha.cwiseAbs().sum();
  }
  return out;
}

}  // namespace
}  // namespace thmcheck
