// What one check reads from one cell, and whether the cell is usable for it (checks.h "Gaps"):
// the observable, a paired difference within the cell, a difference to the matched cell of
// another arm, or the cell's status. Also the tally of unusable cells that caps a main arm's
// verdict. Legend: a grid point = one value of each of the arm's axes; its cells = replicates.
#pragma once

#include <map>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "harness/checks.h"

namespace thmcheck {

class ValueReader {
 public:
  enum class Read { kUsable, kDiverged, kUnusable };

  // `log_scale`: values ≤ 0 are unusable (an exponent fits logs). For kCrossArm the matched arm
  // comes from ctx.arm; when it did not run, problem() says so and every cell is unusable.
  ValueReader(const CheckSpec& spec, const CheckContext& ctx, bool log_scale);

  Read Value(const CellView& c, double* v) const;
  const std::string& problem() const { return problem_; }

 private:
  const CheckSpec& spec_;
  bool log_scale_;
  std::string problem_;
  std::map<nlohmann::json, const CellView*> matched_;  // kCrossArm: key → the other arm's cell
  nlohmann::json MatchKey(const CellView& c) const;
  bool Own(const CellView& c, double* v) const;  // observable (− other)
};

// Unusable cells met while judging one check. `Caps` says whether they cap its verdict.
class GapTally {
 public:
  explicit GapTally(Gaps policy) : policy_(policy) {}
  // Records a cell read as `r`; `in_scope`: the check would have used it (exponents skip grid
  // points below x_min).
  void Add(ValueReader::Read r, const CellView& c, bool in_scope);
  int diverged() const { return diverged_; }
  int unusable() const { return unusable_; }
  bool Caps() const { return capping_diverged_ + capping_unusable_ > 0; }
  // Counts of diverged and unusable cells and, when any capped, the capping cells' ids.
  schema::Excluded Record() const;
  // "capped at INCONCLUSIVE: 2 diverged and 1 unusable cells in scope (a main arm's check
  // cannot pass with gaps)"; "" when nothing capped.
  std::string CapReason() const;

 private:
  Gaps policy_;
  int diverged_ = 0, unusable_ = 0;
  int capping_diverged_ = 0, capping_unusable_ = 0;
  std::vector<std::string> capping_ids_;
};

// Cells grouped by the values of `keys` (a JSON object of those values, sorted by key).
std::map<nlohmann::json, std::vector<const CellView*>> GroupBy(const std::vector<std::string>& keys,
                                                               const std::vector<CellView>& cells);

}  // namespace thmcheck
