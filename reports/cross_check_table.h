// The numbers of a declared cross-check (results_reader.h CrossCheck): the other claim's cells of
// one arm, grouped by the value of its axis x, each listed observable's replicate mean with its 90%
// t-interval (harness/schema/statistics.h, the harness's own estimator), the level c·x^p, and where
// each interval sits against it. Plain data for claim_sections.cc; nothing here is judged:
// the words say where the intervals lie, the other claim's checks say whether it passes.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "reports/results_reader.h"

namespace thmcheck::report {

// Relative to the level, for an observable of the `below` group (of `above`, mirrored):
// yes: its 90% upper bound is under the level; no: its 90% lower bound is over it (the whole
// interval on the wrong side); undecided: the interval holds the level (or n = 1: no interval).
// For a group: no if any member says no, yes if all say yes; none: no member has a value.
enum class Side { kYes, kNo, kUndecided, kNone };
const char* SideName(Side side);  // "yes", "no", "undecided", "no data"

struct CrossCheckEntry {
  std::optional<double> mean;
  Interval ci;                       // 90% t-interval; open sides when n = 1
  int n = 0;                         // replicates with a finite value (0: no data at this x)
  std::optional<double> per_output;  // mean ÷ the per_output parameter
  Side side = Side::kNone;
  Side side_per_output = Side::kNone;  // the same test of per_output against the level
};

struct CrossCheckRow {
  double x = 0;
  std::vector<std::string> params;  // as shown, one per CrossCheck::params ("2, 4" if they vary)
  std::optional<double> level;
  std::optional<bool> premise;           // absent: no premise declared, or its parameters missing
  std::string premise_text;              // "3000 ≤ 5852.93"
  std::vector<CrossCheckEntry> entries;  // one per CrossCheckTable::columns
  Side below = Side::kNone, above = Side::kNone;
  // The same groups judged per output (kNone when no per_output divisor is declared or known).
  Side below_per_output = Side::kNone, above_per_output = Side::kNone;
};

struct CrossCheckTable {
  CrossCheck spec;
  const ClaimResult* other = nullptr;  // the other claim's results; nullptr: not in the folder
  std::vector<std::string> columns;    // below, then above, that some usable cell records
  std::vector<bool> column_below;      // columns[i] belongs to the below group
  std::vector<std::string> skipped;    // declared but recorded by no usable cell
  std::vector<CrossCheckRow> rows;     // by increasing x
  int excluded = 0;    // cells of the arm not used: status other than ok, or no numeric x
  std::string folder;  // the results folder the report read: where `thmcheck run` should write
};

// One table per cross-check `claim` declares; `all` is every claim the report read from `folder`
// (the other claim is found by its folder name or id). The tables point into `all`: keep it alive.
std::vector<CrossCheckTable> CrossCheckTables(const ClaimResult& claim,
                                              const std::vector<ClaimResult>& all,
                                              const std::string& folder);

}  // namespace thmcheck::report
