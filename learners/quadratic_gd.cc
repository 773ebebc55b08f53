// GD on a quadratic loss under a step schedule; see quadratic_gd.h.
#include "learners/quadratic_gd.h"

#include <cmath>

#include "harness/contract.h"

namespace thmcheck {

double QuadraticLoss(const Eigen::MatrixXd& H, const Eigen::VectorXd& e) {
  return 0.5 * e.dot(H * e);
}

GdRun RunQuadraticGd(const Eigen::MatrixXd& H, const Eigen::VectorXd& e0,
                     const StepSchedule& schedule, const GdRunOptions& options) {
  THM_CHECK_MSG(H.rows() == H.cols() && H.rows() == e0.size(),
                "H is " << H.rows() << "×" << H.cols() << ", e₀ has " << e0.size());
  THM_CHECK_MSG(options.eps > 0 && options.max_steps >= 0 && options.divergence_factor > 1,
                "ε " << options.eps << ", cap " << options.max_steps << ", divergence factor "
                     << options.divergence_factor);
  GdRun run;
  run.residual = e0;
  Eigen::VectorXd He(e0.size());  // reused: one allocation per run, not per step
  He.noalias() = H * run.residual;
  const double loss0 = 0.5 * run.residual.dot(He);
  for (;;) {
    run.train_loss = 0.5 * run.residual.dot(He);
    if (!std::isfinite(run.train_loss) || run.train_loss > options.divergence_factor * loss0) {
      run.end = GdEnd::kDiverged;
      return run;
    }
    if (run.train_loss <= options.eps) {
      run.end = GdEnd::kReached;
      return run;
    }
    if (run.steps == options.stop_at) {
      run.end = GdEnd::kStopped;
      return run;
    }
    if (run.steps == options.max_steps) {
      run.end = GdEnd::kCapped;
      return run;
    }
    run.residual -= schedule.EtaAt(run.steps) * He;
    He.noalias() = H * run.residual;
    ++run.steps;
  }
}

}  // namespace thmcheck
