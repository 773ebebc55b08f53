// Micro-benchmark: one full-batch GD step of TwoLayerNet (LossAndGradient + Step), the inner loop
// of claim ntk_closeness (docs/claims/ntk_closeness.md, Calibration: n = 20, d = 10,
// m = 64 … 8192, 400 steps per run).
// Legend: n samples, d = 10 input dim, m width. Counter "GFLOP/s" counts the two n×d×m products
// (4ndm flops); the rest is O(nm) elementwise work (σ, σ', scaling).
#include <benchmark/benchmark.h>

#include "learners/two_layer_net.h"

namespace thmcheck {
namespace {

void BM_TwoLayerGdStep(benchmark::State& state, Activation act) {
  const int n = static_cast<int>(state.range(0)), m = static_cast<int>(state.range(1)), d = 10;
  Rng rng(1);
  Eigen::MatrixXd X(n, d);
  FillNormal(rng, X);
  X.rowwise().normalize();
  Eigen::VectorXd y(n);
  FillNormal(rng, y);
  TwoLayerNet net = TwoLayerNet::Init(d, m, Scaling::kNtk, act, rng);
  TwoLayerNet::Gradient g;
  net.LossAndGradient(X, y, &g);  // warm the scratch: the timed loop allocates nothing
  for (auto _ : state) {
    benchmark::DoNotOptimize(net.LossAndGradient(X, y, &g));
    net.Step(g, 1e-3);
  }
  state.counters["GFLOP/s"] =
      benchmark::Counter(4.0 * n * d * m * 1e-9, benchmark::Counter::kIsIterationInvariantRate);
}

void GdSizes(benchmark::internal::Benchmark* b) {
  for (int n : {20, 200}) {
    for (int m : {256, 4096}) b->Args({n, m});
  }
  b->ArgNames({"n", "m"});
}

BENCHMARK_CAPTURE(BM_TwoLayerGdStep, relu, Activation::kRelu)->Apply(GdSizes);
BENCHMARK_CAPTURE(BM_TwoLayerGdStep, tanh, Activation::kTanh)->Apply(GdSizes);

}  // namespace
}  // namespace thmcheck
