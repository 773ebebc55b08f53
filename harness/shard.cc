// Shard selection (see shard.h).
#include "harness/shard.h"

#include <charconv>
#include <cstdlib>

#include "harness/errors.h"

namespace thmcheck {
namespace {

bool ParseNonNegative(const std::string& s, int* out) {
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), *out);
  return ec == std::errc() && p == s.data() + s.size() && !s.empty() && *out >= 0;
}

// "I/N" with integers 0 ≤ I < N.
Shard ParseShard(const std::string& text, const std::string& source) {
  const auto slash = text.find('/');
  Shard s;
  s.source = source;
  if (slash == std::string::npos || !ParseNonNegative(text.substr(0, slash), &s.index) ||
      !ParseNonNegative(text.substr(slash + 1), &s.count) || s.count < 1 || s.index >= s.count)
    throw UsageError(source + " " + text +
                     ": a shard is I/N with integers 0 ≤ I < N (e.g. 0/4; 0/1 = the whole sweep)");
  return s;
}

Shard FromSlurm(const std::function<std::string(const char*)>& env) {
  const std::string id_text = env("SLURM_ARRAY_TASK_ID"), count = env("SLURM_ARRAY_TASK_COUNT");
  const std::string min_text = env("SLURM_ARRAY_TASK_MIN"),
                    step_text = env("SLURM_ARRAY_TASK_STEP");
  int id = 0, min = 0, step = 1;
  const bool ok = ParseNonNegative(id_text, &id) &&
                  (min_text.empty() || ParseNonNegative(min_text, &min)) &&
                  (step_text.empty() || ParseNonNegative(step_text, &step)) && step >= 1 &&
                  id >= min && (id - min) % step == 0;
  if (!ok)
    throw UsageError("Slurm job array SLURM_ARRAY_TASK_ID=" + id_text + " (MIN=" + min_text +
                     ", STEP=" + step_text + "): a shard needs a regular array such as " +
                     "--array=0-N; otherwise pass --shard I/N");
  return ParseShard(std::to_string((id - min) / step) + "/" + count,
                    "Slurm (SLURM_ARRAY_TASK_ID/SLURM_ARRAY_TASK_COUNT)");
}

}  // namespace

Shard ResolveShard(const std::string& flag, const std::function<std::string(const char*)>& env) {
  if (!flag.empty()) return ParseShard(flag, "--shard");
  if (!env("SLURM_ARRAY_TASK_ID").empty() && !env("SLURM_ARRAY_TASK_COUNT").empty())
    return FromSlurm(env);
  if (!env("JOB_COMPLETION_INDEX").empty()) {
    if (env("THMCHECK_SHARD_COUNT").empty())
      throw UsageError("JOB_COMPLETION_INDEX=" + env("JOB_COMPLETION_INDEX") +
                       " (a Kubernetes Indexed Job) but THMCHECK_SHARD_COUNT is unset: set it to "
                       "the Job's .spec.completions, or pass --shard I/N (0/1 = the whole sweep)");
    return ParseShard(env("JOB_COMPLETION_INDEX") + "/" + env("THMCHECK_SHARD_COUNT"),
                      "Kubernetes (JOB_COMPLETION_INDEX/THMCHECK_SHARD_COUNT)");
  }
  return {};
}

Shard ResolveShard(const std::string& flag) {
  return ResolveShard(flag, [](const char* name) -> std::string {
    const char* v = std::getenv(name);
    return v ? v : "";
  });
}

}  // namespace thmcheck
