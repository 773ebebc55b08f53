// The result store: one JSON file per cell, `OUT/<claim>/cells/<id>.json`, written atomically
// (atomic_file.h). Each file records what is needed to rerun the cell alone (claim, protocol, arm,
// params, replicate, both seeds, build: commit, compiler, flags, library versions) and a checksum
// of its own content, so a truncated or edited file is detected and recomputed, never used.
// Protocol rule: a claim's folder holds cells of one protocol only. A run refuses (UsageError,
// before writing) when OUT/<claim>/cells/ holds a cell of another protocol or claim; other claims'
// folders under the same OUT are never looked at.
#pragma once

#include <filesystem>
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "harness/claim.h"
#include "harness/sweep.h"

namespace thmcheck {

std::filesystem::path CellPath(const std::filesystem::path& claim_dir, const Cell& cell);

// The cell record, with its checksum. Non-finite observables are stored as null (JSON has no
// NaN or ∞) and read back as NaN.
nlohmann::json CellToJson(const ClaimSpec& claim, const Cell& cell, const CellOutcome& outcome);

// The outcome a cell record states: what a verdict is computed from, whether the cell was just
// computed or reused, so a resumed run judges exactly the numbers a fresh one does. Throws
// nlohmann::json::exception or std::runtime_error on a malformed record.
CellOutcome OutcomeFromJson(const nlohmann::json& record);

// Parses a cell file's text. Returns nullopt and sets *problem when it is unparseable, fails its
// checksum, or belongs to another claim, protocol, arm, parameter set or seed. Never throws.
std::optional<CellOutcome> ParseCell(const std::string& text, const ClaimSpec& claim,
                                     const Cell& cell, std::string* problem);

// ParseCell on a file; *problem = "missing" when there is none.
std::optional<CellOutcome> ReadCell(const std::filesystem::path& path, const ClaimSpec& claim,
                                    const Cell& cell, std::string* problem);

// The checksum of a cell's JSON without its "checksum" field (FNV-1a 64 of the compact dump).
std::string CellChecksum(const nlohmann::json& cell);

// The protocol rule above: "" when OUT/<claim>/cells/ holds no cell of another claim or protocol
// (unparseable files are left to --resume, which reports and recomputes them), else a message
// naming the folder, one offending file, both protocols and what to do.
std::string ForeignCells(const std::filesystem::path& claim_dir, const ClaimSpec& claim);

}  // namespace thmcheck
