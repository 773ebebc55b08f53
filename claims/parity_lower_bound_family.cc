// Kernel family and per-member risks for parity_lower_bound; see parity_lower_bound_family.h.
#include "claims/parity_lower_bound_family.h"

#include <cmath>
#include <limits>
#include <sstream>

#include "concepts/boolean_cube.h"
#include "harness/check.h"
#include "learners/cube_spectrum.h"
#include "learners/kernel_regression.h"
#include "learners/random_features.h"

namespace thmcheck {
namespace {

constexpr const char* kNames =
    "ntk2|ntk3|nngp2|nngp3|arccos0|arccos1|rbf|laplace|poly_below|poly_at|parity_k|rf:D";
// RBF and Laplace bandwidth on unit-norm inputs: the natural scale (‖x − x'‖² ∈ [0, 4]).
constexpr double kSigma = 1.0;
// Polynomial offset c in (t + c)^p: c > 0 makes the span exactly the degree ≤ p parities.
constexpr double kPolyOffset = 1.0;
constexpr int kMaxRandomFeatures = 1 << 16;

bool ParseRandomFeatures(const std::string& name, int* features) {
  if (name.rfind("rf:", 0) != 0) return false;
  const std::string digits = name.substr(3);
  if (digits.empty() || digits.size() > 6 || digits.find_first_not_of("0123456789") != std::string::npos)
    return false;
  *features = std::stoi(digits);
  return *features >= 1 && *features <= kMaxRandomFeatures;
}

}  // namespace

std::vector<std::string> SplitNames(const std::string& list) {
  std::vector<std::string> out;
  std::stringstream ss(list);
  for (std::string item; std::getline(ss, item, ',');)
    if (!item.empty()) out.push_back(item);
  return out;
}

std::string KernelNameProblem(const std::string& name) {
  int features;
  for (const char* n : {"ntk2", "ntk3", "nngp2", "nngp3", "arccos0", "arccos1", "rbf", "laplace",
                        "poly_below", "poly_at", "parity_k"})
    if (name == n) return "";
  if (ParseRandomFeatures(name, &features)) return "";
  return "unknown kernel '" + name + "' (allowed: " + kNames + ", D in [1, " +
         std::to_string(kMaxRandomFeatures) + "])";
}

bool IsDotProductMember(const std::string& name) { return name.rfind("rf:", 0) != 0; }

bool IsReluMember(const std::string& name) {
  return name.rfind("ntk", 0) == 0 || name.rfind("nngp", 0) == 0 || name.rfind("arccos", 0) == 0 ||
         name.rfind("rf:", 0) == 0;
}

std::unique_ptr<Kernel> MakeMember(const std::string& name, int d, int k, double bias, Rng& rng) {
  THM_CHECK_MSG(KernelNameProblem(name).empty(), KernelNameProblem(name));
  const Activation relu = Activation::kRelu;
  if (name == "ntk2" || name == "ntk3" || name == "nngp2" || name == "nngp3") {
    const auto kind = name[1] == 't' ? NeuralKernelKind::kNtk : NeuralKernelKind::kNngp;
    return std::make_unique<NeuralKernel>(kind, name.back() - '0', bias, relu);
  }
  if (name == "arccos0" || name == "arccos1")
    return std::make_unique<ArcCosineKernel>(name.back() - '0', bias);
  if (name == "rbf") return std::make_unique<RbfKernel>(kSigma);
  if (name == "laplace") return std::make_unique<LaplaceKernel>(kSigma);
  if (name == "poly_below") return std::make_unique<PolynomialKernel>(k - 1, kPolyOffset);
  if (name == "poly_at") return std::make_unique<PolynomialKernel>(k, kPolyOffset);
  if (name == "parity_k") {
    Eigen::VectorXd mu = Eigen::VectorXd::Zero(d + 1);
    mu(k) = 1.0;
    return std::make_unique<CubeSpectralKernel>(mu, d);
  }
  int features = 0;
  THM_CHECK(ParseRandomFeatures(name, &features));
  return std::make_unique<RandomFeaturesKernel>(DrawRandomReluFeatures(rng, features, d, bias));
}

RiskMode ChooseRiskMode(const std::string& setting, const std::string& name, int d) {
  const bool spectral = IsDotProductMember(name) && d <= kMaxSpectrumDim;
  const bool enumerable = d <= kMaxEnumerableCubeDim;
  if (setting == "sample") return RiskMode::kSample;
  if (spectral) return RiskMode::kSpectral;
  if (enumerable) return RiskMode::kEnumerate;
  THM_CHECK_MSG(setting == "auto", "risk=exact is impossible for " << name << " at d = " << d
                                                                   << " (validation missed it)");
  return RiskMode::kSample;
}

const char* RiskModeName(RiskMode mode) {
  switch (mode) {
    case RiskMode::kSpectral: return "spectral";
    case RiskMode::kEnumerate: return "enumerate";
    case RiskMode::kSample: return "sample";
  }
  return "?";
}

Eigen::VectorXd FamilyRidges(const Eigen::MatrixXd& gram) { return RidgeGrid(gram, 31, -8.0, 4.0); }

Eigen::MatrixXd TargetValues(const std::vector<FourierExpansion>& target, const Eigen::MatrixXd& x) {
  Eigen::MatrixXd y = Eigen::MatrixXd::Zero(x.rows(), static_cast<Eigen::Index>(target.size()));
  for (size_t q = 0; q < target.size(); ++q)
    for (const auto& [subset, coef] : target[q]) y.col(q) += coef * Parity(x, subset);
  return y;
}

MemberRisks::MemberRisks(const Kernel& kernel, RiskMode mode, const Eigen::MatrixXd& x,
                         const Eigen::MatrixXd& reference, bool with_projection)
    : mode_(mode), with_projection_(with_projection), x_(x), reference_(reference) {
  const int d = static_cast<int>(x.cols());
  Eigen::MatrixXd gram, g;
  if (mode == RiskMode::kSpectral) {
    // Fit and judge the kernel defined by its spectrum (equal to `kernel` up to the rounding
    // bound of CubeEigenvalues, checked in cube_spectrum_test): then the risk formula is exact for
    // the predictor actually fitted. Rounding negatives of zero eigenvalues are clamped.
    lambda_ = CubeEigenvalues(kernel, d).cwiseMax(0.0);
    gram = CubeSpectralKernel(lambda_, d).Gram(x, x);
    g = CubeSpectralKernel(lambda_.array().square().matrix(), d).Gram(x, x);
  } else {
    THM_CHECK_EQ(reference.cols(), d);
    gram = kernel.Gram(x, x);
    phi_ = kernel.Gram(reference, x);
    g = ReferenceSecondMoment(phi_);
  }
  solver_ = std::make_unique<SpanRiskSolver>(gram, g, FamilyRidges(gram), with_projection);
}

TargetMoments MemberRisks::Moments(const std::vector<FourierExpansion>& target,
                                   Eigen::MatrixXd* y_ref) const {
  if (mode_ != RiskMode::kSpectral) {
    *y_ref = TargetValues(target, reference_);
    return ReferenceTargetMoments(phi_, *y_ref, TargetValues(target, x_));
  }
  TargetMoments t;
  t.y = Eigen::MatrixXd::Zero(x_.rows(), static_cast<Eigen::Index>(target.size()));
  t.b = t.y;
  for (size_t q = 0; q < target.size(); ++q) {
    for (const auto& [subset, coef] : target[q]) {
      const Eigen::VectorXd chi = Parity(x_, subset);
      t.y.col(q) += coef * chi;
      t.b.col(q) += coef * lambda_(static_cast<Eigen::Index>(subset.size())) * chi;
      t.a += coef * coef;  // parities are orthonormal; SeparationFourier merges repeats
    }
  }
  return t;
}

MemberRisks::Result MemberRisks::Evaluate(const std::vector<FourierExpansion>& target) const {
  Eigen::MatrixXd y_ref;
  const TargetMoments t = Moments(target, &y_ref);
  const SpanRisk krr = solver_->KrrOracle(t);
  Result r;
  r.krr = r.krr_low = krr.risk;
  if (mode_ == RiskMode::kSample && krr.index >= 0) {
    const SampledRisk s = ReferenceRisk(phi_, solver_->KrrCoefficients(t, krr.index), y_ref);
    r.krr_low = krr.risk - kSampleZ * s.se;
  }
  r.projection = with_projection_ ? solver_->Projection(t).risk
                                  : std::numeric_limits<double>::quiet_NaN();
  return r;
}

}  // namespace thmcheck
