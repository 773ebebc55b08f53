// Running a claim: resolve and validate parameters (no side effects), then run the cells in
// parallel (reusing stored ones with --resume), judge every arm and write verdict.json.
// Arm and claim verdicts: verdict.h. verdict.json also records the claim's expected status
// (ClaimSpec::expected) and whether the verdict met it, which decides `run`'s exit code.
#pragma once

#include <array>
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
  std::string command;         // the command line, recorded for reproduction
  int shard_index = 0;  // run only cells i ≡ shard_index (mod shard_count); no verdict when > 1
  int shard_count = 1;
};

// The keys of verdict.json's "context" that describe the invocation, not the result. Everything
// else in verdict.json, and every cell file, is a function of (binary, claim, scale, parameters,
// seed) alone: byte-identical across runs, --threads, shards and --resume after a kill.
inline constexpr std::array<const char*, 6> kRunRecordKeys = {
    "started", "elapsed_s", "threads", "command", "cells_computed", "cells_reused"};

// A verdict.json object without kRunRecordKeys: what reproducibility tests compare byte for byte.
nlohmann::json WithoutRunRecord(nlohmann::json verdict);

// A validated, ready-to-run claim: every user error has been raised before one exists.
struct PreparedRun {
  const ClaimSpec* claim = nullptr;
  nlohmann::json params;
};

// Throws UsageError (unknown scale, unknown key, bad value, contradictory settings, or
// OUT/<claim>/cells holding cells of another protocol: store.h). Reads, never writes.
PreparedRun PrepareRun(const ClaimSpec& claim, const RunOptions& options);

struct RunOutcome {
  Verdict verdict = Verdict::kInconclusive;
  bool meets_expected = false;  // MeetsExpected(claim.expected, verdict)
  nlohmann::json verdict_json;
  int cells_computed = 0, cells_reused = 0;
};

// Runs the cells, writes OUT/<claim>/cells/*.json and OUT/<claim>/verdict.json (with "figures",
// figures.h, and "cross_checks", cross_checks.h, when the claim declares any); `log` receives
// progress and the reused/recomputed notes. A shard (shard_count > 1) writes its cells only and
// returns an empty verdict_json. The verdict is judged from the cell records (OutcomeFromJson),
// never from in-memory values, so a fresh and a resumed run judge the same numbers.
// Throws std::runtime_error when a file cannot be written (cells written so far are kept).
RunOutcome ExecuteRun(const PreparedRun& run, const RunOptions& options, std::ostream& log);

}  // namespace thmcheck
