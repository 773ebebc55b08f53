// The result store: one JSON file per cell, `OUT/<claim>/cells/<id>.json`, written to a temporary
// name and renamed (a reader never sees half a file). Each file records what is needed to rerun
// the cell alone (claim, protocol, params, seed, build) and a checksum of its own content, so a
// truncated or edited file is detected and recomputed, never silently used.
#pragma once

#include <filesystem>
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "harness/claim.h"
#include "harness/sweep.h"

namespace thmcheck {

std::filesystem::path CellPath(const std::filesystem::path& claim_dir, const Cell& cell);

nlohmann::json CellToJson(const ClaimSpec& claim, const Cell& cell, const CellOutcome& outcome);

// Reads a cell file back. Returns nullopt and sets *problem when the file is missing, unreadable,
// fails its checksum, or belongs to another claim, protocol, parameter set or seed.
std::optional<CellOutcome> ReadCell(const std::filesystem::path& path, const ClaimSpec& claim,
                                    const Cell& cell, std::string* problem);

// Writes `content` to `path` atomically (temporary file in the same folder, then rename).
void WriteFileAtomic(const std::filesystem::path& path, const std::string& content);

// The checksum of a cell's JSON without its "checksum" field (FNV-1a 64 of the compact dump).
std::string CellChecksum(const nlohmann::json& cell);

}  // namespace thmcheck
