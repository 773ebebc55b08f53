// Fisher–Yates permutation and PyTorch-semantics momentum SGD; see sgd.h.
#include "learners/sgd.h"

#include <cmath>
#include <limits>
#include <numeric>
#include <sstream>
#include <utility>

#include "harness/contract.h"

namespace thmcheck {

std::vector<int> Permutation(Rng& rng, int n) {
  THM_CHECK_GE(n, 0);
  std::vector<int> p(n);
  std::iota(p.begin(), p.end(), 0);
  // Durstenfeld: position i takes a uniform pick among the i + 1 not yet placed.
  for (int i = n - 1; i > 0; --i) {
    const int j = static_cast<int>(rng.Below(static_cast<uint64_t>(i) + 1));
    std::swap(p[i], p[j]);
  }
  return p;
}

bool SgdOptions::IsValid(std::string* error) const {
  std::ostringstream os;
  if (!(std::isfinite(lr) && lr > 0.0)) os << "lr = " << lr << " (finite, > 0). ";
  if (!(momentum >= 0.0 && momentum < 1.0)) os << "momentum = " << momentum << " (in [0, 1)). ";
  if (!(std::isfinite(weight_decay) && weight_decay >= 0.0)) {
    os << "weight_decay = " << weight_decay << " (finite, >= 0). ";
  }
  if (error != nullptr) *error = os.str();
  return os.str().empty();
}

MomentumSgd::MomentumSgd(const SgdOptions& options) : options_(options) {
  std::string error;
  THM_CHECK_MSG(options_.IsValid(&error), error);
}

void MomentumSgd::set_lr(double lr) {
  SgdOptions next = options_;
  next.lr = lr;
  std::string error;
  THM_CHECK_MSG(next.IsValid(&error), error);
  options_ = next;
}

void MomentumSgd::Update(int slot, Eigen::Ref<Eigen::MatrixXd> param,
                         const Eigen::Ref<const Eigen::MatrixXd>& grad) {
  THM_CHECK_GE(slot, 0);
  THM_CHECK_EQ(param.rows(), grad.rows());
  THM_CHECK_EQ(param.cols(), grad.cols());
  const double lr = options_.lr, mu = options_.momentum, wd = options_.weight_decay;
  // As PyTorch, the weight-decay term is skipped when λ = 0 (0·param would turn an inf into NaN).
  if (mu == 0.0) {
    if (wd == 0.0) {
      param -= lr * grad;
    } else {
      param -= lr * (grad + wd * param);  // coefficient-wise: no aliasing hazard
    }
    return;
  }
  if (static_cast<size_t>(slot) >= velocity_.size()) velocity_.resize(slot + 1);
  Eigen::MatrixXd& v = velocity_[slot];
  const bool first = v.size() == 0;
  if (first) {
    v.resize(param.rows(), param.cols());
  } else {
    THM_CHECK_MSG(v.rows() == param.rows() && v.cols() == param.cols(),
                  "slot " << slot << " was " << v.rows() << "x" << v.cols() << ", now "
                          << param.rows() << "x" << param.cols());
  }
  // PyTorch: buf = clone(g) at a slot's first step, buf = μ·buf + g afterwards. Coefficient-wise
  // expressions into an already-sized v: nothing is allocated after the first step.
  if (first && wd == 0.0) {
    v = grad;
  } else if (first) {
    v = grad + wd * param;
  } else if (wd == 0.0) {
    v = mu * v + grad;
  } else {
    v = mu * v + (grad + wd * param);
  }
  // A velocity that has decayed below the smallest normal double (a unit whose gradient has been
  // exactly 0 for ~7000 steps at μ = 0.9: a dead ReLU) is set to 0. It cannot move a parameter of
  // normal magnitude (p − η·v == p), but subnormal arithmetic is slow on x86: measured 25% of a
  // ResNet run (N = 3000, 200 epochs, claim alpha_separation), with every result byte unchanged.
  v = (v.array().abs() < std::numeric_limits<double>::min()).select(0.0, v);
  param -= lr * v;
}

}  // namespace thmcheck
