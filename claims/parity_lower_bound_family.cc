// Kernel family and per-member risks for parity_lower_bound; see parity_lower_bound_family.h.
#include "claims/parity_lower_bound_family.h"

#include <cmath>
#include <limits>
#include <map>
#include <sstream>

#include "concepts/boolean_cube.h"
#include "harness/contract.h"
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
  if (digits.empty() || digits.size() > 6 ||
      digits.find_first_not_of("0123456789") != std::string::npos)
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

RiskMode ChooseRiskMode(RiskSetting setting, const std::string& name, int d) {
  const bool spectral = IsDotProductMember(name) && d <= kMaxSpectrumDim;
  const bool enumerable = d <= kMaxEnumerableCubeDim;
  if (setting == RiskSetting::kSample) return RiskMode::kSample;
  if (spectral) return RiskMode::kSpectral;
  if (enumerable) return RiskMode::kEnumerate;
  THM_CHECK_MSG(setting == RiskSetting::kAuto, "risk=exact is impossible for "
                                                   << name << " at d = " << d
                                                   << " (validation missed it)");
  return RiskMode::kSample;
}

const char* RiskModeName(RiskMode mode) {
  switch (mode) {
    case RiskMode::kSpectral:
      return "spectral";
    case RiskMode::kEnumerate:
      return "enumerate";
    case RiskMode::kSample:
      return "sample";
  }
  return "?";
}

Eigen::VectorXd FamilyRidges(const Eigen::MatrixXd& gram) {
  return RidgeGrid(gram, kRidgeCount, kRidgeLoDecade, kRidgeHiDecade);
}

Eigen::MatrixXd TargetValues(const std::vector<FourierExpansion>& target,
                             const Eigen::MatrixXd& x) {
  Eigen::MatrixXd y = Eigen::MatrixXd::Zero(x.rows(), static_cast<Eigen::Index>(target.size()));
  for (size_t q = 0; q < target.size(); ++q)
    for (const auto& [subset, coef] : target[q]) y.col(q) += coef * Parity(x, subset);
  return y;
}

MemberRisks::MemberRisks(const Kernel& kernel, RiskMode mode, const Eigen::MatrixXd& x,
                         const Eigen::MatrixXd& reference, bool with_projection,
                         const Eigen::MatrixXd* x_val, double eligible_fraction)
    : mode_(mode),
      with_projection_(with_projection),
      x_(x),
      reference_(reference),
      x_val_(x_val),
      eligible_fraction_(eligible_fraction) {
  const int d = static_cast<int>(x.cols());
  Eigen::MatrixXd gram, g, k_val;
  if (mode == RiskMode::kSpectral) {
    // Fit and judge the kernel defined by its spectrum (equal to `kernel` up to the rounding
    // bound of CubeEigenvalues, checked in cube_spectrum_test): then the risk formula is exact for
    // the predictor actually fitted. Rounding negatives of zero eigenvalues are clamped.
    lambda_ = CubeEigenvalues(kernel, d).cwiseMax(0.0);
    const CubeSpectralKernel fitted(lambda_, d);
    gram = fitted.Gram(x, x);
    g = CubeSpectralKernel(lambda_.array().square().matrix(), d).Gram(x, x);
    if (x_val != nullptr) k_val = fitted.Gram(*x_val, x);
  } else {
    THM_CHECK_EQ(reference.cols(), d);
    gram = kernel.Gram(x, x);
    phi_ = kernel.Gram(reference, x);
    g = ReferenceSecondMoment(phi_);
    if (x_val != nullptr) k_val = kernel.Gram(*x_val, x);
  }
  solver_ = std::make_unique<SpanRiskSolver>(gram, g, FamilyRidges(gram), with_projection,
                                             x_val != nullptr ? &k_val : nullptr);
}

std::vector<MemberRisks::Result> MemberRisks::Evaluate(
    const std::vector<std::vector<FourierExpansion>>& targets) const {
  // The basis: every parity the targets use, once; each target a P×q coefficient matrix on it.
  std::map<std::vector<int>, Eigen::Index> column;
  std::vector<std::vector<int>> subsets;
  for (const auto& target : targets)
    for (const FourierExpansion& output : target)
      for (const auto& [subset, coef] : output)
        if (column.emplace(subset, static_cast<Eigen::Index>(subsets.size())).second)
          subsets.push_back(subset);
  const Eigen::Index p = static_cast<Eigen::Index>(subsets.size());
  const auto basis_at = [&](const Eigen::MatrixXd& points) {
    Eigen::MatrixXd y(points.rows(), p);
    for (Eigen::Index c = 0; c < p; ++c) y.col(c) = Parity(points, subsets[c]);
    return y;
  };
  TargetMoments basis;
  basis.y = basis_at(x_);
  Eigen::MatrixXd y_ref, y_val;
  if (mode_ == RiskMode::kSpectral) {
    // B = E_x K(X, x) χ_S(x) = λ_|S| χ_S(X): χ_S is an eigenfunction.
    basis.b.resize(basis.y.rows(), p);
    for (Eigen::Index c = 0; c < p; ++c)
      basis.b.col(c) = lambda_(static_cast<Eigen::Index>(subsets[c].size())) * basis.y.col(c);
  } else {
    y_ref = basis_at(reference_);
    basis.b = phi_.transpose() * y_ref / static_cast<double>(reference_.rows());
  }
  if (x_val_ != nullptr) y_val = basis_at(*x_val_);
  const QuadraticPath krr = solver_->KrrPath(basis, x_val_ != nullptr ? &y_val : nullptr);
  std::unique_ptr<QuadraticPath> projection;
  if (with_projection_)
    projection = std::make_unique<QuadraticPath>(solver_->ProjectionPath(basis));

  std::vector<Result> out;
  for (const auto& target : targets) {
    Eigen::MatrixXd coef = Eigen::MatrixXd::Zero(p, static_cast<Eigen::Index>(target.size()));
    for (size_t q = 0; q < target.size(); ++q)
      for (const auto& [subset, c] : target[q])
        coef(column.at(subset), static_cast<Eigen::Index>(q)) += c;
    // A = E‖y‖²: Σ a_S² (orthonormal parities), or its value on the reference points.
    const double a = mode_ == RiskMode::kSpectral
                         ? coef.squaredNorm()
                         : (y_ref * coef).squaredNorm() / static_cast<double>(reference_.rows());
    const PathRisks path = krr.Evaluate(coef, a);
    const SpanRisk oracle = SelectByRisk(path, solver_->ridges(), a, eligible_fraction_);
    Result r;
    r.krr = r.krr_low = oracle.risk;
    r.oracle_index = oracle.index;
    if (mode_ == RiskMode::kSample && oracle.index >= 0) {
      TargetMoments t;
      t.y = basis.y * coef;
      const SampledRisk s =
          ReferenceRisk(phi_, solver_->KrrCoefficients(t, oracle.index), y_ref * coef);
      r.krr_low = oracle.risk - kSampleZ * s.se;
    }
    r.krr_val = std::numeric_limits<double>::quiet_NaN();
    if (x_val_ != nullptr) {
      const SpanRisk val = SelectByValidation(path, solver_->ridges(), a, eligible_fraction_);
      r.krr_val = val.risk;
      r.val_index = val.index;
    }
    r.projection = projection ? SelectByRisk(projection->Evaluate(coef, a), projection->grid(), a,
                                             eligible_fraction_)
                                    .risk
                              : std::numeric_limits<double>::quiet_NaN();
    out.push_back(r);
  }
  return out;
}

MemberRisks::Result MemberRisks::Evaluate(const std::vector<FourierExpansion>& target) const {
  return Evaluate(std::vector<std::vector<FourierExpansion>>{target}).front();
}

CharacterProjection ProjectParitiesOfDegree(const Eigen::MatrixXd& phi, int d, int k) {
  THM_CHECK_MSG(d >= 1 && d <= kMaxEnumerableCubeDim, "d = " << d);
  std::vector<uint64_t> masks;
  for (const std::vector<int>& subset : AllSubsets(d, k)) {
    uint64_t mask = 0;
    for (int i : subset) mask |= uint64_t{1} << i;
    masks.push_back(mask);
  }
  return ProjectCharacters(phi, d, masks);
}

}  // namespace thmcheck
