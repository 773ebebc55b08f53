// Hierarchical targets H(x) = βF(x) + αG(F(x)): a large simple "base" F and a small composite
// αG(F) that is easy once F is known and hard from scratch. Allen-Zhu & Li 2019, "What can ResNet
// learn efficiently, going beyond kernels?", arXiv 1905.10337: Concept 1 (the general class, F and
// G two-layer nets of smooth activations) and the §7 experiment instance (parities on the cube).
// Why here: the claim `alpha_separation` (docs/claims/alpha_separation.md) needs F and G
// separately (φ, the probes).
// Legend: n samples, d input dimension, k outputs, p_F / p_G neurons per output of F / G,
// α weight of the composite, β weight of the base (β = 1 in the paper; β < α is the control).
#pragma once

#include <string>
#include <vector>

#include <Eigen/Core>

#include "harness/rng.h"

namespace thmcheck {

// Samples of a hierarchical target, with the two parts of the label kept apart.
struct HierarchicalSample {
  Eigen::MatrixXd x;  // n×d, rows uniform on {±1/√d}^d (SampleCube: unit norm; sweeps over n nest)
  Eigen::MatrixXd f;  // n×k, the base part F(x)
  Eigen::MatrixXd g;  // n×k, the composite part G(F(x))
  Eigen::MatrixXd y;  // n×k, the label βF + αG (noiseless, as in the paper's experiments)
};

// ---- The paper's instance (§7 [unverified], Fig. 2 of v2; docs/claims/alpha_separation.md) ----
// On the unscaled cube z = √d·x ∈ {±1}^d: F_r = z_{2r} z_{2r+1} (r < k, 0-based: F = (z₁z₂, …,
// z₁₅z₁₆) for k = 8), and G_r(y) = Π of the `group` coordinates of y in r's group ⌊r/group⌋:
// G = (y₁y₂y₃y₄ in outputs 1–4, y₅y₆y₇y₈ in 5–8). Each G_r(F) is a parity of degree 2·group = 8,
// which no kernel learns from N ≪ C(d, 8) samples (Thm 2 / §7.1;
// docs/claims/parity_lower_bound.md).
// Exact facts the claim may use: F_r, G_r ∈ {±1}; E F_r G_s = 0; E‖F‖² = E‖G‖² = k.
struct ParityHierarchy {
  int d = 30;
  int k = 8;
  int group = 4;
  double alpha = 0.3;
  double beta = 1.0;
  // Requires 2k ≤ d, k a multiple of group, group ≥ 1, finite α, β.
  bool IsValid(std::string* error) const;
};

HierarchicalSample SampleParityHierarchy(Rng& rng, const ParityHierarchy& c, int n);

// F and G at the rows of x, which must lie on the scaled cube: only their signs are read, so the
// values are exact products of ±1 (no rounding from √d·x).
void EvaluateParityHierarchy(const ParityHierarchy& c, const Eigen::Ref<const Eigen::MatrixXd>& x,
                             Eigen::MatrixXd* f, Eigen::MatrixXd* g);

// ---- Concept 1 (the general class) ----
// Infinite-order smooth activations φ for F and G (the paper asks for a convergent Taylor series
// everywhere; all of these are entire).
enum class SmoothActivation { kIdentity, kSquare, kCube, kQuartic, kSin, kCos, kExp };
const char* SmoothActivationName(SmoothActivation phi);
double ApplySmooth(SmoothActivation phi, double z);

// The complexity of z ↦ φ(s·z): C = Σ_i (i+1)|c_i| s^i over φ's Taylor coefficients c_i at 0,
// the paper's C_s(φ) with its large constant C* set to 1 (form as in lecture scribe notes on the
// paper, their §2.2; a talk on the paper writes Σ|c_i|·i; neither has a public copy, so both are
// summarized in docs/claims/alpha_separation.md, Calibration). Closed forms: z^p: (p+1)s^p;
// sin: s·cosh s + sinh s (= e at s = 1); cos: s·sinh s + cosh s; exp: (1 + s)e^s.
double SmoothComplexity(SmoothActivation phi, double s);

// out_r(z) = Σ_{i<p} a(r, i)·φ_{r,i}(s·⟨w_{r,i}, z⟩), r < k: the form of each of F and G in
// Concept 1 (‖w_{r,i}‖ = 1, a(r, i) ∈ [−1, 1]; the scribe notes have a ∈ {±1}). s = 1 is the
// paper's form on unit-norm x; s = √d on cube inputs reads coordinates as ±1, the scale of the
// separation instance F(x) = √d(x_{i₁}, …, x_{i_k}) with C(F) = O(√d) (scribe notes §2.3, §4).
// NOTE: with s = 1, random unit w and cube x give ⟨w, x⟩ ~ N(0, 1/d): F is then nearly linear
// and small, so a run "beyond the instance" should say which s it used.
struct SmoothTwoLayer {
  int in_dim = 0;
  int k = 0;
  int p = 0;
  double input_scale = 1.0;           // s
  Eigen::MatrixXd w;                  // (k·p)×in_dim; row r·p + i is w_{r,i}
  Eigen::MatrixXd a;                  // k×p
  std::vector<SmoothActivation> phi;  // k·p; φ_{r,i} at r·p + i

  // Shapes, unit rows (to 1e−12), |a| ≤ 1.
  bool IsValid(std::string* error) const;
  // z: n×in_dim → out: n×k (resized).
  void Evaluate(const Eigen::Ref<const Eigen::MatrixXd>& z, Eigen::MatrixXd* out) const;
  // max over (r, i) of SmoothComplexity(φ_{r,i}, s): with unit-norm inputs |out_r| ≤ p·C.
  double Complexity() const;
};

struct ConceptOne {
  SmoothTwoLayer f;  // R^d → R^k
  SmoothTwoLayer g;  // R^k → R^k
  double alpha = 0.3;
  double beta = 1.0;
};

// How to draw a random member of Concept 1: w uniform on the unit sphere, a uniform on [−1, 1],
// each φ uniform over `activations`.
struct ConceptOneShape {
  int d = 30;
  int k = 8;
  int p_f = 2;
  int p_g = 2;
  double alpha = 0.3;
  double beta = 1.0;
  double f_input_scale = 1.0;  // s of F; G reads F(x) as it is (s = 1)
  std::vector<SmoothActivation> activations = {SmoothActivation::kSquare, SmoothActivation::kCube,
                                               SmoothActivation::kSin, SmoothActivation::kCos};
  bool IsValid(std::string* error) const;
};

ConceptOne DrawConceptOne(Rng& rng, const ConceptOneShape& shape);
// n inputs uniform on the scaled cube (SampleCube) with their F, G and label.
HierarchicalSample SampleConceptOne(Rng& rng, const ConceptOne& c, int n);
void EvaluateConceptOne(const ConceptOne& c, const Eigen::Ref<const Eigen::MatrixXd>& x,
                        Eigen::MatrixXd* f, Eigen::MatrixXd* g);

}  // namespace thmcheck
