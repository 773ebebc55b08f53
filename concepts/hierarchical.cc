// Hierarchical targets βF + αG(F): the paper's parity instance and Concept 1; see hierarchical.h.
#include "concepts/hierarchical.h"

#include <algorithm>
#include <cmath>
#include <sstream>

#include "concepts/boolean_cube.h"
#include "harness/contract.h"

namespace thmcheck {

namespace {

bool Fail(std::string* error, const std::string& message) {
  if (error != nullptr) *error = message;
  return false;
}

HierarchicalSample Assemble(Eigen::MatrixXd x, Eigen::MatrixXd f, Eigen::MatrixXd g, double alpha,
                            double beta) {
  HierarchicalSample s;
  s.y = beta * f + alpha * g;
  s.x = std::move(x);
  s.f = std::move(f);
  s.g = std::move(g);
  return s;
}

}  // namespace

// ---- The paper's instance ----

bool ParityHierarchy::IsValid(std::string* error) const {
  std::ostringstream os;
  if (k < 1 || group < 1 || k % group != 0) {
    os << "k = " << k << " must be a positive multiple of group = " << group;
  } else if (d < 2 * k) {
    os << "F uses 2k = " << 2 * k << " coordinates but d = " << d;
  } else if (!std::isfinite(alpha) || !std::isfinite(beta)) {
    os << "alpha = " << alpha << ", beta = " << beta << " must be finite";
  } else {
    return true;
  }
  return Fail(error, os.str());
}

void EvaluateParityHierarchy(const ParityHierarchy& c, const Eigen::Ref<const Eigen::MatrixXd>& x,
                             Eigen::MatrixXd* f, Eigen::MatrixXd* g) {
  std::string error;
  THM_CHECK_MSG(c.IsValid(&error), error);
  THM_CHECK_EQ(x.cols(), c.d);
  const long n = x.rows();
  // A point off the scaled cube is a caller's bug (boolean_cube.h's kOnCubeRelTol).
  const double root_d = std::sqrt(static_cast<double>(c.d));
  f->resize(n, c.k);
  g->resize(n, c.k);
  for (long i = 0; i < n; ++i) {
    for (int r = 0; r < c.k; ++r) {
      const double u = x(i, 2 * r), v = x(i, 2 * r + 1);
      THM_CHECK_MSG(std::abs(std::abs(u) * root_d - 1.0) <= kOnCubeRelTol &&
                        std::abs(std::abs(v) * root_d - 1.0) <= kOnCubeRelTol,
                    "row " << i << " is not on {±1/√d}^d: " << u << ", " << v);
      (*f)(i, r) = ((u > 0) == (v > 0)) ? 1.0 : -1.0;  // z_{2r} z_{2r+1} from the signs
    }
    for (int r = 0; r < c.k; ++r) {
      const int first = (r / c.group) * c.group;
      double prod = 1.0;
      for (int j = first; j < first + c.group; ++j) prod *= (*f)(i, j);
      (*g)(i, r) = prod;
    }
  }
}

HierarchicalSample SampleParityHierarchy(Rng& rng, const ParityHierarchy& c, int n) {
  std::string error;
  THM_CHECK_MSG(c.IsValid(&error), error);
  Eigen::MatrixXd x = SampleCube(rng, n, c.d);
  Eigen::MatrixXd f, g;
  EvaluateParityHierarchy(c, x, &f, &g);
  return Assemble(std::move(x), std::move(f), std::move(g), c.alpha, c.beta);
}

// ---- Concept 1 ----

const char* SmoothActivationName(SmoothActivation phi) {
  switch (phi) {
    case SmoothActivation::kIdentity:
      return "identity";
    case SmoothActivation::kSquare:
      return "square";
    case SmoothActivation::kCube:
      return "cube";
    case SmoothActivation::kQuartic:
      return "quartic";
    case SmoothActivation::kSin:
      return "sin";
    case SmoothActivation::kCos:
      return "cos";
    case SmoothActivation::kExp:
      return "exp";
  }
  THM_CHECK_MSG(false, "unknown SmoothActivation " << static_cast<int>(phi));
}

double ApplySmooth(SmoothActivation phi, double z) {
  switch (phi) {
    case SmoothActivation::kIdentity:
      return z;
    case SmoothActivation::kSquare:
      return z * z;
    case SmoothActivation::kCube:
      return z * z * z;
    case SmoothActivation::kQuartic:
      return (z * z) * (z * z);
    case SmoothActivation::kSin:
      return std::sin(z);
    case SmoothActivation::kCos:
      return std::cos(z);
    case SmoothActivation::kExp:
      return std::exp(z);
  }
  THM_CHECK_MSG(false, "unknown SmoothActivation " << static_cast<int>(phi));
}

double SmoothComplexity(SmoothActivation phi, double s) {
  THM_CHECK_MSG(s >= 0.0 && std::isfinite(s), "s = " << s);
  // C(s) = (1 + s d/ds) Σ|c_i| s^i: apply it to the series with |c_i| in closed form.
  switch (phi) {
    case SmoothActivation::kIdentity:
      return 2.0 * s;
    case SmoothActivation::kSquare:
      return 3.0 * s * s;
    case SmoothActivation::kCube:
      return 4.0 * s * s * s;
    case SmoothActivation::kQuartic:
      return 5.0 * (s * s) * (s * s);
    case SmoothActivation::kSin:
      return s * std::cosh(s) + std::sinh(s);  // Σ|c_i|s^i = sinh s
    case SmoothActivation::kCos:
      return s * std::sinh(s) + std::cosh(s);  // Σ|c_i|s^i = cosh s
    case SmoothActivation::kExp:
      return (1.0 + s) * std::exp(s);
  }
  THM_CHECK_MSG(false, "unknown SmoothActivation " << static_cast<int>(phi));
}

bool SmoothTwoLayer::IsValid(std::string* error) const {
  std::ostringstream os;
  // Unit norm up to the rounding of normalizing a vector (≈ in_dim·ε ≪ 1e−12 for in_dim ≤ 10⁴).
  constexpr double kUnitTol = 1e-12;
  if (in_dim < 1 || k < 1 || p < 1) {
    os << "in_dim = " << in_dim << ", k = " << k << ", p = " << p << " must be ≥ 1";
  } else if (w.rows() != k * p || w.cols() != in_dim || a.rows() != k || a.cols() != p ||
             static_cast<long>(phi.size()) != static_cast<long>(k) * p) {
    os << "shapes: w " << w.rows() << "×" << w.cols() << ", a " << a.rows() << "×" << a.cols()
       << ", phi " << phi.size() << " for k = " << k << ", p = " << p << ", in_dim = " << in_dim;
  } else if (!(input_scale > 0.0) || !std::isfinite(input_scale)) {
    os << "input_scale = " << input_scale << " must be positive and finite";
  } else {
    for (long j = 0; j < w.rows(); ++j) {
      const double norm = w.row(j).norm();
      if (!(std::abs(norm - 1.0) <= kUnitTol)) {
        os << "row " << j << " of w has norm " << norm << ", not 1";
        return Fail(error, os.str());
      }
    }
    if (!(a.array().abs() <= 1.0).all()) {
      os << "a has entries outside [-1, 1] (max |a| = " << a.cwiseAbs().maxCoeff() << ")";
      return Fail(error, os.str());
    }
    return true;
  }
  return Fail(error, os.str());
}

void SmoothTwoLayer::Evaluate(const Eigen::Ref<const Eigen::MatrixXd>& z,
                              Eigen::MatrixXd* out) const {
  THM_CHECK_EQ(z.cols(), in_dim);
  // proj(i, r·p + j) = s·⟨w_{r,j}, z_i⟩: one n×(kp) product, then φ column by column.
  const Eigen::MatrixXd proj = input_scale * (z * w.transpose());
  out->setZero(z.rows(), k);
  for (int r = 0; r < k; ++r) {
    for (int j = 0; j < p; ++j) {
      const int col = r * p + j;
      const SmoothActivation act = phi[col];
      const double coef = a(r, j);
      for (long i = 0; i < z.rows(); ++i) (*out)(i, r) += coef * ApplySmooth(act, proj(i, col));
    }
  }
}

double SmoothTwoLayer::Complexity() const {
  double c = 0.0;
  for (SmoothActivation act : phi) c = std::max(c, SmoothComplexity(act, input_scale));
  return c;
}

bool ConceptOneShape::IsValid(std::string* error) const {
  std::ostringstream os;
  if (d < 1 || k < 1 || p_f < 1 || p_g < 1) {
    os << "d = " << d << ", k = " << k << ", p_f = " << p_f << ", p_g = " << p_g << " must be ≥ 1";
  } else if (activations.empty()) {
    os << "activations must not be empty";
  } else if (!std::isfinite(alpha) || !std::isfinite(beta)) {
    os << "alpha = " << alpha << ", beta = " << beta << " must be finite";
  } else if (!(f_input_scale > 0.0) || !std::isfinite(f_input_scale)) {
    os << "f_input_scale = " << f_input_scale << " must be positive and finite";
  } else {
    return true;
  }
  return Fail(error, os.str());
}

namespace {

SmoothTwoLayer DrawSmoothTwoLayer(Rng& rng, int in_dim, int k, int p, double input_scale,
                                  const std::vector<SmoothActivation>& activations) {
  SmoothTwoLayer net;
  net.in_dim = in_dim;
  net.k = k;
  net.p = p;
  net.input_scale = input_scale;
  // Uniform directions: normalized Gaussian rows (rotation invariance; Muller 1959).
  net.w.resize(k * p, in_dim);
  for (int j = 0; j < k * p; ++j) {
    double norm = 0.0;
    do {
      for (int c = 0; c < in_dim; ++c) net.w(j, c) = rng.Normal();
      norm = net.w.row(j).norm();
    } while (norm == 0.0);
    net.w.row(j) /= norm;
  }
  net.a.resize(k, p);
  for (int r = 0; r < k; ++r)
    for (int j = 0; j < p; ++j) net.a(r, j) = rng.Uniform(-1.0, 1.0);
  net.phi.resize(static_cast<size_t>(k) * p);
  for (auto& act : net.phi) act = activations[rng.Below(activations.size())];
  return net;
}

}  // namespace

ConceptOne DrawConceptOne(Rng& rng, const ConceptOneShape& shape) {
  std::string error;
  THM_CHECK_MSG(shape.IsValid(&error), error);
  ConceptOne c;
  c.alpha = shape.alpha;
  c.beta = shape.beta;
  c.f =
      DrawSmoothTwoLayer(rng, shape.d, shape.k, shape.p_f, shape.f_input_scale, shape.activations);
  c.g = DrawSmoothTwoLayer(rng, shape.k, shape.k, shape.p_g, 1.0, shape.activations);
  return c;
}

void EvaluateConceptOne(const ConceptOne& c, const Eigen::Ref<const Eigen::MatrixXd>& x,
                        Eigen::MatrixXd* f, Eigen::MatrixXd* g) {
  std::string error;
  THM_CHECK_MSG(c.f.IsValid(&error), "F: " << error);
  THM_CHECK_MSG(c.g.IsValid(&error), "G: " << error);
  THM_CHECK_EQ(c.f.k, c.g.in_dim);
  THM_CHECK_EQ(c.g.k, c.f.k);
  c.f.Evaluate(x, f);
  c.g.Evaluate(*f, g);
}

HierarchicalSample SampleConceptOne(Rng& rng, const ConceptOne& c, int n) {
  Eigen::MatrixXd x = SampleCube(rng, n, c.f.in_dim);
  Eigen::MatrixXd f, g;
  EvaluateConceptOne(c, x, &f, &g);
  return Assemble(std::move(x), std::move(f), std::move(g), c.alpha, c.beta);
}

}  // namespace thmcheck
