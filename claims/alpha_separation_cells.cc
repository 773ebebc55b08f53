// Cell code of claim `alpha_separation`; see alpha_separation_cells.h for the observables.
// Per replicate (seeds.replicate), shared by every α and arm: the samples (train N, validation,
// test), the ResNet init and SGD order, and the kernel ridge paths. Kernel regression is linear in
// the labels and its Grams do not depend on α, β, so one eigendecomposition per kernel serves every
// cell of a replicate: the predictions of F and of G at every ridge are computed once (a cache
// keyed by the replicate seed and the data-defining parameters) and each cell combines them as
// βF̂_λ + αĜ_λ. A cell's outcome is the same whether or not the cache was warm (pure function of
// its parameters and seeds), so --shard and --resume are unaffected.
#include "claims/alpha_separation_cells.h"

#include <algorithm>
#include <cmath>
#include <iterator>
#include <map>
#include <memory>
#include <optional>

#include <Eigen/Cholesky>

#include "claims/alpha_separation_screen.h"
#include "concepts/hierarchical.h"
#include "harness/contract.h"
#include "harness/rng.h"
#include "learners/kernel_regression.h"
#include "learners/kernels.h"
#include "learners/resnet3.h"

namespace thmcheck {
namespace {

// Ridge grid for every kernel, log10 in units of mean(diag K) (RidgeGrid's unit), 1e−8 (the
// ridgeless limit: the labels are noiseless) to 1. One Cholesky per ridge (0.8 CPU-s at N = 3000)
// instead of one eigendecomposition (≈ 25 CPU-s at N = 3000 with Eigen's tridiagonal QR,
// measured) — the quick budget allows five. Pilot (N = 3000, seed 1): the analytic NTK picked
// 1e−8, the ResNet NTK and RBF 1e−1.6 (β = 1) and 1 (β ≤ 0.2: G alone, best predicted by ≈ 0).
constexpr double kRidgeDecades[] = {-8.0, -5.0, -3.0, -1.5, 0.0};
// Ridge probe from the first hidden layer: λ ∈ {1e−6, 1e−4, 1e−2, 1} × mean diag of the Gram of
// the centred features, chosen on the validation split.
constexpr double kProbeRidges[] = {1e-6, 1e-4, 1e-2, 1.0};

struct Samples {
  HierarchicalSample train, val, test;
  double g2 = 0;  // test mean of ‖G‖² (= k exactly on the parity instance)
};

// One kernel's ridge path, evaluated once per replicate: [F̂ | Ĝ] at every ridge (n×2k each).
struct KernelPaths {
  std::string name;
  Eigen::VectorXd ridges;
  std::vector<Eigen::MatrixXd> val, test;
};

struct Shared {
  Samples data;
  std::vector<KernelPaths> kernels;
};

ResNet3Options NetOptions(const CellParams& p, double w_scale) {
  ResNet3Options o;
  o.d = p.Int("d");
  o.m = p.Int("width");
  o.k = p.Int("k");
  o.w_scale = w_scale;
  return o;  // the other init scales: the calibrated defaults (resnet3.h)
}

Samples DrawSamples(const CellParams& p, uint64_t replicate) {
  Rng rng(DeriveSeed(replicate, "data"));
  const int n = p.Int("n"), n_val = p.Int("n_val"), n_test = p.Int("n_test");
  Samples s;
  if (p.Choice("concept", kConcepts) == Concept::kParity) {
    ParityHierarchy c;
    c.d = p.Int("d");
    c.k = p.Int("k");
    s.train = SampleParityHierarchy(rng, c, n);
    s.val = SampleParityHierarchy(rng, c, n_val);
    s.test = SampleParityHierarchy(rng, c, n_test);
  } else {
    // Concept 1 with F read at the cube's ±1 scale (s = √d; hierarchical.h NOTE), G at s = 1.
    ConceptOneShape shape;
    shape.d = p.Int("d");
    shape.k = p.Int("k");
    shape.f_input_scale = std::sqrt(static_cast<double>(shape.d));
    Rng concept_rng(DeriveSeed(replicate, "concept"));
    const ConceptOne c = DrawConceptOne(concept_rng, shape);
    s.train = SampleConceptOne(rng, c, n);
    s.val = SampleConceptOne(rng, c, n_val);
    s.test = SampleConceptOne(rng, c, n_test);
  }
  s.g2 = s.test.g.rowwise().squaredNorm().mean();
  return s;
}

KernelPaths FitPaths(std::string name, const Eigen::MatrixXd& K, const Eigen::MatrixXd& K_val,
                     const Eigen::MatrixXd& K_test, const Samples& s) {
  const long n = s.train.f.rows(), k = s.train.f.cols();
  Eigen::MatrixXd Y(n, 2 * k);
  Y << s.train.f, s.train.g;
  KernelPaths out{std::move(name), Eigen::VectorXd(std::size(kRidgeDecades)), {}, {}};
  const double unit = K.diagonal().mean();
  for (size_t i = 0; i < std::size(kRidgeDecades); ++i) {
    const double ridge = unit * std::pow(10.0, kRidgeDecades[i]);
    out.ridges(i) = ridge;
    Eigen::MatrixXd reg = K;
    reg.diagonal().array() += ridge;
    const Eigen::LLT<Eigen::MatrixXd> llt(reg);
    // K is PSD, so K + λI is PD; a failure means K lost symmetry or definiteness to rounding.
    const Eigen::MatrixXd C =
        llt.info() == Eigen::Success ? Eigen::MatrixXd(llt.solve(Y)) : KrrSolve(K, Y, ridge);
    out.val.push_back(K_val * C);
    out.test.push_back(K_test * C);
  }
  return out;
}

Shared ComputeShared(const CellParams& p, uint64_t replicate) {
  Shared shared;
  shared.data = DrawSamples(p, replicate);
  const Samples& s = shared.data;
  const Eigen::MatrixXd &X = s.train.x, &Xv = s.val.x, &Xt = s.test.x;
  // Analytic infinite-width NTK of the two-layer ReLU net (docs/conventions.md).
  const NeuralKernel ntk(NeuralKernelKind::kNtk, 2, 0.0, Activation::kRelu);
  shared.kernels.push_back(FitPaths("ntk", ntk.Gram(X, X), ntk.Gram(Xv, X), ntk.Gram(Xt, X), s));
  // The ResNet's own empirical NTK at its init w.r.t. (W, V), output-averaged (K ⊗ I_k;
  // resnet3.h).
  Rng init_rng(DeriveSeed(replicate, "resnet_init"));  // TrainBest's first run's init
  const ResNet3 net = ResNet3::Init(NetOptions(p, Candidates(p).front().w_scale), init_rng);
  auto ntk_of = [&](const Eigen::MatrixXd& A) {
    return ResNet3EmpiricalNtk(net, A, X, NtkOutputs::kMean).front();
  };
  shared.kernels.push_back(FitPaths("resnet_ntk", ntk_of(X), ntk_of(Xv), ntk_of(Xt), s));
  const RbfKernel rbf(p.Real("rbf_sigma"));
  shared.kernels.push_back(FitPaths("rbf", rbf.Gram(X, X), rbf.Gram(Xv, X), rbf.Gram(Xt, X), s));
  return shared;
}

// E‖out − y‖² and φ = E⟨out − βF, G⟩ / (α E‖G‖²) on the test rows.
void Score(const std::string& learner, const Eigen::MatrixXd& out, const HierarchicalSample& t,
           double alpha, double beta, double g2, CellOutcome* o) {
  const double err = (out - beta * t.f - alpha * t.g).rowwise().squaredNorm().mean();
  const double phi = (out - beta * t.f).cwiseProduct(t.g).sum() / out.rows() / (alpha * g2);
  o->observables[learner + ".err"] = err;
  o->observables[learner + ".err_ratio"] = err / (alpha * alpha * g2);
  o->observables[learner + ".phi"] = phi;
}

// Ridge probe H → T (centred by the training means), λ chosen on validation; test R².
double ProbeR2(const Eigen::MatrixXd& H, const Eigen::MatrixXd& T, const Eigen::MatrixXd& Hv,
               const Eigen::MatrixXd& Tv, const Eigen::MatrixXd& Ht, const Eigen::MatrixXd& Tt) {
  const Eigen::RowVectorXd hm = H.colwise().mean(), tm = T.colwise().mean();
  const Eigen::MatrixXd Hc = H.rowwise() - hm, Tc = T.rowwise() - tm;
  const Eigen::MatrixXd Hvc = Hv.rowwise() - hm, Htc = Ht.rowwise() - hm;
  const bool primal = H.cols() <= H.rows();  // solve in the smaller of m×m and N×N
  const Eigen::MatrixXd gram =
      primal ? Eigen::MatrixXd(Hc.transpose() * Hc) : Eigen::MatrixXd(Hc * Hc.transpose());
  const double unit = gram.diagonal().mean();
  double best_val = INFINITY, test_r2 = NAN;
  for (double r : kProbeRidges) {
    Eigen::MatrixXd reg = gram;
    reg.diagonal().array() += r * unit;
    const Eigen::LDLT<Eigen::MatrixXd> ldlt(reg);
    const Eigen::MatrixXd Wp = primal ? Eigen::MatrixXd(ldlt.solve(Hc.transpose() * Tc))
                                      : Eigen::MatrixXd(Hc.transpose() * ldlt.solve(Tc));
    const double val = ((Hvc * Wp).rowwise() + tm - Tv).squaredNorm();
    if (val < best_val) {
      best_val = val;
      const Eigen::MatrixXd resid = (Htc * Wp).rowwise() + tm - Tt;
      test_r2 = 1.0 - resid.squaredNorm() / (Tt.rowwise() - Tt.colwise().mean()).squaredNorm();
    }
  }
  return test_r2;
}

}  // namespace

SharedWorkSpec AlphaSeparationSharedWork() {
  // Everything ComputeShared reads: the data's law and size, the ResNet's init, the RBF's width.
  return SharedPerReplicate<Shared>(
      {"concept", "d", "k", "n", "n_val", "n_test", "width", "w_scales", "rbf_sigma"},
      ComputeShared);
}

CellOutcome RunAlphaSeparationCell(const CellParams& p, const CellSeeds& seeds) {
  const double alpha = p.Real("alpha"), beta = p.Real("beta");
  const std::shared_ptr<const Shared> sh = SharedWork<Shared>(seeds);
  const Samples& s = sh->data;
  const Eigen::MatrixXd Y = beta * s.train.f + alpha * s.train.g;
  const Eigen::MatrixXd Yv = beta * s.val.f + alpha * s.val.g;
  CellOutcome o;
  o.observables["alpha"] = alpha;
  o.observables["g2"] = s.g2;

  // ---- Kernels: select λ on validation for this (α, β), then score on test; the best kernel is
  // the one with the lowest validation error at its selected λ (never chosen on test data) ----
  double best_kernel_val = INFINITY;
  const long k = s.train.f.cols();
  for (size_t kernel = 0; kernel < sh->kernels.size(); ++kernel) {
    const KernelPaths& kp = sh->kernels[kernel];
    auto combine = [&](const Eigen::MatrixXd& P, double a) {
      return Eigen::MatrixXd(beta * P.leftCols(k) + a * P.rightCols(k));
    };
    int best = 0;
    double best_val = INFINITY;
    for (int i = 0; i < kp.ridges.size(); ++i) {
      const double v = (combine(kp.val[i], alpha) - Yv).squaredNorm();
      if (v < best_val) best_val = v, best = i;  // ties: the smaller ridge; NaN never selected
    }
    const Eigen::MatrixXd out = combine(kp.test[best], alpha);
    Score(kp.name, out, s.test, alpha, beta, s.g2, &o);
    // err_λ(α) − err_λ(0) at the same λ: 2α⟨r_F, r_G⟩ + α²‖r_G‖², r_F = βF̂_λ − βF and
    // r_G = Ĝ_λ − G the residuals. The identity (KRR is linear in the labels, and the cell
    // combines its F and G predictions) is recorded as a relative gap: rounding only.
    const Eigen::MatrixXd r_f = combine(kp.test[best], 0.0) - beta * s.test.f;
    const Eigen::MatrixXd r_g = kp.test[best].rightCols(k) - s.test.g;
    const double err0 = r_f.rowwise().squaredNorm().mean();
    const double cross = r_f.cwiseProduct(r_g).sum() / r_f.rows();
    const double g_err = r_g.rowwise().squaredNorm().mean();
    const double err = o.observables[kp.name + ".err"];
    o.observables[kp.name + ".excess"] = err - err0;
    o.observables[kp.name + ".quadratic_gap"] =
        std::abs(err - (err0 + 2 * alpha * cross + alpha * alpha * g_err)) / err;
    o.observables[kp.name + ".val_err"] = best_val / static_cast<double>(Yv.rows());
    o.observables[kp.name + ".ridge"] = kp.ridges(best);
    o.observables[kp.name + ".ridge_index"] = best;
    if (best_val < best_kernel_val) {  // ties: the earlier kernel
      best_kernel_val = best_val;
      o.observables["kernel_best.err"] = o.observables[kp.name + ".err"];
      o.observables["kernel_best.err_ratio"] = o.observables[kp.name + ".err_ratio"];
      o.observables["kernel_best.index"] = static_cast<double>(kernel);
    }
  }

  // ---- ResNet: best of `restarts` runs (TrainBest), selected on validation ----
  const auto resnet_init = [&](Rng& rng, double w_scale) {
    return ResNet3::Init(NetOptions(p, w_scale), rng);
  };
  // A learner whose runs diverged records L.diverged = 1 and no scores; the cell stays ok, so the
  // kernels are still scored and a main arm's checks on that learner see a gap (checks.h).
  const std::optional<ResNet3> net =
      TrainBest("resnet", p, resnet_init, p.Real("second_lr_scale"), "resnet_init", "resnet_sgd",
                seeds.replicate, s.train.x, Y, s.val.x, Yv, &o);
  if (net) {
    Score("resnet", net->Forward(s.test.x), s.test, alpha, beta, s.g2, &o);
    const Eigen::MatrixXd H = net->FirstHidden(s.train.x), Hv = net->FirstHidden(s.val.x),
                          Ht = net->FirstHidden(s.test.x);
    o.observables["resnet.probe_f_r2"] = ProbeR2(H, s.train.f, Hv, s.val.f, Ht, s.test.f);
    o.observables["resnet.probe_g_r2"] = ProbeR2(H, s.train.g, Hv, s.val.g, Ht, s.test.g);
  }

  // ---- Two-layer net out = Aσ(Wx + b₁): the ResNet with block 2 switched off (V = 0,
  // b₂ = −1 so σ(Z₂) = σ'(Z₂) = 0) and frozen; A fixed, W and b₁ trained by the same SGD and
  // the same restart rule ----
  if (p.Int("two_layer") != 0) {
    const auto two_layer_init = [&](Rng& rng, double w_scale) {
      const ResNet3 init = ResNet3::Init(NetOptions(p, w_scale), rng);
      ResNet3::Params q = init.params();
      q.v.setZero();
      q.b2.setConstant(-1.0);
      return ResNet3::FromParameters(q, init.a(), SecondLayer::kBottleneck);
    };
    const std::optional<ResNet3> two =
        TrainBest("two_layer", p, two_layer_init, 0.0, "two_layer_init", "two_layer_sgd",
                  seeds.replicate, s.train.x, Y, s.val.x, Yv, &o);
    if (two) Score("two_layer", two->Forward(s.test.x), s.test, alpha, beta, s.g2, &o);
  }
  return o;
}

}  // namespace thmcheck
