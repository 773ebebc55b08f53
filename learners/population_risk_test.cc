// Population risks from moments: the risk A − 2 tr(CᵀB) + tr(CᵀGC) of the oracle ridge equals the
// mean residual on the reference points it was computed from (for any Φ, an identity, to its
// rounding bound); the projection beats every ridge; character projections explain all of a
// character inside the span and nothing outside it.
#include "learners/population_risk.h"

#include <gtest/gtest.h>

#include "harness/rng.h"

namespace thmcheck {
namespace {

Eigen::MatrixXd Gaussian(int rows, int cols, Rng& rng) {
  Eigen::MatrixXd m(rows, cols);
  for (int j = 0; j < cols; ++j)
    for (int i = 0; i < rows; ++i) m(i, j) = rng.Normal();
  return m;
}

TEST(PopulationRisk, OracleRiskIsTheMeanResidualOnTheReferencePoints) {
  Rng rng(7);
  const int m = 200, n = 12, q = 2;
  const Eigen::MatrixXd phi = Gaussian(m, n, rng);  // K(R, X) of some kernel
  const Eigen::MatrixXd a = Gaussian(n, n, rng);
  const Eigen::MatrixXd gram = a * a.transpose() / n;  // K(X, X): any PSD matrix
  const Eigen::MatrixXd y_ref = Gaussian(m, q, rng), y_train = Gaussian(n, q, rng);
  Eigen::VectorXd ridges(4);
  ridges << 1e-3, 1e-2, 1e-1, 1.0;
  const SpanRiskSolver solver(gram, ReferenceSecondMoment(phi), ridges, /*with_projection=*/true);
  const TargetMoments t = ReferenceTargetMoments(phi, y_ref, y_train);
  Eigen::VectorXd risks;
  const SpanRisk oracle = solver.KrrOracle(t, &risks);
  ASSERT_GE(oracle.index, 0);
  const SampledRisk direct = ReferenceRisk(phi, solver.KrrCoefficients(t, oracle.index), y_ref);
  EXPECT_NEAR(oracle.risk, direct.mean, oracle.bound + 1e-12 * t.a);
  EXPECT_EQ(oracle.risk, risks.minCoeff());
  // The projection onto the span is the best predictor in it: no ridge does better.
  EXPECT_LE(solver.Projection(t).risk, oracle.risk + oracle.bound);
}

TEST(PopulationRisk, CharactersInsideTheSpanAreExplainedAndOthersAreNot) {
  const int d = 3, m = 1 << d;
  const std::vector<uint64_t> every = {0, 1, 2, 3, 4, 5, 6, 7};
  // A span holding every function of the cube explains every character fully.
  const CharacterProjection full = ProjectCharacters(Eigen::MatrixXd::Identity(m, m), d, every);
  EXPECT_EQ(full.rank, m);
  for (Eigen::Index s = 0; s < full.explained.size(); ++s)
    EXPECT_NEAR(full.explained(s), 1.0, full.rounding) << s;
  // The constants explain the empty character (mask 0) and nothing else; Σ_S e_S ≤ rank.
  const CharacterProjection constant = ProjectCharacters(Eigen::MatrixXd::Ones(m, 1), d, every);
  EXPECT_EQ(constant.rank, 1);
  EXPECT_NEAR(constant.explained(0), 1.0, constant.rounding);
  for (Eigen::Index s = 1; s < constant.explained.size(); ++s)
    EXPECT_NEAR(constant.explained(s), 0.0, constant.rounding) << s;
  EXPECT_LE(constant.explained.sum(), constant.rank + constant.rounding);
}

}  // namespace
}  // namespace thmcheck
