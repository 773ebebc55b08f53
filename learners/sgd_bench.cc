// Micro-benchmarks of the SGD building blocks (sgd.h) in the ResNet training loop: one momentum +
// weight-decay update of a parameter slot (three passes over it: decay, velocity, step), and one
// epoch's Fisher–Yates permutation. Legend: rows × cols of the slot (the ResNet's W is m×d,
// V is m×m at m = 256 … 1024), n samples. "bytes_per_second" counts the slot's three passes.
#include <benchmark/benchmark.h>

#include "learners/sgd.h"

namespace thmcheck {
namespace {

void BM_MomentumSgdUpdate(benchmark::State& state) {
  const int rows = static_cast<int>(state.range(0)), cols = static_cast<int>(state.range(1));
  Rng rng(1);
  Eigen::MatrixXd param(rows, cols), grad(rows, cols);
  FillNormal(rng, param);
  FillNormal(rng, grad);
  MomentumSgd sgd({.lr = 1e-3, .momentum = 0.9, .weight_decay = 5e-4});
  sgd.Update(0, param, grad);  // allocates the velocity: the timed loop does not
  for (auto _ : state) {
    sgd.Update(0, param, grad);
    benchmark::DoNotOptimize(param.data());
  }
  state.SetBytesProcessed(state.iterations() * 3 * rows * cols * sizeof(double));
}
BENCHMARK(BM_MomentumSgdUpdate)->Args({256, 30})->Args({1024, 1024})->ArgNames({"rows", "cols"});

void BM_Permutation(benchmark::State& state) {
  Rng rng(2);
  for (auto _ : state)
    benchmark::DoNotOptimize(Permutation(rng, static_cast<int>(state.range(0))).data());
}
BENCHMARK(BM_Permutation)->Arg(4000)->ArgName("n");

}  // namespace
}  // namespace thmcheck
