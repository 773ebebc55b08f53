// The claim registry: the one list of every claim the CLI and the report know.
#include "claims/claims.h"

namespace thmcheck {

std::vector<ClaimSpec> AllClaims() {
  return {NtkClosenessClaim(), AlphaSeparationClaim(), ParityLowerBoundClaim()};
}

}  // namespace thmcheck
