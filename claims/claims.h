// Every claim's declaration, one factory per claim file. Claim ids are stable forever.
#pragma once

#include <vector>

#include "harness/claim.h"

namespace thmcheck {

ClaimSpec NtkClosenessClaim();  // ntk_closeness.cc
ClaimSpec AlphaSeparationClaim();  // alpha_separation.cc
ClaimSpec ParityLowerBoundClaim();  // parity_lower_bound.cc

// In the order `thmcheck list` and `run --all` show them.
std::vector<ClaimSpec> AllClaims();

}  // namespace thmcheck
