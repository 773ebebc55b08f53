// Sweep progress (see progress.h).
#include "harness/progress.h"

#include <cstdio>

namespace thmcheck {

Progress::Progress(std::ostream& out, std::string label, size_t total, bool live, bool quiet)
    : out_(out),
      label_(std::move(label)),
      total_(total),
      live_(live),
      quiet_(quiet),
      start_(std::chrono::steady_clock::now()) {}

void Progress::CellDone(bool reused) {
  std::lock_guard<std::mutex> lock(mu_);
  ++done_;
  reused_ += reused;
  if (quiet_ || !live_) return;
  const double elapsed =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
  const size_t computed = done_ - reused_;
  // ETA from the computed cells' pace; reused cells cost nothing.
  const double eta = computed > 0 ? elapsed / computed * (total_ - done_) : 0.0;
  char line[160];
  std::snprintf(line, sizeof line, "\r%s: %zu/%zu cells, %.0f s elapsed, ETA %.0f s   ",
                label_.c_str(), done_, total_, elapsed, eta);
  out_ << line << std::flush;
}

void Progress::Finish() {
  if (quiet_) return;
  const double elapsed =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
  char line[160];
  std::snprintf(line, sizeof line, "%s%s: %zu cells (%zu computed, %zu reused) in %.1f s\n",
                live_ ? "\r" : "", label_.c_str(), total_, total_ - reused_, reused_, elapsed);
  out_ << line << std::flush;
}

}  // namespace thmcheck
