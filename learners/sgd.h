// Mini-batch SGD building blocks: a Fisher–Yates permutation for epochs and a momentum/weight-decay
// update with PyTorch's torch.optim.SGD semantics (dampening 0, no Nesterov), so hyper-parameters
// from papers that used PyTorch (e.g. Allen-Zhu & Li 2019, arXiv 1905.10337: momentum 0.9) carry
// over unchanged. Legend: η = lr, μ = momentum, λ = weight_decay; a "slot" is one parameter tensor.
#pragma once

#include <string>
#include <vector>

#include <Eigen/Core>

#include "harness/rng.h"

namespace thmcheck {

// A uniformly random permutation of 0 … n−1 (Fisher–Yates / Durstenfeld, with rng.Below, so it is
// unbiased and the same on every platform).
std::vector<int> Permutation(Rng& rng, int n);

struct SgdOptions {
  double lr;
  double momentum = 0;
  double weight_decay = 0;
  // lr finite and > 0, momentum in [0, 1), weight_decay finite and ≥ 0.
  bool IsValid(std::string* error) const;
};

// Per slot, as torch.optim.SGD:  g ← grad + λ·param;  v ← μ·v + g (v = g at the slot's first
// update);  param ← param − η·v. With μ = 0 no velocity is kept.
class MomentumSgd {
 public:
  explicit MomentumSgd(const SgdOptions& options);  // CHECKs options.IsValid

  // Updates `param` in place from `grad` (same shape; a vector binds as one column). A slot keeps
  // its velocity between calls, allocated at its first update; its shape must never change.
  void Update(int slot, Eigen::Ref<Eigen::MatrixXd> param,
              const Eigen::Ref<const Eigen::MatrixXd>& grad);

  void set_lr(double lr);  // e.g. a step decay; velocities are kept (as in PyTorch)
  double lr() const { return options_.lr; }
  const SgdOptions& options() const { return options_; }

 private:
  SgdOptions options_;
  std::vector<Eigen::MatrixXd> velocity_;  // indexed by slot; empty until first used
};

}  // namespace thmcheck
