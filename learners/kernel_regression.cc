// Kernel ridge regression, ridge paths and selection, span projection; see kernel_regression.h.
#include "learners/kernel_regression.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>
#include <utility>

#include <Eigen/Cholesky>
#include <Eigen/Eigenvalues>
#include <Eigen/QR>

#include "harness/contract.h"

namespace thmcheck {
namespace {

constexpr double kEps = std::numeric_limits<double>::epsilon();

void CheckRidges(const Eigen::VectorXd& ridges) {
  THM_CHECK_GE(ridges.size(), 1);
  THM_CHECK_MSG(ridges.allFinite() && (ridges.array() >= 0.0).all(),
                "ridges must be finite and ≥ 0: " << ridges.transpose());
}

// Index of the smallest finite error (first on ties); aborts if none is finite.
int ArgMinFinite(const Eigen::VectorXd& errors) {
  int best = -1;
  for (int i = 0; i < errors.size(); ++i) {
    if (std::isfinite(errors(i)) && (best < 0 || errors(i) < errors(best))) best = i;
  }
  THM_CHECK_MSG(best >= 0, "no finite error on the ridge grid: " << errors.transpose());
  return best;
}

Eigen::MatrixXd Rows(const Eigen::MatrixXd& A, const std::vector<int>& rows) {
  Eigen::MatrixXd out(rows.size(), A.cols());
  for (size_t i = 0; i < rows.size(); ++i) out.row(i) = A.row(rows[i]);
  return out;
}

}  // namespace

SymmetricEigen SymmetricEigenDecompose(const Eigen::MatrixXd& a, bool compute_vectors) {
  THM_CHECK_EQ(a.rows(), a.cols());
  THM_CHECK_MSG(a.allFinite(), "matrix to decompose is not finite");
  const int options = compute_vectors ? Eigen::ComputeEigenvectors : Eigen::EigenvaluesOnly;
  SymmetricEigen out;
  Eigen::SelfAdjointEigenSolver<Eigen::MatrixXd> eig(a, options);
  if (eig.info() == Eigen::Success) {
    out.values = eig.eigenvalues();
  } else {  // see the header's NOTE: retry on A/τ + I
    const double tau = a.diagonal().cwiseAbs().maxCoeff();
    THM_CHECK_GT(tau, 0.0);
    Eigen::MatrixXd shifted = a / tau;
    shifted.diagonal().array() += 1.0;
    eig.compute(shifted, options);
    THM_CHECK_MSG(eig.info() == Eigen::Success,
                  "symmetric eigensolver failed twice (N = " << a.rows() << ")");
    out.values = tau * (eig.eigenvalues().array() - 1.0);
  }
  if (compute_vectors) out.vectors = eig.eigenvectors();
  return out;
}

Eigen::MatrixXd KrrSolve(const Eigen::MatrixXd& gram, const Eigen::MatrixXd& Y, double ridge) {
  THM_CHECK_EQ(gram.rows(), gram.cols());
  THM_CHECK_EQ(gram.rows(), Y.rows());
  THM_CHECK_MSG(ridge > 0.0 && std::isfinite(ridge), "ridge = " << ridge);
  Eigen::MatrixXd a = gram;
  a.diagonal().array() += ridge;
  const Eigen::LDLT<Eigen::MatrixXd> ldlt(a);
  THM_CHECK_MSG(ldlt.info() == Eigen::Success && ldlt.isPositive(), "K + λI not positive");
  return ldlt.solve(Y);
}

KernelRidgePath::KernelRidgePath(const Eigen::MatrixXd& gram, const Eigen::MatrixXd& Y) {
  THM_CHECK_EQ(gram.rows(), gram.cols());
  THM_CHECK_EQ(gram.rows(), Y.rows());
  THM_CHECK_MSG(gram.allFinite(), "Gram matrix is not finite");
  SymmetricEigen eig = SymmetricEigenDecompose(gram);
  u_ = std::move(eig.vectors);
  s_ = std::move(eig.values);
  uty_.noalias() = u_.transpose() * Y;
  const double s_max = s_.size() ? s_.cwiseAbs().maxCoeff() : 0.0;
  // Symmetric QR's backward error is c·N·ε·‖K‖ (c ≈ 1 here); eigenvalues below it, including the
  // slightly negative ones of a PSD Gram, are noise.
  cutoff_ = static_cast<double>(gram.rows()) * kEps * s_max;
}

Eigen::VectorXd RidgeInverseShift(const Eigen::VectorXd& s, double ridge, double cutoff) {
  Eigen::VectorXd inv(s.size());
  for (Eigen::Index i = 0; i < s.size(); ++i) {
    // NOTE: without the cutoff, λ = 0 would divide by rounding noise (or by a slightly negative
    // rounding of a zero eigenvalue of the PSD Gram) and blow the coefficients up.
    if (ridge > cutoff) {
      inv(i) = 1.0 / (std::max(s(i), 0.0) + ridge);
    } else {
      inv(i) = s(i) > cutoff ? 1.0 / (s(i) + ridge) : 0.0;
    }
  }
  return inv;
}

Eigen::MatrixXd KernelRidgePath::Coefficients(double ridge) const {
  THM_CHECK_MSG(ridge >= 0.0 && std::isfinite(ridge), "ridge = " << ridge);
  const Eigen::VectorXd inv = RidgeInverseShift(s_, ridge, cutoff_);
  return u_ * (inv.asDiagonal() * uty_);
}

Eigen::VectorXd RidgeGrid(const Eigen::MatrixXd& gram, int count, double lo_decades,
                          double hi_decades) {
  THM_CHECK_GE(count, 1);
  THM_CHECK_LE(lo_decades, hi_decades);
  THM_CHECK_GE(gram.rows(), 1);
  const double unit = gram.diagonal().mean();
  THM_CHECK_MSG(unit > 0.0 && std::isfinite(unit), "mean diagonal of K = " << unit);
  Eigen::VectorXd grid(count);
  for (int i = 0; i < count; ++i) {
    const double e =
        count == 1 ? lo_decades : lo_decades + (hi_decades - lo_decades) * i / (count - 1);
    grid(i) = unit * std::pow(10.0, e);
  }
  return grid;
}

Eigen::MatrixXd KrrPredict(const Kernel& kernel, const Eigen::MatrixXd& x_train,
                           const Eigen::MatrixXd& coefficients, const Eigen::MatrixXd& x_new) {
  THM_CHECK_EQ(coefficients.rows(), x_train.rows());
  return kernel.Gram(x_new, x_train) * coefficients;
}

Eigen::VectorXd PathTestErrors(const Kernel& kernel, const Eigen::MatrixXd& x_train,
                               const KernelRidgePath& path, const Eigen::VectorXd& ridges,
                               const Eigen::MatrixXd& x_test, const Eigen::MatrixXd& y_test,
                               int block_rows) {
  CheckRidges(ridges);
  THM_CHECK_EQ(x_test.rows(), y_test.rows());
  THM_CHECK_GE(x_test.rows(), 1);
  THM_CHECK_GE(block_rows, 1);
  const Eigen::Index n = x_train.rows(), q = y_test.cols(), r = ridges.size();
  Eigen::MatrixXd stacked(n, q * r);  // [C(λ_0) | C(λ_1) | …]
  for (Eigen::Index i = 0; i < r; ++i) {
    const Eigen::MatrixXd c = path.Coefficients(ridges(i));
    THM_CHECK_EQ(c.cols(), q);
    stacked.middleCols(i * q, q) = c;
  }
  Eigen::VectorXd sum = Eigen::VectorXd::Zero(r);
  Eigen::MatrixXd pred;  // reused across blocks: block_rows × (q·r)
  for (Eigen::Index start = 0; start < x_test.rows(); start += block_rows) {
    const Eigen::Index rows = std::min<Eigen::Index>(block_rows, x_test.rows() - start);
    pred.noalias() = kernel.Gram(x_test.middleRows(start, rows), x_train) * stacked;
    for (Eigen::Index i = 0; i < r; ++i) {
      sum(i) += (pred.middleCols(i * q, q) - y_test.middleRows(start, rows)).squaredNorm();
    }
  }
  return sum / static_cast<double>(x_test.rows());
}

KrrFit FitKrrOracle(const Kernel& kernel, const Eigen::MatrixXd& x_train, const Eigen::MatrixXd& Y,
                    const Eigen::VectorXd& ridges, const Eigen::MatrixXd& x_test,
                    const Eigen::MatrixXd& y_test) {
  const KernelRidgePath path(kernel.Gram(x_train, x_train), Y);
  KrrFit fit;
  fit.selection_errors = PathTestErrors(kernel, x_train, path, ridges, x_test, y_test);
  fit.index = ArgMinFinite(fit.selection_errors);
  fit.ridge = ridges(fit.index);
  fit.coefficients = path.Coefficients(fit.ridge);
  return fit;
}

KrrFit FitKrrValidated(const Kernel& kernel, const Eigen::MatrixXd& x_train,
                       const Eigen::MatrixXd& Y, const Eigen::VectorXd& ridges,
                       double validation_fraction, Rng& rng) {
  THM_CHECK_EQ(x_train.rows(), Y.rows());
  THM_CHECK_MSG(validation_fraction > 0.0 && validation_fraction < 1.0,
                "validation_fraction = " << validation_fraction);
  const int n = static_cast<int>(x_train.rows());
  const int n_val = static_cast<int>(std::lround(validation_fraction * n));
  THM_CHECK_MSG(n_val >= 1 && n_val < n, "N = " << n << " leaves " << n_val << " validation rows");
  std::vector<int> perm(n);
  std::iota(perm.begin(), perm.end(), 0);
  for (int i = 0; i < n_val; ++i) {  // partial Fisher–Yates: the first n_val rows are held out
    std::swap(perm[i], perm[i + static_cast<int>(rng.Below(static_cast<uint64_t>(n - i)))]);
  }
  const std::vector<int> val(perm.begin(), perm.begin() + n_val);
  const std::vector<int> fit_rows(perm.begin() + n_val, perm.end());
  const Eigen::MatrixXd x_fit = Rows(x_train, fit_rows);
  const KernelRidgePath path(kernel.Gram(x_fit, x_fit), Rows(Y, fit_rows));
  KrrFit fit;
  fit.selection_errors =
      PathTestErrors(kernel, x_fit, path, ridges, Rows(x_train, val), Rows(Y, val));
  fit.index = ArgMinFinite(fit.selection_errors);
  fit.ridge = ridges(fit.index) * static_cast<double>(n) / static_cast<double>(fit_rows.size());
  const Eigen::MatrixXd gram = kernel.Gram(x_train, x_train);
  fit.coefficients =
      fit.ridge > 0.0 ? KrrSolve(gram, Y, fit.ridge) : KernelRidgePath(gram, Y).Coefficients(0.0);
  return fit;
}

SpanProjection ProjectOntoSpan(const Kernel& kernel, const Eigen::MatrixXd& x_train,
                               const Eigen::MatrixXd& x_ref, const Eigen::MatrixXd& y_ref) {
  THM_CHECK_EQ(x_ref.rows(), y_ref.rows());
  THM_CHECK_GE(x_ref.rows(), x_train.rows());  // else the "projection" interpolates R
  THM_CHECK_MSG(x_ref.rows() * x_train.rows() <= kMaxProjectionEntries,
                "K(R, X) would have " << x_ref.rows() << "×" << x_train.rows() << " entries");
  const Eigen::MatrixXd phi = kernel.Gram(x_ref, x_train);
  THM_CHECK_MSG(phi.allFinite(), kernel.Name() << " gave a non-finite Gram");
  Eigen::ColPivHouseholderQR<Eigen::MatrixXd> qr(phi);
  // Eigen's default threshold is already ≈ N·ε relative to the largest pivot; we state it.
  qr.setThreshold(static_cast<double>(x_train.rows()) * kEps);
  SpanProjection out;
  out.rank = static_cast<int>(qr.rank());
  out.coefficients = qr.solve(y_ref);
  // Risk from the tail of QᵀY (the component orthogonal to the kept columns): no cancellation
  // between ‖y‖² and ‖Py‖², and no dependence on how large the coefficients are.
  const Eigen::MatrixXd qty = qr.householderQ().setLength(qr.rank()).transpose() * y_ref;
  out.risk = qty.bottomRows(qty.rows() - out.rank).colwise().squaredNorm().transpose() /
             static_cast<double>(x_ref.rows());
  return out;
}

}  // namespace thmcheck
