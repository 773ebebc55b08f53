// Locates gnuplot on $PATH and runs a generated script; see gnuplot_runner.h.
// popen rather than std::system so gnuplot's messages reach the report's log stream instead of
// the terminal; every path on the command line goes through ShellQuote.
#include "reports/gnuplot_runner.h"

#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <sstream>
#include <system_error>

#include "reports/escape.h"

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

}  // namespace

std::optional<fs::path> FindProgram(std::string_view program) {
  if (program.empty()) return std::nullopt;
  if (program.find('/') != std::string_view::npos) {
    // Absolute, because gnuplot is run after a `cd` into the plot folder.
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

  // Absolute, so the quoted word never starts with '-' and cannot be read as an option of cd.
  const std::string command = "cd " + ShellQuote(fs::absolute(dir).string()) + " && " +
                              ShellQuote(gnuplot.string()) + " " + ShellQuote(stem + ".gp") +
                              " 2>&1";
  std::fflush(nullptr);  // the child inherits our stdio buffers' file descriptors
  FILE* pipe = ::popen(command.c_str(), "r");
  if (pipe == nullptr) {
    log << "thmcheck report: cannot start gnuplot for " << (dir / stem).string() << ".gp\n";
    return false;
  }
  std::string output;
  char buffer[512];
  while (std::fgets(buffer, sizeof(buffer), pipe) != nullptr) output += buffer;
  const int wait_status = ::pclose(pipe);
  const int status = wait_status != -1 && WIFEXITED(wait_status) ? WEXITSTATUS(wait_status) : -1;

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
