// Cell files (see store.h).
#include "harness/store.h"

#include <cmath>
#include <limits>
#include <stdexcept>

#include "harness/atomic_file.h"
#include "harness/build_info.h"
#include "harness/rng.h"
#include "harness/schema/records_json.h"

namespace thmcheck {
namespace {

// A cell record nests 4 levels (record → series → curve → point); anything much deeper is not a
// cell, and refusing it keeps the recursive dump() in CellChecksum off a fuzzer's stack overflow.
constexpr int kMaxCellDepth = 64;

CellStatus ParseStatus(const std::string& s) {
  if (s == "diverged") return CellStatus::kDiverged;
  if (s != "ok") throw std::runtime_error("unknown status '" + s + "'");
  return CellStatus::kOk;
}

// nlohmann's parser is iterative; the depth guard throws before a pathological nesting is built.
nlohmann::json ParseBounded(const std::string& text) {
  return nlohmann::json::parse(text, [](int depth, nlohmann::json::parse_event_t, nlohmann::json&) {
    if (depth > kMaxCellDepth)
      throw std::runtime_error("nested deeper than " + std::to_string(kMaxCellDepth));
    return true;
  });
}

}  // namespace

const char* CellStatusName(CellStatus s) { return s == CellStatus::kOk ? "ok" : "diverged"; }

std::filesystem::path CellPath(const std::filesystem::path& claim_dir, const Cell& cell) {
  return claim_dir / "cells" / (cell.id + ".json");
}

std::string CellChecksum(const nlohmann::json& cell) {
  nlohmann::json copy = cell;
  if (copy.is_object()) copy.erase("checksum");
  return Hex64(Fnv1a64(copy.dump()));
}

nlohmann::json CellToJson(const ClaimSpec& claim, const Cell& cell, const CellOutcome& outcome) {
  schema::CellRecord r;
  r.claim = claim.id;
  r.protocol = claim.protocol;
  r.arm = claim.arms[cell.arm].name;
  r.params = cell.params;
  r.replicate = cell.replicate;
  // Seeds as text: JSON readers (JavaScript, jq) lose 64-bit integers.
  r.seed = std::to_string(cell.seed);
  r.replicate_seed = std::to_string(cell.replicate_seed);
  r.status = CellStatusName(outcome.status);
  for (const auto& [k, v] : outcome.observables) r.observables[k] = schema::Finite(v);
  r.note = outcome.note;
  r.series = outcome.series;
  r.build = BuildContext();
  nlohmann::json j = r;
  j["checksum"] = CellChecksum(j);
  return j;
}

CellOutcome OutcomeFromJson(const nlohmann::json& j) {
  const schema::CellRecord r = j.get<schema::CellRecord>();
  CellOutcome out;
  out.status = ParseStatus(r.status);
  for (const auto& [k, v] : r.observables)
    out.observables[k] = v.value_or(std::numeric_limits<double>::quiet_NaN());
  out.note = r.note;
  out.series = r.series;
  return out;
}

std::optional<CellOutcome> ParseCell(const std::string& text, const ClaimSpec& claim,
                                     const Cell& cell, std::string* problem) {
  try {
    const nlohmann::json j = ParseBounded(text);
    if (!j.is_object() || !j.contains("checksum") || j.at("checksum") != CellChecksum(j)) {
      *problem = "checksum mismatch (corrupted or edited)";
      return std::nullopt;
    }
    if (j.at("claim") != claim.id || j.at("protocol") != claim.protocol) {
      *problem = "belongs to " + j.at("claim").dump() + " protocol " + j.at("protocol").dump();
      return std::nullopt;
    }
    if (j.at("arm") != claim.arms.at(cell.arm).name || j.at("params") != cell.params ||
        j.at("replicate") != cell.replicate || j.at("seed") != std::to_string(cell.seed) ||
        j.at("replicate_seed") != std::to_string(cell.replicate_seed)) {
      *problem = "arm, parameters or seeds differ from this cell's";
      return std::nullopt;
    }
    return OutcomeFromJson(j);
  } catch (const std::exception& e) {
    *problem = std::string("unreadable: ") + e.what();
    return std::nullopt;
  }
}

std::optional<CellOutcome> ReadCell(const std::filesystem::path& path, const ClaimSpec& claim,
                                    const Cell& cell, std::string* problem) {
  std::string text;
  if (!ReadWholeFile(path, &text)) {
    *problem = "missing";
    return std::nullopt;
  }
  return ParseCell(text, claim, cell, problem);
}

std::string ForeignCells(const std::filesystem::path& claim_dir, const ClaimSpec& claim) {
  const std::filesystem::path cells = claim_dir / "cells";
  std::error_code ec;
  if (!std::filesystem::is_directory(cells, ec)) return "";
  int foreign = 0;
  std::string example;
  for (const auto& entry : std::filesystem::directory_iterator(cells, ec)) {
    if (entry.path().extension() != ".json") continue;  // stray *.tmp.* from a killed run
    std::string text;
    if (!ReadWholeFile(entry.path(), &text)) continue;
    try {
      const nlohmann::json j = ParseBounded(text);
      if (!j.is_object() || !j.contains("protocol") || !j.contains("claim")) continue;
      if (j.at("claim") == claim.id && j.at("protocol") == claim.protocol) continue;
      if (foreign++ == 0)
        example = entry.path().filename().string() + " is claim " + j.at("claim").dump() +
                  " protocol " + j.at("protocol").dump();
    } catch (const std::exception&) {
      // Unparseable: a corrupt cell, which --resume reports by name and recomputes.
    }
  }
  if (foreign == 0) return "";
  return cells.string() + " holds " + std::to_string(foreign) + " cell file(s) of another " +
         "protocol (e.g. " + example + "); this build's " + claim.id + " is protocol " +
         std::to_string(claim.protocol) +
         " and cells of different protocols are never mixed: " + "move " + claim_dir.string() +
         " aside (or delete it), or pass another --out";
}

}  // namespace thmcheck
