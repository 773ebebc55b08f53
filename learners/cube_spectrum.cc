// Krawtchouk spectra of dot-product kernels on {±1/√d}^d and exact span risks; see cube_spectrum.h.
#include "learners/cube_spectrum.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <sstream>

#include <boost/math/special_functions/binomial.hpp>

#include "harness/contract.h"
#include "learners/cross_products.h"

namespace thmcheck {
namespace {

double Binomial(int n, int k) {
  if (k < 0 || k > n) return 0.0;
  // Boost rounds the factorial ratio to the nearest integer: exact while C(n,k) ≪ 1/ε (n ≤ 40).
  return boost::math::binomial_coefficient<double>(static_cast<unsigned>(n),
                                                   static_cast<unsigned>(k));
}

void CheckDim(int d) {
  THM_CHECK_MSG(d >= 1 && d <= kMaxSpectrumDim,
                "d = " << d << " (allowed 1 … " << kMaxSpectrumDim << ")");
}

// χ_S on cube rows from coordinate signs. NOTE: mirrors concepts/boolean_cube.h Parity, which
// learners/ may not include; cube_spectrum_test checks the two agree.
Eigen::VectorXd ParityOnRows(const Eigen::MatrixXd& X, const std::vector<int>& subset) {
  Eigen::VectorXd chi = Eigen::VectorXd::Ones(X.rows());
  for (int j : subset) {
    THM_CHECK_MSG(j >= 0 && j < X.cols(), "subset entry " << j << ", d = " << X.cols());
    chi.array() *= (X.col(j).array() < 0.0).select(-1.0, Eigen::ArrayXd::Ones(X.rows()));
  }
  return chi;
}

}  // namespace

double Krawtchouk(int j, int w, int d) {
  CheckDim(d);
  THM_CHECK_MSG(j >= 0 && j <= d && w >= 0 && w <= d,
                "j = " << j << ", w = " << w << ", d = " << d);
  double sum = 0.0;  // every partial sum is an integer of size < 2^46: exact
  for (int i = 0; i <= std::min(j, w); ++i) {
    const double term = Binomial(w, i) * Binomial(d - w, j - i);
    sum += (i % 2 == 0) ? term : -term;
  }
  return sum;
}

Eigen::VectorXd CubeEigenvalues(const std::function<double(double)>& profile, int d) {
  CheckDim(d);
  Eigen::VectorXd kappa(d + 1);
  for (int w = 0; w <= d; ++w) kappa(w) = profile(1.0 - 2.0 * w / d);
  THM_CHECK_MSG(kappa.allFinite(), "profile is not finite on the cube grid: " << kappa.transpose());
  Eigen::VectorXd lambda(d + 1);
  const double inv_m = std::ldexp(1.0, -d);  // 2^{−d}, exact
  for (int j = 0; j <= d; ++j) {
    double sum = 0.0;
    for (int w = 0; w <= d; ++w) sum += kappa(w) * Krawtchouk(w, j, d);  // K_w(j): count form
    lambda(j) = inv_m * sum;
  }
  return lambda;
}

Eigen::VectorXd CubeEigenvalues(const Kernel& kernel, int d) {
  THM_CHECK_MSG(kernel.IsDotProductOnSphere(), kernel.Name() << " is not a dot-product kernel");
  return CubeEigenvalues([&kernel](double t) { return kernel.Profile(t); }, d);
}

double CubeEigenvalueErrorBound(const std::function<double(double)>& profile, int d) {
  CheckDim(d);
  double mean_abs = 0.0;
  for (int w = 0; w <= d; ++w) {
    mean_abs += std::ldexp(Binomial(d, w), -d) * std::abs(profile(1.0 - 2.0 * w / d));
  }
  return (d + 2) * std::numeric_limits<double>::epsilon() * mean_abs;
}

Eigen::VectorXd CubeProfileFromEigenvalues(const Eigen::VectorXd& mu, int d) {
  CheckDim(d);
  THM_CHECK_EQ(mu.size(), d + 1);
  Eigen::VectorXd kappa(d + 1);
  for (int w = 0; w <= d; ++w) {
    double sum = 0.0;
    for (int j = 0; j <= d; ++j) sum += mu(j) * Krawtchouk(j, w, d);
    kappa(w) = sum;
  }
  return kappa;
}

CubeSpectralKernel::CubeSpectralKernel(Eigen::VectorXd mu, int d)
    : mu_(std::move(mu)), d_(d), profile_(CubeProfileFromEigenvalues(mu_, d)) {
  THM_CHECK_MSG(mu_.allFinite() && (mu_.array() >= 0.0).all(),
                "eigenvalues must be finite and ≥ 0: " << mu_.transpose());
}

std::string CubeSpectralKernel::Name() const {
  std::ostringstream os;
  os.precision(4);
  os << "cube_spectral(d=" << d_ << ",mu=";
  for (int j = 0; j <= d_; ++j) os << (j ? ":" : "") << mu_(j);
  os << ")";
  return os.str();
}

int CubeSpectralKernel::WeightOf(double t) const {
  const double w_real = 0.5 * d_ * (1.0 - t);
  const double w = std::round(w_real);
  // Grid values are 2/d apart in t (1 apart in w); a cube pair's t is within (d + 2)·ε of one.
  THM_CHECK_MSG(
      std::abs(w_real - w) <= 0.25 && w >= 0 && w <= d_,
      "t = " << t << " is not an inner product of two points of the d = " << d_ << " cube");
  return static_cast<int>(w);
}

Eigen::MatrixXd CubeSpectralKernel::Gram(const Eigen::MatrixXd& X1,
                                         const Eigen::MatrixXd& X2) const {
  THM_CHECK_EQ(X1.cols(), d_);
  THM_CHECK_EQ(X2.cols(), d_);
  Eigen::MatrixXd K = CrossProducts(X1, X2);
  for (Eigen::Index j = 0; j < K.cols(); ++j) {
    for (Eigen::Index i = 0; i < K.rows(); ++i) K(i, j) = profile_(WeightOf(K(i, j)));
  }
  return K;
}

double CubeSpectralKernel::Profile(double t) const { return profile_(WeightOf(t)); }

Eigen::VectorXd SpanPredictorRisk(const Kernel& kernel, const Eigen::MatrixXd& x_train,
                                  const Eigen::MatrixXd& coefficients, const Eigen::MatrixXd& cube,
                                  const Eigen::MatrixXd& y_cube, int block_rows) {
  THM_CHECK_EQ(coefficients.rows(), x_train.rows());
  THM_CHECK_EQ(y_cube.rows(), cube.rows());
  THM_CHECK_EQ(y_cube.cols(), coefficients.cols());
  THM_CHECK_EQ(cube.cols(), x_train.cols());
  THM_CHECK_EQ(cube.rows(), Eigen::Index{1} << cube.cols());  // the whole cube, or it is no risk
  THM_CHECK_GE(block_rows, 1);
  Eigen::VectorXd sum = Eigen::VectorXd::Zero(coefficients.cols());
  Eigen::MatrixXd residual;  // reused across blocks
  for (Eigen::Index start = 0; start < cube.rows(); start += block_rows) {
    const Eigen::Index rows = std::min<Eigen::Index>(block_rows, cube.rows() - start);
    residual.noalias() = kernel.Gram(cube.middleRows(start, rows), x_train) * coefficients;
    residual -= y_cube.middleRows(start, rows);
    sum += residual.colwise().squaredNorm().transpose();
  }
  return sum / static_cast<double>(cube.rows());
}

Eigen::VectorXd SpanPredictorRiskSpectral(const Eigen::VectorXd& lambda,
                                          const Eigen::MatrixXd& x_train,
                                          const Eigen::MatrixXd& coefficients,
                                          const std::vector<ParityExpansion>& target) {
  const int d = static_cast<int>(x_train.cols());
  THM_CHECK_EQ(lambda.size(), d + 1);
  THM_CHECK_EQ(coefficients.rows(), x_train.rows());
  THM_CHECK_EQ(static_cast<Eigen::Index>(target.size()), coefficients.cols());
  // NOTE: λ_j of a real kernel can come out as −1e−17 (rounding, see CubeEigenvalues); squaring
  // makes it harmless, so no clamp is needed and none hides a genuine negative eigenvalue.
  const CubeSpectralKernel squared(lambda.array().square().matrix(), d);
  const Eigen::MatrixXd k2 = squared.Gram(x_train, x_train);
  Eigen::VectorXd risk(coefficients.cols());
  for (Eigen::Index q = 0; q < coefficients.cols(); ++q) {
    const Eigen::VectorXd c = coefficients.col(q);
    double cross = 0.0, target_norm2 = 0.0;
    for (size_t a = 0; a < target[q].size(); ++a) {
      const auto& [subset, coef] = target[q][a];
      for (size_t b = 0; b < a; ++b) THM_CHECK_MSG(target[q][b].first != subset, "repeated subset");
      const int degree = static_cast<int>(subset.size());
      THM_CHECK_LE(degree, d);
      cross += coef * lambda(degree) * c.dot(ParityOnRows(x_train, subset));
      target_norm2 += coef * coef;
    }
    risk(q) = c.dot(k2 * c) - 2.0 * cross + target_norm2;
  }
  return risk;
}

}  // namespace thmcheck
