// Micro-benchmarks of random-features regression (random_features.h), the finite-width kernel of
// the parity lower bound: the feature map Φ = √(2/D)·relu(XWᵀ + b) and the ridge solve, primal
// ((ΦᵀΦ + λI)⁻¹ΦᵀY when D ≤ n) and dual (Φᵀ(ΦΦᵀ + λI)⁻¹Y when D > n). Legend: n samples,
// d = 16, D features, q = 1 output, λ = 1e-3.
#include <benchmark/benchmark.h>

#include "learners/random_features.h"

namespace thmcheck {
namespace {

constexpr int kD = 16;

void BM_RandomFeatureMap(benchmark::State& state) {
  const int n = static_cast<int>(state.range(0)), features = static_cast<int>(state.range(1));
  Rng rng(1);
  Eigen::MatrixXd X(n, kD);
  FillSign(rng, X);
  const RandomReluFeatures f = DrawRandomReluFeatures(rng, features, kD, 0.5);
  Eigen::MatrixXd phi;
  for (auto _ : state) {
    RandomFeatureMap(f, X, &phi);
    benchmark::DoNotOptimize(phi.data());
  }
}
BENCHMARK(BM_RandomFeatureMap)->Args({1000, 256})->Args({1000, 2048})->ArgNames({"n", "D"});

void BM_RandomFeaturesRidge(benchmark::State& state) {
  const int n = static_cast<int>(state.range(0)), features = static_cast<int>(state.range(1));
  Rng rng(2);
  Eigen::MatrixXd X(n, kD), Y(n, 1), phi;
  FillSign(rng, X);
  FillNormal(rng, Y);
  RandomFeatureMap(DrawRandomReluFeatures(rng, features, kD, 0.5), X, &phi);
  for (auto _ : state) benchmark::DoNotOptimize(RandomFeaturesRidge(phi, Y, 1e-3).data());
}
BENCHMARK(BM_RandomFeaturesRidge)
    ->Args({1000, 256})  // primal: D ≤ n
    ->Args({500, 2048})  // dual: D > n
    ->ArgNames({"n", "D"})
    ->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace thmcheck
