// Micro-benchmark: Tanh (fast_tanh.h) against Eigen's `.tanh()` (std::tanh one entry at a time) on
// the n×m preactivations of a two-layer net's GD step (two_layer_net_bench.cc: n = 200 samples,
// m = 4096 neurons). Entries ~ N(0, 1), as there (unit inputs, standard normal weights), so both
// branches of Tanh are taken. Counter items_per_second: entries per second.
#include <benchmark/benchmark.h>

#include "harness/rng.h"
#include "learners/fast_tanh.h"

namespace thmcheck {
namespace {

Eigen::MatrixXd Preactivations(int n, int m) {
  Rng rng(1);
  Eigen::MatrixXd z(n, m);
  FillNormal(rng, z);
  return z;
}

void BM_Tanh(benchmark::State& state) {
  const Eigen::MatrixXd z =
      Preactivations(static_cast<int>(state.range(0)), static_cast<int>(state.range(1)));
  Eigen::MatrixXd out(z.rows(), z.cols());
  for (auto _ : state) {
    Tanh(z, out);
    benchmark::DoNotOptimize(out.data());
  }
  state.SetItemsProcessed(state.iterations() * z.size());
}

void BM_EigenTanh(benchmark::State& state) {
  const Eigen::MatrixXd z =
      Preactivations(static_cast<int>(state.range(0)), static_cast<int>(state.range(1)));
  Eigen::MatrixXd out(z.rows(), z.cols());
  for (auto _ : state) {
    out.array() = z.array().tanh();
    benchmark::DoNotOptimize(out.data());
  }
  state.SetItemsProcessed(state.iterations() * z.size());
}

BENCHMARK(BM_Tanh)->Args({200, 4096})->ArgNames({"n", "m"});
BENCHMARK(BM_EigenTanh)->Args({200, 4096})->ArgNames({"n", "m"});

}  // namespace
}  // namespace thmcheck
