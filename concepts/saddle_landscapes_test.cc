// Tests for the saddle landscapes: gradients against central differences, the critical points
// each class names (zero gradient; gap zero at the minimizers only), the smoothness and gradient
// bounds against finite-difference Hessians on random points of the ball, the sublevel radius,
// the invariance of the stable manifolds, and the uniform ball. Legend: d dim, k rank.
#include "concepts/saddle_landscapes.h"

#include <cmath>
#include <functional>

#include <gtest/gtest.h>
#include <Eigen/Eigenvalues>

namespace thmcheck {
namespace {

using Gradient = std::function<void(const Eigen::VectorXd&, Eigen::VectorXd*)>;
using Value = std::function<double(const Eigen::VectorXd&)>;

Eigen::VectorXd Grad(const Gradient& g, const Eigen::VectorXd& z) {
  Eigen::VectorXd out(z.size());
  g(z, &out);
  return out;
}

// Central differences of f: error O(h²·f''') ≈ 1e-10 at h = 1e-5 here.
Eigen::VectorXd NumericGradient(const Value& f, const Eigen::VectorXd& z) {
  const double h = 1e-5;
  Eigen::VectorXd g(z.size());
  for (int i = 0; i < z.size(); ++i) {
    Eigen::VectorXd a = z, b = z;
    a(i) += h, b(i) -= h;
    g(i) = (f(a) - f(b)) / (2 * h);
  }
  return g;
}

// ‖∇²f(z)‖ from central differences of the gradient (symmetrized).
double HessianNorm(const Gradient& g, const Eigen::VectorXd& z) {
  const double h = 1e-6;
  Eigen::MatrixXd H(z.size(), z.size());
  for (int i = 0; i < z.size(); ++i) {
    Eigen::VectorXd a = z, b = z;
    a(i) += h, b(i) -= h;
    H.col(i) = (Grad(g, a) - Grad(g, b)) / (2 * h);
  }
  const Eigen::MatrixXd S = 0.5 * (H + H.transpose());
  return Eigen::SelfAdjointEigenSolver<Eigen::MatrixXd>(S).eigenvalues().cwiseAbs().maxCoeff();
}

IndefiniteQuartic Quartic() {
  Eigen::VectorXd lambda(5);
  lambda << -1, -0.3, 0.2, 0.9, 1.6;
  return IndefiniteQuartic(lambda);
}

RankKApproximation Rank() {
  Eigen::VectorXd mu(5);
  mu << 1, 0.8, 0.6, 0.4, 0.1;
  return RankKApproximation(mu, 2);
}

TEST(SaddleLandscapes, GradientsMatchCentralDifferences) {
  Rng rng(3);
  const SaddlePlane plane;
  const IndefiniteQuartic quartic = Quartic();
  const RankKApproximation rank = Rank();
  for (int trial = 0; trial < 20; ++trial) {
    const Eigen::VectorXd p = SampleUniformBall(rng, 2, 2.0);
    EXPECT_LT((Grad([&](auto& z, auto* g) { plane.Gradient(z, g); }, p) -
               NumericGradient([&](auto& z) { return plane.Value(z); }, p))
                  .norm(),
              1e-8);
    const Eigen::VectorXd q = SampleUniformBall(rng, 5, 1.5);
    EXPECT_LT((Grad([&](auto& z, auto* g) { quartic.Gradient(z, g); }, q) -
               NumericGradient([&](auto& z) { return quartic.Value(z); }, q))
                  .norm(),
              1e-8);
    const Eigen::VectorXd u = SampleUniformBall(rng, rank.Dimension(), 1.0);
    EXPECT_LT((Grad([&](auto& z, auto* g) { rank.Gradient(z, g); }, u) -
               NumericGradient([&](auto& z) { return rank.Value(z); }, u))
                  .norm(),
              1e-8);
  }
}

TEST(SaddleLandscapes, CriticalPointsAreWhereTheClassesSay) {
  const SaddlePlane plane;
  for (const double y : {-1.0, 0.0, 1.0}) {
    const Eigen::Vector2d z(0, y);
    EXPECT_EQ(Grad([&](auto& v, auto* g) { plane.Gradient(v, g); }, z).norm(), 0.0);
    EXPECT_EQ(plane.MinimizerGap(z) == 0, y != 0) << y;
  }
  const IndefiniteQuartic quartic = Quartic();
  Eigen::VectorXd z = Eigen::VectorXd::Zero(5);
  z(0) = -1;  // −√(−λ₁) e₁: a minimizer
  EXPECT_EQ(quartic.MinimizerGap(z), 0.0);
  EXPECT_LT(Grad([&](auto& v, auto* g) { quartic.Gradient(v, g); }, z).norm(), 1e-15);
  z.setZero();
  z(1) = std::sqrt(0.3);  // a strict saddle: gradient zero, away from the minimizers
  EXPECT_LT(Grad([&](auto& v, auto* g) { quartic.Gradient(v, g); }, z).norm(), 1e-15);
  EXPECT_GT(quartic.MinimizerGap(z), 1.0);

  // UUᵀ = M_k: the value is Σ_{i>k} μᵢ² and the gap is zero, up to rounding.
  const RankKApproximation rank = Rank();
  Eigen::MatrixXd U = Eigen::MatrixXd::Zero(5, 2);
  U(0, 0) = 1;
  U(1, 1) = std::sqrt(0.8);
  const Eigen::VectorXd u = Eigen::Map<Eigen::VectorXd>(U.data(), 10);
  EXPECT_NEAR(rank.Value(u), 0.6 * 0.6 + 0.4 * 0.4 + 0.1 * 0.1, 1e-15);
  EXPECT_LT(rank.MinimizerGap(u), 1e-15);
  EXPECT_LT(Grad([&](auto& v, auto* g) { rank.Gradient(v, g); }, u).norm(), 1e-15);
}

TEST(SaddleLandscapes, SmoothnessAndGradientBoundHoldOnTheBall) {
  Rng rng(5);
  const IndefiniteQuartic quartic = Quartic();
  const RankKApproximation rank = Rank();
  for (int trial = 0; trial < 30; ++trial) {
    const double R = 0.5 + 2.5 * rng.Uniform();
    const Eigen::VectorXd q = SampleUniformBall(rng, 5, R);
    const auto qg = [&](auto& v, auto* g) { quartic.Gradient(v, g); };
    EXPECT_LE(HessianNorm(qg, q), quartic.Smoothness(R) * (1 + 1e-6));
    EXPECT_LE(Grad(qg, q).norm(), quartic.GradientBound(R));
    const Eigen::VectorXd u = SampleUniformBall(rng, rank.Dimension(), R);
    const auto rg = [&](auto& v, auto* g) { rank.Gradient(v, g); };
    EXPECT_LE(HessianNorm(rg, u), rank.Smoothness(R) * (1 + 1e-6));
    EXPECT_LE(Grad(rg, u).norm(), rank.GradientBound(R));
  }
  // The plane's bound is attained at |y| = r.
  const Eigen::Vector2d edge(0, 2);
  EXPECT_NEAR(HessianNorm([&](auto& v, auto* g) { SaddlePlane().Gradient(v, g); }, edge),
              SaddlePlane::Smoothness(2), 1e-6);
}

TEST(SaddleLandscapes, SublevelRadiusHoldsTheSublevelSet) {
  // Points far out of the ball: those with f ≤ F must lie within SublevelRadius(F).
  Rng rng(9);
  const IndefiniteQuartic quartic = Quartic();
  const RankKApproximation rank = Rank();
  const double Fq = quartic.MaxValue(1.5), Fr = rank.MaxValue(1.0);
  int inside = 0;
  for (int trial = 0; trial < 20000; ++trial) {
    const Eigen::VectorXd q = SampleUniformBall(rng, 5, 4.0);
    if (quartic.Value(q) <= Fq) {
      EXPECT_LE(q.norm(), quartic.SublevelRadius(Fq));
      ++inside;
    }
    const Eigen::VectorXd u = SampleUniformBall(rng, rank.Dimension(), 4.0);
    if (rank.Value(u) <= Fr) {
      EXPECT_LE(u.norm(), rank.SublevelRadius(Fr));
      ++inside;
    }
  }
  EXPECT_GT(inside, 100);  // the test saw the set
  // MaxValue bounds f on its ball.
  for (int trial = 0; trial < 1000; ++trial) {
    EXPECT_LE(quartic.Value(SampleUniformBall(rng, 5, 1.5)), Fq);
    EXPECT_LE(rank.Value(SampleUniformBall(rng, rank.Dimension(), 1.0)), Fr);
  }
}

TEST(SaddleLandscapes, StableManifoldsAreInvariantExactly) {
  Rng rng(13);
  const RankKApproximation rank = Rank();
  Eigen::VectorXd u = SampleUniformBall(rng, rank.Dimension(), 1.0);
  for (int j = 0; j < rank.k(); ++j) u(j * rank.d()) = 0;  // U's row 0
  const Eigen::VectorXd g = Grad([&](auto& v, auto* out) { rank.Gradient(v, out); }, u);
  for (int j = 0; j < rank.k(); ++j) EXPECT_EQ(g(j * rank.d()), 0.0);
  const Eigen::Vector2d on(0.7, 0.0);
  EXPECT_EQ(Grad([&](auto& v, auto* out) { SaddlePlane().Gradient(v, out); }, on)(1), 0.0);
}

TEST(SaddleLandscapes, UniformBallFillsTheBallByVolume) {
  // P(‖z‖ ≤ r/2) = 2^−p: 1/8 in R³; 8000 draws give 1000 ± 5σ (σ ≈ 29.6).
  Rng rng(17);
  int inner = 0;
  for (int i = 0; i < 8000; ++i) {
    const double norm = SampleUniformBall(rng, 3, 2.0).norm();
    ASSERT_LE(norm, 2.0);
    inner += norm <= 1.0;
  }
  EXPECT_NEAR(inner, 1000, 148);
}

}  // namespace
}  // namespace thmcheck
