// What the CLI tests share: running the real `thmcheck` binary (THMCHECK_BINARY, set by CMake) as
// a subprocess with a controlled environment, scratch folders, and reading result trees back.
// Children never inherit the scheduler variables (SLURM_ARRAY_*, JOB_COMPLETION_INDEX,
// THMCHECK_SHARD_COUNT): a test suite run inside a Slurm array must not shard its own runs.
#pragma once

#include <sys/types.h>

#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace thmcheck::testing {

using Env = std::map<std::string, std::string>;

// A fresh, empty folder under the system temp folder, removed with its content on destruction.
class ScratchDir {
 public:
  explicit ScratchDir(const std::string& tag);
  ~ScratchDir();
  ScratchDir(const ScratchDir&) = delete;
  ScratchDir& operator=(const ScratchDir&) = delete;
  const std::filesystem::path& path() const { return path_; }
  std::filesystem::path operator/(const std::string& child) const { return path_ / child; }

 private:
  std::filesystem::path path_;
};

struct ProcessResult {
  int exit_code = -1;  // when the process exited
  int signal = 0;      // when a signal ended it
  std::string out, err;
};

// Starts `thmcheck args…` with `env` added to the cleaned environment; its stdout and stderr go
// to the given files. Returns the child's pid.
pid_t StartThmcheck(const std::vector<std::string>& args, const Env& env,
                    const std::filesystem::path& out_file, const std::filesystem::path& err_file);

// Waits for a child started by StartThmcheck and collects its result and output files.
ProcessResult WaitThmcheck(pid_t pid, const std::filesystem::path& out_file,
                           const std::filesystem::path& err_file);

// Runs `thmcheck args…` to completion.
ProcessResult RunThmcheck(const std::vector<std::string>& args, const Env& env = {});

// "exit 2" / "signal 9", plus the captured output: for assertion messages.
std::string Describe(const ProcessResult& r);

std::string Slurp(const std::filesystem::path& p);

// Every regular file under `root`, by relative path, with its bytes (empty when root is absent).
std::map<std::string, std::string> ReadTree(const std::filesystem::path& root);

// The *.json cell files of OUT/<claim>/cells, by file name, with their bytes.
std::map<std::string, std::string> CellFiles(const std::filesystem::path& out,
                                             const std::string& claim);

nlohmann::json ReadJson(const std::filesystem::path& p);

// The smoke-scale arguments every reproducibility test uses: `run ntk_closeness --scale smoke
// --seed SEED --quiet --out OUT` plus `extra`. Seconds per run, also under the sanitizers.
std::vector<std::string> SmokeRun(const std::filesystem::path& out,
                                  const std::vector<std::string>& extra = {},
                                  const std::string& seed = "11");
inline constexpr const char* kSmokeClaim = "ntk_closeness";

}  // namespace thmcheck::testing
