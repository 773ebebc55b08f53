// What built this binary: the commit, compiler, flags and library versions every result records
// (README.md "Reproducible to the byte"). The first four are generated at build time
// (cmake/WriteBuildInfo.cmake); BuildContext() assembles them with the library versions.
#pragma once

#include <nlohmann/json.hpp>

namespace thmcheck {

const char* BuildCommit();
const char* BuildCompiler();
const char* BuildFlags();
const char* SuiteVersion();
const char* BuildCommitDate();  // YYYY-MM-DD of the commit, or "unknown"

// {"suite", "commit", "compiler", "flags", "eigen", "boost", "json"}: no timestamps, so a cell
// file that embeds it stays byte-identical across runs of the same binary.
nlohmann::json BuildContext();

}  // namespace thmcheck
