// The kernel family of claim parity_lower_bound, named as in its `kernels` parameter, and the
// risk of each kernel's regressors on a target, computed exactly (closed-form cube spectrum, or
// enumeration of the 2^d points) or estimated on a fresh test sample.
// Why one place: the theorem, span and threshold cells must see the same kernels and the same
// risk definitions (arXiv 1905.10337 Thm 2 holds for every Mercer kernel;
// docs/claims/parity_lower_bound.md).
// Legend: d dimension, k the parity degree, β the ReLU kernels' bias, N train points, q outputs.
// NOTE: bias-free ReLU kernels (arc-cosine, NNGP, NTK with β = 0; ReLU random features) have zero
// cube eigenvalues at every odd degree ≥ 3 (learners/kernels.h): they cannot fit an odd parity at
// any N, so a threshold or "learns when N is large" statement would fail for the wrong reason.
// The family therefore takes β from the `bias` parameter (default > 0).
#pragma once

#include <memory>
#include <string>
#include <vector>

#include <Eigen/Core>

#include "concepts/sparse_parity.h"
#include "harness/rng.h"
#include "learners/kernels.h"
#include "learners/population_risk.h"

namespace thmcheck {

// "ntk2,rbf,rf:1024" → {"ntk2", "rbf", "rf:1024"} (empty names dropped).
std::vector<std::string> SplitNames(const std::string& list);

// "" when `name` is a family member, else a message listing the allowed names.
std::string KernelNameProblem(const std::string& name);
// Whether the member is a function of ⟨x, x'⟩ on the sphere (all but rf:D).
bool IsDotProductMember(const std::string& name);
// Whether the member is a ReLU kernel whose odd cube eigenvalues vanish when β = 0.
bool IsReluMember(const std::string& name);

// The member for degree k in dimension d. Names: ntk2 ntk3 (ReLU NTK, L = 2, 3, bias β),
// nngp2 nngp3 (ReLU NNGP), arccos0 arccos1 (Cho & Saul, bias β), rbf laplace (σ = 1),
// poly_below poly_at ((t + 1)^{k−1}, (t + 1)^k), parity_k (eigenvalue 1 on degree k only: the
// kernel Σ_{|S|=k} χ_S(x)χ_S(x'), the tight case of the span bound), rf:D (D random ReLU features
// with weight √(2/D) and bias β; its features are drawn from `rng`).
std::unique_ptr<Kernel> MakeMember(const std::string& name, int d, int k, double bias, Rng& rng);

// How risks are obtained. kSpectral: exact, dot-product members, d ≤ kMaxSpectrumDim (40).
// kEnumerate: exact, any member, d ≤ kMaxEnumerableCubeDim (16). kSample: a test sample.
enum class RiskMode { kSpectral, kEnumerate, kSample };
// The `risk` parameter: kAuto (exact where possible: spectral, else enumeration, else sample),
// kExact (spectral or enumeration; callers validate first), kSample.
enum class RiskSetting { kAuto, kExact, kSample };
RiskMode ChooseRiskMode(RiskSetting setting, const std::string& name, int d);
const char* RiskModeName(RiskMode mode);

// One-sided 95% normal quantile: in kSample mode a KRR risk counts as above a bound only if
// risk − kSampleZ·se is (a Monte-Carlo lower confidence limit; 5% false-alarm rate per target).
inline constexpr double kSampleZ = 1.645;

// A member fitted to one training sample X: KRR along the ridge grid, with the ridge picked by
// the oracle (least population risk) and, given a validation sample X_val, by validation (least
// mean ‖f − y‖² over X_val: what a learner can do); and the projection path. The reference points
// (the cube, or a test sample) are used in the kEnumerate / kSample modes only.
class MemberRisks {
 public:
  // x_val (n_val×d, cube points) enables krr_val; the object keeps references to x, reference.
  // eligible_fraction: a ridge is selectable when its rounding bound is ≤ that fraction of the
  // target's A (learners/population_risk.h; looser for risks compared with A/2 only).
  MemberRisks(const Kernel& kernel, RiskMode mode, const Eigen::MatrixXd& x,
              const Eigen::MatrixXd& reference, bool with_projection,
              const Eigen::MatrixXd* x_val = nullptr,
              double eligible_fraction = kEligibleRoundingFraction);

  struct Result {
    double krr = 0.0;         // oracle-ridge KRR risk (summed over outputs)
    double krr_low = 0.0;     // = krr when exact; krr − kSampleZ·se in kSample mode
    double projection = 0.0;  // NaN when built without projection
    double krr_val = 0.0;     // risk at the validation-selected ridge (NaN without x_val)
    int oracle_index = -1, val_index = -1;  // the selected ridges (−1: none eligible)
  };
  // All targets at once: one KRR path on the parities they are made of (the theorem cell's b
  // targets share their degree-1 parities), then O(P²q) per target and ridge.
  std::vector<Result> Evaluate(const std::vector<std::vector<FourierExpansion>>& targets) const;
  Result Evaluate(const std::vector<FourierExpansion>& target) const;
  const Eigen::VectorXd& ridges() const { return solver_->ridges(); }

 private:
  RiskMode mode_;
  bool with_projection_;
  const Eigen::MatrixXd& x_;
  const Eigen::MatrixXd& reference_;
  const Eigen::MatrixXd* x_val_;
  double eligible_fraction_;
  Eigen::VectorXd lambda_;  // kSpectral: cube eigenvalues (clamped at 0)
  Eigen::MatrixXd phi_;     // otherwise: K(reference, X)
  std::unique_ptr<SpanRiskSolver> solver_;
};

// Σ_S a_S χ_S on the rows of X, one column per output.
Eigen::MatrixXd TargetValues(const std::vector<FourierExpansion>& target, const Eigen::MatrixXd& x);

// The ridge grid every KRR uses: 31 values log-spaced over [1e−8, 1e4] × mean diag K, i.e. 0.4
// decades apart (the oracle's risk is within a few percent of the continuous optimum).
inline constexpr int kRidgeCount = 31;
inline constexpr double kRidgeLoDecade = -8.0, kRidgeHiDecade = 4.0;
Eigen::VectorXd FamilyRidges(const Eigen::MatrixXd& gram);

// The span bound's left side for the degree-k parities (learners/population_risk.h
// ProjectCharacters on Φ = K(cube, X), the cube as concepts' EnumerateCube lists it): e_S for
// each k-subset S, in concepts' AllSubsets order. d ≤ kMaxEnumerableCubeDim.
CharacterProjection ProjectParitiesOfDegree(const Eigen::MatrixXd& phi, int d, int k);

}  // namespace thmcheck
