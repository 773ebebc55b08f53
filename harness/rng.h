// Portable random numbers: the same seed gives the same draws with any compiler and standard
// library, because nothing here uses std::*_distribution (their algorithms are
// implementation-defined). A leaf header (header-only): concepts/ and learners/ may include it.
// Engine: xoshiro256** (Blackman & Vigna 2018, arXiv 1805.01407), seeded through SplitMix64.
// Normals: Marsaglia's polar method; it calls only std::log and std::sqrt (sqrt is exact in
// IEEE 754; NOTE: log comes from the C library — the golden-draw test catches a libm that differs).
#pragma once

#include <cmath>
#include <cstdint>
#include <string_view>

namespace thmcheck {

// SplitMix64 finalizer (Steele, Lea, Flood 2014): a bijective 64-bit mixer.
constexpr uint64_t Mix64(uint64_t z) {
  z += 0x9e3779b97f4a7c15ULL;
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31);
}

// FNV-1a 64 over bytes: stable across platforms (unlike std::hash).
constexpr uint64_t Fnv1a64(std::string_view s, uint64_t h = 0xcbf29ce484222325ULL) {
  for (unsigned char c : s) {
    h ^= c;
    h *= 0x100000001b3ULL;
  }
  return h;
}

// A child seed from a parent seed and a tag: DeriveSeed(s, "a") and DeriveSeed(s, "b") give
// unrelated streams. Use it to split one cell's seed into data / init / minibatch streams.
constexpr uint64_t DeriveSeed(uint64_t parent, std::string_view tag) {
  return Mix64(parent ^ Mix64(Fnv1a64(tag)));
}

class Rng {
 public:
  explicit Rng(uint64_t seed) {
    // The state is the SplitMix64 stream from `seed`, as xoshiro's authors advise.
    for (int i = 0; i < 4; ++i)
      s_[i] = Mix64(seed + static_cast<uint64_t>(i) * 0x9e3779b97f4a7c15ULL);
  }

  // A raw engine state (not all zero), for checking against the reference implementation.
  static Rng FromState(uint64_t s0, uint64_t s1, uint64_t s2, uint64_t s3) {
    Rng r(0);
    r.s_[0] = s0, r.s_[1] = s1, r.s_[2] = s2, r.s_[3] = s3;
    return r;
  }

  // Next 64 random bits (xoshiro256**).
  uint64_t NextU64() {
    const uint64_t result = Rotl(s_[1] * 5, 7) * 9;
    const uint64_t t = s_[1] << 17;
    s_[2] ^= s_[0];
    s_[3] ^= s_[1];
    s_[1] ^= s_[2];
    s_[0] ^= s_[3];
    s_[2] ^= t;
    s_[3] = Rotl(s_[3], 45);
    return result;
  }

  // Uniform on [0, 1) with 53 random bits: exact multiples of 2^-53.
  double Uniform() { return static_cast<double>(NextU64() >> 11) * 0x1.0p-53; }

  // Uniform on [lo, hi).
  double Uniform(double lo, double hi) { return lo + (hi - lo) * Uniform(); }

  // Uniform integer in [0, n), n > 0, without modulo bias (Lemire 2019, arXiv 1805.10941).
  uint64_t Below(uint64_t n) {
    unsigned __int128 p = static_cast<unsigned __int128>(NextU64()) * n;
    uint64_t low = static_cast<uint64_t>(p);
    if (low < n) {
      const uint64_t threshold = (0 - n) % n;
      while (low < threshold) {
        p = static_cast<unsigned __int128>(NextU64()) * n;
        low = static_cast<uint64_t>(p);
      }
    }
    return static_cast<uint64_t>(p >> 64);
  }

  // Standard normal N(0, 1) by the polar method; caches the second draw of each pair.
  double Normal() {
    if (has_spare_) {
      has_spare_ = false;
      return spare_;
    }
    double u, v, s;
    do {
      u = 2.0 * Uniform() - 1.0;
      v = 2.0 * Uniform() - 1.0;
      s = u * u + v * v;
    } while (s >= 1.0 || s == 0.0);
    const double f = std::sqrt(-2.0 * std::log(s) / s);
    spare_ = v * f;
    has_spare_ = true;
    return u * f;
  }

  // ±1 with probability 1/2 each (Rademacher).
  double Sign() { return (NextU64() >> 63) ? 1.0 : -1.0; }

 private:
  static constexpr uint64_t Rotl(uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }
  uint64_t s_[4];
  bool has_spare_ = false;
  double spare_ = 0.0;
};

// Fills any dense container with contiguous storage (e.g. an Eigen matrix, column-major order)
// with N(0, sigma^2) draws.
template <class Matrix>
void FillNormal(Rng& rng, Matrix& m, double sigma = 1.0) {
  auto* p = m.data();
  for (long i = 0; i < static_cast<long>(m.size()); ++i) p[i] = sigma * rng.Normal();
}

// Fills with independent ±1 entries.
template <class Matrix>
void FillSign(Rng& rng, Matrix& m) {
  auto* p = m.data();
  for (long i = 0; i < static_cast<long>(m.size()); ++i) p[i] = rng.Sign();
}

}  // namespace thmcheck
