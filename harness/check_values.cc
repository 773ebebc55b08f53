// Values and gaps of a check (see check_values.h).
#include "harness/check_values.h"

#include <cmath>

#include "harness/contract.h"

namespace thmcheck {

std::map<nlohmann::json, std::vector<const CellView*>> GroupBy(const std::vector<std::string>& keys,
                                                               const std::vector<CellView>& cells) {
  std::map<nlohmann::json, std::vector<const CellView*>> groups;
  for (const auto& c : cells) {
    nlohmann::json at = nlohmann::json::object();
    for (const auto& k : keys) at[k] = c.params.at(k);
    groups[at].push_back(&c);
  }
  return groups;
}

ValueReader::ValueReader(const CheckSpec& spec, const CheckContext& ctx, bool log_scale)
    : spec_(spec), log_scale_(log_scale) {
  if (spec.kind != CheckKind::kCrossArm) return;
  const ArmData* other = ctx.arm ? ctx.arm(spec.versus_arm) : nullptr;
  if (other == nullptr) {
    problem_ = "arm " + spec.versus_arm + " did not run: no cells to match";
    return;
  }
  for (const CellView& c : other->cells) {
    const bool fresh = matched_.emplace(MatchKey(c), &c).second;
    // Two cells of the other arm under one key: `match_on` does not pin a cell down.
    THM_CHECK_MSG(fresh, "check " << CheckName(spec) << ": several cells of arm " << spec.versus_arm
                                  << " match " << MatchKey(c).dump());
  }
}

nlohmann::json ValueReader::MatchKey(const CellView& c) const {
  nlohmann::json key = {{"#replicate", c.replicate}};
  for (const std::string& p : spec_.match_on) {
    THM_CHECK_MSG(c.params.contains(p), "check " << CheckName(spec_) << " matches on " << p
                                                 << ", which a cell does not have");
    key[p] = c.params.at(p);
  }
  return key;
}

bool ValueReader::Own(const CellView& c, double* v) const {
  const auto a = c.observables.find(spec_.observable);
  if (a == c.observables.end()) return false;
  *v = a->second;
  if (!spec_.other.empty()) {
    const auto b = c.observables.find(spec_.other);
    if (b == c.observables.end()) return false;
    *v -= b->second;
  }
  return std::isfinite(*v);
}

ValueReader::Read ValueReader::Value(const CellView& c, double* v) const {
  if (spec_.kind == CheckKind::kStatus) {
    *v = c.ok == (spec_.status == "ok") ? 1.0 : 0.0;
    return Read::kUsable;
  }
  if (!c.ok) return Read::kDiverged;
  if (!Own(c, v)) return Read::kUnusable;
  if (spec_.kind == CheckKind::kCrossArm) {
    const auto it = matched_.find(MatchKey(c));
    double theirs = 0;
    if (it == matched_.end() || !it->second->ok || !Own(*it->second, &theirs))
      return Read::kUnusable;
    *v -= theirs;
    if (!std::isfinite(*v)) return Read::kUnusable;
  }
  if (log_scale_ && !(*v > 0)) return Read::kUnusable;
  return Read::kUsable;
}

void GapTally::Add(ValueReader::Read r, const CellView& c, bool in_scope) {
  if (r == ValueReader::Read::kUsable) return;
  const bool diverged = r == ValueReader::Read::kDiverged;
  (diverged ? diverged_ : unusable_)++;
  if (!in_scope || policy_ == Gaps::kExclude) return;
  if (diverged && policy_ == Gaps::kDivergenceIsResult) return;
  (diverged ? capping_diverged_ : capping_unusable_)++;
  if (!c.id.empty()) capping_ids_.push_back(c.id);
}

schema::Excluded GapTally::Record() const {
  schema::Excluded e{diverged_, unusable_, {}};
  if (Caps()) e.capping_cells = capping_ids_;
  return e;
}

std::string GapTally::CapReason() const {
  if (!Caps()) return "";
  return "capped at INCONCLUSIVE: " + std::to_string(capping_diverged_) + " diverged and " +
         std::to_string(capping_unusable_) +
         " unusable cells in scope (a main arm's check cannot pass with gaps)";
}

}  // namespace thmcheck
