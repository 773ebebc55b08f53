// Three-layer ResNet: forward, backward and training; see resnet3.h (its NTK: resnet3_ntk.cc).
// Forward (rows are samples): Z₁ = XWᵀ + 1b₁ᵀ, H₁ = σ(Z₁); T = H₁Aᵀ (bottleneck) or H₁ (full);
// Z₂ = TVᵀ + 1b₂ᵀ, H₂ = σ(Z₂); out = (H₁ + H₂)Aᵀ. Backward from R = ∂L/∂out:
// G = RA; ∂Z₂ = G∘σ'(Z₂); ∇V = ∂Z₂ᵀT; ∇b₂ = ∂Z₂ᵀ1; ∂H₁ = G + ∂Z₂VA (bottleneck) or G + ∂Z₂U;
// ∂Z₁ = ∂H₁∘σ'(Z₁); ∇W = ∂Z₁ᵀX; ∇b₁ = ∂Z₁ᵀ1.
#include "learners/resnet3.h"

#include <algorithm>
#include <cmath>
#include <sstream>

#include "harness/contract.h"
#include "learners/activation.h"
#include "learners/sgd.h"

namespace thmcheck {

namespace {

bool Fail(std::string* error, const std::string& message) {
  if (error != nullptr) *error = message;
  return false;
}

bool FiniteNonNegative(double x) { return std::isfinite(x) && x >= 0.0; }

// `o`, after CHECKing it (before any optimizer is built from it).
const ResNet3TrainOptions& Checked(const ResNet3TrainOptions& o) {
  std::string error;
  THM_CHECK_MSG(o.IsValid(&error), error);
  return o;
}

// Grows `buf` to at least rows×cols (contents are scratch; never shrinks).
void GrowTo(Eigen::MatrixXd& buf, long rows, long cols) {
  if (buf.rows() < rows || buf.cols() != cols) buf.resize(std::max(rows, buf.rows()), cols);
}

}  // namespace

const char* SecondLayerName(SecondLayer s) {
  switch (s) {
    case SecondLayer::kBottleneck:
      return "bottleneck";
    case SecondLayer::kFull:
      return "full";
  }
  THM_CHECK_MSG(false, "unknown SecondLayer " << static_cast<int>(s));
}

bool ResNet3Options::IsValid(std::string* error) const {
  std::ostringstream os;
  if (d < 1 || m < 1 || k < 1) {
    os << "d = " << d << ", m = " << m << ", k = " << k << " must be ≥ 1";
  } else if (!FiniteNonNegative(w_scale) || !FiniteNonNegative(b1_scale) ||
             !FiniteNonNegative(v_scale) || !FiniteNonNegative(b2_scale)) {
    os << "init scales must be finite and ≥ 0 (w " << w_scale << ", b1 " << b1_scale << ", v "
       << v_scale << ", b2 " << b2_scale << ")";
  } else if (v_scale == 0.0 && b2_scale == 0.0) {
    os << "v_scale = b2_scale = 0 leaves every block-2 preactivation at 0, where σ' = 0: V would "
          "never train";
  } else {
    return true;
  }
  return Fail(error, os.str());
}

ResNet3::ResNet3(Params p, Eigen::MatrixXd a, SecondLayer second)
    : p_(std::move(p)), a_(std::move(a)), second_(second) {
  const long m = p_.w.rows();
  THM_CHECK_GE(m, 1);
  THM_CHECK_EQ(p_.b1.size(), m);
  THM_CHECK_EQ(p_.b2.size(), m);
  THM_CHECK_EQ(a_.cols(), m);
  THM_CHECK_EQ(p_.v.rows(), m);
  THM_CHECK_EQ(p_.v.cols(), second_ == SecondLayer::kBottleneck ? a_.rows() : m);
}

ResNet3 ResNet3::Init(const ResNet3Options& o, Rng& rng) {
  std::string error;
  THM_CHECK_MSG(o.IsValid(&error), error);
  Params p;
  p.w.resize(o.m, o.d);
  FillNormal(rng, p.w, o.w_scale);
  p.b1.resize(o.m);
  FillNormal(rng, p.b1, o.b1_scale);
  Eigen::MatrixXd a(o.k, o.m);
  FillNormal(rng, a, 1.0 / std::sqrt(static_cast<double>(o.m)));
  const int v_cols = o.second == SecondLayer::kBottleneck ? o.k : o.m;
  p.v.resize(o.m, v_cols);
  FillNormal(rng, p.v, o.v_scale / std::sqrt(static_cast<double>(v_cols)));
  p.b2.resize(o.m);
  FillNormal(rng, p.b2, o.b2_scale);
  return ResNet3(std::move(p), std::move(a), o.second);
}

ResNet3 ResNet3::FromParameters(Params params, Eigen::MatrixXd a, SecondLayer second) {
  return ResNet3(std::move(params), std::move(a), second);
}

void ResNet3::Grow(Workspace& w, long n) const {
  const long m = this->m(), k = this->k();
  GrowTo(w.h1, n, m);
  GrowTo(w.d1, n, m);
  GrowTo(w.h2, n, m);
  GrowTo(w.d2, n, m);
  GrowTo(w.g, n, m);
  GrowTo(w.s, n, k);
  GrowTo(w.out, n, k);
  GrowTo(w.r, n, k);
  GrowTo(w.ds, n, k);
}

void ResNet3::ForwardScratch(Workspace& w, const Eigen::Ref<const Eigen::MatrixXd>& X,
                             long n) const {
  THM_CHECK_EQ(X.cols(), d());
  Grow(w, n);
  auto h1 = w.h1.topRows(n);
  auto d1 = w.d1.topRows(n);
  auto h2 = w.h2.topRows(n);
  auto d2 = w.d2.topRows(n);
  auto s = w.s.topRows(n);
  auto out = w.out.topRows(n);
  h1.noalias() = X.topRows(n) * p_.w.transpose();  // Z₁ (n×m), overwritten by σ(Z₁) below
  h1.rowwise() += p_.b1.transpose();
  ApplySigmaPrime(Activation::kRelu, h1, d1);
  ApplySigma(Activation::kRelu, h1, h1);
  s.noalias() = h1 * a_.transpose();  // first block's output A σ(Z₁), n×k
  if (second_ == SecondLayer::kBottleneck) {
    h2.noalias() = s * p_.v.transpose();  // Z₂ = S Vᵀ: U = VA never formed
  } else {
    h2.noalias() = h1 * p_.v.transpose();  // Z₂ = H₁ Uᵀ
  }
  h2.rowwise() += p_.b2.transpose();
  ApplySigmaPrime(Activation::kRelu, h2, d2);
  ApplySigma(Activation::kRelu, h2, h2);
  out = s;
  out.noalias() += h2 * a_.transpose();
}

void ResNet3::BackwardScratch(const Eigen::Ref<const Eigen::MatrixXd>& X, long n,
                              Gradient* grad) const {
  auto h1 = ws_.h1.topRows(n);
  auto d1 = ws_.d1.topRows(n);
  auto d2 = ws_.d2.topRows(n);
  auto s = ws_.s.topRows(n);
  auto r = ws_.r.topRows(n);
  auto g = ws_.g.topRows(n);
  auto ds = ws_.ds.topRows(n);
  grad->v.resize(p_.v.rows(), p_.v.cols());
  grad->w.resize(p_.w.rows(), p_.w.cols());
  // ∂L/∂H₂ = RA = the direct part of ∂L/∂H₁ (both blocks feed A through the skip sum).
  g.noalias() = r * a_;
  // ∂Z₂ = G ∘ σ'(Z₂), kept in d2 (σ'(Z₂) is not needed afterwards).
  d2.array() *= g.array();
  grad->b2 = d2.colwise().sum().transpose();
  if (second_ == SecondLayer::kBottleneck) {
    grad->v.noalias() = d2.transpose() * s;  // m×k
    ds.noalias() = d2 * p_.v;                // ∂L/∂S, n×k
    g.noalias() += ds * a_;                  // ∂L/∂H₁ = G + ∂S A
  } else {
    grad->v.noalias() = d2.transpose() * h1;  // m×m
    g.noalias() += d2 * p_.v;
  }
  d1.array() *= g.array();  // ∂Z₁
  grad->b1 = d1.colwise().sum().transpose();
  grad->w.noalias() = d1.transpose() * X.topRows(n);
}

Eigen::MatrixXd ResNet3::Forward(const Eigen::Ref<const Eigen::MatrixXd>& X) const {
  // A scratch of its own, not ws_: an evaluation (mid-training too) then leaves the training
  // scratch's row stride — on which the rounding of the next SGD steps' products depends — as it
  // was, and a net kept between runs of its trainer holds batch-sized buffers only.
  Workspace w;
  Eigen::MatrixXd out(X.rows(), k());
  for (long start = 0; start < X.rows(); start += kForwardBlock) {
    const long n = std::min<long>(kForwardBlock, X.rows() - start);
    ForwardScratch(w, X.middleRows(start, n), n);
    out.middleRows(start, n) = w.out.topRows(n);
  }
  return out;
}

Eigen::MatrixXd ResNet3::FirstHidden(const Eigen::Ref<const Eigen::MatrixXd>& X) const {
  THM_CHECK_EQ(X.cols(), d());
  Eigen::MatrixXd h(X.rows(), m());
  h.noalias() = X * p_.w.transpose();
  h.rowwise() += p_.b1.transpose();
  ApplySigma(Activation::kRelu, h, h);
  return h;
}

double ResNet3::LossAndGradient(const Eigen::Ref<const Eigen::MatrixXd>& X,
                                const Eigen::Ref<const Eigen::MatrixXd>& Y, Gradient* grad) const {
  THM_CHECK_EQ(X.rows(), Y.rows());
  THM_CHECK_EQ(Y.cols(), k());
  return ResidualStep(X, Y, 1.0, grad);
}

double ResNet3::LossAndGradientOnRows(const Eigen::Ref<const Eigen::MatrixXd>& X,
                                      const Eigen::Ref<const Eigen::MatrixXd>& Y,
                                      std::span<const int> rows, double scale,
                                      Gradient* grad) const {
  THM_CHECK_EQ(X.rows(), Y.rows());
  THM_CHECK_EQ(Y.cols(), k());
  const long b = static_cast<long>(rows.size());
  GrowTo(ws_.xb, b, d());
  GrowTo(ws_.yb, b, k());
  for (long i = 0; i < b; ++i) {
    const int row = rows[i];
    THM_CHECK_MSG(row >= 0 && row < X.rows(), "row " << row << " of " << X.rows());
    ws_.xb.row(i) = X.row(row);
    ws_.yb.row(i) = Y.row(row);
  }
  return ResidualStep(ws_.xb.topRows(b), ws_.yb.topRows(b), scale, grad);
}

double ResNet3::ResidualStep(const Eigen::Ref<const Eigen::MatrixXd>& X,
                             const Eigen::Ref<const Eigen::MatrixXd>& Y, double scale,
                             Gradient* grad) const {
  const long n = X.rows();
  ForwardScratch(ws_, X, n);
  auto r = ws_.r.topRows(n);
  r = ws_.out.topRows(n) - Y;
  const double loss = 0.5 * r.squaredNorm();
  r *= scale;  // exact for scale = 1
  BackwardScratch(X, n, grad);
  return loss;
}

void ResNet3::Backprop(const Eigen::Ref<const Eigen::MatrixXd>& X,
                       const Eigen::Ref<const Eigen::MatrixXd>& R, Gradient* grad) const {
  THM_CHECK_EQ(X.rows(), R.rows());
  THM_CHECK_EQ(R.cols(), k());
  const long n = X.rows();
  ForwardScratch(ws_, X, n);
  ws_.r.topRows(n) = R;
  BackwardScratch(X, n, grad);
}

// ---- Training ----

bool ResNet3TrainOptions::IsValid(std::string* error) const {
  std::ostringstream os;
  if (epochs < 0 || batch_size < 1) {
    os << "epochs = " << epochs << " must be ≥ 0 and batch_size = " << batch_size << " ≥ 1";
  } else if (!(lr > 0.0) || !std::isfinite(lr)) {
    os << "lr = " << lr << " must be positive and finite";
  } else if (!(momentum >= 0.0 && momentum < 1.0)) {
    os << "momentum = " << momentum << " must lie in [0, 1)";
  } else if (!FiniteNonNegative(weight_decay) || !FiniteNonNegative(second_lr_scale)) {
    os << "weight_decay = " << weight_decay << " and second_lr_scale = " << second_lr_scale
       << " must be finite and ≥ 0";
  } else if (!(decay_factor >= 1.0) || !std::isfinite(decay_factor)) {
    os << "decay_factor = " << decay_factor << " must be ≥ 1 and finite";
  } else {
    for (int e : decay_epochs) {
      if (e < 0) {
        os << "decay epoch " << e << " must be ≥ 0";
        return Fail(error, os.str());
      }
    }
    return true;
  }
  return Fail(error, os.str());
}

namespace {

bool AllFinite(const ResNet3::Params& p) {
  return p.w.allFinite() && p.b1.allFinite() && p.v.allFinite() && p.b2.allFinite();
}

}  // namespace

ResNet3Trainer::ResNet3Trainer(ResNet3 net, const ResNet3TrainOptions& o, Rng rng)
    : net_(std::move(net)),
      o_(Checked(o)),
      rng_(rng),
      lr_(o.lr),
      first_({o.lr, o.momentum, o.weight_decay}),
      second_({o.second_lr_scale > 0.0 ? o.lr * o.second_lr_scale : o.lr, o.momentum,
               o.weight_decay}) {}

const ResNet3TrainResult& ResNet3Trainer::Run(
    const Eigen::Ref<const Eigen::MatrixXd>& X, const Eigen::Ref<const Eigen::MatrixXd>& Y,
    int epochs, const std::function<void(int, const ResNet3&)>& after_epoch) {
  THM_CHECK_EQ(X.rows(), Y.rows());
  THM_CHECK_EQ(X.cols(), net_.d());
  THM_CHECK_EQ(Y.cols(), net_.k());
  THM_CHECK_GE(X.rows(), 1);
  const int n = static_cast<int>(X.rows());
  const bool train_second = o_.second_lr_scale > 0.0;
  const int stop = std::min(o_.epochs, result_.epochs_run + std::max(epochs, 0));
  while (!result_.diverged && result_.epochs_run < stop) {
    const int epoch = result_.epochs_run;
    for (int e : o_.decay_epochs) {
      if (e == epoch) lr_ /= o_.decay_factor;
    }
    first_.set_lr(lr_);
    if (train_second) second_.set_lr(lr_ * o_.second_lr_scale);
    const std::vector<int> order = Permutation(rng_, n);
    double loss_sum = 0.0;
    for (int start = 0; start < n; start += o_.batch_size) {
      const int b = std::min(o_.batch_size, n - start);
      const std::span<const int> rows(order.data() + start, b);
      // The residual is scaled by 1/b: the optimizer sees the gradient of the batch MEAN.
      const double loss = net_.LossAndGradientOnRows(X, Y, rows, 1.0 / b, &grad_);
      if (!std::isfinite(loss)) {
        result_.diverged = true;
        return result_;
      }
      loss_sum += loss;
      ResNet3::Params& p = net_.mutable_params();
      first_.Update(0, p.w, grad_.w);
      first_.Update(1, p.b1, grad_.b1);
      if (train_second) {
        second_.Update(0, p.v, grad_.v);
        second_.Update(1, p.b2, grad_.b2);
      }
    }
    result_.epoch_loss.push_back(loss_sum / n);
    result_.epochs_run = epoch + 1;
    // The last update of an epoch is seen by no loss: check the parameters themselves.
    if (!AllFinite(net_.params())) {
      result_.diverged = true;
      return result_;
    }
    if (after_epoch) after_epoch(epoch, net_);
  }
  return result_;
}

ResNet3TrainResult TrainResNet3(ResNet3* net, const Eigen::Ref<const Eigen::MatrixXd>& X,
                                const Eigen::Ref<const Eigen::MatrixXd>& Y,
                                const ResNet3TrainOptions& o, Rng& rng,
                                const std::function<void(int, const ResNet3&)>& after_epoch) {
  ResNet3Trainer trainer(std::move(*net), o, rng);
  ResNet3TrainResult result = trainer.Run(X, Y, o.epochs, after_epoch);
  rng = trainer.rng();
  *net = std::move(trainer).take_net();
  return result;
}

}  // namespace thmcheck
