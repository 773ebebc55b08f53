// Shard selection: the flag wins, then Slurm, then Kubernetes; every malformed source is a
// UsageError naming the input and the allowed form.
#include "harness/shard.h"

#include <gtest/gtest.h>

#include <map>

#include "harness/errors.h"

namespace thmcheck {
namespace {

using Env = std::map<std::string, std::string>;

Shard Resolve(const std::string& flag, const Env& env) {
  return ResolveShard(flag, [&](const char* name) -> std::string {
    auto it = env.find(name);
    return it == env.end() ? "" : it->second;
  });
}

std::string ErrorOf(const std::string& flag, const Env& env = {}) {
  try {
    Resolve(flag, env);
  } catch (const UsageError& e) {
    return e.what();
  }
  return "";
}

TEST(ShardTest, WholeSweepWithoutFlagOrScheduler) {
  const Shard s = Resolve("", {});
  EXPECT_EQ(s.index, 0);
  EXPECT_EQ(s.count, 1);
}

TEST(ShardTest, FlagWinsOverTheEnvironment) {
  const Shard s = Resolve("2/5", {{"SLURM_ARRAY_TASK_ID", "0"}, {"SLURM_ARRAY_TASK_COUNT", "3"}});
  EXPECT_EQ(s.index, 2);
  EXPECT_EQ(s.count, 5);
  EXPECT_EQ(Resolve("0/1", {{"JOB_COMPLETION_INDEX", "4"}}).count, 1);  // 0/1 opts out
}

TEST(ShardTest, SlurmArrayIndexIsRelativeToMinAndStep) {
  // sbatch --array=1-7:2 → ids 1,3,5,7: id 5 is the third task.
  const Shard s = Resolve("", {{"SLURM_ARRAY_TASK_ID", "5"},
                               {"SLURM_ARRAY_TASK_MIN", "1"},
                               {"SLURM_ARRAY_TASK_STEP", "2"},
                               {"SLURM_ARRAY_TASK_COUNT", "4"}});
  EXPECT_EQ(s.index, 2);
  EXPECT_EQ(s.count, 4);
  EXPECT_EQ(Resolve("", {{"SLURM_ARRAY_TASK_ID", "3"}, {"SLURM_ARRAY_TASK_COUNT", "4"}}).index, 3);
}

TEST(ShardTest, KubernetesIndexNeedsAnExplicitCount) {
  const Shard s = Resolve("", {{"JOB_COMPLETION_INDEX", "1"}, {"THMCHECK_SHARD_COUNT", "3"}});
  EXPECT_EQ(s.index, 1);
  EXPECT_EQ(s.count, 3);
  EXPECT_NE(ErrorOf("", {{"JOB_COMPLETION_INDEX", "1"}}).find("THMCHECK_SHARD_COUNT is unset"),
            std::string::npos);
}

TEST(ShardTest, MalformedShardsNameTheInputAndTheForm) {
  for (const std::string bad : {"3/2", "0/0", "x/y", "1", "-1/2", "1/", "/2", "2/2", "1/2/3"}) {
    const std::string e = ErrorOf(bad);
    EXPECT_NE(e.find("--shard " + bad), std::string::npos) << e;
    EXPECT_NE(e.find("0 ≤ I < N"), std::string::npos) << e;
  }
  EXPECT_NE(
      ErrorOf("", {{"SLURM_ARRAY_TASK_ID", "4"}, {"SLURM_ARRAY_TASK_COUNT", "4"}}).find("Slurm"),
      std::string::npos);
  EXPECT_NE(ErrorOf("", {{"SLURM_ARRAY_TASK_ID", "x"}, {"SLURM_ARRAY_TASK_COUNT", "4"}})
                .find("SLURM_ARRAY_TASK_ID=x"),
            std::string::npos);
  EXPECT_NE(ErrorOf("", {{"JOB_COMPLETION_INDEX", "3"}, {"THMCHECK_SHARD_COUNT", "3"}})
                .find("Kubernetes"),
            std::string::npos);
}

}  // namespace
}  // namespace thmcheck
