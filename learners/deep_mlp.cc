// NTK-parametrized L-layer MLP: forward, backward and gradient; see deep_mlp.h (its kernels:
// deep_mlp_ntk.cc).
#include "learners/deep_mlp.h"

#include <cmath>
#include <utility>

#include "harness/contract.h"

namespace thmcheck {

DeepMlp::DeepMlp(std::vector<Eigen::MatrixXd> W, std::vector<Eigen::VectorXd> b, int m, double beta,
                 Activation act)
    : W_(std::move(W)), b_(std::move(b)), m_(m), beta_(beta), act_(act) {}

DeepMlp DeepMlp::Init(int d, int m, int L, double beta, Activation act, Rng& rng) {
  THM_CHECK_GE(d, 1);
  THM_CHECK_GE(m, 1);
  THM_CHECK_GE(L, 1);
  THM_CHECK_MSG(std::isfinite(beta), "beta = " << beta);
  std::vector<Eigen::MatrixXd> W;
  std::vector<Eigen::VectorXd> b;
  for (int l = 0; l < L; ++l) {
    const int in = l == 0 ? d : m;
    const int out = l == L - 1 ? 1 : m;
    Eigen::MatrixXd by_column(in, out);  // column = one output unit's weights
    FillNormal(rng, by_column);
    W.push_back(by_column.transpose());
    Eigen::VectorXd bias(out);
    FillNormal(rng, bias);
    b.push_back(std::move(bias));
  }
  return DeepMlp(std::move(W), std::move(b), m, beta, act);
}

double DeepMlp::Scale(int l) const {
  return l == 0 ? 1.0 : 1.0 / std::sqrt(static_cast<double>(m_));
}

void DeepMlp::ForwardTrace(const Eigen::Ref<const Eigen::MatrixXd>& X, Trace* trace) const {
  THM_CHECK_EQ(X.cols(), d());
  const int L = depth();
  trace->a.assign(L, Eigen::MatrixXd());
  trace->ds.assign(L, Eigen::MatrixXd());
  trace->a[0] = X;
  for (int l = 0; l < L; ++l) {
    // Z_{l+1} = s_l A_l W_lᵀ + β 1 b_lᵀ
    Eigen::MatrixXd z = Scale(l) * (trace->a[l] * W_[l].transpose());
    z.rowwise() += beta_ * b_[l].transpose();
    if (l + 1 == L) {
      trace->f = z.col(0);
    } else {
      trace->ds[l + 1].resize(z.rows(), z.cols());
      ApplySigmaAndPrime(act_, z, z, trace->ds[l + 1]);
      trace->a[l + 1] = std::move(z);
    }
  }
}

void DeepMlp::Backward(const Trace& trace, std::vector<Eigen::MatrixXd>* delta) const {
  const int L = depth();
  const Eigen::Index n = trace.f.size();
  delta->assign(L + 1, Eigen::MatrixXd());
  (*delta)[L] = Eigen::MatrixXd::Ones(n, 1);  // ∂f/∂Z_L
  for (int l = L - 1; l >= 1; --l) {
    // Z_{l+1} = s_l σ(Z_l) W_lᵀ + …  ⇒  Δ_l = s_l (Δ_{l+1} W_l) ∘ σ'(Z_l)
    (*delta)[l] = (Scale(l) * ((*delta)[l + 1] * W_[l])).cwiseProduct(trace.ds[l]);
  }
}

Eigen::VectorXd DeepMlp::Forward(const Eigen::Ref<const Eigen::MatrixXd>& X) const {
  Trace trace;
  ForwardTrace(X, &trace);
  return trace.f;
}

double DeepMlp::LossAndGradient(const Eigen::Ref<const Eigen::MatrixXd>& X,
                                const Eigen::Ref<const Eigen::VectorXd>& y, Gradient* grad) const {
  THM_CHECK(grad != nullptr);
  THM_CHECK_EQ(X.rows(), y.size());
  Trace trace;
  ForwardTrace(X, &trace);
  std::vector<Eigen::MatrixXd> delta;
  Backward(trace, &delta);
  const Eigen::VectorXd r = trace.f - y;
  const int L = depth();
  grad->W.resize(L);
  grad->b.resize(L);
  for (int l = 0; l < L; ++l) {
    const Eigen::MatrixXd rd = delta[l + 1].array().colwise() * r.array();  // r ∘ Δ_{l+1}
    grad->W[l] = Scale(l) * (rd.transpose() * trace.a[l]);
    grad->b[l] = beta_ * rd.colwise().sum().transpose();
  }
  return 0.5 * r.squaredNorm();
}

void DeepMlp::Step(const Gradient& grad, double eta) {
  THM_CHECK_EQ(grad.W.size(), W_.size());
  THM_CHECK_EQ(grad.b.size(), b_.size());
  for (size_t l = 0; l < W_.size(); ++l) {
    THM_CHECK(grad.W[l].rows() == W_[l].rows() && grad.W[l].cols() == W_[l].cols());
    THM_CHECK_EQ(grad.b[l].size(), b_[l].size());
    W_[l] -= eta * grad.W[l];
    b_[l] -= eta * grad.b[l];
  }
}

}  // namespace thmcheck
