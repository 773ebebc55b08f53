// Reads the nightly history records; see history_reader.h. Records sort by their "date" field
// (then by folder name), not by folder name alone, so a renamed folder cannot reorder history.
#include "reports/history_reader.h"

#include <algorithm>
#include <system_error>

#include "harness/schema/records_json.h"
#include "reports/benchmark_json.h"
#include "reports/results_reader.h"

namespace thmcheck::report {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

bool ReadRecord(const fs::path& dir, HistoryRun* run, std::string* error) {
  schema::HistoryRecord record;
  if (!schema::ReadHistoryFile(dir / "record.json", &record, error)) return false;
  run->record = dir.filename().string();
  run->commit = record.commit;
  run->date = record.date;
  run->machine = record.machine;
  run->scale = record.scale;

  std::error_code ec;
  const fs::path bench_file = dir / "benchmarks.json";
  if (fs::exists(bench_file, ec)) {
    json bench;
    if (!schema::ReadJsonFile(bench_file, &bench, error)) return false;
    std::string why;
    if (!ParseBenchmarkJson(bench, &run->benchmarks, &why)) {
      *error = bench_file.string() + ": " + why;
      return false;
    }
  }

  const fs::path claims_dir = dir / "claims";
  if (!fs::is_directory(claims_dir, ec)) return true;
  std::vector<fs::path> claim_dirs;
  for (const auto& entry : fs::directory_iterator(claims_dir, ec)) {
    if (entry.is_directory(ec) && fs::exists(entry.path() / "verdict.json", ec)) {
      claim_dirs.push_back(entry.path());
    }
  }
  std::sort(claim_dirs.begin(), claim_dirs.end());
  for (const fs::path& claim_dir : claim_dirs) {
    ClaimResult claim;
    if (!ReadVerdict(claim_dir / "verdict.json", claim_dir.filename().string(), &claim, error))
      return false;
    run->claims.push_back(std::move(claim));
  }
  return true;
}

}  // namespace

bool ReadHistory(const fs::path& dir, std::vector<HistoryRun>* runs, std::ostream& log,
                 std::string* error) {
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) {
    *error = dir.string() + ": not a readable directory" + (ec ? " (" + ec.message() + ")" : "");
    return false;
  }
  std::vector<fs::path> records;
  for (const auto& entry : fs::directory_iterator(dir, ec)) {
    const std::string name = entry.path().filename().string();
    if (!entry.is_directory(ec) || name.empty() || name[0] == '.') continue;
    if (fs::exists(entry.path() / "record.json", ec)) {
      records.push_back(entry.path());
    } else {
      log << "thmcheck report: history: skipping " << entry.path().string()
          << " (no record.json)\n";
    }
  }
  if (ec) {
    *error = dir.string() + ": cannot list: " + ec.message();
    return false;
  }
  if (records.empty()) {
    *error = dir.string() + ": no history records (expected HISTORY/<run>/record.json)";
    return false;
  }
  for (const fs::path& record : records) {
    HistoryRun run;
    if (!ReadRecord(record, &run, error)) return false;
    runs->push_back(std::move(run));
  }
  std::sort(runs->begin(), runs->end(), [](const HistoryRun& a, const HistoryRun& b) {
    return a.date != b.date ? a.date < b.date : a.record < b.record;
  });
  return true;
}

}  // namespace thmcheck::report
