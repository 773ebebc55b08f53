// What `thmcheck list` and `thmcheck --version` say about the registered claims: a one-line
// summary each, or a claim's whole declaration — statement, citation, every parameter (type,
// allowed values, defaults per scale, description), its arms (role, the condition each keeps or
// breaks, what each sets and sweeps) and checks (kind, band, derivation; a control's must-fail
// checks with why) — as text for people and JSON for machines.
#pragma once

#include <iosfwd>
#include <vector>

#include <nlohmann/json.hpp>

#include "harness/claim.h"

namespace thmcheck {

// Every claim: id, title, protocol, citation, scales, expected status and parameters.
nlohmann::json ClaimListJson(const std::vector<ClaimSpec>& claims);
// One claim's whole declaration: ClaimListJson's entry plus statement, arms and arm switches.
nlohmann::json ClaimDetailJson(const ClaimSpec& claim);

void PrintClaimSummaries(const std::vector<ClaimSpec>& claims, std::ostream& out);
void PrintClaimDetail(const ClaimSpec& claim, std::ostream& out);

// "thmcheck <suite version> (commit <hash>, <date>; <compiler>)" and each claim's protocol.
void PrintVersion(const std::vector<ClaimSpec>& claims, std::ostream& out);

}  // namespace thmcheck
