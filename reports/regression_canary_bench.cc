// The nightly pipeline's control arm (regression.h, .ci/nightly): two benchmarks with the same
// fixed CPU-bound workload (a sum of square roots; no allocation, no memory traffic), `steady` and
// `knob`. THMCHECK_BENCH_CANARY_SLOWDOWN=F (an integer ≥ 1, default 1; a test-only knob) makes
// `knob` do the work F times. The end-to-end test (reports/nightly_history_test.sh) sets F = 3 on
// its second run and requires the trend report to flag `knob` and not `steady`: the regression rule
// can fire, and does not fire on a benchmark that did not change, on the same machine, in the same
// runs. The pair also tracks the machine's raw speed over the nights.
#include <benchmark/benchmark.h>

#include <cmath>
#include <cstdlib>
#include <string>

namespace thmcheck::report {
namespace {

constexpr int kTerms = 20000;  // ~50 µs per repetition of the work on a 2.3 GHz core

int SlowdownFactor() {
  const char* text = std::getenv("THMCHECK_BENCH_CANARY_SLOWDOWN");
  if (text == nullptr || *text == '\0') return 1;
  const int factor = std::atoi(text);
  return factor >= 1 ? factor : 1;
}

double Work() {
  double sum = 0;
  for (int i = 1; i <= kTerms; ++i) sum += std::sqrt(static_cast<double>(i));
  return sum;
}

void BM_RegressionCanary(benchmark::State& state, bool knob) {
  const int repeats = knob ? SlowdownFactor() : 1;
  for (auto _ : state) {
    for (int r = 0; r < repeats; ++r) benchmark::DoNotOptimize(Work());
  }
  state.counters["work_factor"] = repeats;
}
BENCHMARK_CAPTURE(BM_RegressionCanary, steady, false);
BENCHMARK_CAPTURE(BM_RegressionCanary, knob, true);

}  // namespace
}  // namespace thmcheck::report
