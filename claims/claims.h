// Every claim's declaration, one factory per claim file. Claim ids are stable forever.
#pragma once

#include <vector>

#include "harness/claim.h"

namespace thmcheck {

ClaimSpec NtkClosenessClaim();  // ntk_closeness.cc

// In the order `thmcheck list` and `run --all` show them.
std::vector<ClaimSpec> AllClaims();

}  // namespace thmcheck
