// Writing one output file of the report (HTML, gnuplot data and scripts, TSV, BibTeX).
#pragma once

#include <filesystem>
#include <string>

namespace thmcheck::report {

// Writes `content` to `path` (truncating it). On failure sets *error to "<path>: cannot write"
// and returns false; the report then stops with that message (exit 2).
bool WriteTextFile(const std::filesystem::path& path, const std::string& content,
                   std::string* error);

}  // namespace thmcheck::report
