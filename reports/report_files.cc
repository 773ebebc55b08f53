// Writes the report's files, locates gnuplot on $PATH and runs a generated script; see
// report_files.h.
// posix_spawn with an argument vector: no shell sees a path, so none needs quoting. The child
// starts in the plot folder (posix_spawn_file_actions_addchdir_np, glibc ≥ 2.29) and its stdout
// and stderr come back through a pipe, so gnuplot's messages reach the report's log stream.
#include "reports/report_files.h"

#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <system_error>

extern char** environ;

namespace thmcheck::report {
namespace {

namespace fs = std::filesystem;

bool IsExecutableFile(const fs::path& path) {
  std::error_code ec;
  return fs::is_regular_file(path, ec) && ::access(path.c_str(), X_OK) == 0;
}

bool NonEmptyFile(const fs::path& path) {
  std::error_code ec;
  return fs::is_regular_file(path, ec) && fs::file_size(path, ec) > 0 && !ec;
}

// Runs `argv` in `dir`; its output (stdout and stderr) goes to *output. The exit status, or -1
// when it could not start or did not exit normally.
int Spawn(const std::vector<std::string>& argv, const fs::path& dir, std::string* output) {
  int fds[2];
  if (::pipe(fds) != 0) return -1;
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addclose(&actions, fds[0]);
  posix_spawn_file_actions_adddup2(&actions, fds[1], STDOUT_FILENO);
  posix_spawn_file_actions_adddup2(&actions, fds[1], STDERR_FILENO);
  posix_spawn_file_actions_addclose(&actions, fds[1]);
  posix_spawn_file_actions_addchdir_np(&actions, dir.c_str());
  std::vector<char*> args;
  for (const std::string& arg : argv) args.push_back(const_cast<char*>(arg.c_str()));
  args.push_back(nullptr);
  pid_t pid = 0;
  const int spawned = ::posix_spawn(&pid, args[0], &actions, nullptr, args.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  ::close(fds[1]);
  char buffer[512];
  for (ssize_t n; spawned == 0 && (n = ::read(fds[0], buffer, sizeof(buffer))) != 0;) {
    if (n > 0) output->append(buffer, static_cast<size_t>(n));
    if (n < 0 && errno != EINTR) break;
  }
  ::close(fds[0]);
  int wait_status = 0;
  if (spawned != 0) return -1;
  while (::waitpid(pid, &wait_status, 0) < 0) {
    if (errno != EINTR) return -1;
  }
  return WIFEXITED(wait_status) ? WEXITSTATUS(wait_status) : -1;
}

}  // namespace

bool WriteTextFile(const fs::path& path, const std::string& content, std::string* error) {
  std::ofstream stream(path, std::ios::binary | std::ios::trunc);
  stream << content;
  stream.close();
  if (!stream) {
    *error = path.string() + ": cannot write";
    return false;
  }
  return true;
}

bool MakeDirectories(const fs::path& dir, std::string* error) {
  std::error_code ec;
  fs::create_directories(dir, ec);
  if (ec || !fs::is_directory(dir)) {
    *error = dir.string() + ": cannot create directory" + (ec ? " (" + ec.message() + ")" : "");
    return false;
  }
  return true;
}

std::optional<fs::path> FindProgram(std::string_view program) {
  if (program.empty()) return std::nullopt;
  if (program.find('/') != std::string_view::npos) {
    // Absolute, because gnuplot runs in the plot folder.
    const fs::path path(program);
    return IsExecutableFile(path) ? std::optional<fs::path>(fs::absolute(path)) : std::nullopt;
  }
  const char* path_env = std::getenv("PATH");
  if (path_env == nullptr) return std::nullopt;
  std::istringstream dirs(path_env);
  std::string dir;
  while (std::getline(dirs, dir, ':')) {
    const fs::path candidate = (dir.empty() ? fs::path(".") : fs::path(dir)) / program;
    if (IsExecutableFile(candidate)) return fs::absolute(candidate);
  }
  return std::nullopt;
}

bool RunGnuplot(const fs::path& gnuplot, const fs::path& dir, const std::string& stem,
                std::ostream& log, const std::vector<std::string>& outputs) {
  // Stale outputs from an earlier report must not pass for this run's.
  std::error_code ec;
  for (const std::string& ext : outputs) fs::remove(dir / (stem + ext), ec);

  std::string output;
  const int status = Spawn({gnuplot.string(), stem + ".gp"}, fs::absolute(dir), &output);
  std::istringstream lines(output);
  for (std::string line; std::getline(lines, line);) {
    log << "gnuplot (" << stem << ".gp): " << line << "\n";
  }
  bool rendered = status == 0;
  for (const std::string& ext : outputs) rendered = rendered && NonEmptyFile(dir / (stem + ext));
  if (!rendered) {
    log << "thmcheck report: gnuplot failed on " << (dir / stem).string() << ".gp (exit status "
        << status << "); the page links the script instead of an image\n";
  }
  return rendered;
}

}  // namespace thmcheck::report
