// Reads Google Benchmark's JSON output (thmcheck_bench --benchmark_format=json or
// --benchmark_out) into one BenchmarkSample per benchmark: the per-repetition times of its
// "iteration" runs, in nanoseconds. Aggregates (mean, median, stddev, cv) are recomputed by the
// report from the repetitions, except when only aggregates were written
// (--benchmark_report_aggregates_only): then the median stands in as the single repetition.
// Runs that errored ("error_occurred") are left out.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "reports/history.h"

namespace thmcheck::report {

// False, with *error naming the field, when `root` is not Google Benchmark's output.
bool ParseBenchmarkJson(const nlohmann::json& root, std::vector<BenchmarkSample>* samples,
                        std::string* error);

// The family of a benchmark name: its segments up to the first argument ("n:20", "256",
// "repeats:5", "min_time:0.1", "real_time", ...): "BM_EmpiricalNtk/train_train/n:20/m:256" →
// "BM_EmpiricalNtk/train_train".
std::string BenchmarkFamily(const std::string& name);

}  // namespace thmcheck::report
