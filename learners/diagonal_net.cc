// Diagonal linear networks trained by SGD (batch 1) or GD; see diagonal_net.h.
#include "learners/diagonal_net.h"

#include <cmath>
#include <limits>

#include "harness/contract.h"

namespace thmcheck {

DiagonalNet DiagonalNetInit(int d, double alpha) {
  THM_CHECK_MSG(d >= 1, "d = " << d);
  return {Eigen::VectorXd::Constant(d, alpha), Eigen::VectorXd::Zero(d)};
}

double DiagonalTrainLoss(const DiagonalNet& net, const Eigen::MatrixXd& X,
                         const Eigen::VectorXd& y) {
  return (X * net.Beta() - y).squaredNorm() / (2.0 * static_cast<double>(X.rows()));
}

namespace {

void CheckShapes(const DiagonalNet& net, const Eigen::MatrixXd& X, const Eigen::VectorXd& y) {
  THM_CHECK_MSG(net.u.size() == X.cols() && net.v.size() == X.cols() && y.size() == X.rows(),
                "u " << net.u.size() << ", v " << net.v.size() << ", X " << X.rows() << "×"
                     << X.cols() << ", y " << y.size());
}

// Checks the train loss: false once the run has diverged or reached options.stop_loss.
bool CheckLoss(const DiagonalNet& net, const Eigen::MatrixXd& X, const Eigen::VectorXd& y,
               const DiagonalTrainOptions& options, DiagonalTrainResult* result) {
  result->loss = DiagonalTrainLoss(net, X, y);
  result->diverged = !std::isfinite(result->loss) || result->loss > options.divergence_loss;
  result->reached = !result->diverged && result->loss <= options.stop_loss;
  return !result->diverged && !result->reached;
}

// The loop both optimizers share: `step(t)` updates the net and returns false on a non-finite
// gradient (diverged, `steps` = t); the loss is checked every check_every steps and at the end.
template <class Step>
DiagonalTrainResult RunSteps(const DiagonalNet& net, const Eigen::MatrixXd& X,
                             const Eigen::VectorXd& y, const DiagonalTrainOptions& options,
                             Step step) {
  DiagonalTrainResult result;
  for (int64_t t = 0; t < options.steps; ++t) {
    if (!step(t)) {
      result.diverged = true;
      result.loss = std::numeric_limits<double>::quiet_NaN();
      return result;
    }
    result.steps = t + 1;
    if (result.steps % options.check_every == 0 && !CheckLoss(net, X, y, options, &result))
      return result;
  }
  CheckLoss(net, X, y, options, &result);
  return result;
}

}  // namespace

DiagonalTrainResult TrainDiagonalSgd(DiagonalNet* net, const Eigen::MatrixXd& X,
                                     const Eigen::VectorXd& y, const StepDecay& schedule,
                                     const DiagonalTrainOptions& options, Rng& rng) {
  CheckShapes(*net, X, y);
  const Eigen::MatrixXd Xt = X.transpose();  // d×n: sample i is a contiguous column
  const int64_t d = X.cols();
  double* u = net->u.data();
  double* v = net->v.data();
  return RunSteps(*net, X, y, options, [&](int64_t t) {
    const int64_t i = static_cast<int64_t>(rng.Below(static_cast<uint64_t>(X.rows())));
    const double* x = Xt.col(i).data();
    double residual = -y(i);  // ρ = xᵢᵀ(u ⊙ v) − yᵢ, summed in index order
    for (int64_t j = 0; j < d; ++j) residual += x[j] * (u[j] * v[j]);
    if (!std::isfinite(residual)) return false;
    const double step = schedule.GammaAt(t) * residual;
    for (int64_t j = 0; j < d; ++j) {
      const double uj = u[j], vj = v[j], g = step * x[j];
      u[j] = uj - g * vj;
      v[j] = vj - g * uj;
    }
    return true;
  });
}

DiagonalTrainResult TrainDiagonalGd(DiagonalNet* net, const Eigen::MatrixXd& X,
                                    const Eigen::VectorXd& y, const StepDecay& schedule,
                                    const DiagonalTrainOptions& options) {
  CheckShapes(*net, X, y);
  const double n = static_cast<double>(X.rows());
  // Reused every step: no allocation in the loop.
  Eigen::VectorXd beta(X.cols()), residual(X.rows()), correlation(X.cols()), u_old(X.cols());
  return RunSteps(*net, X, y, options, [&](int64_t t) {
    beta = net->u.cwiseProduct(net->v);
    residual.noalias() = X * beta;
    residual -= y;
    correlation.noalias() = X.transpose() * residual;
    correlation /= n;  // Xᵀ(Xβ − y)/n
    if (!correlation.allFinite()) return false;
    const double gamma = schedule.GammaAt(t);
    u_old = net->u;
    net->u -= gamma * correlation.cwiseProduct(net->v);
    net->v -= gamma * correlation.cwiseProduct(u_old);
    return true;
  });
}

}  // namespace thmcheck
