// Test-only helpers for the history tests (header-only, so it joins no library): writes nightly
// records in the layout of history.h — record.json, a Google Benchmark JSON with five repetitions
// per benchmark, and the claims' verdict.json (the fixture claim of test_fixture.h).
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "reports/test_fixture.h"

namespace thmcheck::test {

// Google Benchmark output in which each benchmark's fastest repetition takes `ns` nanoseconds.
inline nlohmann::json BenchmarkOutput(
    const std::vector<std::pair<std::string, double>>& fastest_ns) {
  nlohmann::json list = nlohmann::json::array();
  for (const auto& [name, ns] : fastest_ns) {
    for (const double factor : {1.2, 1.0, 1.1, 1.05, 1.15}) {
      list.push_back({{"name", name},
                      {"run_name", name},
                      {"run_type", "iteration"},
                      {"cpu_time", ns * factor},
                      {"real_time", ns * factor},
                      {"time_unit", "ns"}});
    }
  }
  return {{"context", {{"host_name", "vm"}, {"num_cpus", 2}}}, {"benchmarks", list}};
}

// Writes HISTORY/<name>/ with record.json, benchmarks.json and claims/ntk_closeness/verdict.json.
inline void WriteRecord(const fs::path& history, const std::string& name, const std::string& commit,
                        const std::string& date,
                        const std::vector<std::pair<std::string, double>>& fastest_ns,
                        const nlohmann::json& verdict = FixtureVerdict()) {
  const fs::path dir = history / name;
  WriteText(dir / "record.json", nlohmann::json{{"schema", "thmcheck-history/1"},
                                                {"commit", commit},
                                                {"date", date},
                                                {"machine", "vm"},
                                                {"scale", "quick"}}
                                     .dump(1));
  WriteText(dir / "benchmarks.json", BenchmarkOutput(fastest_ns).dump(1));
  WriteText(dir / "claims" / "ntk_closeness" / "verdict.json", verdict.dump(1));
}

}  // namespace thmcheck::test
