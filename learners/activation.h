// Pointwise activations σ and their derivatives σ' for the learners and their analytic kernels.
// Why one place: the finite nets (two_layer_net, deep_mlp) and the infinite-width kernels (their
// Gaussian moments, gaussian_moments) must use the same σ and the same σ'(0) convention, or they
// drift apart.
// Legend: z a preactivation (a scalar, or an n×m matrix of them: n samples, m neurons).
// NOTE: ReLU'(0) = 0 (the subgradient PyTorch and JAX use). It matters only on a measure-zero
// set for Gaussian weights, but a zero input row x = 0 hits it for every neuron.
// NOTE: NaN propagates through σ and σ' (a diverged run must show up as NaN, never as 0).
// tanh is learners/fast_tanh.h's Tanh (vectorized, ≤ 2.3 ulp), not std::tanh: the scalar and
// matrix forms below agree bit for bit.
#pragma once

#include <Eigen/Core>

namespace thmcheck {

enum class Activation { kRelu, kTanh };

// "relu" or "tanh": stable names for result files and test names.
const char* ActivationName(Activation act);

// Scalar σ(z) and σ'(z).
double Sigma(Activation act, double z);
double SigmaPrime(Activation act, double z);

// Elementwise on a matrix (pass `arr.matrix()` for an Eigen array): out = σ(z), or σ'(z).
// `out` must already have z's shape (nothing is allocated); it may alias z.
void ApplySigma(Activation act, const Eigen::Ref<const Eigen::MatrixXd>& z,
                Eigen::Ref<Eigen::MatrixXd> out);
void ApplySigmaPrime(Activation act, const Eigen::Ref<const Eigen::MatrixXd>& z,
                     Eigen::Ref<Eigen::MatrixXd> out);
// One pass for both (tanh is evaluated once). s may alias z (σ over Z in place); ds must not.
void ApplySigmaAndPrime(Activation act, const Eigen::Ref<const Eigen::MatrixXd>& z,
                        Eigen::Ref<Eigen::MatrixXd> s, Eigen::Ref<Eigen::MatrixXd> ds);

}  // namespace thmcheck
