// The scaled Boolean cube {±1/√d}^d, its enumeration and parities; see boolean_cube.h.
#include "concepts/boolean_cube.h"

#include <algorithm>
#include <cmath>
#include <numeric>

#include "harness/contract.h"

namespace thmcheck {
namespace {

void CheckSubset(const std::vector<int>& subset, int d) {
  for (size_t a = 0; a < subset.size(); ++a) {
    THM_CHECK_MSG(subset[a] >= 0 && subset[a] < d, "subset entry " << subset[a] << ", d = " << d);
    for (size_t b = 0; b < a; ++b) THM_CHECK_NE(subset[a], subset[b]);
  }
}

}  // namespace

Eigen::MatrixXd SampleCube(Rng& rng, int n, int d) {
  THM_CHECK_GE(n, 0);
  THM_CHECK_GE(d, 1);
  const double scale = 1.0 / std::sqrt(static_cast<double>(d));
  Eigen::MatrixXd X(n, d);
  for (int i = 0; i < n; ++i) {  // row by row: sample-size sweeps nest (see header)
    for (int j = 0; j < d; ++j) X(i, j) = scale * rng.Sign();
  }
  return X;
}

Eigen::MatrixXd EnumerateCube(int d) {
  THM_CHECK_MSG(d >= 1 && d <= kMaxEnumerableCubeDim,
                "d = " << d << " (enumeration allows 1 … " << kMaxEnumerableCubeDim << ")");
  const double scale = 1.0 / std::sqrt(static_cast<double>(d));
  const int64_t num_points = int64_t{1} << d;
  Eigen::MatrixXd X(num_points, d);
  for (int j = 0; j < d; ++j) {  // column-major storage: fill one coordinate at a time
    for (int64_t b = 0; b < num_points; ++b) X(b, j) = ((b >> j) & 1) ? -scale : scale;
  }
  return X;
}

std::vector<int> RandomSubset(Rng& rng, int d, int k) {
  THM_CHECK_MSG(k >= 0 && k <= d, "k = " << k << ", d = " << d);
  std::vector<int> pool(d);
  std::iota(pool.begin(), pool.end(), 0);
  for (int i = 0; i < k; ++i) {  // position i receives a uniform pick from pool[i … d−1]
    const int pick = i + static_cast<int>(rng.Below(static_cast<uint64_t>(d - i)));
    std::swap(pool[i], pool[pick]);
  }
  std::vector<int> subset(pool.begin(), pool.begin() + k);
  std::sort(subset.begin(), subset.end());
  return subset;
}

std::vector<std::vector<int>> AllSubsets(int d, int k) {
  THM_CHECK_MSG(k >= 0 && k <= d, "k = " << k << ", d = " << d);
  std::vector<std::vector<int>> out;
  std::vector<int> s(k);
  std::iota(s.begin(), s.end(), 0);
  while (true) {
    out.push_back(s);
    int i = k - 1;  // the rightmost entry that can still move right
    while (i >= 0 && s[i] == d - k + i) --i;
    if (i < 0) break;
    ++s[i];
    for (int j = i + 1; j < k; ++j) s[j] = s[j - 1] + 1;
  }
  return out;
}

Eigen::VectorXd Parity(const Eigen::MatrixXd& X, const std::vector<int>& subset) {
  const int d = static_cast<int>(X.cols());
  CheckSubset(subset, d);
  const double sqrt_d = std::sqrt(static_cast<double>(d));
  Eigen::VectorXd chi = Eigen::VectorXd::Ones(X.rows());
  for (int j : subset) {
    for (Eigen::Index i = 0; i < X.rows(); ++i) {
      const double x = X(i, j);
      // NaN fails this too (docs/house_rules.md: finiteness first).
      THM_CHECK_MSG(std::abs(sqrt_d * std::abs(x) - 1.0) <= kOnCubeRelTol,
                    "row " << i << " col " << j << " = " << x << " is not ±1/√" << d);
      if (x < 0.0) chi(i) = -chi(i);
    }
  }
  return chi;
}

std::vector<uint32_t> CubeIndices(const Eigen::MatrixXd& X) {
  THM_CHECK_LE(X.cols(), 32);
  std::vector<uint32_t> idx(X.rows(), 0u);
  for (Eigen::Index j = 0; j < X.cols(); ++j) {
    for (Eigen::Index i = 0; i < X.rows(); ++i) {
      if (X(i, j) < 0.0) idx[i] |= (uint32_t{1} << j);
    }
  }
  return idx;
}

Eigen::VectorXi HammingWeights(const Eigen::MatrixXd& X) {
  return (X.array() < 0.0).cast<int>().rowwise().sum();
}

int HammingDistance(const Eigen::Ref<const Eigen::RowVectorXd>& x,
                    const Eigen::Ref<const Eigen::RowVectorXd>& y) {
  THM_CHECK_EQ(x.size(), y.size());
  return static_cast<int>(((x.array() < 0.0) != (y.array() < 0.0)).count());
}

double CubeInnerProductAtDistance(int d, int w) {
  THM_CHECK_MSG(d >= 1 && w >= 0 && w <= d, "d = " << d << ", w = " << w);
  return 1.0 - 2.0 * w / d;
}

double BinomialCoefficient(int n, int k) {
  THM_CHECK_GE(n, 0);
  if (k < 0 || k > n) return 0.0;
  k = std::min(k, n - k);
  // r·(n − k + i)/i stays an integer at every step (it is C(n − k + i, i)); 128-bit
  // intermediates keep it exact for n ≤ 56, where C(n, k) < 2^53.
  THM_CHECK_LE(n, kMaxBinomialN);
  unsigned __int128 r = 1;
  for (int i = 1; i <= k; ++i) r = r * static_cast<unsigned>(n - k + i) / static_cast<unsigned>(i);
  return static_cast<double>(static_cast<uint64_t>(r));
}

double LowDegreeDimension(int d, int k) {
  THM_CHECK_MSG(k >= 0 && k <= d, "k = " << k << ", d = " << d);
  double sum = 0.0;
  for (int j = 0; j <= k; ++j) sum += BinomialCoefficient(d, j);
  return sum;
}

}  // namespace thmcheck
