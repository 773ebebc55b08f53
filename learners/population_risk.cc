// Oracle-ridge KRR risks, span projections and the explained variance of cube characters; see
// population_risk.h.
#include "learners/population_risk.h"

#include <algorithm>
#include <bit>
#include <cmath>
#include <limits>
#include <utility>

#include <Eigen/QR>

#include "harness/contract.h"
#include "learners/kernel_regression.h"

namespace thmcheck {
namespace {

constexpr double kMachineEps = std::numeric_limits<double>::epsilon();
constexpr double kInf = std::numeric_limits<double>::infinity();

// Projection path: μ = 10^e·max(g) for e = −14, −13, …, −2.
constexpr int kMuLoDecade = -14;
constexpr int kMuHiDecade = -2;

// Rounding bound on risk = A − 2·cross + quad for coefficients C (in an orthonormal eigenbasis of
// K or G, ‖·‖ unchanged), computed in O(N) from
//   s2 ≥ ‖C‖_F², s1 ≥ Σ_n Σ_q |c̃_nq b̃_nq| (≥ |tr(CᵀB)|).
// quad = tr(C̃ᵀ G̃ C̃) with G̃ = UᵀGU formed by two GEMMs: ‖G̃_computed − G̃‖₂ ≤ 2N·ε·‖G‖_F
// (γ_N per GEMM, Higham §3.5, ‖U‖₂ = 1 to N·ε) and the N²-term sum adds N·ε·‖G‖_F·s2 (via
// |(ỸỸᵀ)_ij| ≤ ‖ỹ_i‖‖ỹ_j‖ and ‖|G̃|‖₂ ≤ ‖G̃‖_F); the cross term and A add N·ε·(2·s1 + A).
// Total ≤ 3N·ε·(‖G‖_F·s2 + 2·s1 + A); we use 4 for the U-orthogonality and Ỹ = UᵀY roundings.
// On a basis (QuadraticPath) each form entry carries these N-term errors for its pair of basis
// columns, and combining them with the coefficients W adds P-term sums: the same bound with
// n = N + P and the column-norm majorants s2 = Σ_q (Σ_p |w_pq| ‖c̃_p‖)², s1 = Σ_q (Σ_p |w_pq|
// ‖c̃_p‖)(Σ_p |w_pq| ‖b̃_p‖) (triangle and Cauchy–Schwarz inequalities, output by output).
double RiskRoundingBound(int n, double g_norm, double s2, double s1, double a) {
  return 4.0 * n * kMachineEps * (g_norm * s2 + 2.0 * s1 + a);
}

SpanRisk Select(const PathRisks& r, const Eigen::VectorXd& grid, double a, double fraction,
                bool by_validation) {
  THM_CHECK_EQ(r.risk.size(), grid.size());
  THM_CHECK_MSG(!by_validation || r.validation.size() == grid.size(), "no validation errors");
  SpanRisk best;
  double best_score = kInf;
  for (Eigen::Index i = 0; i < grid.size(); ++i) {
    const bool eligible = std::isfinite(r.risk(i)) && r.bound(i) <= fraction * a;
    const double score = by_validation ? r.validation(i) : r.risk(i);
    if (eligible && std::isfinite(score) && score < best_score) {
      best_score = score;
      best = {r.risk(i), r.bound(i), grid(i), static_cast<int>(i)};
    }
  }
  if (best.index < 0) best.risk = std::numeric_limits<double>::quiet_NaN();
  return best;
}

// tr(Wᵀ F W).
double Form(const Eigen::MatrixXd& f, const Eigen::MatrixXd& w) {
  return (w.array() * (f * w).array()).sum();
}

}  // namespace

SpanRisk SelectByRisk(const PathRisks& r, const Eigen::VectorXd& grid, double a, double fraction) {
  return Select(r, grid, a, fraction, false);
}

SpanRisk SelectByValidation(const PathRisks& r, const Eigen::VectorXd& grid, double a,
                            double fraction) {
  return Select(r, grid, a, fraction, true);
}

PathRisks QuadraticPath::Evaluate(const Eigen::MatrixXd& coef, double a) const {
  THM_CHECK_EQ(coef.rows(), b_norms_.size());
  const Eigen::MatrixXd w_abs = coef.cwiseAbs();
  const Eigen::VectorXd bw = w_abs.transpose() * b_norms_;  // per output Σ_p |w_pq| ‖b̃_p‖
  const Eigen::Index m = grid_.size();
  PathRisks r;
  r.risk.resize(m);
  r.bound.resize(m);
  if (!validation_.empty()) r.validation.resize(m);
  for (Eigen::Index i = 0; i < m; ++i) {
    r.risk(i) = a - 2.0 * Form(cross_[i], coef) + Form(quad_[i], coef);
    const Eigen::VectorXd cw = w_abs.transpose() * c_norms_[i];
    r.bound(i) = RiskRoundingBound(length_, g_norm_, cw.squaredNorm(), cw.dot(bw), a);
    if (!validation_.empty()) r.validation(i) = Form(validation_[i], coef);
  }
  return r;
}

SpanRiskSolver::SpanRiskSolver(const Eigen::MatrixXd& gram, const Eigen::MatrixXd& g,
                               Eigen::VectorXd ridges, bool with_projection,
                               const Eigen::MatrixXd* k_val)
    : ridges_(std::move(ridges)), with_projection_(with_projection) {
  THM_CHECK_EQ(gram.rows(), gram.cols());
  THM_CHECK_EQ(g.rows(), gram.rows());
  THM_CHECK_EQ(g.cols(), gram.cols());
  THM_CHECK_GE(ridges_.size(), 1);
  THM_CHECK_MSG(ridges_.allFinite() && (ridges_.array() >= 0.0).all(),
                "ridges " << ridges_.transpose());
  THM_CHECK_MSG(gram.allFinite() && g.allFinite(), "Gram or G not finite");
  // NOTE: SymmetricEigenDecompose, not Eigen's solver directly: the latter can fail to converge on
  // cube Grams with large zero eigenspaces (learners/kernel_regression.h).
  SymmetricEigen eig = SymmetricEigenDecompose(gram);
  u_ = std::move(eig.vectors);
  s_ = std::move(eig.values);
  cutoff_ =
      static_cast<double>(s_.size()) * kMachineEps * (s_.size() ? s_.cwiseAbs().maxCoeff() : 0.0);
  g_tilde_.noalias() = u_.transpose() * g * u_;
  g_norm_ = g.norm();
  if (with_projection_) {
    SymmetricEigen ge = SymmetricEigenDecompose(g);
    v_ = std::move(ge.vectors);
    g_ = std::move(ge.values);
  }
  if (k_val != nullptr) {
    THM_CHECK_EQ(k_val->cols(), gram.rows());
    THM_CHECK_MSG(k_val->allFinite(), "K(X_val, X) not finite");
    k_val_u_.noalias() = *k_val * u_;
  }
}

Eigen::VectorXd SpanRiskSolver::InverseShift(double ridge) const {
  return RidgeInverseShift(s_, ridge, cutoff_);  // KernelRidgePath's rule
}

QuadraticPath SpanRiskSolver::KrrPath(const TargetMoments& basis,
                                      const Eigen::MatrixXd* y_val) const {
  THM_CHECK_EQ(basis.y.rows(), s_.size());
  THM_CHECK_EQ(basis.b.rows(), s_.size());
  THM_CHECK_EQ(basis.b.cols(), basis.y.cols());
  const Eigen::Index p = basis.y.cols(), m = ridges_.size();
  const Eigen::MatrixXd yt = u_.transpose() * basis.y;  // Ỹ = UᵀY
  const Eigen::MatrixXd bt = u_.transpose() * basis.b;  // B̃ = UᵀB
  // Every ridge's C̃ = D_i Ỹ side by side, so G̃·C̃ (and K_val·U·C̃) is one GEMM for the path.
  Eigen::MatrixXd c(s_.size(), m * p);
  for (Eigen::Index i = 0; i < m; ++i)
    c.middleCols(i * p, p) = InverseShift(ridges_(i)).asDiagonal() * yt;
  const Eigen::MatrixXd gc = g_tilde_ * c;
  Eigen::MatrixXd f_val;
  if (y_val != nullptr) {
    THM_CHECK_MSG(k_val_u_.size() > 0, "validation labels without K(X_val, X)");
    THM_CHECK_EQ(y_val->rows(), k_val_u_.rows());
    THM_CHECK_EQ(y_val->cols(), p);
    f_val = k_val_u_ * c;
  }
  QuadraticPath path;
  path.grid_ = ridges_;
  path.length_ = n() + static_cast<int>(p);
  path.g_norm_ = g_norm_;
  path.b_norms_ = bt.colwise().norm().transpose();
  for (Eigen::Index i = 0; i < m; ++i) {
    const auto ci = c.middleCols(i * p, p);
    path.cross_.push_back(ci.transpose() * bt);
    path.quad_.push_back(ci.transpose() * gc.middleCols(i * p, p));
    path.c_norms_.push_back(ci.colwise().norm().transpose());
    if (y_val != nullptr) {
      const Eigen::MatrixXd e = f_val.middleCols(i * p, p) - *y_val;
      path.validation_.push_back(e.transpose() * e / static_cast<double>(e.rows()));
    }
  }
  return path;
}

QuadraticPath SpanRiskSolver::ProjectionPath(const TargetMoments& basis) const {
  THM_CHECK_MSG(with_projection_, "SpanRiskSolver built without the projection path");
  THM_CHECK_EQ(basis.b.rows(), g_.size());
  const Eigen::Index p = basis.b.cols();
  const Eigen::MatrixXd bh = v_.transpose() * basis.b;  // B̂ = VᵀB
  const double g_max = g_.size() ? g_.cwiseAbs().maxCoeff() : 0.0;
  QuadraticPath path;
  path.length_ = n() + static_cast<int>(p);
  path.g_norm_ = g_norm_;
  path.b_norms_ = bh.colwise().norm().transpose();
  if (!(g_max > 0.0)) {  // G = 0: the span is {0}, the only predictor is f = 0 (risk A)
    path.grid_ = Eigen::VectorXd::Zero(1);
    path.cross_ = path.quad_ = {Eigen::MatrixXd::Zero(p, p)};
    path.c_norms_ = {Eigen::VectorXd::Zero(p)};
    return path;
  }
  const Eigen::VectorXd g_pos = g_.cwiseMax(0.0);
  path.grid_.resize(kMuHiDecade - kMuLoDecade + 1);
  for (int e = kMuLoDecade; e <= kMuHiDecade; ++e) {
    const double mu = g_max * std::pow(10.0, e);
    path.grid_(e - kMuLoDecade) = mu;
    // C = V ĉ, ĉ = B̂/(g + μ): cross = B̂ᵀĉ, quad = ĉᵀ diag(g) ĉ (VᵀGV ≈ diag(g); its
    // off-diagonal rounding is inside the bound's ‖G‖_F·‖C‖² term).
    const Eigen::MatrixXd ch = (g_pos.array() + mu).inverse().matrix().asDiagonal() * bh;
    path.cross_.push_back(ch.transpose() * bh);
    path.quad_.push_back(ch.transpose() * g_pos.asDiagonal() * ch);
    path.c_norms_.push_back(ch.colwise().norm().transpose());
  }
  return path;
}

SpanRisk SpanRiskSolver::KrrOracle(const TargetMoments& t, Eigen::VectorXd* risks) const {
  const Eigen::MatrixXd identity = Eigen::MatrixXd::Identity(t.y.cols(), t.y.cols());
  const PathRisks r = KrrPath(t).Evaluate(identity, t.a);
  if (risks) *risks = r.risk;
  return SelectByRisk(r, ridges_, t.a);
}

Eigen::MatrixXd SpanRiskSolver::KrrCoefficients(const TargetMoments& t, int i) const {
  THM_CHECK(i >= 0 && i < ridges_.size());
  return u_ * (InverseShift(ridges_(i)).asDiagonal() * (u_.transpose() * t.y));
}

SpanRisk SpanRiskSolver::Projection(const TargetMoments& t) const {
  const QuadraticPath path = ProjectionPath(t);
  const Eigen::MatrixXd identity = Eigen::MatrixXd::Identity(t.b.cols(), t.b.cols());
  return SelectByRisk(path.Evaluate(identity, t.a), path.grid(), t.a);
}

Eigen::MatrixXd ReferenceSecondMoment(const Eigen::MatrixXd& phi) {
  THM_CHECK_GE(phi.rows(), 1);
  Eigen::MatrixXd g = Eigen::MatrixXd::Zero(phi.cols(), phi.cols());
  g.selfadjointView<Eigen::Lower>().rankUpdate(phi.transpose(), 1.0 / phi.rows());
  return g.selfadjointView<Eigen::Lower>();
}

TargetMoments ReferenceTargetMoments(const Eigen::MatrixXd& phi, const Eigen::MatrixXd& y_ref,
                                     Eigen::MatrixXd y_train) {
  THM_CHECK_EQ(phi.rows(), y_ref.rows());
  THM_CHECK_EQ(y_train.rows(), phi.cols());
  THM_CHECK_EQ(y_train.cols(), y_ref.cols());
  TargetMoments t;
  t.y = std::move(y_train);
  t.b = phi.transpose() * y_ref / static_cast<double>(phi.rows());
  t.a = y_ref.squaredNorm() / static_cast<double>(phi.rows());
  return t;
}

SampledRisk ReferenceRisk(const Eigen::MatrixXd& phi, const Eigen::MatrixXd& coefficients,
                          const Eigen::MatrixXd& y_ref) {
  const Eigen::VectorXd loss = (phi * coefficients - y_ref).rowwise().squaredNorm();
  const double m = static_cast<double>(loss.size());
  SampledRisk r;
  r.mean = loss.mean();
  r.se = m > 1 ? std::sqrt((loss.array() - r.mean).square().sum() / (m - 1) / m) : kInf;
  return r;
}

CharacterProjection ProjectCharacters(const Eigen::MatrixXd& phi, int d,
                                      const std::vector<uint64_t>& masks) {
  THM_CHECK_MSG(d >= 1 && d <= kMaxCharacterCubeDim, "d = " << d);
  const Eigen::Index m = Eigen::Index{1} << d, n = phi.cols();
  THM_CHECK_EQ(phi.rows(), m);
  THM_CHECK_GE(m, n);
  THM_CHECK_MSG(phi.allFinite(), "K(cube, X) is not finite");
  Eigen::ColPivHouseholderQR<Eigen::MatrixXd> qr(phi);
  // NOTE: not ProjectOntoSpan's N·ε: a column that repeats another (a repeated sample point) keeps
  // a Householder residual of ≈ √M·ε·‖column‖ (up to γ_M ≈ M·ε), which N·ε ≪ √M·ε would count
  // as a direction of pure rounding noise.
  qr.setThreshold(4.0 * static_cast<double>(m) * kMachineEps);
  CharacterProjection out;
  out.rank = static_cast<int>(qr.rank());
  // Q's first r columns, explicitly (M×r).
  Eigen::MatrixXd q =
      qr.householderQ().setLength(qr.rank()) * Eigen::MatrixXd::Identity(m, out.rank);
  // In-place Walsh–Hadamard transform of each column: q̂(T) = Σ_b (−1)^{popcount(b & T)} q(b), and
  // row b of the enumerated cube has x_i < 0 iff bit i of b is set, so q̂(T) = ⟨χ_T, q⟩ (ℓ² on the
  // M points) and ‖P χ_T‖²_{L²} = Σ_i q̂_i(T)² / M.
  for (Eigen::Index c = 0; c < q.cols(); ++c) {
    double* v = q.col(c).data();
    for (Eigen::Index h = 1; h < m; h <<= 1)
      for (Eigen::Index i = 0; i < m; i += h << 1)
        for (Eigen::Index j = i; j < i + h; ++j) {
          const double a = v[j], b = v[j + h];
          v[j] = a + b;
          v[j + h] = a - b;
        }
  }
  out.explained.resize(static_cast<Eigen::Index>(masks.size()));
  for (size_t s = 0; s < masks.size(); ++s) {
    THM_CHECK_MSG(masks[s] < static_cast<uint64_t>(m), "mask " << masks[s] << " for d = " << d);
    out.explained(static_cast<Eigen::Index>(s)) =
        q.row(static_cast<Eigen::Index>(masks[s])).squaredNorm() / static_cast<double>(m);
  }
  // Rounding: Householder QR's Q is orthonormal to ≈ γ_{M·N} per column (Higham Thm 19.4; we take
  // 4·M·N·ε), and each of the d butterfly stages is √2 × orthogonal with relative error ε, so
  // Σ_T e_T = Σ_i ‖q_i‖² = r holds to r·(4·M·N + 2·d)·ε; any subset of the T's inherits it.
  out.rounding = out.rank * (4.0 * static_cast<double>(m) * n + 2.0 * d) * kMachineEps;
  return out;
}

}  // namespace thmcheck
