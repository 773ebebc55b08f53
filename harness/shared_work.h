// Work the cells of one replicate share, declared by a claim (ClaimSpec::shared): a dataset and
// the kernel Gram matrices fitted on it, say, that every width and arm of the replicate reuses.
// The runner computes it once per (replicate, values of the declared key parameters), on the
// first cell that asks, while any other cell that asks waits; it frees it when the last cell with
// that key has finished (it counts them before the first cell starts). The work must depend only
// on the key parameters and the replicate seed: then a cell's bytes are the same whichever cell
// computed it, under any --threads, --shard or --resume.
#pragma once

#include <any>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "harness/params.h"

namespace thmcheck {

struct SharedWorkSpec {
  std::vector<std::string> key;  // the cell parameters the work depends on
  // Returns std::shared_ptr<const T>, wrapped in std::any; see SharedPerReplicate.
  std::function<std::any(const CellParams& params, uint64_t replicate_seed)> compute;
  explicit operator bool() const { return static_cast<bool>(compute); }
};

// A declaration: `compute(params, replicate_seed)` makes the T every cell with the same `key`
// values and replicate shares; a cell reads it with SharedWork<T>(seeds).
template <class T>
SharedWorkSpec SharedPerReplicate(std::vector<std::string> key,
                                  std::function<T(const CellParams&, uint64_t)> compute) {
  return {std::move(key), [compute = std::move(compute)](const CellParams& p, uint64_t seed) {
            return std::any(std::make_shared<const T>(compute(p, seed)));
          }};
}

// The runner's store for one claim run.
class SharedWorkStore {
 public:
  // `cells`: (parameters, replicate seed) of every cell this run will finish, each once.
  SharedWorkStore(const SharedWorkSpec& spec,
                  const std::vector<std::pair<const nlohmann::json*, uint64_t>>& cells);
  // The work for this cell's key, computed now or by another cell (the call then waits).
  std::any Get(const nlohmann::json& params, uint64_t replicate_seed);
  // This cell has finished (run or reused): the last of a key frees its work.
  void Done(const nlohmann::json& params, uint64_t replicate_seed);
  size_t Held() const;  // keys whose work is held now (tests)

 private:
  struct Entry {
    int cells_left = 0;
    std::shared_ptr<std::once_flag> once = std::make_shared<std::once_flag>();
    std::shared_ptr<std::any> value = std::make_shared<std::any>();
  };
  std::string Key(const nlohmann::json& params, uint64_t replicate_seed) const;
  const SharedWorkSpec& spec_;
  mutable std::mutex mu_;
  std::map<std::string, Entry> entries_;
};

}  // namespace thmcheck
