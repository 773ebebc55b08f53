// Reads verdict.json and the cell files of each claim into ClaimResult (see results_reader.h),
// through harness/schema's records: the report and the harness share one definition of the
// format, and a malformed file is refused with the JSON pointer of the bad field.
#include "reports/results_reader.h"

#include <algorithm>
#include <system_error>

#include "harness/schema/records_json.h"

namespace thmcheck::report {
namespace {

namespace fs = std::filesystem;

// A cell path from verdict.json must stay inside the claim folder: the report opens it.
bool SafeRelativePath(const std::string& text) {
  const fs::path path(text);
  if (text.empty() || path.is_absolute() || path.has_root_name()) return false;
  return std::none_of(path.begin(), path.end(), [](const fs::path& part) { return part == ".."; });
}

// The cell files of a claim: as listed in verdict.json, else cells/*.json in name order.
bool ListCells(const fs::path& claim_dir, const ClaimResult& claim, const fs::path& verdict_file,
               std::vector<std::string>* cells, std::string* error) {
  if (claim.cells_listed) {
    for (size_t i = 0; i < claim.cell_files.size(); ++i) {
      const std::string& file = claim.cell_files[i];
      if (!SafeRelativePath(file)) {
        *error = verdict_file.string() + ": /cells/" + std::to_string(i) + ": \"" + file +
                 "\" is not a relative path inside the claim folder (no .. allowed)";
        return false;
      }
    }
    *cells = claim.cell_files;
    return true;
  }
  std::error_code ec;
  const fs::path cells_dir = claim_dir / "cells";
  if (!fs::is_directory(cells_dir, ec)) return true;  // no cells recorded: an empty table
  for (const auto& entry : fs::directory_iterator(cells_dir, ec)) {
    if (entry.path().extension() == ".json") {
      cells->push_back((fs::path("cells") / entry.path().filename()).generic_string());
    }
  }
  if (ec) {
    *error = cells_dir.string() + ": cannot list: " + ec.message();
    return false;
  }
  std::sort(cells->begin(), cells->end());
  return true;
}

}  // namespace

bool ReadVerdict(const fs::path& verdict_file, const std::string& id, ClaimResult* claim,
                 std::string* error) {
  if (!schema::ReadVerdictFile(verdict_file, claim, error)) return false;
  claim->id = id;
  return true;
}

bool ReadClaim(const fs::path& claim_dir, ClaimResult* claim, std::ostream& log,
               std::string* error) {
  const fs::path verdict_file = claim_dir / "verdict.json";
  if (!ReadVerdict(verdict_file, claim_dir.filename().string(), claim, error)) return false;
  if (claim->claim != claim->id) {
    log << "thmcheck report: note: " << verdict_file.string() << " says claim \"" << claim->claim
        << "\" but sits in folder \"" << claim->id << "\"; the folder name is used for links\n";
  }

  std::vector<std::string> cell_files;
  if (!ListCells(claim_dir, *claim, verdict_file, &cell_files, error)) return false;
  for (const std::string& relative : cell_files) {
    Cell cell;
    if (!schema::ReadCellFile(claim_dir / relative, &cell, error)) return false;
    cell.file = relative;
    claim->cells.push_back(std::move(cell));
  }
  return true;
}

bool ReadResults(const fs::path& in, std::vector<ClaimResult>* claims, std::ostream& log,
                 std::string* error) {
  std::error_code ec;
  if (!fs::is_directory(in, ec)) {
    *error = in.string() + ": not a readable directory" + (ec ? " (" + ec.message() + ")" : "");
    return false;
  }
  std::vector<fs::path> claim_dirs;
  for (const auto& entry : fs::directory_iterator(in, ec)) {
    if (!entry.is_directory(ec)) continue;
    if (fs::exists(entry.path() / "verdict.json", ec)) {
      claim_dirs.push_back(entry.path());
    } else {
      log << "thmcheck report: skipping " << entry.path().string() << " (no verdict.json)\n";
    }
  }
  if (ec) {
    *error = in.string() + ": cannot list: " + ec.message();
    return false;
  }
  if (claim_dirs.empty()) {
    *error = in.string() + ": no claim folders (expected IN/<claim>/verdict.json)";
    return false;
  }
  std::sort(claim_dirs.begin(), claim_dirs.end());
  for (const fs::path& dir : claim_dirs) {
    ClaimResult claim;
    if (!ReadClaim(dir, &claim, log, error)) return false;
    claims->push_back(std::move(claim));
  }
  return true;
}

}  // namespace thmcheck::report
