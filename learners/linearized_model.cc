// Linearized model in function space; see linearized_model.h for why the update is exact.
#include "learners/linearized_model.h"

#include <utility>

#include "harness/contract.h"
#include "learners/two_layer_net.h"

namespace thmcheck {

LinearizedModel::LinearizedModel(Eigen::VectorXd u_train, Eigen::VectorXd u_test,
                                 Eigen::MatrixXd h0, Eigen::MatrixXd theta0, Eigen::VectorXd y)
    : u_train_(std::move(u_train)),
      u_test_(std::move(u_test)),
      h0_(std::move(h0)),
      theta0_(std::move(theta0)),
      y_(std::move(y)),
      r_(u_train_.size()) {
  const Eigen::Index n = u_train_.size();
  THM_CHECK_EQ(y_.size(), n);
  THM_CHECK_EQ(h0_.rows(), n);
  THM_CHECK_EQ(h0_.cols(), n);
  THM_CHECK_EQ(theta0_.rows(), u_test_.size());
  THM_CHECK_EQ(theta0_.cols(), n);
}

LinearizedModel LinearizedModel::FromNet(const TwoLayerNet& net,
                                         const Eigen::Ref<const Eigen::MatrixXd>& x_train,
                                         const Eigen::Ref<const Eigen::VectorXd>& y,
                                         const Eigen::Ref<const Eigen::MatrixXd>& x_test) {
  return LinearizedModel(net.Forward(x_train), net.Forward(x_test),
                         EmpiricalNtk(net, x_train, x_train), EmpiricalNtk(net, x_test, x_train),
                         y);
}

void LinearizedModel::Step(double eta) {
  r_ = u_train_ - y_;
  u_train_.noalias() -= eta * (h0_ * r_);
  u_test_.noalias() -= eta * (theta0_ * r_);
  ++steps_;
}

}  // namespace thmcheck
