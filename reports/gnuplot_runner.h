// Finding and running gnuplot. Plots are optional: a machine without gnuplot still gets every
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

// `program` as given when it contains a '/', else the first executable `program` on $PATH.
std::optional<std::filesystem::path> FindProgram(std::string_view program);

// Runs `gnuplot <stem>.gp` in `dir` and reports whether it produced a non-empty <stem><ext> for
// every ext of `outputs`. Anything gnuplot prints (warnings included) is copied to `log`.
bool RunGnuplot(const std::filesystem::path& gnuplot, const std::filesystem::path& dir,
                const std::string& stem, std::ostream& log,
                const std::vector<std::string>& outputs = {".svg", ".png", ".pdf"});

}  // namespace thmcheck::report
