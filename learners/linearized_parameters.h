// The linearized model of a TwoLayerNet in parameter space: the parameters θ̄(t) of gradient
// descent on ½ Σ_i (f_lin(x_i) − y_i)², f_lin(θ) = f(θ₀) + J₀(θ − θ₀), both layers:
//   θ̄ ← θ̄ − η J₀ᵀ (f_lin(θ̄) − y),  J₀ the n×p Jacobian of f at θ₀ (p = m(d + 1)).
// Why: Chizat, Oyallon, Bach 2019 (arXiv 1812.07956, Thm 2.2) bound the distance of the trained
// parameters to these, ‖θ(t) − θ̄(t)‖ = O(1/α²), not only the outputs: claim
// lazy_training_scale. (learners/linearized_model.h runs the same model in function space.)
// Legend: n train points (rows of X), d input dim, m width, p = m(d + 1) parameters, θ flattened
// as (vec W column by column, a): entry k·m + r is W(r, k), entry m·d + r is a_r.
#pragma once

#include <Eigen/Core>

#include "learners/two_layer_net.h"

namespace thmcheck {

// ∂f(x_i)/∂θ for every row of X (n×p, the order above): c a_r σ'(w_r·x_i) x_ik for W(r, k),
// c σ(w_r·x_i) for a_r. O(n·m·d) time and memory.
Eigen::MatrixXd ParameterJacobian(const TwoLayerNet& net,
                                  const Eigen::Ref<const Eigen::MatrixXd>& X);
// θ flattened in the order above.
Eigen::VectorXd FlattenParameters(const TwoLayerNet& net);

class LinearizedParameters {
 public:
  // Starts at θ̄ = θ₀ of `net0`, on the points X (n×d) with labels y (n).
  LinearizedParameters(const TwoLayerNet& net0, const Eigen::Ref<const Eigen::MatrixXd>& X,
                       const Eigen::Ref<const Eigen::VectorXd>& y);

  // One GD step of size η: O(n·p), no allocation.
  void Step(double eta);

  // f_lin(θ̄) on X (n).
  const Eigen::VectorXd& outputs() const { return u_; }
  // ‖θ − θ̄‖ for a net of θ₀'s shape (its flattened parameters against θ₀ + δ). O(p).
  double DistanceTo(const TwoLayerNet& net) const;

 private:
  Eigen::MatrixXd jacobian_;  // J₀, n×p
  Eigen::VectorXd theta0_;    // θ₀ flattened, p
  Eigen::VectorXd delta_;     // θ̄ − θ₀, p
  Eigen::VectorXd u0_;        // f(θ₀), n
  Eigen::VectorXd u_;         // f_lin(θ̄), n
  Eigen::VectorXd y_;
  Eigen::VectorXd r_;  // residual scratch
};

}  // namespace thmcheck
