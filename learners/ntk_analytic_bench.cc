// Micro-benchmarks of the infinite-width kernels (ntk_analytic.h): the two-layer NTK H∞ in closed
// form (ReLU) and by the 128-node Gauss–Hermite tensor rule (tanh, 128²/2 integrand points per
// entry), and Jacot et al.'s L-layer recursion. Legend: n points on S^{d−1}, d = 10, L = 3 layers,
// β = 0.1. The tanh sizes are small on purpose: each entry costs ~10⁴ tanh evaluations.
#include <benchmark/benchmark.h>

#include "harness/rng.h"
#include "learners/ntk_analytic.h"

namespace thmcheck {
namespace {

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

void BM_DeepNtkRecursion(benchmark::State& state) {
  const Eigen::MatrixXd X = UnitRows(static_cast<int>(state.range(0)), 2);
  for (auto _ : state) benchmark::DoNotOptimize(DeepNtk(X, X, 3, 0.1, Activation::kRelu).data());
  state.SetItemsProcessed(state.iterations() * state.range(0) * state.range(0));
}
BENCHMARK(BM_DeepNtkRecursion)->Arg(200)->Arg(1000)->ArgName("n")->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace thmcheck
