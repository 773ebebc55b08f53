// CLI-test support (see cli_test_support.h).
#include "claims/cli_test_support.h"

#include <fcntl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <cstring>
#include <fstream>
#include <sstream>

#include "harness/contract.h"

extern char** environ;

namespace thmcheck::testing {
namespace fs = std::filesystem;

namespace {

constexpr const char* kSchedulerVariables[] = {"SLURM_ARRAY_TASK_ID",  "SLURM_ARRAY_TASK_COUNT",
                                               "SLURM_ARRAY_TASK_MIN", "SLURM_ARRAY_TASK_STEP",
                                               "JOB_COMPLETION_INDEX", "THMCHECK_SHARD_COUNT"};

// The child's environment: ours without the scheduler variables, then `env`.
std::vector<std::string> ChildEnvironment(const Env& env) {
  std::vector<std::string> result;
  for (char** e = environ; *e; ++e) {
    const std::string entry = *e;
    const std::string name = entry.substr(0, entry.find('='));
    bool drop = env.count(name) > 0;
    for (const char* s : kSchedulerVariables) drop |= name == s;
    if (!drop) result.push_back(entry);
  }
  for (const auto& [k, v] : env) result.push_back(k + "=" + v);
  return result;
}

}  // namespace

ScratchDir::ScratchDir(const std::string& tag) {
  static std::atomic<int> counter{0};
  path_ = fs::temp_directory_path() / ("thmcheck_cli_" + tag + "_" + std::to_string(::getpid()) +
                                       "_" + std::to_string(counter++));
  fs::remove_all(path_);
  fs::create_directories(path_);
}

ScratchDir::~ScratchDir() {
  std::error_code ec;
  // A test may have made a folder read-only; give permissions back so it can be removed.
  for (auto it = fs::recursive_directory_iterator(path_, ec); !ec && it != fs::end(it);
       it.increment(ec))
    fs::permissions(it->path(), fs::perms::owner_all, fs::perm_options::add, ec);
  fs::remove_all(path_, ec);
}

pid_t StartThmcheck(const std::vector<std::string>& args, const Env& env, const fs::path& out_file,
                    const fs::path& err_file) {
  // Everything the child needs is built before fork: after it, only async-signal-safe calls.
  std::vector<std::string> argv_s = {THMCHECK_BINARY};
  argv_s.insert(argv_s.end(), args.begin(), args.end());
  std::vector<std::string> env_s = ChildEnvironment(env);
  std::vector<char*> argv, envp;
  for (auto& a : argv_s) argv.push_back(a.data());
  argv.push_back(nullptr);
  for (auto& e : env_s) envp.push_back(e.data());
  envp.push_back(nullptr);
  const std::string out = out_file.string(), err = err_file.string();
  const pid_t pid = ::fork();
  THM_CHECK_MSG(pid >= 0, "fork: " << std::strerror(errno));
  if (pid == 0) {
    const int o = ::open(out.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    const int e = ::open(err.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    if (o < 0 || e < 0 || ::dup2(o, STDOUT_FILENO) < 0 || ::dup2(e, STDERR_FILENO) < 0)
      ::_exit(127);
    ::execve(argv[0], argv.data(), envp.data());
    ::_exit(127);
  }
  return pid;
}

ProcessResult WaitThmcheck(pid_t pid, const fs::path& out_file, const fs::path& err_file) {
  int status = 0;
  while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  ProcessResult r;
  if (WIFEXITED(status)) r.exit_code = WEXITSTATUS(status);
  if (WIFSIGNALED(status)) r.signal = WTERMSIG(status);
  r.out = Slurp(out_file);
  r.err = Slurp(err_file);
  return r;
}

ProcessResult RunThmcheck(const std::vector<std::string>& args, const Env& env) {
  const ScratchDir io("io");
  const pid_t pid = StartThmcheck(args, env, io / "stdout", io / "stderr");
  return WaitThmcheck(pid, io / "stdout", io / "stderr");
}

std::string Describe(const ProcessResult& r) {
  std::ostringstream os;
  if (r.signal)
    os << "signal " << r.signal;
  else
    os << "exit " << r.exit_code;
  os << "\n--- stdout ---\n" << r.out << "--- stderr ---\n" << r.err;
  return os.str();
}

std::string Slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::map<std::string, std::string> ReadTree(const fs::path& root) {
  std::map<std::string, std::string> files;
  if (!fs::exists(root)) return files;
  for (const auto& e : fs::recursive_directory_iterator(root))
    if (e.is_regular_file()) files[fs::relative(e.path(), root).generic_string()] = Slurp(e.path());
  return files;
}

std::map<std::string, std::string> CellFiles(const fs::path& out, const std::string& claim) {
  std::map<std::string, std::string> files;
  const fs::path dir = out / claim / "cells";
  if (!fs::is_directory(dir)) return files;
  for (const auto& e : fs::directory_iterator(dir))
    if (e.path().extension() == ".json") files[e.path().filename().string()] = Slurp(e.path());
  return files;
}

nlohmann::json ReadJson(const fs::path& p) { return nlohmann::json::parse(Slurp(p)); }

std::vector<std::string> SmokeRun(const fs::path& out, const std::vector<std::string>& extra,
                                  const std::string& seed) {
  std::vector<std::string> args = {"run", kSmokeClaim, "--scale", "smoke",     "--seed",
                                   seed,  "--quiet",   "--out",   out.string()};
  args.insert(args.end(), extra.begin(), extra.end());
  return args;
}

}  // namespace thmcheck::testing
