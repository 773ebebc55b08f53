// Benchmark: one power-law fit with its bootstrap, as every exponent check runs it
// (J grid points × R replicates, kBootstrapResamples resamples).
#include <benchmark/benchmark.h>

#include <cmath>

#include "harness/fit.h"
#include "harness/rng.h"

namespace thmcheck {
namespace {

void BM_FitPowerLaw(benchmark::State& state) {
  const int J = static_cast<int>(state.range(0)), R = static_cast<int>(state.range(1));
  Rng rng(7);
  std::vector<double> x;
  std::vector<std::vector<double>> y(J);
  for (int j = 0; j < J; ++j) {
    x.push_back(128.0 * std::pow(2.0, j));
    for (int r = 0; r < R; ++r) y[j].push_back(std::pow(x[j], -0.5) * std::exp(0.1 * rng.Normal()));
  }
  for (auto _ : state) benchmark::DoNotOptimize(FitPowerLaw(x, y, 1).slope);
}
BENCHMARK(BM_FitPowerLaw)->Args({6, 5})->Args({8, 20})->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace thmcheck
