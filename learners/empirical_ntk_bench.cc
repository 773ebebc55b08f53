// Micro-benchmark: the empirical NTK of a TwoLayerNet, train×train (symmetric path: rank updates)
// and test×train (general path). Measured a few times per run of claim ntk_closeness.
// Legend: n samples, d = 10 input dim, m width. Counter "GFLOP/s" counts 4n²m flops (two n×m×n
// products) for the general path and half that for the symmetric one.
#include <benchmark/benchmark.h>

#include "learners/empirical_ntk.h"

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

}  // namespace
}  // namespace thmcheck
