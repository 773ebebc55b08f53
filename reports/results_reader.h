// Reads a results directory IN/ (one folder per claim: verdict.json + cells/<hash>.json) into
// ClaimResult values, through harness/schema's records. Everything is read and validated before the
// report writes a byte: an error names the file, the field and what was wrong, and nothing is
// written.
// Unknown fields are ignored, so older reports keep reading newer result files.
#pragma once

#include <filesystem>
#include <ostream>
#include <string>
#include <vector>

#include "reports/results.h"

namespace thmcheck::report {

// Reads one verdict.json (no cell files) into *claim, with `id` as its folder name. Returns false
// and sets *error to "<file>: <problem>" (the problem names the JSON pointer of a bad field) when
// the file is unreadable or malformed. The history pages use this alone: they need no cells.
bool ReadVerdict(const std::filesystem::path& verdict_file, const std::string& id,
                 ClaimResult* claim, std::string* error);

// Reads one claim folder: its verdict.json and every cell file it lists (or, when verdict.json
// has no "cells" list, every cells/*.json in name order). Returns false and sets *error to
// "<file>: <problem>" on any unreadable or malformed file. Harmless oddities (the
// "claim" field differing from the folder name) go to `log` as warnings.
bool ReadClaim(const std::filesystem::path& claim_dir, ClaimResult* claim, std::ostream& log,
               std::string* error);

// Reads every subfolder of `in` that holds a verdict.json, in name order. Folders without one
// are skipped with a note on `log`. Fails when `in` is not a readable directory, when it holds
// no claim folder, or when any claim fails ReadClaim.
bool ReadResults(const std::filesystem::path& in, std::vector<ClaimResult>* claims,
                 std::ostream& log, std::string* error);

}  // namespace thmcheck::report
