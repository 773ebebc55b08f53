// Sparse-parity targets on the cube Q_d = {±1/√d}^d and the ResNet-vs-kernel separation class.
// Why: Allen-Zhu & Li 2019 (arXiv 1905.10337, §7.1, Thm 2) prove that no kernel regressor learns
// H = F + αG(F) from N ≤ C(d,k)/1000 samples: the αG(F) part is α·χ_S, a degree-k parity.
// F(x) = √d (x_{i₁}, …, x_{i_k}) ∈ {±1}^k, G(y) = (Π_j y_j) in each of the k outputs, S = {i_j}.
// Legend: n samples, d dimension, k = |S| parity degree, α the weight of the composite part.
// Output j of H is χ_{{i_j}} + α·χ_S: for k ≥ 2 two orthonormal parities, so E‖H‖² = k(1 + α²)
// and a predictor that misses the χ_S part entirely has risk ≥ kα² (summed over outputs).
// NOTE: for k = 1 the two parities coincide (H = (1 + α)F); SeparationFourier merges them.
#pragma once

#include <utility>
#include <vector>

#include <Eigen/Core>

#include "harness/rng.h"

namespace thmcheck {

// A target written in the parity basis: (subset S, coefficient a_S) pairs meaning Σ a_S χ_S.
// It is the same std type as ParityExpansion in learners/cube_spectrum.h (which may not include
// concepts/), so a claim can pass one to the other without conversion.
using FourierExpansion = std::vector<std::pair<std::vector<int>, double>>;

// The target χ_S for one subset S of {0, …, d−1}.
struct SparseParity {
  int d = 0;
  std::vector<int> subset;  // S, sorted ascending; |S| = k
};

// S uniform among the C(d, k) k-subsets (concepts/boolean_cube.h RandomSubset).
SparseParity DrawSparseParity(Rng& rng, int d, int k);

// χ_S on each row of X (n×d on Q_d): exact ±1 values, unit variance, mean 0 for k ≥ 1.
Eigen::VectorXd ParityTarget(const SparseParity& target, const Eigen::MatrixXd& X);

// {(S, 1)}.
FourierExpansion ParityFourier(const SparseParity& target);

// The separation class H = F + αG(F) of arXiv 1905.10337 §7.1 (Thm 2).
struct SeparationConcept {
  int d = 0;
  std::vector<int> subset;  // S = (i₁, …, i_k), sorted ascending
  double alpha = 0.0;
};

// S uniform among the k-subsets; alpha is stored as given (finite, ≥ 0).
SeparationConcept DrawSeparationConcept(Rng& rng, int d, int k, double alpha);

// F(X): n×k with F_j = √d x_{i_j} = ±1 exactly (from signs, as Parity does).
Eigen::MatrixXd SeparationF(const SeparationConcept& sep, const Eigen::MatrixXd& X);

// G(Y): n×k, the row product Π_j Y_ij replicated in every column (any Y, not only ±1).
Eigen::MatrixXd SeparationG(const Eigen::MatrixXd& Y);

// H(X) = F(X) + α·G(F(X)): n×k.
Eigen::MatrixXd SeparationTarget(const SeparationConcept& sep, const Eigen::MatrixXd& X);

// H in the parity basis, one expansion per output: output j = χ_{{i_j}} + α·χ_S (merged for k = 1).
std::vector<FourierExpansion> SeparationFourier(const SeparationConcept& sep);

}  // namespace thmcheck
