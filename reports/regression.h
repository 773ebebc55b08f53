// What the trend pages flag, and the statistics behind each flag.
//
// Benchmarks (per benchmark; runs on the latest run's machine only; CPU time per iteration, which
// on a shared machine is far less disturbed by the neighbours than wall time):
//   x_r = ln of the FASTEST of run r's repetitions: interference only ever slows a run down, so the
//   minimum is its least disturbed estimate (Chen & Revels 2016, arXiv 1608.04295). Measured on the
//   shared 2-core dev VM at load 7-12 (248 benchmark × run pairs, docs/nightly.md): run-to-run
//   |Δx| of the minimum had median 0.029, 99th percentile 0.27, max 0.35 (1.42×); of the median
//   repetition 0.056, 0.39, 0.49 (1.63×).
//   baseline b = median of x_r over the previous kBaselineWindow runs;
//   with ≥ kMinRunsForSpread earlier runs, its own run-to-run spread σ = 1.4826·MAD of those x_r,
//     flagged when x − b > max(kZ·σ, ln(1 + kMinSlowdown));
//   with fewer (the first nights), flagged when x − b > ln(1 + kShortHistorySlowdown), i.e. the
//     time doubled: above the largest shift measured on that loaded VM (1.42×), with margin.
//   kZ = 4: for Gaussian noise one-sided P(z > 4) = 3.2e-5, so ~65 benchmarks give a false flag in
//   about 1 night of 500; the median and MAD shrug off the odd disturbed run in the window.
//   kMinSlowdown: smaller slowdowns are not worth a human's attention, however significant.
//   The spread of the repetitions within a run is shown but not used: on the VM it understated the
//   run-to-run spread by up to 59×.
// Claims (per claim, protocol version and scale; a new protocol starts a new series, never mixed):
//   a verdict that changed from the claim's previous run; an estimate of a main arm's evidence
//   check outside its band (not a sanity check's, whose FAIL already fails the claim, nor a
//   control's or report arm's rows: a control's must-fail row is meant to leave the band); a
//   claim present in the previous run but missing from the latest one.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "reports/history.h"

namespace thmcheck::report {

inline constexpr int kBaselineWindow = 10;
inline constexpr int kMinRunsForSpread = 5;
inline constexpr double kZ = 4.0;
inline constexpr double kMinSlowdown = 0.10;
inline constexpr double kShortHistorySlowdown = 1.0;

// One run of one benchmark and its judgement against the runs before it.
struct BenchmarkPoint {
  size_t run = 0;       // index into the runs
  double best_ns = 0;   // the fastest repetition: the statistic judged
  double worst_ns = 0;  // the slowest repetition, shown
  bool judged = false;  // false for a benchmark's first run on this machine
  int window = 0;       // earlier runs in the baseline
  double baseline_ns = 0;
  double spread = 0;  // σ in ln units (0 while the history is shorter than kMinRunsForSpread)
  bool run_to_run = false;  // the threshold came from σ (else from a fixed floor)
  double threshold = 0;     // flagged when best_ns / baseline_ns > threshold
  bool flagged = false;
};

struct BenchmarkTrend {
  std::string name;
  std::string family;
  std::vector<BenchmarkPoint> points;  // oldest first
};

struct BenchmarkTrends {
  std::string machine;  // the latest run's; other machines' runs are left out
  int other_machine_runs = 0;
  std::vector<BenchmarkTrend> trends;  // in order of first appearance
};

BenchmarkTrends JudgeBenchmarks(const std::vector<HistoryRun>& runs);

struct EstimatePoint {
  size_t run = 0;
  std::optional<double> estimate;
  Interval ci;
  Interval band;
  bool outside_band = false;  // the estimate lies outside its band (main-arm evidence only)
};

// One check of one arm over the runs, matched by (arm, check name).
struct EstimateTrend {
  std::string arm, role;  // role: the arm's ("main", "control", "report")
  std::string name, kind;
  std::string check_role = kEvidence;  // the check's (results_reader.h), as of its latest run
  std::vector<EstimatePoint> points;

  bool MainEvidence() const { return role == "main" && check_role == kEvidence; }
};

struct VerdictPoint {
  size_t run = 0;
  std::string verdict;
  std::vector<std::pair<std::string, std::string>> arms;  // (arm, verdict)
  bool changed = false;  // differs from the previous run of the same series
};

// One series: a claim at one protocol version and scale.
struct ClaimTrend {
  std::string claim, title, scale;
  std::optional<int> protocol;
  std::vector<VerdictPoint> verdicts;
  std::vector<EstimateTrend> estimates;  // arms in file order, checks in file order
};

std::vector<ClaimTrend> JudgeClaims(const std::vector<HistoryRun>& runs);

struct Flag {
  std::string kind;     // "benchmark" | "verdict" | "band" | "missing"
  std::string subject;  // benchmark name or claim id
  std::string detail;   // one sentence with the numbers
  std::string href;     // the trend page, relative to OUT/history/
};

// The trend page of a claim, relative to OUT/history/ (history_report.h): where its flags link.
std::string ClaimTrendPage(const std::string& claim);

// Flags of the latest run (the one the nightly just recorded), in kind order.
std::vector<Flag> LatestFlags(const std::vector<HistoryRun>& runs,
                              const BenchmarkTrends& benchmarks,
                              const std::vector<ClaimTrend>& claims);

// Robust statistics used above (exposed for tests). Median of an empty vector is NaN.
double Median(std::vector<double> values);
double ScaledMad(const std::vector<double>& values);  // 1.4826·median |v − median|

}  // namespace thmcheck::report
