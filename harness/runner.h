// Running a claim: resolve and validate parameters (no side effects), then run the cells in
// parallel (reusing stored ones with --resume), judge every arm and write verdict.json.
// Arm and claim verdicts (issue 2): the main arm PASSes when every check PASSes; a control arm is
// REJECTED when at least one check FAILs. The claim PASSes only if the main arm PASSes and every
// control is rejected; it FAILs if a main check FAILs or a control's checks all PASS (the test
// could not tell the broken condition apart); otherwise it is INCONCLUSIVE.
#pragma once

#include <cstdint>
#include <filesystem>
#include <iosfwd>
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "harness/checks.h"
#include "harness/claim.h"

namespace thmcheck {

struct RunOptions {
  std::string scale = "quick";
  uint64_t seed = 1;
  std::vector<std::pair<std::string, std::string>> sets;  // --set KEY=VALUE, in order
  std::filesystem::path out = "results";
  int threads = 1;
  bool resume = false;
  bool quiet = false;          // no progress on the log stream
  bool live_progress = false;  // rewrite one progress line in place (stderr is a terminal)
  std::string command;  // the command line, recorded for reproduction
  int shard_index = 0;  // run only cells i ≡ shard_index (mod shard_count); no verdict when > 1
  int shard_count = 1;
};

// A validated, ready-to-run claim: every user error has been raised before one exists.
struct PreparedRun {
  const ClaimSpec* claim = nullptr;
  nlohmann::json params;
};

// Throws UsageError (unknown scale, unknown key, bad value, contradictory settings).
PreparedRun PrepareRun(const ClaimSpec& claim, const RunOptions& options);

struct RunOutcome {
  Verdict verdict = Verdict::kInconclusive;
  nlohmann::json verdict_json;
  int cells_computed = 0, cells_reused = 0;
};

// Runs the cells, writes OUT/<claim>/cells/*.json and OUT/<claim>/verdict.json; `log` receives
// progress and the reused/recomputed notes. A shard (shard_count > 1) writes its cells only and
// returns an empty verdict_json.
RunOutcome ExecuteRun(const PreparedRun& run, const RunOptions& options, std::ostream& log);

}  // namespace thmcheck
