// Reads the nightly history records; see history_reader.h. Google Benchmark's JSON is read as
// version 1.7 writes it; fields used per entry: run_name (name in older versions), run_type,
// aggregate_name, cpu_time, real_time, time_unit, error_occurred.
#include "reports/history_reader.h"

#include <algorithm>
#include <map>
#include <system_error>

#include "harness/schema/records_json.h"
#include "reports/results_reader.h"

namespace thmcheck::report {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

// One entry of the "benchmarks" array, times in nanoseconds.
struct BenchmarkEntry {
  std::string name, run_type, aggregate_name;
  double cpu_ns = 0, real_ns = 0;
  bool error = false;  // error_occurred: the entry has no times to read
};

void from_json(const json& b, BenchmarkEntry& e) {
  e.error = b.value("error_occurred", false);
  if (e.error) return;
  b.at(b.contains("run_name") ? "run_name" : "name").get_to(e.name);
  e.run_type = b.value("run_type", "");
  e.aggregate_name = b.value("aggregate_name", "");
  // Nanoseconds per unit of Google Benchmark's time_unit.
  static const std::map<std::string, double> kNanoseconds = {
      {"ns", 1.0}, {"us", 1e3}, {"ms", 1e6}, {"s", 1e9}};
  const std::string unit = b.at("time_unit").get<std::string>();
  const auto factor = kNanoseconds.find(unit);
  if (factor == kNanoseconds.end())
    throw json::other_error::create(501, "\"" + unit + "\" is not one of ns, us, ms, s",
                                    &b.at("time_unit"));
  e.cpu_ns = b.at("cpu_time").get<double>() * factor->second;
  e.real_ns = b.at("real_time").get<double>() * factor->second;
}

bool IsArgument(const std::string& segment) {
  if (segment.empty()) return true;
  if (segment.find(':') != std::string::npos) return true;  // n:20, repeats:5, min_time:0.1
  if (segment == "real_time" || segment == "process_time" || segment == "manual_time") return true;
  for (char c : segment) {
    if (!((c >= '0' && c <= '9') || c == '-' || c == '.')) return false;
  }
  return true;  // a bare number: an unnamed argument
}

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

std::string BenchmarkFamily(const std::string& name) {
  std::string family;
  size_t start = 0;
  while (start <= name.size()) {
    const size_t slash = name.find('/', start);
    const std::string segment =
        name.substr(start, slash == std::string::npos ? std::string::npos : slash - start);
    if (!family.empty() && IsArgument(segment)) break;
    family += (family.empty() ? "" : "/") + segment;
    if (slash == std::string::npos) break;
    start = slash + 1;
  }
  return family;
}

bool ParseBenchmarkJson(const json& root, std::vector<BenchmarkSample>* samples,
                        std::string* error) {
  std::vector<BenchmarkEntry> entries;
  try {
    root.at("benchmarks").get_to(entries);
  } catch (const json::exception& e) {
    *error = schema::JsonErrorText(e);
    return false;
  }
  std::map<std::string, size_t> index;        // name → position in *samples
  std::map<std::string, size_t> median_only;  // names seen only as a median aggregate so far
  std::vector<BenchmarkSample> medians;
  for (const BenchmarkEntry& b : entries) {
    if (b.error) continue;
    const bool iteration = b.run_type.empty() || b.run_type == "iteration";
    if (!iteration && b.aggregate_name != "median") continue;
    std::vector<BenchmarkSample>& into = iteration ? *samples : medians;
    std::map<std::string, size_t>& where = iteration ? index : median_only;
    auto it = where.find(b.name);
    if (it == where.end()) {
      it = where.emplace(b.name, into.size()).first;
      into.push_back({b.name, BenchmarkFamily(b.name), {}, {}});
    }
    into[it->second].cpu_ns.push_back(b.cpu_ns);
    into[it->second].real_ns.push_back(b.real_ns);
  }
  // Aggregates-only output: the median is all there is.
  for (BenchmarkSample& m : medians) {
    if (!index.count(m.name)) samples->push_back(std::move(m));
  }
  return true;
}

}  // namespace thmcheck::report
