// Two-layer network: batched forward/backward; see two_layer_net.h for the math and legend (its
// kernels: two_layer_ntk.cc).
#include "learners/two_layer_net.h"

#include <algorithm>
#include <cmath>
#include <utility>

#include "harness/contract.h"

namespace thmcheck {
namespace {

// The leading `rows` rows of a grow-only buffer with `cols` columns.
Eigen::Block<Eigen::MatrixXd> LeadingRows(Eigen::MatrixXd& buf, Eigen::Index rows,
                                          Eigen::Index cols) {
  if (buf.rows() < rows || buf.cols() != cols) buf.resize(std::max(buf.rows(), rows), cols);
  return buf.topRows(rows);
}

Eigen::VectorBlock<Eigen::VectorXd> LeadingEntries(Eigen::VectorXd& buf, Eigen::Index n) {
  if (buf.size() < n) buf.resize(n);
  return buf.head(n);
}

}  // namespace

const char* ScalingName(Scaling scaling) {
  switch (scaling) {
    case Scaling::kNtk:
      return "ntk";
    case Scaling::kStandard:
      return "standard";
    case Scaling::kMeanField:
      return "mean_field";
  }
  THM_CHECK_MSG(false, "unknown Scaling " << static_cast<int>(scaling));
}

TwoLayerNet::TwoLayerNet(Eigen::MatrixXd W, Eigen::VectorXd a, double c, Activation act)
    : W_(std::move(W)), a_(std::move(a)), c_(c), act_(act) {
  THM_CHECK_EQ(W_.rows(), a_.size());
  THM_CHECK_MSG(std::isfinite(c_), "output scale " << c_);
}

TwoLayerNet TwoLayerNet::Init(int d, int m, Scaling scaling, Activation act, Rng& rng) {
  THM_CHECK_GE(d, 1);
  THM_CHECK_GE(m, 1);
  Eigen::MatrixXd w_by_column(d, m);  // column r = w_r: neuron-by-neuron draws
  FillNormal(rng, w_by_column);
  Eigen::VectorXd a(m);
  const double md = static_cast<double>(m);
  double c = 0.0;
  switch (scaling) {
    case Scaling::kNtk:
      FillNormal(rng, a);
      c = 1.0 / std::sqrt(md);
      break;
    case Scaling::kStandard:
      FillNormal(rng, a, 1.0 / std::sqrt(md));
      c = 1.0;
      break;
    case Scaling::kMeanField:
      FillNormal(rng, a);
      c = 1.0 / md;
      break;
  }
  return TwoLayerNet(w_by_column.transpose(), std::move(a), c, act);
}

TwoLayerNet TwoLayerNet::InitSignPairs(int d, int m, Scaling scaling, Activation act, Rng& rng) {
  THM_CHECK_GE(d, 1);
  THM_CHECK_MSG(m >= 2 && m % 2 == 0, "sign pairs need an even width, got m = " << m);
  THM_CHECK_MSG(scaling != Scaling::kStandard, "kStandard has no ±1 output weights");
  Eigen::MatrixXd w_by_column(d, m / 2);  // column r = w_r: pair-by-pair draws
  FillNormal(rng, w_by_column);
  Eigen::MatrixXd W(m, d);
  Eigen::VectorXd a(m);
  for (int r = 0; r < m / 2; ++r) {
    W.row(2 * r) = w_by_column.col(r).transpose();
    W.row(2 * r + 1) = w_by_column.col(r).transpose();
    a(2 * r) = 1.0;
    a(2 * r + 1) = -1.0;
  }
  const double md = static_cast<double>(m);
  const double c = scaling == Scaling::kNtk ? 1.0 / std::sqrt(md) : 1.0 / md;
  return TwoLayerNet(std::move(W), std::move(a), c, act);
}

TwoLayerNet TwoLayerNet::FromParameters(Eigen::MatrixXd W, Eigen::VectorXd a, double output_scale,
                                        Activation act) {
  return TwoLayerNet(std::move(W), std::move(a), output_scale, act);
}

Eigen::VectorXd TwoLayerNet::Forward(const Eigen::Ref<const Eigen::MatrixXd>& X) const {
  THM_CHECK_EQ(X.cols(), W_.cols());
  auto s = LeadingRows(ws_.z, X.rows(), m());
  s.noalias() = X * W_.transpose();  // n×m preactivations
  ApplySigma(act_, s, s);
  Eigen::VectorXd f(X.rows());
  f.noalias() = s * a_;
  f *= c_;
  return f;
}

Eigen::MatrixXd TwoLayerNet::Preactivations(const Eigen::Ref<const Eigen::MatrixXd>& X) const {
  THM_CHECK_EQ(X.cols(), W_.cols());
  return X * W_.transpose();
}

double TwoLayerNet::LossAndGradient(const Eigen::Ref<const Eigen::MatrixXd>& X,
                                    const Eigen::Ref<const Eigen::VectorXd>& y, Gradient* grad,
                                    Eigen::VectorXd* residual) const {
  THM_CHECK(grad != nullptr);
  THM_CHECK_EQ(X.cols(), W_.cols());
  THM_CHECK_EQ(X.rows(), y.size());
  const Eigen::Index n = X.rows();
  auto s = LeadingRows(ws_.z, n, m());
  auto ds = LeadingRows(ws_.ds, n, m());
  auto r = LeadingEntries(ws_.r, n);

  // Forward: Z = X Wᵀ (n×m); σ'(Z) into ds, then σ(Z) over Z in place.
  s.noalias() = X * W_.transpose();
  ApplySigmaAndPrime(act_, s, s, ds);
  r.noalias() = s * a_;  // n
  r = c_ * r - y;        // r = f − y
  const double loss = 0.5 * r.squaredNorm();
  if (residual != nullptr) *residual = r;

  // Backward. ∂L/∂a_r = c Σ_i r_i σ(z_ir).
  grad->a.resize(m());
  grad->a.noalias() = s.transpose() * r;
  grad->a *= c_;
  // ∂L/∂w_r = c a_r Σ_i r_i σ'(z_ir) x_i: scale σ'(Z) by c·r down the rows and a across columns
  // (r is rescaled in place: the loss and ∇a are already taken).
  // One pass over ds, a column (neuron) at a time, instead of a colwise then a rowwise product.
  r *= c_;
  for (Eigen::Index j = 0; j < ds.cols(); ++j) ds.col(j).array() *= a_(j) * r.array();
  grad->W.resize(m(), d());
  grad->W.noalias() = ds.transpose() * X;  // m×d
  return loss;
}

double TwoLayerNet::LossAndGradientOnRows(const Eigen::Ref<const Eigen::MatrixXd>& X,
                                          const Eigen::Ref<const Eigen::VectorXd>& y,
                                          std::span<const int> rows, Gradient* grad) const {
  THM_CHECK_EQ(X.rows(), y.size());
  const Eigen::Index b = static_cast<Eigen::Index>(rows.size());
  auto xb = LeadingRows(ws_.x_batch, b, X.cols());
  auto yb = LeadingEntries(ws_.y_batch, b);
  for (Eigen::Index k = 0; k < b; ++k) {
    const int i = rows[k];
    THM_CHECK_MSG(i >= 0 && i < X.rows(), "row " << i << " of " << X.rows());
    xb.row(k) = X.row(i);
    yb(k) = y(i);
  }
  return LossAndGradient(xb, yb, grad);
}

void TwoLayerNet::Step(const Gradient& grad, double eta, TrainedLayers layers) {
  THM_CHECK_EQ(grad.W.rows(), W_.rows());
  THM_CHECK_EQ(grad.W.cols(), W_.cols());
  THM_CHECK_EQ(grad.a.size(), a_.size());
  W_ -= eta * grad.W;
  if (layers == TrainedLayers::kBoth) a_ -= eta * grad.a;
}

double TwoLayerNet::ParameterNorm() const { return std::sqrt(W_.squaredNorm() + a_.squaredNorm()); }

double TwoLayerNet::DistanceTo(const TwoLayerNet& other) const {
  THM_CHECK_EQ(other.W_.rows(), W_.rows());
  THM_CHECK_EQ(other.W_.cols(), W_.cols());
  return std::sqrt((W_ - other.W_).squaredNorm() + (a_ - other.a_).squaredNorm());
}

}  // namespace thmcheck
