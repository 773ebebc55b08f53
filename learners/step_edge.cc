// Bisection for the edge of stability; see step_edge.h.
#include "learners/step_edge.h"

#include <cmath>

#include "harness/contract.h"

namespace thmcheck {

StepEdge LargestStableStep(const std::function<bool(double gamma)>& diverges, double lo, double hi,
                           int halvings) {
  THM_CHECK_MSG(0 < lo && lo < hi && halvings >= 0,
                "lo " << lo << ", hi " << hi << ", halvings " << halvings);
  StepEdge edge;
  auto run = [&](double gamma) {
    ++edge.runs;
    return diverges(gamma);
  };
  if (run(hi) == false) {
    edge.bracket = StepEdge::Bracket::kAboveRange;
    edge.gamma = hi;
    return edge;
  }
  if (run(lo)) {
    edge.bracket = StepEdge::Bracket::kBelowRange;
    edge.gamma = lo;
    return edge;
  }
  double stable = lo, divergent = hi;
  for (int i = 0; i < halvings; ++i) {
    const double mid = std::sqrt(stable * divergent);  // the midpoint of log γ
    (run(mid) ? divergent : stable) = mid;
  }
  edge.gamma = stable;
  return edge;
}

const char* StepEdgeBracketName(StepEdge::Bracket b) {
  constexpr const char* kNames[] = {"inside", "below the range", "above the range"};
  return kNames[static_cast<int>(b)];
}

}  // namespace thmcheck
