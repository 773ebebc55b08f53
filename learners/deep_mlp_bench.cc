// Micro-benchmarks of the L-layer MLP (deep_mlp.h): one full-batch GD step (LossAndGradient +
// Step, hand-written backward) and its empirical NTK Gram matrix, the finite-width side of the
// DeepNtk Monte-Carlo checks; and Jacot et al.'s infinite-width recursion DeepNtk. Legend: n
// samples (points on S^{d−1}), d = 10 input dim, m width, L = 3 weight layers, β = 0.1. Counter
// "GFLOP/s" counts the matrix products: GD 6nm(d + (L−2)m) (forward, ∂Z, ∂W), NTK 2n²m per hidden
// layer plus the forward passes.
#include <benchmark/benchmark.h>

#include "learners/deep_mlp.h"

namespace thmcheck {
namespace {

constexpr int kD = 10, kL = 3;
constexpr double kBeta = 0.1;

Eigen::MatrixXd UnitRows(Rng& rng, int n) {
  Eigen::MatrixXd X(n, kD);
  FillNormal(rng, X);
  X.rowwise().normalize();
  return X;
}

void BM_DeepMlpGdStep(benchmark::State& state) {
  const int n = static_cast<int>(state.range(0)), m = static_cast<int>(state.range(1));
  Rng rng(1);
  const Eigen::MatrixXd X = UnitRows(rng, n);
  Eigen::VectorXd y(n);
  FillNormal(rng, y);
  DeepMlp net = DeepMlp::Init(kD, m, kL, kBeta, Activation::kRelu, rng);
  DeepMlp::Gradient g;
  for (auto _ : state) {
    benchmark::DoNotOptimize(net.LossAndGradient(X, y, &g));
    net.Step(g, 1e-4);  // small: many iterations must not diverge
  }
  state.counters["GFLOP/s"] = benchmark::Counter(6.0 * n * m * (kD + (kL - 2.0) * m) * 1e-9,
                                                 benchmark::Counter::kIsIterationInvariantRate);
}
BENCHMARK(BM_DeepMlpGdStep)
    ->Args({20, 256})
    ->Args({20, 1024})
    ->Args({200, 256})
    ->ArgNames({"n", "m"});

void BM_DeepMlpEmpiricalNtk(benchmark::State& state) {
  const int n = static_cast<int>(state.range(0)), m = static_cast<int>(state.range(1));
  Rng rng(2);
  const Eigen::MatrixXd X = UnitRows(rng, n);
  const DeepMlp net = DeepMlp::Init(kD, m, kL, kBeta, Activation::kRelu, rng);
  for (auto _ : state) benchmark::DoNotOptimize(net.EmpiricalNtk(X, X).data());
}
BENCHMARK(BM_DeepMlpEmpiricalNtk)
    ->Args({20, 1024})
    ->Args({200, 1024})
    ->ArgNames({"n", "m"})
    ->Unit(benchmark::kMillisecond);

void BM_DeepNtkRecursion(benchmark::State& state) {
  Rng rng(2);
  const Eigen::MatrixXd X = UnitRows(rng, static_cast<int>(state.range(0)));
  for (auto _ : state) benchmark::DoNotOptimize(DeepNtk(X, X, kL, kBeta, Activation::kRelu).data());
  state.SetItemsProcessed(state.iterations() * state.range(0) * state.range(0));
}
BENCHMARK(BM_DeepNtkRecursion)->Arg(200)->Arg(1000)->ArgName("n")->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace thmcheck
