// Tests for the edge-of-stability bisection: it brackets a known threshold to the promised
// factor, reports an edge outside the range, and calls the run no more than it says.
#include "learners/step_edge.h"

#include <cmath>

#include <gtest/gtest.h>

namespace thmcheck {
namespace {

TEST(StepEdge, BracketsAKnownThresholdToThePromisedFactor) {
  for (const double threshold : {0.1001, 0.213, 0.25, 0.3999}) {
    const StepEdge e = LargestStableStep([&](double g) { return g > threshold; }, 0.1, 0.4, 12);
    EXPECT_EQ(e.bracket, StepEdge::Bracket::kInside);
    EXPECT_LE(e.gamma, threshold);
    EXPECT_GE(e.gamma, threshold / std::pow(4.0, 1.0 / 4096)) << threshold;
    EXPECT_EQ(e.runs, 14);
  }
}

TEST(StepEdge, ReportsAnEdgeOutsideTheRange) {
  const StepEdge above = LargestStableStep([](double) { return false; }, 1, 2, 5);
  EXPECT_EQ(above.bracket, StepEdge::Bracket::kAboveRange);
  EXPECT_EQ(above.gamma, 2);
  EXPECT_EQ(above.runs, 1);
  const StepEdge below = LargestStableStep([](double) { return true; }, 1, 2, 5);
  EXPECT_EQ(below.bracket, StepEdge::Bracket::kBelowRange);
  EXPECT_EQ(below.gamma, 1);
  EXPECT_EQ(below.runs, 2);
  EXPECT_STREQ(StepEdgeBracketName(below.bracket), "below the range");
}

}  // namespace
}  // namespace thmcheck
