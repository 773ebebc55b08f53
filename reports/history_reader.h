// Reads a history folder (see history.h for its layout) into HistoryRun values, oldest first, and
// the Google Benchmark JSON each record holds.
#pragma once

#include <filesystem>
#include <nlohmann/json.hpp>
#include <ostream>
#include <string>
#include <vector>

#include "reports/history.h"

namespace thmcheck::report {

// Reads the records of `dir` into runs, oldest first: by their "date" field (then by folder name),
// not by folder name alone, so a renamed folder cannot reorder history. Like ReadResults,
// everything is read and validated before the report writes a byte: an error names the file and
// the field. A record without benchmarks.json or without claims/ is fine (a nightly whose
// benchmarks or claims failed to run is still a data point). Fails when `dir` is not a readable
// directory, holds no record, or any record is malformed.
bool ReadHistory(const std::filesystem::path& dir, std::vector<HistoryRun>* runs, std::ostream& log,
                 std::string* error);

// Reads Google Benchmark's JSON output (thmcheck_bench --benchmark_format=json or
// --benchmark_out) into one BenchmarkSample per benchmark: the per-repetition times of its
// "iteration" runs, in nanoseconds. Aggregates (mean, median, stddev, cv) are recomputed by the
// report from the repetitions, except when only aggregates were written
// (--benchmark_report_aggregates_only): then the median stands in as the single repetition.
// Runs that errored ("error_occurred") are left out. False, with *error naming the field, when
// `root` is not Google Benchmark's output.
bool ParseBenchmarkJson(const nlohmann::json& root, std::vector<BenchmarkSample>* samples,
                        std::string* error);

// The family of a benchmark name: its segments up to the first argument ("n:20", "256",
// "repeats:5", "min_time:0.1", "real_time", ...): "BM_EmpiricalNtk/train_train/n:20/m:256" →
// "BM_EmpiricalNtk/train_train".
std::string BenchmarkFamily(const std::string& name);

}  // namespace thmcheck::report
