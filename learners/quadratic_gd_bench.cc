// Micro-benchmark of GD on a quadratic loss (quadratic_gd.h): one full run of annealing_convex's
// small-step schedule S at κ = 1000 (≈ 3·10⁴ steps on a 2×2 Hessian), and the same run on a
// d×d Hessian (the least-squares arm's d = 20). "items_per_second" counts GD steps.
#include <benchmark/benchmark.h>

#include <cmath>

#include "learners/quadratic_gd.h"

namespace thmcheck {
namespace {

void BM_QuadraticGdRun(benchmark::State& state) {
  const int d = static_cast<int>(state.range(0));
  const double kappa = 1000;
  Eigen::MatrixXd H = Eigen::MatrixXd::Zero(d, d);
  for (int k = 0; k < d; ++k) H(k, k) = std::pow(kappa, -static_cast<double>(k) / (d - 1));
  const Eigen::VectorXd e0 = Eigen::VectorXd::Ones(d);
  const GdRunOptions options{.eps = 1e-6, .max_steps = 10000000, .divergence_factor = 1e8};
  int64_t steps = 0;
  for (auto _ : state) {
    const GdRun run = RunQuadraticGd(H, e0, {.eta_small = 0.1}, options);
    steps += run.steps;
    benchmark::DoNotOptimize(run.residual.data());
  }
  state.SetItemsProcessed(steps);
}
BENCHMARK(BM_QuadraticGdRun)->Arg(2)->Arg(20)->ArgNames({"d"})->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace thmcheck
