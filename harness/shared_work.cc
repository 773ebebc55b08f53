// SharedWorkStore; see shared_work.h.
#include "harness/shared_work.h"

#include "harness/contract.h"

namespace thmcheck {

SharedWorkStore::SharedWorkStore(
    const SharedWorkSpec& spec,
    const std::vector<std::pair<const nlohmann::json*, uint64_t>>& cells)
    : spec_(spec) {
  for (const auto& [params, seed] : cells) ++entries_[Key(*params, seed)].cells_left;
}

std::string SharedWorkStore::Key(const nlohmann::json& params, uint64_t replicate_seed) const {
  nlohmann::json key = {{"replicate_seed", replicate_seed}};
  for (const std::string& name : spec_.key) {
    THM_CHECK_MSG(params.contains(name),
                  "shared work: the key parameter " << name << " is not a cell parameter");
    key[name] = params.at(name);
  }
  return key.dump();
}

std::any SharedWorkStore::Get(const nlohmann::json& params, uint64_t replicate_seed) {
  std::shared_ptr<std::once_flag> once;
  std::shared_ptr<std::any> value;
  {
    std::lock_guard<std::mutex> lock(mu_);
    const auto it = entries_.find(Key(params, replicate_seed));
    THM_CHECK_MSG(it != entries_.end(), "shared work asked for by a cell the run did not count");
    once = it->second.once;
    value = it->second.value;
  }
  // The first caller computes; the others block here until it has (or retry if it threw).
  std::call_once(*once, [&] { *value = spec_.compute(CellParams(params), replicate_seed); });
  return *value;
}

void SharedWorkStore::Done(const nlohmann::json& params, uint64_t replicate_seed) {
  std::lock_guard<std::mutex> lock(mu_);
  const auto it = entries_.find(Key(params, replicate_seed));
  if (it != entries_.end() && --it->second.cells_left == 0) entries_.erase(it);
}

size_t SharedWorkStore::Held() const {
  std::lock_guard<std::mutex> lock(mu_);
  size_t held = 0;
  for (const auto& [key, entry] : entries_) held += entry.value->has_value();
  return held;
}

}  // namespace thmcheck
