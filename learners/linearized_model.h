// The linearized model of a TwoLayerNet, trained by gradient descent in lock-step with the net:
//   f_lin(x; θ) = f(x; θ₀) + ∇_θ f(x; θ₀)·(θ − θ₀),  loss ½ Σ_i (f_lin(x_i) − y_i)².
// GD on θ gives θ_{t+1} = θ_t − η J₀ᵀ r_t (J₀ the n×p Jacobian at θ₀, r = u − y), and because f_lin
// is linear in θ this is EXACTLY, in function space:  u ← u − η H₀ r,  u_test ← u_test − η Θ₀ r,
// with H₀ = J₀J₀ᵀ (train×train) and Θ₀ = J₀,test J₀ᵀ (test×train): the empirical NTK at θ₀.
// Why: claim ntk_closeness's observable sup_t RMS(f_t − f_t^lin) (Lee et al. 2019, arXiv
// 1902.06720, §2 "linearized networks" and Thm 2.1). Legend: n train points, n_test test points,
// η step size, t step count.
#pragma once

#include <Eigen/Core>

#include "learners/two_layer_net.h"

namespace thmcheck {

class LinearizedModel {
 public:
  // u_train = f₀ on the train points (n), u_test = f₀ on the test points (n_test), h0 (n×n),
  // theta0 (n_test×n), y (n).
  LinearizedModel(Eigen::VectorXd u_train, Eigen::VectorXd u_test, Eigen::MatrixXd h0,
                  Eigen::MatrixXd theta0, Eigen::VectorXd y);
  // From a net at θ₀: f₀ by Forward, H₀ and Θ₀ by EmpiricalNtk (both layers).
  static LinearizedModel FromNet(const TwoLayerNet& net,
                                 const Eigen::Ref<const Eigen::MatrixXd>& x_train,
                                 const Eigen::Ref<const Eigen::VectorXd>& y,
                                 const Eigen::Ref<const Eigen::MatrixXd>& x_test);

  // One GD step of size η: r = u_train − y; u_train −= η H₀ r; u_test −= η Θ₀ r. O(n² + n_test·n),
  // no allocation. Converges iff 0 < η < 2/λ_max(H₀) (on the range of H₀).
  void Step(double eta);

  const Eigen::VectorXd& u_train() const { return u_train_; }
  const Eigen::VectorXd& u_test() const { return u_test_; }
  const Eigen::VectorXd& y() const { return y_; }
  const Eigen::MatrixXd& h0() const { return h0_; }
  const Eigen::MatrixXd& theta0() const { return theta0_; }
  double Loss() const { return 0.5 * (u_train_ - y_).squaredNorm(); }  // ½ Σ (u − y)²
  int steps() const { return steps_; }

 private:
  Eigen::VectorXd u_train_, u_test_;
  Eigen::MatrixXd h0_, theta0_;
  Eigen::VectorXd y_;
  Eigen::VectorXd r_;  // residual scratch
  int steps_ = 0;
};

}  // namespace thmcheck
