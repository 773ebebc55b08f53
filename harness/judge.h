// `thmcheck judge`: one claim over many master seeds (1–20 by default), the tally that decides a
// claim's expected status. A claim `reproduces` when its verdict is PASS on ≥ 19 of 20 seeds
// (kReproduceShare of them), each PASS having every main arm PASS and every control REJECTED by
// a check it declared. Every seed's results are kept under OUT/seed-S/ and reused on a rerun
// (--resume semantics), so a killed judge continues where it stopped.
#pragma once

#include <cstdint>
#include <iosfwd>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "harness/runner.h"

namespace thmcheck {

// ≥ 19 of 20 seeds: a claim's verdict may miss on one seed in twenty (its checks are judged at
// the 90% level on several grid points and checks at once) and still reproduce.
inline constexpr double kReproduceShare = 0.95;

struct SeedOutcome {
  uint64_t seed = 0;
  std::string verdict;  // the claim's
  // Per arm that ran: {"name", "role", "verdict", "rejected_by" (controls), "not_passed": the
  // checks that did not PASS (main arms) or predictions that did not (controls)}.
  nlohmann::json arms = nlohmann::json::array();
  double elapsed_s = 0;
};

struct JudgeTally {
  std::string claim;
  std::string scale;
  std::vector<SeedOutcome> seeds;
  int passes = 0;  // seeds whose claim verdict is PASS
  int needed = 0;  // ⌈kReproduceShare · seeds⌉
  bool reproduces = false;
  bool meets_expected = false;  // against ClaimSpec::expected
};

// Parses "1-20", "7", "1,3,5-8" into seeds; throws UsageError on anything else.
std::vector<uint64_t> ParseSeedList(const std::string& text);

// What one verdict.json says, for the tally.
SeedOutcome SummarizeVerdict(uint64_t seed, const nlohmann::json& verdict);

// Runs `run` once per seed into options.out/seed-S (reusing stored cells), then tallies.
JudgeTally JudgeSeeds(const PreparedRun& run, RunOptions options,
                      const std::vector<uint64_t>& seeds, std::ostream& log);

// The tally as a table: a row per seed (verdict, every arm's verdict, what did not pass), then the
// counts and whether the claim reproduces.
void PrintJudgeTable(const JudgeTally& tally, std::ostream& out);
nlohmann::json JudgeTallyJson(const JudgeTally& tally);

}  // namespace thmcheck
