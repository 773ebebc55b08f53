// Random ReLU features and their ridge regression; see random_features.h.
#include "learners/random_features.h"

#include <cmath>
#include <limits>
#include <sstream>
#include <utility>

#include <Eigen/Cholesky>
#include <Eigen/QR>

#include "harness/contract.h"
#include "learners/cross_products.h"

namespace thmcheck {

RandomReluFeatures DrawRandomReluFeatures(Rng& rng, int num_features, int d, double bias) {
  THM_CHECK_GE(num_features, 1);
  THM_CHECK_GE(d, 1);
  THM_CHECK_MSG(bias >= 0.0 && std::isfinite(bias), "bias = " << bias);
  RandomReluFeatures f;
  f.w.resize(num_features, d);
  f.b.resize(num_features);
  f.bias = bias;
  for (int r = 0; r < num_features; ++r) {  // feature by feature: width sweeps nest
    for (int j = 0; j < d; ++j) f.w(r, j) = rng.Normal();
    f.b(r) = bias * rng.Normal();
  }
  return f;
}

void RandomFeatureMap(const RandomReluFeatures& features, const Eigen::MatrixXd& X,
                      Eigen::MatrixXd* phi) {
  THM_CHECK_EQ(X.cols(), features.w.cols());
  const Eigen::Index num_features = features.w.rows();
  if (phi->rows() != X.rows() || phi->cols() != num_features) phi->resize(X.rows(), num_features);
  phi->noalias() = X * features.w.transpose();
  phi->rowwise() += features.b.transpose();
  // NOTE: max(0, NaN) would silently turn a NaN into 0 under std::max's argument order; the
  // select keeps NaN (a diverged input must stay visible).
  const double weight = std::sqrt(2.0 / static_cast<double>(num_features));
  *phi = (phi->array() < 0.0).select(0.0, *phi) * weight;
}

Eigen::MatrixXd RandomFeaturesRidge(const Eigen::MatrixXd& phi, const Eigen::MatrixXd& Y,
                                    double ridge) {
  THM_CHECK_EQ(phi.rows(), Y.rows());
  THM_CHECK_MSG(ridge >= 0.0 && std::isfinite(ridge), "ridge = " << ridge);
  if (ridge == 0.0) {
    Eigen::CompleteOrthogonalDecomposition<Eigen::MatrixXd> cod(phi);
    cod.setThreshold(static_cast<double>(std::max(phi.rows(), phi.cols())) *
                     std::numeric_limits<double>::epsilon());
    return cod.solve(Y);
  }
  if (phi.cols() <= phi.rows()) {  // primal: D×D system
    Eigen::MatrixXd a = phi.transpose() * phi;
    a.diagonal().array() += ridge;
    const Eigen::LDLT<Eigen::MatrixXd> ldlt(a);
    THM_CHECK(ldlt.info() == Eigen::Success);
    return ldlt.solve(phi.transpose() * Y);
  }
  Eigen::MatrixXd a = phi * phi.transpose();  // dual: n×n system
  a.diagonal().array() += ridge;
  const Eigen::LDLT<Eigen::MatrixXd> ldlt(a);
  THM_CHECK(ldlt.info() == Eigen::Success);
  return phi.transpose() * ldlt.solve(Y);
}

RandomFeaturesModel FitRandomFeatures(Rng& rng, const Eigen::MatrixXd& X, const Eigen::MatrixXd& Y,
                                      int num_features, double ridge, double bias) {
  RandomFeaturesModel model;
  model.features = DrawRandomReluFeatures(rng, num_features, static_cast<int>(X.cols()), bias);
  Eigen::MatrixXd phi;
  RandomFeatureMap(model.features, X, &phi);
  model.beta = RandomFeaturesRidge(phi, Y, ridge);
  return model;
}

Eigen::MatrixXd PredictRandomFeatures(const RandomFeaturesModel& model, const Eigen::MatrixXd& X) {
  Eigen::MatrixXd phi;
  RandomFeatureMap(model.features, X, &phi);
  return phi * model.beta;
}

RandomFeaturesKernel::RandomFeaturesKernel(RandomReluFeatures features)
    : features_(std::move(features)) {}

std::string RandomFeaturesKernel::Name() const {
  std::ostringstream os;
  os.precision(6);
  os << "rf_relu(D=" << features_.w.rows() << ",bias=" << features_.bias << ")";
  return os.str();
}

Eigen::MatrixXd RandomFeaturesKernel::Gram(const Eigen::MatrixXd& X1,
                                           const Eigen::MatrixXd& X2) const {
  Eigen::MatrixXd phi1, phi2;
  RandomFeatureMap(features_, X1, &phi1);
  if (SameMatrix(X1, X2)) return CrossProducts(phi1, phi1, true);  // one feature map, not two
  RandomFeatureMap(features_, X2, &phi2);
  return CrossProducts(phi1, phi2, false);
}

}  // namespace thmcheck
