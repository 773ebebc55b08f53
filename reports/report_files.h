// Writing the report's files (HTML, gnuplot data and scripts, TSV, BibTeX, and their folders) and
// drawing its plots with gnuplot. Plots are optional: a machine without gnuplot still gets every
// table, and the caller says so once on the log stream. gnuplot runs with the plot folder as
// its working directory, so the generated scripts use bare file names and stay relocatable.
#pragma once

#include <filesystem>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace thmcheck::report {

// Writes `content` to `path` (truncating it). On failure sets *error to "<path>: cannot write"
// and returns false; the report then stops with that message (exit 2).
bool WriteTextFile(const std::filesystem::path& path, const std::string& content,
                   std::string* error);

// Creates `dir` and its parents; on failure sets *error to "<dir>: cannot create directory (why)".
bool MakeDirectories(const std::filesystem::path& dir, std::string* error);

// `program` as given when it contains a '/', else the first executable `program` on $PATH.
std::optional<std::filesystem::path> FindProgram(std::string_view program);

// Runs `gnuplot <stem>.gp` in `dir` and reports whether it produced a non-empty <stem><ext> for
// every ext of `outputs`. Anything gnuplot prints (warnings included) is copied to `log`.
bool RunGnuplot(const std::filesystem::path& gnuplot, const std::filesystem::path& dir,
                const std::string& stem, std::ostream& log,
                const std::vector<std::string>& outputs = {".svg", ".png", ".pdf"});

}  // namespace thmcheck::report
