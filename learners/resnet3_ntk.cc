// Empirical NTK of the three-layer ResNet; see resnet3.h. Forward quantities as in
// resnet3.cc: Z₁ = XWᵀ + 1b₁ᵀ, T = σ(Z₁)Aᵀ (bottleneck) or σ(Z₁) (full), Z₂ = TVᵀ + 1b₂ᵀ.
#include "learners/resnet3.h"

#include "harness/contract.h"
#include "learners/activation.h"
#include "learners/cross_products.h"

namespace thmcheck {
namespace {

// What the NTK needs from one input set: σ'(Z₁), σ'(Z₂) and the block-2 input T.
struct NtkFactors {
  Eigen::MatrixXd d1, d2, t;
};

NtkFactors Factors(const ResNet3& net, const Eigen::Ref<const Eigen::MatrixXd>& X) {
  const ResNet3::Params& p = net.params();
  NtkFactors f;
  Eigen::MatrixXd z1 = X * p.w.transpose();
  z1.rowwise() += p.b1.transpose();
  f.d1.resize(z1.rows(), z1.cols());
  ApplySigmaPrime(Activation::kRelu, z1, f.d1);
  ApplySigma(Activation::kRelu, z1, z1);
  f.t = net.second() == SecondLayer::kBottleneck ? Eigen::MatrixXd(z1 * net.a().transpose()) : z1;
  Eigen::MatrixXd z2 = f.t * p.v.transpose();
  z2.rowwise() += p.b2.transpose();
  f.d2.resize(z2.rows(), z2.cols());
  ApplySigmaPrime(Activation::kRelu, z2, f.d2);
  return f;
}

// P_a = (1A_a + E_a U) ∘ σ'(Z₁) and E_a = σ'(Z₂) ∘ 1A_a for output a (n×m each).
void OutputFactors(const ResNet3& net, const NtkFactors& f, int a, Eigen::MatrixXd* p_a,
                   Eigen::MatrixXd* e_a) {
  const Eigen::RowVectorXd row = net.a().row(a);
  *e_a = f.d2.array().rowwise() * row.array();
  if (net.second() == SecondLayer::kBottleneck) {
    *p_a = (*e_a * net.params().v) * net.a();  // E_a U = (E_a V) A: n×k then n×m
  } else {
    *p_a = *e_a * net.params().v;
  }
  p_a->rowwise() += row;
  p_a->array() *= f.d1.array();
}

}  // namespace

std::vector<Eigen::MatrixXd> ResNet3EmpiricalNtk(const ResNet3& net,
                                                 const Eigen::Ref<const Eigen::MatrixXd>& X1,
                                                 const Eigen::Ref<const Eigen::MatrixXd>& X2,
                                                 NtkOutputs outputs) {
  THM_CHECK_EQ(X1.cols(), net.d());
  THM_CHECK_EQ(X2.cols(), net.d());
  // The same matrix object twice: accumulate lower triangles only (half the flops), then mirror.
  const bool same = SameMatrix(X1, X2);
  const NtkFactors f1 = Factors(net, X1);
  const NtkFactors f2 = same ? NtkFactors{} : Factors(net, X2);
  const NtkFactors& g2 = same ? f1 : f2;
  const Eigen::MatrixXd xx = CrossProducts(X1, X2, same);
  const Eigen::MatrixXd tt = CrossProducts(f1.t, g2.t, same);
  auto accumulate = [&](const Eigen::MatrixXd& l, const Eigen::MatrixXd& r, Eigen::MatrixXd& acc) {
    if (same) {
      acc.selfadjointView<Eigen::Lower>().rankUpdate(l);
    } else {
      acc.noalias() += l * r.transpose();
    }
  };
  auto kernel = [&](Eigen::MatrixXd& pp, Eigen::MatrixXd& ee) -> Eigen::MatrixXd {
    if (same) {
      pp = pp.selfadjointView<Eigen::Lower>();
      ee = ee.selfadjointView<Eigen::Lower>();
    }
    return pp.cwiseProduct(xx) + ee.cwiseProduct(tt);
  };
  Eigen::MatrixXd p1, e1, p2, e2;
  Eigen::MatrixXd pp = Eigen::MatrixXd::Zero(X1.rows(), X2.rows()), ee = pp;
  std::vector<Eigen::MatrixXd> kernels;
  for (int a = 0; a < net.k(); ++a) {  // one n₁×m×n₂ product per output and term
    OutputFactors(net, f1, a, &p1, &e1);
    if (!same) OutputFactors(net, g2, a, &p2, &e2);
    accumulate(p1, same ? p1 : p2, pp);
    if (outputs == NtkOutputs::kPerOutput) {
      accumulate(e1, same ? e1 : e2, ee);
      kernels.push_back(kernel(pp, ee));
      pp.setZero();
      ee.setZero();
    }
  }
  if (outputs == NtkOutputs::kMean) {
    // Σ_a E_a E'_aᵀ = σ'(Z₂) diag(Σ_a A_a²) σ'(Z₂')ᵀ: a single product for all outputs.
    const Eigen::RowVectorXd a_norm = net.a().colwise().norm();
    const Eigen::MatrixXd q1 = f1.d2.array().rowwise() * a_norm.array();
    const Eigen::MatrixXd q2 = g2.d2.array().rowwise() * a_norm.array();
    accumulate(q1, q2, ee);
    kernels.push_back(kernel(pp, ee) / static_cast<double>(net.k()));
  }
  return kernels;
}

}  // namespace thmcheck
