// Micro-benchmarks of the linearized model (linearized_model.h) that claim ntk_closeness trains in
// lock-step with every net: building it from a net (f₀ and the two empirical NTK Grams H₀, Θ₀) and
// one GD step in function space (two matrix-vector products, no allocation).
// Legend: n train = n test points, d = 10, m width.
#include <benchmark/benchmark.h>

#include "learners/linearized_model.h"

namespace thmcheck {
namespace {

struct Data {
  Eigen::MatrixXd X, X_test;
  Eigen::VectorXd y;
};

Data MakeData(Rng& rng, int n) {
  Data data{Eigen::MatrixXd(n, 10), Eigen::MatrixXd(n, 10), Eigen::VectorXd(n)};
  FillNormal(rng, data.X);
  FillNormal(rng, data.X_test);
  FillNormal(rng, data.y);
  data.X.rowwise().normalize();
  data.X_test.rowwise().normalize();
  return data;
}

void BM_LinearizedFromNet(benchmark::State& state) {
  const int n = static_cast<int>(state.range(0)), m = static_cast<int>(state.range(1));
  Rng rng(1);
  const Data data = MakeData(rng, n);
  const TwoLayerNet net = TwoLayerNet::Init(10, m, Scaling::kNtk, Activation::kRelu, rng);
  for (auto _ : state) {
    benchmark::DoNotOptimize(LinearizedModel::FromNet(net, data.X, data.y, data.X_test).Loss());
  }
}
BENCHMARK(BM_LinearizedFromNet)->Args({20, 4096})->Args({200, 1024})->ArgNames({"n", "m"});

void BM_LinearizedStep(benchmark::State& state) {
  const int n = static_cast<int>(state.range(0));
  Rng rng(2);
  const Data data = MakeData(rng, n);
  const TwoLayerNet net = TwoLayerNet::Init(10, 1024, Scaling::kNtk, Activation::kRelu, rng);
  LinearizedModel model = LinearizedModel::FromNet(net, data.X, data.y, data.X_test);
  for (auto _ : state) {
    model.Step(1e-3);
    benchmark::DoNotOptimize(model.u_train().data());
  }
}
BENCHMARK(BM_LinearizedStep)->Arg(20)->Arg(200)->ArgName("n");

}  // namespace
}  // namespace thmcheck
