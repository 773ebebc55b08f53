// The nightly history as the report sees it. One record per nightly run (written by .ci/nightly):
//   HISTORY/<UTC stamp>_<commit>/record.json        {"schema": "thmcheck-history/1", "commit",
//                                                     "date" (UTC ISO 8601), "machine", "scale"}
//   HISTORY/<UTC stamp>_<commit>/benchmarks.json    thmcheck_bench --benchmark_format=json, as is
//   HISTORY/<UTC stamp>_<commit>/claims/<id>/verdict.json   each claim's verdict, as written
// Folders whose name starts with '.' are records being written and are skipped. Plain data,
// filled by history_reader.h, judged by regression.h, drawn by trend_plot.cc and history_report.h.
#pragma once

#include <string>
#include <vector>

#include "reports/results_reader.h"

namespace thmcheck::report {

using schema::kHistorySchema;  // record.json's schema (harness/schema/records.h HistoryRecord)

// One benchmark (one Google Benchmark run name, e.g. "BM_TwoLayerGdStep/relu/n:20/m:256") in one
// run: the time per iteration of each repetition, in nanoseconds.
struct BenchmarkSample {
  std::string name;
  std::string family;  // the registration it belongs to ("BM_TwoLayerGdStep/relu"): one plot
  std::vector<double> cpu_ns;
  std::vector<double> real_ns;
};

struct HistoryRun {
  std::string record;  // the record's folder name; runs are ordered by (date, record)
  std::string commit;
  std::string date;     // UTC, "2025-06-01T02:00:00Z"
  std::string machine;  // benchmarks are only compared between runs on the same machine
  std::string scale;    // the claims' scale (quick | full | ...)
  std::vector<BenchmarkSample> benchmarks;
  std::vector<ClaimResult> claims;  // verdicts only: no cells are kept in the history
};

}  // namespace thmcheck::report
