// X₁X₂ᵀ for Gram matrices that must be exactly symmetric when X₁ and X₂ are the same points.
// Why: a matrix product need not round entries (i, j) and (j, i) alike — Eigen's AVX2/FMA kernels
// do not (measured: KernelsTest.GramMatchesProfileOnTheCube, x86-64-v3 build) — while Cholesky and
// symmetric eigensolvers read one triangle, and tests and users rely on K = Kᵀ exactly.
// Legend: X₁ (n₁×d), X₂ (n₂×d) rows are points.
#pragma once

#include <Eigen/Core>

namespace thmcheck {

// The same matrix object (same data, shape and stride): Gram(X, X).
bool SameMatrix(const Eigen::Ref<const Eigen::MatrixXd>& X1,
                const Eigen::Ref<const Eigen::MatrixXd>& X2);

// Copies the strict lower triangle of a square M onto the upper one.
void MirrorLowerTriangle(Eigen::MatrixXd& M);

// X₁X₂ᵀ, mirrored from its lower triangle when `same`.
Eigen::MatrixXd CrossProducts(const Eigen::Ref<const Eigen::MatrixXd>& X1,
                              const Eigen::Ref<const Eigen::MatrixXd>& X2, bool same);

// CrossProducts(X1, X2, SameMatrix(X1, X2)).
Eigen::MatrixXd CrossProducts(const Eigen::Ref<const Eigen::MatrixXd>& X1,
                              const Eigen::Ref<const Eigen::MatrixXd>& X2);

}  // namespace thmcheck
