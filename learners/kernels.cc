// Gram matrices and dot-product profiles of the kernel family; see kernels.h.
#include "learners/kernels.h"

#include <algorithm>
#include <cmath>
#include <numbers>
#include <sstream>

#include "harness/contract.h"
#include "learners/cross_products.h"
#include "learners/deep_mlp.h"
#include "learners/two_layer_net.h"

namespace thmcheck {
namespace {

// A pair is recomputed directly when its expanded squared distance is below this fraction of
// ‖x‖² + ‖x'‖². The expansion's absolute error is ≈ (d + 2)·ε·(‖x‖² + ‖x'‖²) (a d-term GEMM sum
// plus two additions), so pairs kept have relative error ≤ (d + 2)·ε/1e−4 ≈ 2e−10 at d = 16;
// recomputed pairs carry only the direct sum's (d + 1)·ε relative error.
constexpr double kRecomputeFraction = 1e-4;

// Pairs with |cos θ| above 1 − this are re-derived from ‖u ∓ u'‖: arccos(c) near ±1 turns a
// rounding δ ≈ 4ε of c into an angle error √(2δ) ≈ 4e−8; kept pairs have sin θ ≥ √(2·1e−4) = 0.014,
// so their angle error is ≤ δ/0.014 ≈ 6e−14.
constexpr double kNearParallelCos = 1e-4;

std::string Format(const std::string& name, const std::string& params) {
  return name + "(" + params + ")";
}

std::string Num(double v) {
  std::ostringstream os;
  os.precision(6);
  os << v;
  return os.str();
}

void CheckSameDim(const Eigen::MatrixXd& X1, const Eigen::MatrixXd& X2) {
  THM_CHECK_EQ(X1.cols(), X2.cols());
}

double ClampUnit(double c) { return std::clamp(c, -1.0, 1.0); }

// The angular part J_n(θ) of Cho & Saul 2009 (§2), for n = 0, 1.
double ArcCosJ(int order, double theta) {
  if (order == 0) return std::numbers::pi - theta;
  return std::sin(theta) + (std::numbers::pi - theta) * std::cos(theta);
}

}  // namespace

double Kernel::Profile(double /*t*/) const {
  // Reached only by kernels without a profile (or a dot-product kernel that forgot to override).
  THM_CHECK_MSG(false, Name() << " has no dot-product profile");
  return 0.0;
}

Eigen::MatrixXd SquaredDistances(const Eigen::MatrixXd& X1, const Eigen::MatrixXd& X2) {
  CheckSameDim(X1, X2);
  const Eigen::VectorXd sq1 = X1.rowwise().squaredNorm();
  const Eigen::VectorXd sq2 = X2.rowwise().squaredNorm();
  const bool same = SameMatrix(X1, X2);
  Eigen::MatrixXd D = -2.0 * X1 * X2.transpose();  // made symmetric once, at the end
  D.colwise() += sq1;
  D.rowwise() += sq2.transpose();
  for (Eigen::Index j = 0; j < D.cols(); ++j) {
    for (Eigen::Index i = 0; i < D.rows(); ++i) {
      if (D(i, j) < kRecomputeFraction * (sq1(i) + sq2(j))) {  // NaN skips this: it stays NaN
        D(i, j) = (X1.row(i) - X2.row(j)).squaredNorm();
      }
    }
  }
  if (same) MirrorLowerTriangle(D);  // ‖x‖² + ‖x'‖² rounds by order too
  return D;
}

RbfKernel::RbfKernel(double sigma) : sigma_(sigma) {
  THM_CHECK_MSG(sigma > 0.0 && std::isfinite(sigma), "sigma = " << sigma);
}
std::string RbfKernel::Name() const { return Format("rbf", "sigma=" + Num(sigma_)); }
Eigen::MatrixXd RbfKernel::Gram(const Eigen::MatrixXd& X1, const Eigen::MatrixXd& X2) const {
  return (SquaredDistances(X1, X2) * (-0.5 / (sigma_ * sigma_))).array().exp().matrix();
}
double RbfKernel::Profile(double t) const {
  return std::exp(-(1.0 - ClampUnit(t)) / (sigma_ * sigma_));
}

LaplaceKernel::LaplaceKernel(double sigma) : sigma_(sigma) {
  THM_CHECK_MSG(sigma > 0.0 && std::isfinite(sigma), "sigma = " << sigma);
}
std::string LaplaceKernel::Name() const { return Format("laplace", "sigma=" + Num(sigma_)); }
Eigen::MatrixXd LaplaceKernel::Gram(const Eigen::MatrixXd& X1, const Eigen::MatrixXd& X2) const {
  return (SquaredDistances(X1, X2).array().sqrt() * (-1.0 / sigma_)).exp().matrix();
}
double LaplaceKernel::Profile(double t) const {
  return std::exp(-std::sqrt(2.0 - 2.0 * ClampUnit(t)) / sigma_);
}

PolynomialKernel::PolynomialKernel(int degree, double offset) : degree_(degree), offset_(offset) {
  THM_CHECK_GE(degree, 0);
  THM_CHECK_MSG(offset >= 0.0 && std::isfinite(offset), "offset = " << offset);
}
std::string PolynomialKernel::Name() const {
  return Format("poly", "p=" + std::to_string(degree_) + ",c=" + Num(offset_));
}
Eigen::MatrixXd PolynomialKernel::Gram(const Eigen::MatrixXd& X1, const Eigen::MatrixXd& X2) const {
  CheckSameDim(X1, X2);
  Eigen::MatrixXd G = CrossProducts(X1, X2);
  return (G.array() + offset_).pow(static_cast<double>(degree_)).matrix();
}
double PolynomialKernel::Profile(double t) const {
  return std::pow(t + offset_, static_cast<double>(degree_));
}

ArcCosineKernel::ArcCosineKernel(int order, double bias) : order_(order), bias_(bias) {
  THM_CHECK_MSG(order == 0 || order == 1, "arc-cosine order " << order << " (allowed: 0, 1)");
  THM_CHECK_MSG(bias >= 0.0 && std::isfinite(bias), "bias = " << bias);
}
std::string ArcCosineKernel::Name() const {
  return Format("arccos" + std::to_string(order_), "bias=" + Num(bias_));
}
Eigen::MatrixXd ArcCosineKernel::Gram(const Eigen::MatrixXd& X1, const Eigen::MatrixXd& X2) const {
  CheckSameDim(X1, X2);
  const double b2 = bias_ * bias_;
  // Augmented norms ‖x̃‖ = √(‖x‖² + β²) and inner products ⟨x̃,x̃'⟩ = ⟨x,x'⟩ + β².
  const Eigen::VectorXd n1 = (X1.rowwise().squaredNorm().array() + b2).sqrt();
  const Eigen::VectorXd n2 = (X2.rowwise().squaredNorm().array() + b2).sqrt();
  Eigen::MatrixXd K = CrossProducts(X1, X2);
  Eigen::RowVectorXd u2(X2.cols() + 1);
  Eigen::RowVectorXd u1(X1.cols() + 1);
  for (Eigen::Index j = 0; j < K.cols(); ++j) {
    for (Eigen::Index i = 0; i < K.rows(); ++i) {
      const double scale = n1(i) * n2(j);
      // A zero augmented vector (x = 0, β = 0) has no angle; k_n is 0 there for n = 1 and, by
      // continuity of the expectation with Θ(0) = 0, also taken as 0 for n = 0.
      if (scale == 0.0) {
        K(i, j) = 0.0;
        continue;
      }
      const double c = ClampUnit((K(i, j) + b2) / scale);
      double theta;
      if (std::abs(c) > 1.0 - kNearParallelCos) {
        u1 << X1.row(i), bias_;
        u2 << X2.row(j), bias_;
        u1 /= n1(i);
        u2 /= n2(j);
        // θ = 2 asin(‖u − u'‖/2) near 0, and π − 2 asin(‖u + u'‖/2) near π: no cancellation.
        theta = c > 0 ? 2.0 * std::asin(std::min(1.0, 0.5 * (u1 - u2).norm()))
                      : std::numbers::pi - 2.0 * std::asin(std::min(1.0, 0.5 * (u1 + u2).norm()));
      } else {
        theta = std::acos(c);
      }
      const double magnitude = order_ == 0 ? 1.0 : scale;
      K(i, j) = magnitude * ArcCosJ(order_, theta) / std::numbers::pi;
    }
  }
  return K;
}
double ArcCosineKernel::Profile(double t) const {
  const double b2 = bias_ * bias_;
  const double norm2 = 1.0 + b2;  // ‖x̃‖² on the unit sphere
  const double c = ClampUnit((ClampUnit(t) + b2) / norm2);
  const double magnitude = order_ == 0 ? 1.0 : norm2;
  return magnitude * ArcCosJ(order_, std::acos(c)) / std::numbers::pi;
}

NeuralKernel::NeuralKernel(NeuralKernelKind kind, int depth, double bias, Activation act)
    : kind_(kind), depth_(depth), bias_(bias), act_(act) {
  THM_CHECK_MSG(depth >= 2, "depth L = " << depth << " (an MLP kernel needs L ≥ 2 layers)");
  THM_CHECK_MSG(bias >= 0.0 && std::isfinite(bias), "bias = " << bias);
}
std::string NeuralKernel::Name() const {
  return Format(
      kind_ == NeuralKernelKind::kNtk ? "ntk" : "nngp",
      std::string(ActivationName(act_)) + ",L=" + std::to_string(depth_) + ",beta=" + Num(bias_));
}
Eigen::MatrixXd NeuralKernel::Gram(const Eigen::MatrixXd& X1, const Eigen::MatrixXd& X2) const {
  CheckSameDim(X1, X2);
  if (kind_ == NeuralKernelKind::kNtk) {
    if (depth_ == 2 && bias_ == 0.0) return AnalyticNtkTwoLayer(X1, X2, act_);
    return DeepNtk(X1, X2, depth_, bias_, act_);
  }
  return DeepNngpAndNtk(X1, X2, depth_, bias_, act_).nngp;
}
double NeuralKernel::Profile(double t) const {
  const double c = ClampUnit(t);
  Eigen::MatrixXd x(1, 2), y(1, 2);
  x << 1.0, 0.0;
  y << c, std::sqrt(std::max(0.0, 1.0 - c * c));  // ⟨x,y⟩ = c exactly; ‖y‖ = 1 within ε
  return Gram(x, y)(0, 0);
}

}  // namespace thmcheck
