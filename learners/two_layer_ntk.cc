// Kernels of the two-layer net: the empirical NTK from blocks of neurons and the infinite-width
// H∞ from the Gaussian moments of σ; see two_layer_net.h.
#include "learners/two_layer_net.h"

#include <algorithm>

#include "harness/contract.h"
#include "learners/cross_products.h"
#include "learners/gaussian_moments.h"

namespace thmcheck {
namespace {

// For neurons [r0, r0 + b): ds = σ'(X W_bᵀ) ∘ |a_b| (so ds₁ ds₂ᵀ carries a²), s = σ(X W_bᵀ).
void BlockFeatures(const TwoLayerNet& net, const Eigen::Ref<const Eigen::MatrixXd>& X,
                   Eigen::Index r0, Eigen::Index b, Eigen::MatrixXd& s, Eigen::MatrixXd& ds) {
  s.resize(X.rows(), b);  // no-op unless the last block is shorter
  ds.resize(X.rows(), b);
  s.noalias() = X * net.W().middleRows(r0, b).transpose();
  ApplySigmaAndPrime(net.activation(), s, s, ds);
  ds.array().rowwise() *= net.a().segment(r0, b).cwiseAbs().transpose().array();
}

}  // namespace

Eigen::MatrixXd EmpiricalNtk(const TwoLayerNet& net, const Eigen::Ref<const Eigen::MatrixXd>& X1,
                             const Eigen::Ref<const Eigen::MatrixXd>& X2, TrainedLayers layers) {
  THM_CHECK_EQ(X1.cols(), net.d());
  THM_CHECK_EQ(X2.cols(), net.d());
  const bool same = SameMatrix(X1, X2);
  const Eigen::Index n1 = X1.rows(), n2 = X2.rows(), m = net.m();
  // first: Σ_r a_r² σ'(z₁ᵣ) σ'(z₂ᵣ); second: Σ_r σ(z₁ᵣ) σ(z₂ᵣ). Both n₁×n₂, summed block by block.
  Eigen::MatrixXd first = Eigen::MatrixXd::Zero(n1, n2);
  Eigen::MatrixXd second = Eigen::MatrixXd::Zero(n1, n2);
  Eigen::MatrixXd s1, ds1, s2, ds2;
  for (Eigen::Index r0 = 0; r0 < m; r0 += kNtkNeuronBlock) {
    const Eigen::Index b = std::min<Eigen::Index>(kNtkNeuronBlock, m - r0);
    BlockFeatures(net, X1, r0, b, s1, ds1);
    if (same) {
      // Lower triangle only (rankUpdate: A += B Bᵀ), half the flops of a general product.
      first.selfadjointView<Eigen::Lower>().rankUpdate(ds1);
      if (layers == TrainedLayers::kBoth) second.selfadjointView<Eigen::Lower>().rankUpdate(s1);
    } else {
      BlockFeatures(net, X2, r0, b, s2, ds2);
      first.noalias() += ds1 * ds2.transpose();
      if (layers == TrainedLayers::kBoth) second.noalias() += s1 * s2.transpose();
    }
  }
  const double c2 = net.output_scale() * net.output_scale();
  Eigen::MatrixXd h = CrossProducts(X1, X2, same);  // Gram of the inputs
  if (same) {
    MirrorLowerTriangle(first);
    MirrorLowerTriangle(second);
  }
  h = first.cwiseProduct(h);
  if (layers == TrainedLayers::kBoth) h += second;
  h *= c2;
  return h;
}

Eigen::MatrixXd AnalyticNtkTwoLayer(const Eigen::Ref<const Eigen::MatrixXd>& X1,
                                    const Eigen::Ref<const Eigen::MatrixXd>& X2, Activation act,
                                    TrainedLayers layers) {
  THM_CHECK_EQ(X1.cols(), X2.cols());
  const bool same = SameMatrix(X1, X2);
  const Eigen::MatrixXd gram = CrossProducts(X1, X2, same);
  const Eigen::VectorXd q1 = X1.rowwise().squaredNorm();
  const Eigen::VectorXd q2 = X2.rowwise().squaredNorm();
  Eigen::MatrixXd S, Sdot;
  LayerMoments(act, q1, q2, gram, same, &S, &Sdot);
  // First layer: (x·x') E[a²] E[σ'σ'] with E[a²] = 1; second layer: E[σσ].
  Eigen::MatrixXd h = gram.cwiseProduct(Sdot);
  if (layers == TrainedLayers::kBoth) h += S;
  return h;
}

}  // namespace thmcheck
