// Micro-benchmarks for kernel regression on the cube {±1/√d}^d (sizes of claim parity_lower_bound,
// docs/claims/parity_lower_bound.md): Gram construction, a direct KRR solve, a 20-ridge path from
// one eigendecomposition, and the exact span projection on the enumerated cube. Legend: n train
// points, d = 16 (12 for enumeration), M = 2^d. Points are built here from Rng signs (learners/ may
// not include concepts/).
#include <cmath>

#include <benchmark/benchmark.h>

#include "harness/rng.h"
#include "learners/kernel_regression.h"
#include "learners/kernels.h"

namespace thmcheck {
namespace {

Eigen::MatrixXd CubePoints(Rng& rng, int n, int d) {
  Eigen::MatrixXd X(n, d);
  FillSign(rng, X);
  return X / std::sqrt(static_cast<double>(d));
}

Eigen::MatrixXd WholeCube(int d) {
  Eigen::MatrixXd X(Eigen::Index{1} << d, d);
  for (Eigen::Index b = 0; b < X.rows(); ++b) {
    for (int j = 0; j < d; ++j) X(b, j) = ((b >> j) & 1) ? -1.0 : 1.0;
  }
  return X / std::sqrt(static_cast<double>(d));
}

void BM_GramRbf(benchmark::State& state) {
  Rng rng(1);
  const Eigen::MatrixXd X = CubePoints(rng, static_cast<int>(state.range(0)), 16);
  const RbfKernel kernel(1.0);
  for (auto _ : state) benchmark::DoNotOptimize(kernel.Gram(X, X).data());
  state.SetComplexityN(state.range(0));
}
BENCHMARK(BM_GramRbf)->Arg(256)->Arg(512)->Arg(1024)->Unit(benchmark::kMillisecond);

void BM_GramArcCos1(benchmark::State& state) {
  Rng rng(2);
  const Eigen::MatrixXd X = CubePoints(rng, static_cast<int>(state.range(0)), 16);
  const ArcCosineKernel kernel(1, 0.5);
  for (auto _ : state) benchmark::DoNotOptimize(kernel.Gram(X, X).data());
}
BENCHMARK(BM_GramArcCos1)->Arg(256)->Arg(512)->Arg(1024)->Unit(benchmark::kMillisecond);

void BM_KrrGramAndSolve(benchmark::State& state) {
  const int n = static_cast<int>(state.range(0));
  Rng rng(3);
  const Eigen::MatrixXd X = CubePoints(rng, n, 16);
  Eigen::MatrixXd Y(n, 1);
  FillNormal(rng, Y);
  const RbfKernel kernel(1.0);
  for (auto _ : state) benchmark::DoNotOptimize(KrrSolve(kernel.Gram(X, X), Y, 1e-3).data());
}
BENCHMARK(BM_KrrGramAndSolve)->Arg(256)->Arg(512)->Arg(1024)->Unit(benchmark::kMillisecond);

void BM_RidgePath20(benchmark::State& state) {
  const int n = static_cast<int>(state.range(0));
  Rng rng(4);
  const Eigen::MatrixXd X = CubePoints(rng, n, 16);
  Eigen::MatrixXd Y(n, 1);
  FillNormal(rng, Y);
  const Eigen::MatrixXd K = RbfKernel(1.0).Gram(X, X);
  const Eigen::VectorXd ridges = RidgeGrid(K, 20);
  for (auto _ : state) {
    const KernelRidgePath path(K, Y);
    for (int i = 0; i < ridges.size(); ++i) {
      benchmark::DoNotOptimize(path.Coefficients(ridges(i)).data());
    }
  }
}
BENCHMARK(BM_RidgePath20)->Arg(256)->Arg(512)->Arg(1024)->Unit(benchmark::kMillisecond);

void BM_SpanProjectionWholeCube(benchmark::State& state) {
  const int n = static_cast<int>(state.range(0)), d = 12;
  Rng rng(5);
  const Eigen::MatrixXd X = CubePoints(rng, n, d), cube = WholeCube(d);
  Eigen::MatrixXd y(cube.rows(), 1);
  FillSign(rng, y);
  const RbfKernel kernel(1.0);
  for (auto _ : state) benchmark::DoNotOptimize(ProjectOntoSpan(kernel, X, cube, y).risk.data());
}
BENCHMARK(BM_SpanProjectionWholeCube)->Arg(64)->Arg(256)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace thmcheck
