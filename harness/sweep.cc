// Cell expansion (see sweep.h).
#include "harness/sweep.h"

#include <algorithm>
#include <cstdio>

#include "harness/contract.h"
#include "harness/rng.h"

namespace thmcheck {

std::string Hex64(uint64_t v) {
  char buf[17];
  std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(v));
  return buf;
}

bool ArmEnabled(const ClaimSpec& claim, const ArmSpec& arm, const nlohmann::json& params) {
  const auto it = claim.arm_switches.find(arm.name);
  if (it == claim.arm_switches.end()) return true;
  const std::string& key = it->second;
  THM_CHECK_MSG(
      params.contains(key) && params.at(key).is_number_integer(),
      claim.id << ": arm " << arm.name << "'s switch " << key << " is not an int parameter");
  return params.at(key).get<long long>() != 0;
}

nlohmann::json ArmSets(const ClaimSpec& claim, const ArmSpec& arm, const nlohmann::json& params) {
  nlohmann::json sets = arm.overrides;
  for (const auto& [name, from] : arm.own_params) {
    THM_CHECK_MSG(params.contains(from), claim.id << ": arm " << arm.name << "'s parameter " << from
                                                  << " is not declared");
    // One source per cell parameter: which of two would win is not something to leave to order.
    THM_CHECK_MSG(!arm.overrides.contains(name), claim.id << ": arm " << arm.name
                                                          << " both overrides " << name
                                                          << " and sets it from " << from);
    for (const auto& axis : arm.axes)
      THM_CHECK_MSG(axis.name != name, claim.id << ": arm " << arm.name << " both sweeps " << name
                                                << " and sets it from " << from);
    sets[name] = params.at(from);
  }
  return sets;
}

std::vector<Cell> ExpandCells(const ClaimSpec& claim, const nlohmann::json& params,
                              uint64_t user_seed) {
  THM_CHECK_MSG(params.contains(kReplicatesKey), claim.id << " declares no 'replicates'");
  const int replicates = params.at(kReplicatesKey).get<int>();
  const uint64_t claim_seed = DeriveSeed(user_seed, claim.id);
  // What every cell starts from: neither `replicates`, the arms' switches nor the lists any arm
  // sweeps are what a cell computes.
  nlohmann::json common = params;
  common.erase(kReplicatesKey);
  for (const auto& [name, key] : claim.arm_switches) common.erase(key);
  for (const ArmSpec& arm : claim.arms) {
    for (const auto& axis : arm.axes) common.erase(axis.from);
    for (const auto& [name, from] : arm.own_params) common.erase(from);
    if (!arm.replicates_from.empty()) common.erase(arm.replicates_from);
  }
  std::vector<Cell> cells;
  for (size_t a = 0; a < claim.arms.size(); ++a) {
    const ArmSpec& arm = claim.arms[a];
    if (!ArmEnabled(claim, arm, params)) continue;
    nlohmann::json base = common;
    const nlohmann::json sets = ArmSets(claim, arm, params);  // items() does not own it
    for (const auto& [k, v] : sets.items()) base[k] = v;
    // Cartesian product of the axes, last axis fastest.
    std::vector<nlohmann::json> points = {base};
    for (const auto& axis : arm.axes) {
      const nlohmann::json& values = params.at(axis.from);
      THM_CHECK_MSG(values.is_array(), axis.from << " is not a list");
      std::vector<nlohmann::json> next;
      for (const auto& p : points)
        for (const auto& v : values) {
          nlohmann::json q = p;
          q[axis.name] = v;
          next.push_back(std::move(q));
        }
      points = std::move(next);
    }
    int arm_replicates = replicates;
    if (!arm.replicates_from.empty()) {
      const auto& from = arm.replicates_from;
      THM_CHECK_MSG(params.contains(from) && params.at(from).is_number_integer(),
                    claim.id << ": arm " << arm.name << "'s replicates_from " << from
                             << " is not an int parameter");
      arm_replicates = std::min(replicates, params.at(from).get<int>());
    }
    for (const auto& p : points)
      for (int r = 0; r < arm_replicates; ++r) {
        Cell c;
        c.arm = a;
        c.params = p;
        c.replicate = r;
        const std::string key = p.dump() + "#" + std::to_string(r);
        c.seed = DeriveSeed(claim_seed, key);
        c.replicate_seed = DeriveSeed(claim_seed, "replicate#" + std::to_string(r));
        c.id = Hex64(Fnv1a64(claim.id + "|" + std::to_string(claim.protocol) + "|" + arm.name +
                             "|" + key + "|" + std::to_string(c.seed)));
        cells.push_back(std::move(c));
      }
  }
  return cells;
}

}  // namespace thmcheck
