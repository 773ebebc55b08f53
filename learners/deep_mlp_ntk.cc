// Kernels of the L-layer MLP: its empirical NTK from the per-layer factors of a forward and a
// backward pass, and Jacot et al.'s infinite-width NNGP/NTK recursion from the Gaussian moments of
// σ; see deep_mlp.h for the formulas and conventions.
#include "learners/deep_mlp.h"

#include <cmath>
#include <utility>
#include <vector>

#include "harness/contract.h"
#include "learners/cross_products.h"
#include "learners/gaussian_moments.h"

namespace thmcheck {
namespace {

// E[σ(u)²] + β² for each variance: the diagonal of the next Σ.
Eigen::VectorXd NextVariances(Activation act, const Eigen::VectorXd& q, double beta2) {
  Eigen::VectorXd next(q.size());
  for (Eigen::Index i = 0; i < q.size(); ++i) {
    next(i) = ActivationMoments(act, q(i), q(i), q(i)).sigma_sigma + beta2;
  }
  return next;
}

}  // namespace

Eigen::MatrixXd DeepMlp::EmpiricalNtk(const Eigen::Ref<const Eigen::MatrixXd>& X1,
                                      const Eigen::Ref<const Eigen::MatrixXd>& X2) const {
  Trace t1, t2;
  ForwardTrace(X1, &t1);
  ForwardTrace(X2, &t2);
  std::vector<Eigen::MatrixXd> d1, d2;
  Backward(t1, &d1);
  Backward(t2, &d2);
  const double beta2 = beta_ * beta_;
  const bool same = SameMatrix(X1, X2);
  Eigen::MatrixXd theta = Eigen::MatrixXd::Zero(X1.rows(), X2.rows());
  for (int l = 0; l < depth(); ++l) {
    // Weights: s_l² (Δ¹Δ²ᵀ)(A¹A²ᵀ) entrywise; biases: β² Δ¹Δ²ᵀ.
    const Eigen::MatrixXd deltas = CrossProducts(d1[l + 1], d2[l + 1], same);
    const Eigen::MatrixXd acts = CrossProducts(t1.a[l], t2.a[l], same);
    theta.array() += deltas.array() * (Scale(l) * Scale(l) * acts.array() + beta2);
  }
  return theta;
}

DeepKernels DeepNngpAndNtk(const Eigen::Ref<const Eigen::MatrixXd>& X1,
                           const Eigen::Ref<const Eigen::MatrixXd>& X2, int L, double beta,
                           Activation act) {
  THM_CHECK_EQ(X1.cols(), X2.cols());
  THM_CHECK_GE(L, 1);
  THM_CHECK_MSG(std::isfinite(beta), "beta = " << beta);
  const bool same = SameMatrix(X1, X2);
  const double beta2 = beta * beta;
  // Layer 1: Σ¹ = x·x' + β² (weights N(0, I) on the raw input), Θ¹ = Σ¹.
  Eigen::MatrixXd sigma = CrossProducts(X1, X2, same).array() + beta2;
  Eigen::VectorXd q1 = X1.rowwise().squaredNorm().array() + beta2;
  Eigen::VectorXd q2 = X2.rowwise().squaredNorm().array() + beta2;
  Eigen::MatrixXd theta = sigma;
  Eigen::MatrixXd S, Sdot;
  for (int l = 1; l < L; ++l) {
    LayerMoments(act, q1, q2, sigma, same, &S, &Sdot);
    sigma = S.array() + beta2;                 // Σ^{l+1}
    theta = theta.cwiseProduct(Sdot) + sigma;  // Θ^{l+1} = Θ^l Σ̇^{l+1} + Σ^{l+1}
    if (l + 1 < L) {                           // the next layer needs the new variances
      q1 = NextVariances(act, q1, beta2);
      q2 = same ? q1 : NextVariances(act, q2, beta2);
    }
  }
  return {std::move(sigma), std::move(theta)};
}

Eigen::MatrixXd DeepNtk(const Eigen::Ref<const Eigen::MatrixXd>& X1,
                        const Eigen::Ref<const Eigen::MatrixXd>& X2, int L, double beta,
                        Activation act) {
  return DeepNngpAndNtk(X1, X2, L, beta, act).ntk;
}

}  // namespace thmcheck
