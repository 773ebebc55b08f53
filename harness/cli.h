// The `thmcheck` command line: list, run, judge, report, cite. Exit codes: 0 every claim run meets
// its expected status (ClaimSpec::expected: PASS for a claim that reproduces; `judge`: the seed
// tally does) or the command succeeded (a shard: its cells are written), 1 a claim does not, 2
// usage or input error — then nothing has been written, 3 the run failed midway (I/O error): the
// cells already written are complete, and `--resume` continues from them. The harness knows no
// claim: claims/main.cc passes them in, with the report writer (reports/ is a separate library
// the harness does not link).
#pragma once

#include <filesystem>
#include <functional>
#include <iosfwd>
#include <vector>

#include "harness/claim.h"

namespace thmcheck {

inline constexpr int kExitPass = 0;
inline constexpr int kExitNotPass = 1;
inline constexpr int kExitUsage = 2;
inline constexpr int kExitError = 3;

struct CliHooks {
  // Writes a report from results in `in` to `out` (with trend pages when `history`, a folder of
  // nightly records, is not empty); returns an exit code.
  std::function<int(const std::filesystem::path& in, const std::filesystem::path& out,
                    const std::filesystem::path& history, std::ostream& log)>
      report;
};

int RunCli(int argc, const char* const* argv, const std::vector<ClaimSpec>& claims,
           const CliHooks& hooks);

}  // namespace thmcheck
