// Parses Google Benchmark 1.7's JSON; see benchmark_json.h. Fields used per entry: run_name (name
// in older versions), run_type, aggregate_name, cpu_time, real_time, time_unit, error_occurred.
#include "reports/benchmark_json.h"

#include <map>

#include <nlohmann/json.hpp>

#include "harness/schema/records_json.h"

namespace thmcheck::report {
namespace {

using nlohmann::json;

// Nanoseconds per unit of Google Benchmark's time_unit.
bool UnitToNs(const std::string& unit, double* factor) {
  static const std::map<std::string, double> kFactors = {
      {"ns", 1.0}, {"us", 1e3}, {"ms", 1e6}, {"s", 1e9}};
  const auto it = kFactors.find(unit);
  if (it == kFactors.end()) return false;
  *factor = it->second;
  return true;
}

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
  double factor = 1;
  const std::string unit = b.at("time_unit").get<std::string>();
  if (!UnitToNs(unit, &factor))
    throw json::other_error::create(501, "\"" + unit + "\" is not one of ns, us, ms, s",
                                    &b.at("time_unit"));
  e.cpu_ns = b.at("cpu_time").get<double>() * factor;
  e.real_ns = b.at("real_time").get<double>() * factor;
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

}  // namespace

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
