// The one list of every claim the CLI and the report know (claims/registry.h).
#include "claims/claims.h"

namespace thmcheck {

std::vector<ClaimSpec> AllClaims() {
  return {
#define THMCHECK_CLAIM(factory) factory(),
#include "claims/registry.h"
#undef THMCHECK_CLAIM
  };
}

}  // namespace thmcheck
