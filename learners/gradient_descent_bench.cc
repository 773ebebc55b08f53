// Micro-benchmark of plain gradient descent (gradient_descent.h) through its std::function
// interface: one run to stationarity (‖∇f‖ ≤ 1e-10) on a d-dimensional diagonal quadratic with
// eigenvalues 1 … 2 at η = 0.5 (≈ 70 steps), d = 2 (the plane's size) and d = 24 (rank-k
// approximation's dk). "items_per_second" counts GD steps; the value is evaluated every step.
#include <benchmark/benchmark.h>

#include "learners/gradient_descent.h"

namespace thmcheck {
namespace {

void BM_GradientDescentRun(benchmark::State& state) {
  const int d = static_cast<int>(state.range(0));
  const Eigen::VectorXd lambda = Eigen::VectorXd::LinSpaced(d, 1.0, 2.0);
  const ValueFunction f = [&](const Eigen::VectorXd& z) {
    return 0.5 * (lambda.array() * z.array().square()).sum();
  };
  const GradientFunction grad = [&](const Eigen::VectorXd& z, Eigen::VectorXd* g) {
    g->array() = lambda.array() * z.array();
  };
  const GradientDescentOptions options{
      .eta = 0.5, .grad_tol = 1e-10, .max_steps = 100000, .divergence_norm = 1e6};
  const Eigen::VectorXd z0 = Eigen::VectorXd::Ones(d);
  int64_t steps = 0;
  for (auto _ : state) {
    const GradientDescentRun run = RunGradientDescent(f, grad, z0, options);
    steps += run.steps;
    benchmark::DoNotOptimize(run.z.data());
  }
  state.SetItemsProcessed(steps);
}
BENCHMARK(BM_GradientDescentRun)->Arg(2)->Arg(24)->ArgNames({"d"});

}  // namespace
}  // namespace thmcheck
