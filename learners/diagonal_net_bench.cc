// Micro-benchmark of the diagonal network's SGD (diagonal_net.h) at the sparse-regression size of
// Andriushchenko et al. 2023 (n = 80, d = 200): 10⁴ batch-1 steps per iteration, a tenth of one
// run. "items_per_second" counts SGD steps.
#include <benchmark/benchmark.h>

#include "learners/diagonal_net.h"

namespace thmcheck {
namespace {

void BM_DiagonalNetSgd(benchmark::State& state) {
  const int n = 80, d = static_cast<int>(state.range(0));
  constexpr int64_t kSteps = 10000;
  Rng rng(1);
  Eigen::MatrixXd X(n, d);
  Eigen::VectorXd y(n);
  FillNormal(rng, X);
  FillNormal(rng, y, 0.1);
  for (auto _ : state) {
    DiagonalNet net = DiagonalNetInit(d, 0.1);
    TrainDiagonalSgd(&net, X, y, {.gamma = 0.01},
                     {.steps = kSteps, .divergence_loss = 1e300, .check_every = kSteps}, rng);
    benchmark::DoNotOptimize(net.u.data());
  }
  state.SetItemsProcessed(state.iterations() * kSteps);
}
BENCHMARK(BM_DiagonalNetSgd)->Arg(200)->ArgNames({"d"})->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace thmcheck
