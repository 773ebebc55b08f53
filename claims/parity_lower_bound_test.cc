// Claim test: `parity_lower_bound` PASSes (every main arm) and all four controls are rejected; plus
// unit tests of the claim's own machinery against brute force on small cubes: exact risks (closed
// form vs enumeration vs the learners' QR projection), the span bound's per-parity projections,
// and the exactness of the theorem check's randomized block statistic.
#include <gtest/gtest.h>

#include <cmath>

#include <boost/math/distributions/binomial.hpp>

#include "claims/claim_test_support.h"
#include "claims/parity_lower_bound_cells.h"
#include "claims/parity_lower_bound_family.h"
#include "concepts/boolean_cube.h"
#include "learners/kernel_regression.h"

namespace thmcheck {
namespace {

TEST(ParityLowerBoundClaim, PassesWithEveryControlRejected) {
  const RunOutcome r = RunClaimForTest("parity_lower_bound");
  for (const char* arm : {"main", "span", "threshold_k2", "threshold_k3"})
    EXPECT_EQ(ArmVerdict(r.verdict_json, arm), "PASS") << arm;
  for (const char* arm : {"many_samples", "degree_one", "target_aware", "threshold_degree_one"})
    EXPECT_EQ(ArmVerdict(r.verdict_json, arm), "REJECTED") << arm;
  EXPECT_EQ(r.verdict, Verdict::kPass);
}

// E[indicator] over F ~ Binomial(b, q) and u uniform: the statistic the proportion check sees.
double IndicatorMean(int b, double q) {
  const boost::math::binomial_distribution<double> bin(b, q);
  const TheoremRandomization r = TheoremRandomizationFor(b);
  const double below = r.count > 0 ? boost::math::cdf(bin, r.count - 1) : 0.0;
  return below + r.keep * boost::math::pdf(bin, r.count);
}

TEST(ParityLowerBoundStatistic, PassProbabilityIsExactAtOnePercentAndFallsAboveIt) {
  const double p = TheoremPassProbability();
  EXPECT_NEAR(p, std::pow(0.99, 30), 1e-15);
  for (int b : {1, 7, 30, 31, 50, 100, 300, 3000}) {
    const TheoremRandomization r = TheoremRandomizationFor(b);
    EXPECT_NEAR(IndicatorMean(b, 0.01), p, 1e-12) << "b = " << b;
    EXPECT_LT(IndicatorMean(b, 0.02), p - 5e-3) << "b = " << b;  // b = 1: (1 − q)·γ falls 0.0075
    EXPECT_GT(IndicatorMean(b, 0.005), p + 3e-3) << "b = " << b;
    // The indicator agrees with the randomization: 1 below the count, 0 above, γ at it.
    EXPECT_EQ(TheoremIndicator(r.count + 1 > b ? b : r.count + 1, b, 0.0), r.count + 1 > b);
    if (r.count > 0) {
      EXPECT_EQ(TheoremIndicator(r.count - 1, b, 0.999), 1);
    }
    EXPECT_EQ(TheoremIndicator(r.count, b, 0.5), r.keep > 0.5 ? 1 : 0);
  }
  // The default block needs no coin: one failure in 30 targets fails the cell, none passes it.
  for (double u : {0.0, 0.5, 0.999999}) {
    EXPECT_EQ(TheoremIndicator(0, kTheoremBlock, u), 1);
    EXPECT_EQ(TheoremIndicator(1, kTheoremBlock, u), 0);
  }
}

// Small cube, a sample of N points and a two-output target with degree-1 and degree-k parts.
struct Fixture {
  int d = 7, k = 3, n = 24;
  Eigen::MatrixXd cube = EnumerateCube(d);
  Eigen::MatrixXd x;
  std::vector<FourierExpansion> target = {{{{0}, 1.0}, {{0, 2, 5}, 0.3}}, {{{2}, 1.0}, {{0, 2, 5}, 0.3}}};
  Fixture() {
    Rng rng(11);
    x = SampleCube(rng, n, d);
  }
};

// NOTE tolerance: risks are O(1) sums of N² terms of O(1) size; the rounding bound of the .cc is
// 4N·ε·(…) ≈ 1e−13 here, and enumeration adds 2^d-term sums (≈ 1e−13): 1e−9 leaves room for the
// eigendecompositions' backward errors on these well-conditioned ridges.
constexpr double kRiskTol = 1e-9;

TEST(ParityLowerBoundRisk, SpectralRisksEqualEnumerationAndDirectResiduals) {
  const Fixture f;
  for (const char* name : {"ntk2", "rbf", "laplace", "poly_at", "arccos0"}) {
    Rng rng(1);
    const auto kernel = MakeMember(name, f.d, f.k, 0.5, rng);
    const MemberRisks spectral(*kernel, RiskMode::kSpectral, f.x, f.cube, true);
    const MemberRisks enumerated(*kernel, RiskMode::kEnumerate, f.x, f.cube, true);
    const MemberRisks::Result a = spectral.Evaluate(f.target), b = enumerated.Evaluate(f.target);
    EXPECT_NEAR(a.krr, b.krr, kRiskTol) << name;
    EXPECT_NEAR(a.projection, b.projection, 1e-7) << name;  // both approach the projection's limit
    EXPECT_LE(a.projection, a.krr + kRiskTol) << name;      // no kernel regressor beats it
    // The projection path's limit is the learners' QR projection on the whole cube.
    const Eigen::MatrixXd y_cube = TargetValues(f.target, f.cube);
    const SpanProjection qr = ProjectOntoSpan(*kernel, f.x, f.cube, y_cube);
    EXPECT_NEAR(a.projection, qr.risk.sum(), 1e-7) << name;
  }
}

TEST(ParityLowerBoundRisk, OracleRiskIsTheDirectCubeResidualAtTheSelectedRidge) {
  const Fixture f;
  Rng rng(1);
  const auto kernel = MakeMember("ntk2", f.d, f.k, 0.5, rng);
  const Eigen::MatrixXd gram = kernel->Gram(f.x, f.x);
  const Eigen::MatrixXd phi = kernel->Gram(f.cube, f.x);
  const Eigen::MatrixXd y_cube = TargetValues(f.target, f.cube);
  const TargetMoments t = ReferenceTargetMoments(phi, y_cube, TargetValues(f.target, f.x));
  const SpanRiskSolver solver(gram, ReferenceSecondMoment(phi), FamilyRidges(gram), false);
  Eigen::VectorXd risks;
  const SpanRisk best = solver.KrrOracle(t, &risks);
  ASSERT_GE(best.index, 0);
  for (int i = 0; i < risks.size(); ++i) {
    const SampledRisk direct = ReferenceRisk(phi, solver.KrrCoefficients(t, i), y_cube);
    if (solver.ridges()(i) >= 1e-4 * gram.diagonal().mean()) {  // well-conditioned ridges
      EXPECT_NEAR(risks(i), direct.mean, kRiskTol) << "ridge " << i;
    }
    if (i != best.index && solver.ridges()(i) >= solver.ridges()(best.index)) {
      EXPECT_GE(risks(i), best.risk) << "ridge " << i;  // larger ridges are eligible too
    }
  }
  // The oracle's ridge is also KernelRidgePath's: same coefficients as the library's path.
  const KernelRidgePath path(gram, t.y);
  EXPECT_LT((path.Coefficients(best.ridge) - solver.KrrCoefficients(t, best.index)).norm(),
            1e-8 * path.Coefficients(best.ridge).norm());
}

TEST(ParityLowerBoundSpan, PerParityProjectionsMatchQrProjectionAndObeyTheBound) {
  const Fixture f;
  const std::vector<std::vector<int>> subsets = AllSubsets(f.d, f.k);
  for (const char* name : {"ntk2", "rbf", "parity_k"}) {
    Rng rng(1);
    const auto kernel = MakeMember(name, f.d, f.k, 0.5, rng);
    const DegreeProjection dp = ProjectParitiesOfDegree(kernel->Gram(f.cube, f.x), f.d, f.k);
    ASSERT_EQ(dp.explained.size(), static_cast<Eigen::Index>(subsets.size()));
    for (size_t s = 0; s < subsets.size(); s += 7) {  // brute force on every 7th parity
      const Eigen::MatrixXd chi = Parity(f.cube, subsets[s]);
      const SpanProjection p = ProjectOntoSpan(*kernel, f.x, f.cube, chi);
      EXPECT_NEAR(dp.explained(s), 1.0 - p.risk(0), 1e-10) << name << " subset " << s;
    }
    EXPECT_LE(dp.explained.sum(), dp.rank + dp.rounding) << name;
    EXPECT_LE(dp.rank, f.n) << name;
  }
  // Equality case: parity_k's span lies inside the degree-k parities.
  Rng rng(1);
  const auto tight = MakeMember("parity_k", f.d, f.k, 0.5, rng);
  const DegreeProjection dp = ProjectParitiesOfDegree(tight->Gram(f.cube, f.x), f.d, f.k);
  EXPECT_NEAR(dp.explained.sum(), dp.rank, 1e-10);
}

}  // namespace
}  // namespace thmcheck
