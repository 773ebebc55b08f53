// Sharding through the real binary: three shards run as concurrent processes into one
// results folder — chosen by --shard, by a Slurm job array's variables and by a Kubernetes
// Indexed Job's — compute disjoint cells that together cover the sweep and write no verdict; a
// final unsharded --resume computes nothing and writes the verdict of an unsharded run.
#include <gtest/gtest.h>

#include <regex>

#include "claims/cli_test_support.h"
#include "harness/runner.h"

namespace thmcheck {
namespace {

using namespace thmcheck::testing;
namespace fs = std::filesystem;

constexpr int kShards = 3;

// dir/s<i>.out, dir/s<i>.err: shard i's captured output.
fs::path ShardFile(const ScratchDir& dir, int i, const char* ext) {
  std::string name = "s";
  name += std::to_string(i);
  name += ext;
  return dir / name;
}

TEST(CliShard, ThreeShardProcessesThenResumeEqualUnsharded) {
  const ScratchDir dir("shard");
  const ProcessResult whole = RunThmcheck(SmokeRun(dir / "whole", {"--threads", "1"}));
  ASSERT_TRUE(whole.exit_code == 0 || whole.exit_code == 1) << Describe(whole);
  const auto whole_cells = CellFiles(dir / "whole", kSmokeClaim);

  const fs::path out = dir / "shared";
  const std::vector<std::pair<std::vector<std::string>, Env>> shards = {
      {{"--shard", "0/3"}, {}},
      {{},
       {{"SLURM_ARRAY_TASK_ID", "1"},
        {"SLURM_ARRAY_TASK_MIN", "0"},
        {"SLURM_ARRAY_TASK_COUNT", "3"}}},
      {{}, {{"JOB_COMPLETION_INDEX", "2"}, {"THMCHECK_SHARD_COUNT", "3"}}},
  };
  std::vector<pid_t> pids;
  for (int i = 0; i < kShards; ++i) {
    std::vector<std::string> extra = shards[i].first;
    extra.insert(extra.end(), {"--threads", "1", "--resume"});
    pids.push_back(StartThmcheck(SmokeRun(out, extra), shards[i].second, ShardFile(dir, i, ".out"),
                                 ShardFile(dir, i, ".err")));
  }
  size_t computed_total = 0;
  for (int i = 0; i < kShards; ++i) {
    const ProcessResult r =
        WaitThmcheck(pids[i], ShardFile(dir, i, ".out"), ShardFile(dir, i, ".err"));
    EXPECT_EQ(r.exit_code, 0) << Describe(r);
    // "ntk_closeness shard 1/3: 10 cells computed, 0 reused; ..."
    std::smatch m;
    const std::string want = "shard " + std::to_string(i) + "/3: ([0-9]+) cells computed, 0 reused";
    ASSERT_TRUE(std::regex_search(r.out, m, std::regex(want))) << Describe(r);
    const size_t computed = std::stoul(m[1]);
    // Balanced: cells i ≡ I (mod 3).
    EXPECT_LE(computed, whole_cells.size() / kShards + 1);
    EXPECT_GE(computed, whole_cells.size() / kShards);
    computed_total += computed;
  }
  EXPECT_EQ(computed_total, whole_cells.size());  // disjoint and complete
  EXPECT_FALSE(fs::exists(out / kSmokeClaim / "verdict.json")) << "a shard wrote a verdict";
  EXPECT_TRUE(CellFiles(out, kSmokeClaim) == whole_cells);

  const ProcessResult final_run = RunThmcheck(SmokeRun(out, {"--resume"}));
  EXPECT_EQ(final_run.exit_code, whole.exit_code) << Describe(final_run);
  const nlohmann::json verdict = ReadJson(out / kSmokeClaim / "verdict.json");
  EXPECT_EQ(verdict["context"]["cells_computed"], 0);
  EXPECT_EQ(verdict["context"]["cells_reused"], whole_cells.size());
  EXPECT_EQ(WithoutRunRecord(verdict).dump(1),
            WithoutRunRecord(ReadJson(dir / "whole" / kSmokeClaim / "verdict.json")).dump(1));
}

}  // namespace
}  // namespace thmcheck
