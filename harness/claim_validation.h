// What a claim declaration must satisfy before anything runs, CHECKed (a broken declaration is a
// programming error, not a user error): check names unique within an arm; a main arm with at
// least one check that is evidence (not sanity); a control that names the main-arm checks it
// must make FAIL (each existing, with a why) and predicts its own outcome (≥ 1 check); report
// arms with sanity checks only; cross-arm checks naming a declared
// arm; an arm whose divergence is a result carrying a status check; at least one control arm; a
// reason for a claim expected not to reproduce.
#pragma once

#include "harness/claim.h"

namespace thmcheck {

void ValidateClaimSpec(const ClaimSpec& claim);

// The function that measures arm `arm`'s cells: its own (ArmSpec::run) or the claim's.
const CellFunction& CellFunctionOf(const ClaimSpec& claim, size_t arm);

// The arm a control is judged against (ArmSpec::against, defaulting to the claim's first arm).
const ArmSpec& AgainstArm(const ClaimSpec& claim, const ArmSpec& control);

// The check named `name` among `arm`'s checks (CHECKed to exist).
const CheckSpec& FindCheck(const ArmSpec& arm, const std::string& name);

}  // namespace thmcheck
