// Expanding a claim's declared arms into cells, and deriving each cell's seed and id.
// A cell's parameters are the resolved claim parameters, minus the list parameters any arm sweeps,
// the arms' own parameters, the arms' switches, their replicate counts (ArmSpec::replicates_from)
// and `replicates`, plus the arm's overrides, its own parameters (under their cell names) and the
// axis values: so a cell's file name and seed depend only on what the cell computes (adding a
// width reuses the other widths' cells; switching an arm on, or setting another arm's own
// parameter, reuses the other arms' cells).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "harness/claim.h"

namespace thmcheck {

inline constexpr const char* kReplicatesKey = "replicates";

struct Cell {
  size_t arm = 0;         // index into ClaimSpec::arms
  nlohmann::json params;  // everything the cell function reads
  int replicate = 0;
  uint64_t seed = 0;  // from (user seed, claim id, params, replicate) — not the arm name
  uint64_t replicate_seed = 0;  // from (user seed, claim id, replicate): shared across the sweep
  std::string id;               // 16 hex digits: hash of (claim, protocol, arm, params, seed)
};

// Arms switched off (ClaimSpec::arm_switches) get no cells.
std::vector<Cell> ExpandCells(const ClaimSpec& claim, const nlohmann::json& params,
                              uint64_t user_seed);

// What `arm` sets in each of its cells under the resolved `params`: its overrides and the values of
// its own parameters (ArmSpec::own_params), before the axis values.
nlohmann::json ArmSets(const ClaimSpec& claim, const ArmSpec& arm, const nlohmann::json& params);

// Whether `arm` runs under the resolved `params`: it has no switch, or its switch is ≠ 0.
bool ArmEnabled(const ClaimSpec& claim, const ArmSpec& arm, const nlohmann::json& params);

// 16 lower-case hex digits.
std::string Hex64(uint64_t v);

}  // namespace thmcheck
