// Runs independent jobs on a small pool of std::threads (not OpenMP: its threads busy-wait when
// the other core is busy, a measured trap on these machines). Each job runs on one thread, so a
// job's result does not depend on the thread count.
#pragma once

#include <cstddef>
#include <functional>

namespace thmcheck {

// Calls job(i) for i in [0, n) on min(threads, n) threads; rethrows the first exception after all
// threads have stopped.
void ParallelFor(size_t n, int threads, const std::function<void(size_t)>& job);

// std::thread::hardware_concurrency(), at least 1.
int DefaultThreads();

}  // namespace thmcheck
