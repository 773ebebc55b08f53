// Which shard of a sweep this process runs: `--shard I/N`, else a Slurm job array or a Kubernetes
// Indexed Job, else the whole sweep. Shard I runs cells i ≡ I (mod N) of the expanded sweep, a
// deterministic, balanced subset; shards share one results folder and a final unsharded
// `--resume` run computes whatever is missing and writes the verdict (docs/sharding.md).
// Slurm: I = (SLURM_ARRAY_TASK_ID − SLURM_ARRAY_TASK_MIN) / SLURM_ARRAY_TASK_STEP,
//   N = SLURM_ARRAY_TASK_COUNT. Kubernetes: I = JOB_COMPLETION_INDEX, N = THMCHECK_SHARD_COUNT
//   (Kubernetes exports no completion count; set it to the Job's .spec.completions).
#pragma once

#include <functional>
#include <string>

namespace thmcheck {

struct Shard {
  int index = 0;
  int count = 1;       // 1: the whole sweep
  std::string source;  // where I/N came from, for messages ("--shard", "Slurm", ...)
};

// `flag` is the --shard text ("" when absent); `env` reads an environment variable ("" when
// unset). Throws UsageError naming the input and what is allowed.
Shard ResolveShard(const std::string& flag, const std::function<std::string(const char*)>& env);

// ResolveShard with the process environment.
Shard ResolveShard(const std::string& flag);

}  // namespace thmcheck
