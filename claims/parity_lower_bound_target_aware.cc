// The target-aware kernel and its cell; see parity_lower_bound_target_aware.h.
#include "claims/parity_lower_bound_target_aware.h"

#include <algorithm>
#include <cmath>
#include <limits>

#include <Eigen/Eigenvalues>

#include "claims/parity_lower_bound_cells.h"
#include "claims/parity_lower_bound_family.h"
#include "concepts/boolean_cube.h"
#include "concepts/sparse_parity.h"
#include "harness/contract.h"
#include "harness/rng.h"
#include "learners/kernel_regression.h"

namespace thmcheck {

Eigen::MatrixXd TargetAwareFeatures(const Eigen::MatrixXd& x, const std::vector<int>& subset) {
  const Eigen::Index k = static_cast<Eigen::Index>(subset.size());
  Eigen::MatrixXd phi(x.rows(), k + 1);
  for (Eigen::Index j = 0; j < k; ++j) phi.col(j) = Parity(x, {subset[j]});  // √d x_{i_j} = ±1
  phi.col(k) = Parity(x, subset);
  return phi;
}

Eigen::MatrixXd TargetAwareCoefficients(int k, double alpha, bool with_f) {
  Eigen::MatrixXd w = Eigen::MatrixXd::Zero(k + 1, k);
  if (with_f) w.topRows(k).setIdentity();
  w.row(k).setConstant(alpha);
  return w;
}

TargetAwareFit FitTargetAware(const Eigen::MatrixXd& x, const Eigen::MatrixXd& y,
                              const Eigen::MatrixXd& x_val, const Eigen::MatrixXd& y_val,
                              const std::vector<int>& subset, const Eigen::MatrixXd& w_star) {
  // k ≥ 2: for k = 1, χ_S = √d x_{i₁} and the two features coincide (E[φφᵀ] ≠ I).
  THM_CHECK_GE(subset.size(), 2u);
  const Eigen::MatrixXd phi = TargetAwareFeatures(x, subset);
  const Eigen::MatrixXd phi_val = TargetAwareFeatures(x_val, subset);
  THM_CHECK_EQ(y.rows(), phi.rows());
  THM_CHECK_EQ(y_val.rows(), phi_val.rows());
  THM_CHECK_EQ(w_star.rows(), phi.cols());
  THM_CHECK_EQ(w_star.cols(), y.cols());
  // The family's ridge grid in the unit mean diag K_S(X, X) = mean_n ‖φ(x_n)‖² (= k + 1: every
  // feature is ±1), passed as a 1×1 "Gram" so that RidgeGrid's rule is the one used.
  const Eigen::MatrixXd unit = Eigen::MatrixXd::Constant(1, 1, phi.rowwise().squaredNorm().mean());
  TargetAwareFit fit;
  fit.ridges = FamilyRidges(unit);
  // ΦᵀΦ = V diag(σ) Vᵀ ((k+1)×(k+1)); σ clamped at 0 (a PSD matrix's rounding). Every grid ridge
  // is > 0, so 1/(σ + λ) is finite; when Φ is rank-deficient (small N) the null direction of W*
  // is not learned at any ridge, and the risk says so.
  const Eigen::SelfAdjointEigenSolver<Eigen::MatrixXd> eig(phi.transpose() * phi);
  THM_CHECK_MSG(eig.info() == Eigen::Success, "eigensolver failed on ΦᵀΦ");
  const Eigen::VectorXd sigma = eig.eigenvalues().cwiseMax(0.0);
  const Eigen::MatrixXd vt_phi_y = eig.eigenvectors().transpose() * (phi.transpose() * y);
  const Eigen::Index m = fit.ridges.size();
  fit.risk.resize(m);
  fit.validation.resize(m);
  double best = std::numeric_limits<double>::infinity();
  for (Eigen::Index i = 0; i < m; ++i) {
    const Eigen::VectorXd inv = (sigma.array() + fit.ridges(i)).inverse().matrix();
    const Eigen::MatrixXd w = eig.eigenvectors() * (inv.asDiagonal() * vt_phi_y);  // W_λ
    fit.risk(i) = (w - w_star).squaredNorm();
    fit.validation(i) = (phi_val * w - y_val).squaredNorm() / static_cast<double>(y_val.rows());
    if (std::isfinite(fit.risk(i)) && fit.validation(i) < best) {
      best = fit.validation(i);
      fit.index = static_cast<int>(i);
    }
  }
  fit.selected_risk =
      fit.index >= 0 ? fit.risk(fit.index) : std::numeric_limits<double>::quiet_NaN();
  return fit;
}

CellOutcome TargetAwareCell(const CellParams& p, const CellSeeds& seeds) {
  const int d = p.Int("d"), k = p.Int("k"), n = p.Int("n"), targets = p.Int("targets");
  const double alpha = p.Real("alpha"), bound = alpha * alpha / 16.0;
  const BoundDraws draws = DrawBound(d, k, n, p, seeds);
  const Eigen::MatrixXd w_h = TargetAwareCoefficients(k, alpha, true);
  const Eigen::MatrixXd w_g = TargetAwareCoefficients(k, alpha, false);
  int failures = 0;
  double risk = 0, g_ratio = 0;
  for (const SeparationConcept& s : draws.concepts) {
    // Labels from the concept itself (not from φᵀW*): the unit test checks the two agree.
    const Eigen::MatrixXd h = SeparationTarget(s, draws.x),
                          h_val = SeparationTarget(s, draws.x_val);
    const Eigen::MatrixXd g = alpha * SeparationG(SeparationF(s, draws.x));
    const Eigen::MatrixXd g_val = alpha * SeparationG(SeparationF(s, draws.x_val));
    const double r = FitTargetAware(draws.x, h, draws.x_val, h_val, s.subset, w_h).selected_risk;
    const double rg = FitTargetAware(draws.x, g, draws.x_val, g_val, s.subset, w_g).selected_risk;
    failures += !(r > bound);
    risk += r / targets;
    g_ratio += rg / (k * alpha * alpha) / targets;
  }
  CellOutcome out;
  Rng test_coin(DeriveSeed(seeds.cell, "randomized test"));
  out.observables["above_bound"] = TheoremIndicator(failures, targets, test_coin.Uniform());
  out.observables["failures"] = failures;
  out.observables["risk.target_aware"] = risk;
  out.observables["g_ratio.target_aware"] = g_ratio;
  out.observables["g_slack"] = GPartSlack(g_ratio, n, d, k);
  out.observables["best_risk_over_bound"] = risk / bound;
  out.observables["N_over_C_dk"] = n / BinomialCoefficient(d, k);
  out.series = {{"n", n},         {"d", d},       {"k", k},
                {"bound", bound}, {"risk", risk}, {"g_ratio", g_ratio}};
  return out;
}

}  // namespace thmcheck
