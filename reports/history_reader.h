// Reads a history folder (see history.h for its layout) into HistoryRun values, oldest first.
// Like ReadResults, everything is read and validated before the report writes a byte: an error
// names the file and the field. A record without benchmarks.json or without claims/ is fine (a
// nightly whose benchmarks or claims failed to run is still a data point).
#pragma once

#include <filesystem>
#include <ostream>
#include <string>
#include <vector>

#include "reports/history.h"

namespace thmcheck::report {

// Fails when `dir` is not a readable directory, holds no record, or any record is malformed.
bool ReadHistory(const std::filesystem::path& dir, std::vector<HistoryRun>* runs, std::ostream& log,
                 std::string* error);

}  // namespace thmcheck::report
