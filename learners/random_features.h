// Random-features regression with D ReLU features (Rahimi & Recht 2007, NIPS; 2008 for the
// D^{−1/2} approximation rate): φ_r(x) = √(2/D)·max(0, w_r·x + b_r), w_r ~ N(0, I_d), b_r = β·g_r,
// g_r ~ N(0, 1), then ridge regression on Φ. Why: the finite-width counterpart of the arc-cosine
// kernel in the parity lower bound (docs/claims/parity_lower_bound.md; arXiv 1905.10337 Thm 2
// covers it as a kernel).
// Legend: n samples, d dimension, D features, q outputs, λ the ridge, β the bias scale.
// Defined beside its analytic kernel (docs/house_rules.md "Layout"; after neural-tangents):
// E[φ(x)·φ(x')] = k_1(x̃, x̃'), ArcCosineKernel(1, β) of learners/kernels.h with x̃ = (x, β),
// because w·x + β·g = (w, g)·x̃.
#pragma once

#include <string>

#include <Eigen/Core>

#include "harness/rng.h"
#include "learners/kernels.h"

namespace thmcheck {

struct RandomReluFeatures {
  Eigen::MatrixXd w;  // D×d, rows w_r
  Eigen::VectorXd b;  // D biases b_r = β·g_r
  double bias = 0.0;  // β
};

// Draws feature by feature (w_r's d normals, then g_r, drawn even when β = 0), so the first D
// features of a draw of D' ≥ D features from the same seed are exactly the draw of D: width
// sweeps nest.
RandomReluFeatures DrawRandomReluFeatures(Rng& rng, int num_features, int d, double bias = 0.0);

// Φ(X) = √(2/D)·relu(X Wᵀ + 1 bᵀ): n×D, written into *phi (resized only if its shape differs, so a
// caller's buffer is reused across calls).
void RandomFeatureMap(const RandomReluFeatures& features, const Eigen::MatrixXd& X,
                      Eigen::MatrixXd* phi);

// argmin_B ‖ΦB − Y‖²_F + λ‖B‖²_F: D×q. Primal (ΦᵀΦ + λI)⁻¹ΦᵀY by LDLT when D ≤ n, dual
// Φᵀ(ΦΦᵀ + λI)⁻¹Y otherwise (the same B for λ > 0). λ = 0: the minimum-norm least-squares
// solution by complete orthogonal decomposition (rank cutoff max(n, D)·ε relative).
Eigen::MatrixXd RandomFeaturesRidge(const Eigen::MatrixXd& phi, const Eigen::MatrixXd& Y,
                                    double ridge);

struct RandomFeaturesModel {
  RandomReluFeatures features;
  Eigen::MatrixXd beta;  // D×q output weights
};

RandomFeaturesModel FitRandomFeatures(Rng& rng, const Eigen::MatrixXd& X, const Eigen::MatrixXd& Y,
                                      int num_features, double ridge, double bias = 0.0);

Eigen::MatrixXd PredictRandomFeatures(const RandomFeaturesModel& model, const Eigen::MatrixXd& X);

// The finite-D kernel Φ(X1)Φ(X2)ᵀ, so the kernel machinery (ridge paths, oracle selection, span
// projection) applies to random features unchanged: KRR with this kernel and ridge λ predicts
// exactly as RandomFeaturesRidge with λ (push-through identity).
class RandomFeaturesKernel : public Kernel {
 public:
  explicit RandomFeaturesKernel(RandomReluFeatures features);
  std::string Name() const override;
  Eigen::MatrixXd Gram(const Eigen::MatrixXd& X1, const Eigen::MatrixXd& X2) const override;

 private:
  RandomReluFeatures features_;
};

}  // namespace thmcheck
