// Micro-benchmarks of the three-layer ResNet at the alpha_separation sizes
// (docs/claims/alpha_separation.md, Calibration: d = 30, k = 8, m = 256, batch B = 50,
// N = 2000–4000): one mini-batch gradient (the inner loop, 80 batches per epoch at N = 4000), one
// training epoch, and the empirical NTK Gram matrix.
// Legend: B batch, n samples, d input dim, m width, k outputs. "GFLOP/s" counts the matrix
// products only: bottleneck 2B(2dm + 7mk) per gradient, full 2B(2dm + 3m² + 3mk).
#include <benchmark/benchmark.h>

#include <cmath>
#include <numeric>
#include <vector>

#include "learners/resnet3.h"

namespace thmcheck {
namespace {

constexpr int kD = 30, kK = 8;

Eigen::MatrixXd CubeInputs(Rng& rng, int n) {
  Eigen::MatrixXd x(n, kD);
  FillSign(rng, x);
  return x / std::sqrt(static_cast<double>(kD));
}

ResNet3 Net(int m, SecondLayer second, Rng& rng) {
  ResNet3Options o;
  o.d = kD;
  o.m = m;
  o.k = kK;
  o.second = second;
  o.v_scale = 0.5;
  return ResNet3::Init(o, rng);
}

void BM_ResNet3BatchGradient(benchmark::State& state, SecondLayer second) {
  const int b = static_cast<int>(state.range(0)), m = static_cast<int>(state.range(1));
  const int n = 4000;
  Rng rng(1);
  const Eigen::MatrixXd x = CubeInputs(rng, n);
  Eigen::MatrixXd y(n, kK);
  FillNormal(rng, y);
  const ResNet3 net = Net(m, second, rng);
  std::vector<int> rows(b);
  std::iota(rows.begin(), rows.end(), 17);
  ResNet3::Gradient g;
  net.LossAndGradientOnRows(x, y, rows, 1.0 / b, &g);  // warm the scratch: nothing is allocated
  for (auto _ : state) benchmark::DoNotOptimize(net.LossAndGradientOnRows(x, y, rows, 1.0 / b, &g));
  const double flops = second == SecondLayer::kBottleneck
                           ? 2.0 * b * (2.0 * kD * m + 7.0 * m * kK)
                           : 2.0 * b * (2.0 * kD * m + 3.0 * m * m + 3.0 * m * kK);
  state.counters["GFLOP/s"] =
      benchmark::Counter(flops * 1e-9, benchmark::Counter::kIsIterationInvariantRate);
}
BENCHMARK_CAPTURE(BM_ResNet3BatchGradient, bottleneck, SecondLayer::kBottleneck)
    ->Args({50, 256})
    ->Args({50, 1024})
    ->ArgNames({"B", "m"});
BENCHMARK_CAPTURE(BM_ResNet3BatchGradient, full, SecondLayer::kFull)
    ->Args({50, 256})
    ->ArgNames({"B", "m"});

void BM_ResNet3Epoch(benchmark::State& state) {
  const int n = static_cast<int>(state.range(0)), m = 256;
  Rng rng(2);
  const Eigen::MatrixXd x = CubeInputs(rng, n);
  Eigen::MatrixXd y(n, kK);
  FillNormal(rng, y);
  ResNet3 net = Net(m, SecondLayer::kBottleneck, rng);
  ResNet3TrainOptions t;
  t.epochs = 1;
  t.lr = 1e-3;  // small: the benchmark must not diverge over many iterations
  for (auto _ : state) benchmark::DoNotOptimize(TrainResNet3(&net, x, y, t, rng).epoch_loss);
}
BENCHMARK(BM_ResNet3Epoch)->Arg(2000)->Arg(4000)->ArgName("n")->Unit(benchmark::kMillisecond);

void BM_ResNet3Ntk(benchmark::State& state, NtkOutputs outputs) {
  const int n = static_cast<int>(state.range(0)), m = 256;
  Rng rng(3);
  const Eigen::MatrixXd x = CubeInputs(rng, n);
  const ResNet3 net = Net(m, SecondLayer::kBottleneck, rng);
  for (auto _ : state) benchmark::DoNotOptimize(ResNet3EmpiricalNtk(net, x, x, outputs).data());
}
BENCHMARK_CAPTURE(BM_ResNet3Ntk, mean, NtkOutputs::kMean)
    ->Arg(1000)
    ->Arg(2000)
    ->ArgName("n")
    ->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_ResNet3Ntk, per_output, NtkOutputs::kPerOutput)
    ->Arg(1000)
    ->ArgName("n")
    ->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace thmcheck
