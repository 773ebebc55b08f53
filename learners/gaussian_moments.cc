// Gaussian moments of σ (ReLU in closed form, tanh by a tensor Gauss–Hermite rule), the rule
// itself and one layer of moments on every pair; see gaussian_moments.h for the formulas,
// conventions and the verified quadrature accuracy.
#include "learners/gaussian_moments.h"

#include <algorithm>
#include <cmath>
#include <numbers>

#include <Eigen/Eigenvalues>

#include "harness/contract.h"
#include "learners/fast_tanh.h"

namespace thmcheck {
namespace {

constexpr double kPi = std::numbers::pi;

// c₁₂/√(q₁q₂) clamped to [−1, 1] (rounding can push it out); 0 if a variance is 0; NaN stays NaN.
double Correlation(double q1, double q2, double c12) {
  const double s1s2 = std::sqrt(q1) * std::sqrt(q2);
  if (s1s2 == 0.0) return 0.0;
  return std::clamp(c12 / s1s2, -1.0, 1.0);
}

GaussianMoments ReluMoments(double q1, double q2, double c12) {
  if (q1 == 0.0 || q2 == 0.0) return {0.0, 0.0};  // u ≡ 0 or v ≡ 0, and ReLU'(0) = 0
  const double rho = Correlation(q1, q2, c12);
  const double theta = std::acos(rho);
  const double s1s2 = std::sqrt(q1) * std::sqrt(q2);
  return {s1s2 * (std::sin(theta) + (kPi - theta) * rho) / (2.0 * kPi),
          (kPi - theta) / (2.0 * kPi)};
}

const GaussHermiteRule& TanhRule() {
  static const GaussHermiteRule rule = ProbabilistsGaussHermite(kTanhQuadratureNodes);
  return rule;
}

// Both integrands, σ(u)σ(v) and σ'(u)σ'(v), are even under (z₁, z₂) → (−z₁, −z₂) (tanh is odd,
// tanh' even), so the outer sum runs over the positive nodes only, doubled. σ is the finite nets'
// Tanh (learners/activation.cc), not std::tanh: the two sides of a kernel check use one σ.
GaussianMoments TanhMoments(double q1, double q2, double c12) {
  const GaussHermiteRule& rule = TanhRule();
  const int k = static_cast<int>(rule.nodes.size());
  const double s1 = std::sqrt(q1), s2 = std::sqrt(q2);
  const double rho = Correlation(q1, q2, c12);
  const double co = std::sqrt(std::max(0.0, 1.0 - rho * rho));
  double ss = 0.0, dd = 0.0;
  for (int a = k / 2; a < k; ++a) {  // nodes[a] > 0
    const double za = rule.nodes(a);
    const double tu = Tanh(s1 * za);
    double inner_s = 0.0, inner_d = 0.0;
    for (int b = 0; b < k; ++b) {
      const double tv = Tanh(s2 * (rho * za + co * rule.nodes(b)));
      inner_s += rule.weights(b) * tv;
      inner_d += rule.weights(b) * (1.0 - tv * tv);
    }
    ss += rule.weights(a) * tu * inner_s;
    dd += rule.weights(a) * (1.0 - tu * tu) * inner_d;
  }
  return {2.0 * ss, 2.0 * dd};
}

}  // namespace

GaussianMoments ActivationMoments(Activation act, double q1, double q2, double c12) {
  THM_CHECK_MSG(!(q1 < 0.0) && !(q2 < 0.0), "negative variance " << q1 << ", " << q2);
  switch (act) {
    case Activation::kRelu:
      return ReluMoments(q1, q2, c12);
    case Activation::kTanh:
      return TanhMoments(q1, q2, c12);
  }
  THM_CHECK_MSG(false, "unknown Activation " << static_cast<int>(act));
}

GaussHermiteRule ProbabilistsGaussHermite(int k) {
  THM_CHECK_MSG(k >= 2 && k % 2 == 0, "K = " << k << " (even, ≥ 2)");
  // Jacobi matrix of He_{j+1}(z) = z He_j(z) − j He_{j−1}(z), symmetrized: off-diagonal √j.
  Eigen::VectorXd diag = Eigen::VectorXd::Zero(k);
  Eigen::VectorXd sub(k - 1);
  for (int j = 1; j < k; ++j) sub(j - 1) = std::sqrt(static_cast<double>(j));
  Eigen::SelfAdjointEigenSolver<Eigen::MatrixXd> solver;
  solver.computeFromTridiagonal(diag, sub, Eigen::ComputeEigenvectors);
  THM_CHECK(solver.info() == Eigen::Success);
  const Eigen::VectorXd z = solver.eigenvalues();  // ascending
  const Eigen::VectorXd w = solver.eigenvectors().row(0).transpose().array().square();
  // The exact rule is symmetric; average each ± pair so that odd integrands cancel exactly.
  GaussHermiteRule rule{Eigen::VectorXd(k), Eigen::VectorXd(k)};
  for (int j = 0; j < k / 2; ++j) {
    const int hi = k / 2 + j, lo = k / 2 - 1 - j;
    const double node = 0.5 * (z(hi) - z(lo));
    const double weight = 0.5 * (w(hi) + w(lo));
    rule.nodes(hi) = node;
    rule.nodes(lo) = -node;
    rule.weights(hi) = weight;
    rule.weights(lo) = weight;
  }
  return rule;
}

void LayerMoments(Activation act, const Eigen::VectorXd& q1, const Eigen::VectorXd& q2,
                  const Eigen::MatrixXd& C, bool same, Eigen::MatrixXd* S, Eigen::MatrixXd* Sdot) {
  S->resize(C.rows(), C.cols());
  Sdot->resize(C.rows(), C.cols());
  for (Eigen::Index j = 0; j < C.cols(); ++j) {
    for (Eigen::Index i = same ? j : 0; i < C.rows(); ++i) {
      const GaussianMoments g = ActivationMoments(act, q1(i), q2(j), C(i, j));
      (*S)(i, j) = g.sigma_sigma;
      (*Sdot)(i, j) = g.dsigma_dsigma;
      if (same) {
        (*S)(j, i) = g.sigma_sigma;
        (*Sdot)(j, i) = g.dsigma_dsigma;
      }
    }
  }
}

}  // namespace thmcheck
