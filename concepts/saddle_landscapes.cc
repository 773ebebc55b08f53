// The objectives of saddle_landscapes.h.
#include "concepts/saddle_landscapes.h"

#include <algorithm>
#include <cmath>
#include <utility>

#include "harness/contract.h"

namespace thmcheck {

Eigen::VectorXd SampleUniformBall(Rng& rng, int p, double r) {
  THM_CHECK_GE(p, 1);
  Eigen::VectorXd z(p);
  FillNormal(rng, z);
  return z * (r * std::pow(rng.Uniform(), 1.0 / p) / z.norm());
}

// ---- Plane ----

double SaddlePlane::Value(const Eigen::VectorXd& z) const {
  const double x = z(0), y2 = z(1) * z(1);
  return 0.5 * x * x + 0.25 * y2 * y2 - 0.5 * y2;
}

void SaddlePlane::Gradient(const Eigen::VectorXd& z, Eigen::VectorXd* g) const {
  const double y = z(1);
  (*g)(0) = z(0);
  (*g)(1) = y * y * y - y;
}

double SaddlePlane::MinimizerGap(const Eigen::VectorXd& z) const {
  return std::hypot(z(0), std::abs(z(1)) - 1.0);
}

double SaddlePlane::Smoothness(double r) { return std::max(1.0, 3 * r * r - 1); }

// ---- Indefinite quartic ----

IndefiniteQuartic::IndefiniteQuartic(Eigen::VectorXd lambda) : lambda_(std::move(lambda)) {
  THM_CHECK_GE(lambda_.size(), 1);
  THM_CHECK_LT(lambda_(0), 0.0);
  for (int i = 1; i < lambda_.size(); ++i) THM_CHECK_GT(lambda_(i), lambda_(0));
}

double IndefiniteQuartic::Value(const Eigen::VectorXd& z) const {
  const double s = z.squaredNorm();
  return 0.5 * (lambda_.array() * z.array().square()).sum() + 0.25 * s * s;
}

void IndefiniteQuartic::Gradient(const Eigen::VectorXd& z, Eigen::VectorXd* g) const {
  const double s = z.squaredNorm();
  g->array() = (lambda_.array() + s) * z.array();
}

double IndefiniteQuartic::MinimizerGap(const Eigen::VectorXd& z) const {
  const double root = std::sqrt(-lambda_(0));
  const double rest = z.squaredNorm() - z(0) * z(0);
  return std::sqrt(rest + std::pow(std::abs(z(0)) - root, 2));
}

double IndefiniteQuartic::Smoothness(double R) const {
  return std::max(-lambda_(0), std::abs(lambda_.maxCoeff() + 3 * R * R));
}

double IndefiniteQuartic::GradientBound(double R) const {
  return (lambda_.cwiseAbs().maxCoeff() + R * R) * R;
}

double IndefiniteQuartic::SublevelRadius(double F) const {
  const double l1 = lambda_(0);
  return std::sqrt(-l1 + std::sqrt(l1 * l1 + 4 * std::max(F, 0.0)));
}

double IndefiniteQuartic::MaxValue(double r) const {
  return 0.5 * std::max(lambda_.maxCoeff(), 0.0) * r * r + 0.25 * std::pow(r, 4);
}

// ---- Rank-k approximation ----

RankKApproximation::RankKApproximation(Eigen::VectorXd mu, int k) : mu_(std::move(mu)), k_(k) {
  THM_CHECK_GE(k_, 1);
  THM_CHECK_LT(k_, mu_.size());
  for (int i = 0; i < mu_.size(); ++i) {
    THM_CHECK_GE(mu_(i), 0.0);
    if (i > 0) THM_CHECK_LE(mu_(i), mu_(i - 1));
  }
  THM_CHECK_GT(mu_(k_ - 1), mu_(k_));
}

namespace {
using ConstMatrixMap = Eigen::Map<const Eigen::MatrixXd>;
}  // namespace

double RankKApproximation::Value(const Eigen::VectorXd& u) const {
  const ConstMatrixMap U(u.data(), d(), k_);
  Eigen::MatrixXd E = U * U.transpose();
  E.diagonal() -= mu_;
  return E.squaredNorm();
}

void RankKApproximation::Gradient(const Eigen::VectorXd& u, Eigen::VectorXd* g) const {
  // 4(UUᵀ − M)U = 4(U(UᵀU) − MU): O(dk²) without forming the d×d matrix UUᵀ.
  const ConstMatrixMap U(u.data(), d(), k_);
  Eigen::Map<Eigen::MatrixXd> G(g->data(), d(), k_);
  const Eigen::MatrixXd gram = U.transpose() * U;
  G.noalias() = U * gram;
  G -= mu_.asDiagonal() * U;
  G *= 4.0;
}

double RankKApproximation::MinimizerGap(const Eigen::VectorXd& u) const {
  const ConstMatrixMap U(u.data(), d(), k_);
  Eigen::MatrixXd E = U * U.transpose();
  E.diagonal().head(k_) -= mu_.head(k_);
  return E.norm() / mu_.head(k_).norm();
}

double RankKApproximation::Smoothness(double R) const { return 12 * R * R + 4 * mu_(0); }

double RankKApproximation::GradientBound(double R) const { return 4 * (R * R + mu_(0)) * R; }

double RankKApproximation::SublevelRadius(double F) const {
  return std::sqrt(std::sqrt(static_cast<double>(k_)) * (mu_.norm() + std::sqrt(std::max(F, 0.0))));
}

double RankKApproximation::MaxValue(double r) const { return std::pow(r * r + mu_.norm(), 2); }

}  // namespace thmcheck
