// The edge of stability of an optimizer on one problem, found numerically: the largest step γ in
// [lo, hi] at which a run does not diverge, by bisection on log γ. A large-step schedule set
// relative to this edge keeps its meaning from one drawn dataset and sample order to the next,
// where a fixed γ would diverge on some and sit far below the edge on others (as a fixed γ = 0.25
// does for SGD on the diagonal networks of Andriushchenko et al. 2023, arXiv 2210.05337: its edge
// ranges over 0.21 … 0.30 across draws of the data).
// Bisection assumes one crossing: stable below the edge, divergent above it. When a run at lo
// diverges or one at hi does not, the edge is outside the range and is reported as such.
#pragma once

#include <functional>

namespace thmcheck {

struct StepEdge {
  enum class Bracket { kInside, kBelowRange, kAboveRange };
  Bracket bracket = Bracket::kInside;
  // kInside: the largest γ tested that did not diverge, within a factor (hi/lo)^(2^−halvings) of
  // the smallest that did; kBelowRange: lo (it diverged); kAboveRange: hi (it did not).
  double gamma = 0;
  int runs = 0;  // calls to `diverges`
};

// `diverges(γ)`: one run at step γ (the same data, init and sample order each call) diverged.
// Requires 0 < lo < hi and halvings ≥ 0; makes halvings + 2 calls at most.
StepEdge LargestStableStep(const std::function<bool(double gamma)>& diverges, double lo, double hi,
                           int halvings);

const char* StepEdgeBracketName(StepEdge::Bracket b);

}  // namespace thmcheck
