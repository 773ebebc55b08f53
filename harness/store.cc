// Cell files (see store.h).
#include "harness/store.h"

#include <cmath>
#include <fstream>
#include <limits>
#include <sstream>
#include <stdexcept>
#include <thread>
#include <unistd.h>

#include "harness/build_info.h"
#include "harness/rng.h"

namespace thmcheck {
namespace {

CellStatus ParseStatus(const std::string& s) {
  if (s == "diverged") return CellStatus::kDiverged;
  if (s != "ok") throw std::runtime_error("unknown status '" + s + "'");
  return CellStatus::kOk;
}

}  // namespace

const char* CellStatusName(CellStatus s) { return s == CellStatus::kOk ? "ok" : "diverged"; }

std::filesystem::path CellPath(const std::filesystem::path& claim_dir, const Cell& cell) {
  return claim_dir / "cells" / (cell.id + ".json");
}

std::string CellChecksum(const nlohmann::json& cell) {
  nlohmann::json copy = cell;
  copy.erase("checksum");
  return Hex64(Fnv1a64(copy.dump()));
}

nlohmann::json CellToJson(const ClaimSpec& claim, const Cell& cell, const CellOutcome& outcome) {
  nlohmann::json obs = nlohmann::json::object();
  // JSON has no NaN or ∞: a non-finite observable is stored as null and read back as NaN.
  for (const auto& [k, v] : outcome.observables)
    obs[k] = std::isfinite(v) ? nlohmann::json(v) : nlohmann::json();
  nlohmann::json j = {{"claim", claim.id},
                      {"protocol", claim.protocol},
                      {"arm", claim.arms[cell.arm].name},
                      {"params", cell.params},
                      {"replicate", cell.replicate},
                      {"seed", std::to_string(cell.seed)},  // as text: JSON readers lose 64-bit ints
                      {"status", CellStatusName(outcome.status)},
                      {"observables", obs},
                      {"note", outcome.note},
                      {"series", outcome.series},
                      {"build", BuildContext()}};
  j["checksum"] = CellChecksum(j);
  return j;
}

std::optional<CellOutcome> ReadCell(const std::filesystem::path& path, const ClaimSpec& claim,
                                    const Cell& cell, std::string* problem) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    *problem = "missing";
    return std::nullopt;
  }
  try {
    nlohmann::json j = nlohmann::json::parse(in);
    if (!j.contains("checksum") || j.at("checksum") != CellChecksum(j)) {
      *problem = "checksum mismatch (corrupted or edited)";
      return std::nullopt;
    }
    if (j.at("claim") != claim.id || j.at("protocol") != claim.protocol) {
      *problem = "belongs to " + j.at("claim").dump() + " protocol " + j.at("protocol").dump();
      return std::nullopt;
    }
    if (j.at("params") != cell.params || j.at("seed") != std::to_string(cell.seed) ||
        j.at("replicate") != cell.replicate) {
      *problem = "parameters or seed differ from this cell's";
      return std::nullopt;
    }
    CellOutcome out;
    out.status = ParseStatus(j.at("status").get<std::string>());
    for (const auto& [k, v] : j.at("observables").items())
      out.observables[k] = v.is_null() ? std::numeric_limits<double>::quiet_NaN() : v.get<double>();
    out.note = j.at("note").get<std::string>();
    out.series = j.at("series");
    return out;
  } catch (const std::exception& e) {
    *problem = std::string("unreadable: ") + e.what();
    return std::nullopt;
  }
}

void WriteFileAtomic(const std::filesystem::path& path, const std::string& content) {
  std::filesystem::create_directories(path.parent_path());
  // Unique per process and thread: two writers never share a temporary file.
  std::ostringstream tmp_name;
  tmp_name << path.filename().string() << ".tmp." << ::getpid() << "." << std::hash<std::thread::id>{}(std::this_thread::get_id());
  const std::filesystem::path tmp = path.parent_path() / tmp_name.str();
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    out << content;
    out.flush();
    if (!out) throw std::runtime_error("cannot write " + tmp.string());
  }
  std::filesystem::rename(tmp, path);
}

}  // namespace thmcheck
