// Micro-benchmarks of the parameter-space linearized model (linearized_parameters.h) that claim
// lazy_training_scale steps beside every net: the Jacobian J₀ (n×m(d + 1)), one GD step (two
// matrix-vector products with J₀, no allocation) and the distance ‖θ − θ̄‖ (one flatten).
// Legend: n points, d = 10, m width (the claim's n = 32, m = 1024).
#include <utility>

#include <benchmark/benchmark.h>

#include "learners/linearized_parameters.h"

namespace thmcheck {
namespace {

struct Setup {
  Eigen::MatrixXd X;
  Eigen::VectorXd y;
  TwoLayerNet net;
};

Setup MakeSetup(int n, int m) {
  Rng rng(1);
  Eigen::MatrixXd X(n, 10);
  FillNormal(rng, X);
  X.rowwise().normalize();
  Eigen::VectorXd y(n);
  FillNormal(rng, y);
  TwoLayerNet net = TwoLayerNet::InitSignPairs(10, m, Scaling::kMeanField, Activation::kTanh, rng);
  return {std::move(X), std::move(y), std::move(net)};
}

void BM_ParameterJacobian(benchmark::State& state) {
  const Setup s = MakeSetup(static_cast<int>(state.range(0)), static_cast<int>(state.range(1)));
  for (auto _ : state) benchmark::DoNotOptimize(ParameterJacobian(s.net, s.X).data());
}
BENCHMARK(BM_ParameterJacobian)->Args({32, 1024})->Args({32, 4096})->ArgNames({"n", "m"});

void BM_LinearizedParametersStepAndDistance(benchmark::State& state) {
  const Setup s = MakeSetup(static_cast<int>(state.range(0)), static_cast<int>(state.range(1)));
  LinearizedParameters lin(s.net, s.X, s.y);
  for (auto _ : state) {
    lin.Step(1e-3);
    benchmark::DoNotOptimize(lin.DistanceTo(s.net));
  }
}
BENCHMARK(BM_LinearizedParametersStepAndDistance)
    ->Args({32, 1024})
    ->Args({32, 4096})
    ->ArgNames({"n", "m"});

}  // namespace
}  // namespace thmcheck
