// Tests for the hierarchical targets: exact values of the paper's parity instance (F, G, H on
// hand-picked cube points), its parity structure, the paper instance rewritten as a member of
// Concept 1 (quadratic F, quartic G by polarization), the smooth-complexity closed forms, and
// validation. Legend: n samples, d input dimension, k outputs, z ∈ {±1}^d the unscaled cube point.
#include "concepts/hierarchical.h"

#include <cmath>
#include <limits>
#include <string>

#include <gtest/gtest.h>

namespace thmcheck {
namespace {

constexpr double kEps = std::numeric_limits<double>::epsilon();

// The scaled cube point for a ±1 vector z.
Eigen::MatrixXd CubeRow(const Eigen::VectorXd& z) {
  const double scale = 1.0 / std::sqrt(static_cast<double>(z.size()));
  return (scale * z).transpose();
}

TEST(ParityHierarchy, ExactValuesOnHandPickedPoints) {
  const ParityHierarchy c;  // d = 30, k = 8, group = 4, α = 0.3, β = 1
  // Four points, each as the unscaled z ∈ {±1}^30 (0-based coordinates):
  //  p0: all +1                     → F = 1⁸; G = 1⁸.
  //  p1: z₀ = −1                     → F₀ = −1; G₀…₃ = −1 (group 0 holds F₀…F₃), G₄…₇ = +1.
  //  p2: z₀ = z₉ = −1                → F₀ = F₄ = −1; G = −1⁸ (one flip in each group).
  //  p3: z₀ = z₁ = −1, z₁₆…₂₉ = −1   → F₀ = +1 and coordinates ≥ 16 are unused: F = G = 1⁸.
  Eigen::MatrixXd x(4, 30);
  Eigen::VectorXd z = Eigen::VectorXd::Ones(30);
  x.row(0) = CubeRow(z);
  z(0) = -1;
  x.row(1) = CubeRow(z);
  z(9) = -1;
  x.row(2) = CubeRow(z);
  z.setOnes();
  z(0) = z(1) = -1;
  z.tail(14).setConstant(-1);
  x.row(3) = CubeRow(z);

  Eigen::MatrixXd f, g;
  EvaluateParityHierarchy(c, x, &f, &g);
  Eigen::MatrixXd f_want(4, 8), g_want(4, 8);
  f_want << 1, 1, 1, 1, 1, 1, 1, 1,  //
      -1, 1, 1, 1, 1, 1, 1, 1,       //
      -1, 1, 1, 1, -1, 1, 1, 1,      //
      1, 1, 1, 1, 1, 1, 1, 1;
  g_want << 1, 1, 1, 1, 1, 1, 1, 1,    //
      -1, -1, -1, -1, 1, 1, 1, 1,      //
      -1, -1, -1, -1, -1, -1, -1, -1,  //
      1, 1, 1, 1, 1, 1, 1, 1;
  EXPECT_EQ(f, f_want);  // exact: products of ±1
  EXPECT_EQ(g, g_want);
  // H = βF + αG: 1.3 where F and G agree, 0.7 / −0.7 where they differ (one rounding each).
  const Eigen::MatrixXd h = c.beta * f + c.alpha * g;
  EXPECT_DOUBLE_EQ(h(0, 0), 1.3);
  EXPECT_DOUBLE_EQ(h(1, 0), -1.3);
  EXPECT_DOUBLE_EQ(h(1, 1), 0.7);
  EXPECT_DOUBLE_EQ(h(2, 5), 0.7);
  EXPECT_DOUBLE_EQ(h(1, 4), 1.3);
}

TEST(ParityHierarchy, CompositeIsADegree8ParityAndSampleLabelsMatch) {
  ParityHierarchy c;
  c.alpha = 0.25;
  c.beta = 0.5;
  Rng rng(11);
  const HierarchicalSample s = SampleParityHierarchy(rng, c, 200);
  ASSERT_EQ(s.x.rows(), 200);
  ASSERT_EQ(s.y.cols(), 8);
  const double root_d = std::sqrt(30.0);
  for (int i = 0; i < 200; ++i) {
    double first8 = 1.0, next8 = 1.0;  // Π z_j over j < 8 and over 8 ≤ j < 16
    for (int j = 0; j < 8; ++j) first8 *= std::round(root_d * s.x(i, j));
    for (int j = 8; j < 16; ++j) next8 *= std::round(root_d * s.x(i, j));
    for (int r = 0; r < 4; ++r) EXPECT_EQ(s.g(i, r), first8);
    for (int r = 4; r < 8; ++r) EXPECT_EQ(s.g(i, r), next8);
    for (int r = 0; r < 8; ++r) {
      EXPECT_EQ(s.f(i, r),
                std::round(root_d * s.x(i, 2 * r)) * std::round(root_d * s.x(i, 2 * r + 1)));
      EXPECT_EQ(s.y(i, r), 0.5 * s.f(i, r) + 0.25 * s.g(i, r));  // same two roundings
    }
  }
}

TEST(ParityHierarchy, ValidationNamesTheProblem) {
  std::string error;
  ParityHierarchy c;
  EXPECT_TRUE(c.IsValid(&error));
  c.k = 6;  // not a multiple of group = 4
  EXPECT_FALSE(c.IsValid(&error));
  EXPECT_NE(error.find("group"), std::string::npos) << error;
  c.k = 16;  // 2k = 32 > d = 30
  EXPECT_FALSE(c.IsValid(&error));
  EXPECT_NE(error.find("2k"), std::string::npos) << error;
}

// The paper's instance is a member of Concept 1 once F reads cube coordinates as ±1 (s = √d):
//   z_a z_b = ½(s⟨w₊, x⟩)² − ½(s⟨w₋, x⟩)², w± = (e_a ± e_b)/√2;
//   y₁y₂y₃y₄ = (1/12) Σ_{ε ∈ {±1}⁴, ε₁ = 1} (Πε)·⟨ε/2, y⟩⁴  (polarization: Σ over all 16 ε of
//   (Πε)(ε·y)⁴ = 4!·2⁴·y₁y₂y₃y₄; ε and −ε give the same term; (ε·y)⁴ = 16⟨ε/2, y⟩⁴).
ConceptOne PaperInstanceAsConceptOne(const ParityHierarchy& c) {
  ConceptOne one;
  one.alpha = c.alpha;
  one.beta = c.beta;
  SmoothTwoLayer& f = one.f;
  f.in_dim = c.d;
  f.k = c.k;
  f.p = 2;
  f.input_scale = std::sqrt(static_cast<double>(c.d));
  f.w.setZero(2 * c.k, c.d);
  f.a.resize(c.k, 2);
  f.phi.assign(2 * c.k, SmoothActivation::kSquare);
  const double h = 1.0 / std::sqrt(2.0);
  for (int r = 0; r < c.k; ++r) {
    f.w(2 * r, 2 * r) = h;
    f.w(2 * r, 2 * r + 1) = h;
    f.w(2 * r + 1, 2 * r) = h;
    f.w(2 * r + 1, 2 * r + 1) = -h;
    f.a(r, 0) = 0.5;
    f.a(r, 1) = -0.5;
  }
  SmoothTwoLayer& g = one.g;
  g.in_dim = c.k;
  g.k = c.k;
  g.p = 8;
  g.w.setZero(8 * c.k, c.k);
  g.a.resize(c.k, 8);
  g.phi.assign(8 * c.k, SmoothActivation::kQuartic);
  for (int r = 0; r < c.k; ++r) {
    const int first = (r / 4) * 4;
    for (int e = 0; e < 8; ++e) {  // ε = (1, ±1, ±1, ±1) from the bits of e
      double sign = 1.0;
      g.w(8 * r + e, first) = 0.5;
      for (int b = 0; b < 3; ++b) {
        const double eps = ((e >> b) & 1) ? -1.0 : 1.0;
        g.w(8 * r + e, first + 1 + b) = 0.5 * eps;
        sign *= eps;
      }
      g.a(r, e) = sign / 12.0;
    }
  }
  return one;
}

TEST(ConceptOne, PaperInstanceIsAMemberAndAgrees) {
  const ParityHierarchy c;
  const ConceptOne one = PaperInstanceAsConceptOne(c);
  std::string error;
  ASSERT_TRUE(one.f.IsValid(&error)) << error;
  ASSERT_TRUE(one.g.IsValid(&error)) << error;
  Rng rng(3), rng2(3);
  const HierarchicalSample exact = SampleParityHierarchy(rng, c, 300);
  const HierarchicalSample smooth = SampleConceptOne(rng2, one, 300);
  ASSERT_EQ(exact.x, smooth.x);  // same sampler, same seed
  // F: s⟨w, x⟩ ∈ {0, ±√2} up to ~4 roundings, squared and differenced: |δF| ≤ 16ε. G: 8 terms,
  // each (1/12)·⟨w, F⟩⁴ ≤ 16/12; the 4th power turns a relative error δ of ⟨w, F⟩ into 4δ, with
  // δ ≤ (16ε + 4ε)/|⟨w, F⟩| and |⟨w, F⟩| ≥ 1 when nonzero: per term ≤ (4/3)·4·20ε, sum ≤ 8× that
  // ≈ 853ε ≈ 1.9e−13. kTol = 1e−12 leaves 5× headroom.
  constexpr double kTol = 1e-12;
  EXPECT_LE((exact.f - smooth.f).cwiseAbs().maxCoeff(), kTol);
  EXPECT_LE((exact.g - smooth.g).cwiseAbs().maxCoeff(), kTol);
  EXPECT_LE((exact.y - smooth.y).cwiseAbs().maxCoeff(), 2 * kTol);
  // Complexity of the rewritten F: square at s = √30 → 3·30 = 90 (the §7 instance is "√d-complex").
  EXPECT_NEAR(one.f.Complexity(), 90.0, 90.0 * 4 * kEps);
}

// Σ_i (i+1)|c_i| s^i summed term by term from the Taylor coefficients, to 60 terms (the tail of
// the exponential-type series at s ≤ 2 is < 2^60/60! ≈ 1e−64).
double ComplexityBySeries(SmoothActivation phi, double s) {
  double sum = 0.0, inv_fact = 1.0, power = 1.0;
  for (int i = 0; i < 60; ++i) {
    if (i > 0) inv_fact /= i;
    double c = 0.0;
    switch (phi) {
      case SmoothActivation::kIdentity:
        c = (i == 1);
        break;
      case SmoothActivation::kSquare:
        c = (i == 2);
        break;
      case SmoothActivation::kCube:
        c = (i == 3);
        break;
      case SmoothActivation::kQuartic:
        c = (i == 4);
        break;
      case SmoothActivation::kSin:
        c = (i % 2 == 1) ? inv_fact : 0.0;
        break;
      case SmoothActivation::kCos:
        c = (i % 2 == 0) ? inv_fact : 0.0;
        break;
      case SmoothActivation::kExp:
        c = inv_fact;
        break;
    }
    sum += (i + 1) * c * power;
    power *= s;
  }
  return sum;
}

TEST(SmoothActivation, ComplexityClosedFormsMatchTheSeries) {
  for (SmoothActivation phi :
       {SmoothActivation::kIdentity, SmoothActivation::kSquare, SmoothActivation::kCube,
        SmoothActivation::kQuartic, SmoothActivation::kSin, SmoothActivation::kCos,
        SmoothActivation::kExp}) {
    for (double s : {0.5, 1.0, 2.0}) {
      // Both sides are sums of ≤ 60 positive terms of total ≤ 3e^2·… < 100: ≤ 64·ε relative.
      const double want = ComplexityBySeries(phi, s);
      EXPECT_NEAR(SmoothComplexity(phi, s), want, 64 * kEps * want)
          << SmoothActivationName(phi) << " at s = " << s;
    }
  }
  EXPECT_NEAR(SmoothComplexity(SmoothActivation::kSin, 1.0), std::exp(1.0), 8 * kEps);
  EXPECT_DOUBLE_EQ(ApplySmooth(SmoothActivation::kQuartic, -2.0), 16.0);
  EXPECT_DOUBLE_EQ(ApplySmooth(SmoothActivation::kCube, -2.0), -8.0);
}

TEST(ConceptOne, DrawnMembersAreValidDeterministicAndEvaluateAsWritten) {
  ConceptOneShape shape;
  shape.d = 12;
  shape.k = 3;
  shape.p_f = 4;
  shape.p_g = 2;
  shape.f_input_scale = 2.0;
  std::string error;
  ASSERT_TRUE(shape.IsValid(&error)) << error;
  Rng rng(5), rng2(5);
  const ConceptOne c = DrawConceptOne(rng, shape);
  const ConceptOne c2 = DrawConceptOne(rng2, shape);
  ASSERT_TRUE(c.f.IsValid(&error)) << error;
  ASSERT_TRUE(c.g.IsValid(&error)) << error;
  EXPECT_EQ(c.f.w, c2.f.w);
  EXPECT_EQ(c.g.a, c2.g.a);
  const HierarchicalSample s = SampleConceptOne(rng, c, 10);
  // One entry by the formula, term by term: F_1(x_3) and G_2(F(x_3)).
  double f13 = 0.0;
  for (int j = 0; j < 4; ++j)
    f13 += c.f.a(1, j) * ApplySmooth(c.f.phi[4 + j], 2.0 * c.f.w.row(4 + j).dot(s.x.row(3)));
  double g23 = 0.0;
  for (int j = 0; j < 2; ++j)
    g23 += c.g.a(2, j) * ApplySmooth(c.g.phi[4 + j], c.g.w.row(4 + j).dot(s.f.row(3)));
  // Same operations in a different order (a d-term dot product vs a GEMM): ≤ 4·d·ε·Σ|terms|,
  // with Σ|terms| ≤ p·C ≤ 4·(3e^2) < 100 at s = 2: 4·12·100·ε ≈ 1e−12.
  constexpr double kTol = 1e-12;
  EXPECT_NEAR(s.f(3, 1), f13, kTol);
  EXPECT_NEAR(s.g(3, 2), g23, kTol);
  EXPECT_NEAR(s.y(3, 2), c.beta * s.f(3, 2) + c.alpha * s.g(3, 2), kTol);
  shape.activations.clear();
  EXPECT_FALSE(shape.IsValid(&error));
}

}  // namespace
}  // namespace thmcheck
