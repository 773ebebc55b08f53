// Micro-benchmarks of the two-layer net's kernels (two_layer_net.h): the empirical NTK,
// train×train (symmetric path: rank updates) and test×train (general path), measured a few times
// per run of claim ntk_closeness; and the infinite-width NTK H∞ in closed form (ReLU) and by the
// 128-node Gauss–Hermite tensor rule (tanh, 128²/2 integrand points per entry).
// Legend: n samples (points on S^{d−1} for H∞), d = 10 input dim, m width. Counter "GFLOP/s"
// counts 4n²m flops (two n×m×n products) for the general path and half that for the symmetric
// one. The tanh sizes are small on purpose: each entry costs ~10⁴ tanh evaluations.
#include <benchmark/benchmark.h>

#include "harness/rng.h"
#include "learners/two_layer_net.h"

namespace thmcheck {
namespace {

void BM_EmpiricalNtk(benchmark::State& state, bool symmetric) {
  const int n = static_cast<int>(state.range(0)), m = static_cast<int>(state.range(1)), d = 10;
  Rng rng(2);
  Eigen::MatrixXd X(n, d), X_test(n, d);
  FillNormal(rng, X);
  FillNormal(rng, X_test);
  X.rowwise().normalize();
  X_test.rowwise().normalize();
  const TwoLayerNet net = TwoLayerNet::Init(d, m, Scaling::kNtk, Activation::kRelu, rng);
  for (auto _ : state) {
    benchmark::DoNotOptimize(symmetric ? EmpiricalNtk(net, X, X) : EmpiricalNtk(net, X_test, X));
  }
  state.counters["GFLOP/s"] = benchmark::Counter((symmetric ? 2.0 : 4.0) * n * n * m * 1e-9,
                                                 benchmark::Counter::kIsIterationInvariantRate);
}

void NtkSizes(benchmark::internal::Benchmark* b) {
  for (int n : {20, 200}) {
    for (int m : {256, 4096}) b->Args({n, m});
  }
  b->ArgNames({"n", "m"});
}

BENCHMARK_CAPTURE(BM_EmpiricalNtk, train_train, true)->Apply(NtkSizes);
BENCHMARK_CAPTURE(BM_EmpiricalNtk, test_train, false)->Apply(NtkSizes);

Eigen::MatrixXd UnitRows(int n, uint64_t seed) {
  Rng rng(seed);
  Eigen::MatrixXd X(n, 10);
  FillNormal(rng, X);
  X.rowwise().normalize();
  return X;
}

void BM_AnalyticNtkTwoLayer(benchmark::State& state, Activation act) {
  const Eigen::MatrixXd X = UnitRows(static_cast<int>(state.range(0)), 1);
  for (auto _ : state) benchmark::DoNotOptimize(AnalyticNtkTwoLayer(X, X, act).data());
  state.SetItemsProcessed(state.iterations() * state.range(0) * state.range(0));  // entries
}
BENCHMARK_CAPTURE(BM_AnalyticNtkTwoLayer, relu, Activation::kRelu)
    ->Arg(200)
    ->Arg(1000)
    ->ArgName("n")
    ->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_AnalyticNtkTwoLayer, tanh, Activation::kTanh)
    ->Arg(10)
    ->Arg(20)
    ->ArgName("n")
    ->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace thmcheck
