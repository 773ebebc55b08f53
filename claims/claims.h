// Every claim's declaration: a factory per claim file, as listed in claims/registry.h.
#pragma once

#include <vector>

#include "harness/claim.h"

namespace thmcheck {

#define THMCHECK_CLAIM(factory) ClaimSpec factory();
#include "claims/registry.h"
#undef THMCHECK_CLAIM

// In the order `thmcheck list` and `run --all` show them (claims/registry.h).
std::vector<ClaimSpec> AllClaims();

}  // namespace thmcheck
