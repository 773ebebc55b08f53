// Progress of a long sweep on stderr: on a terminal, one line rewritten in place (cells done /
// total, elapsed, ETA); otherwise (logs, CI) a single summary line per claim, so logs stay short.
#pragma once

#include <chrono>
#include <mutex>
#include <ostream>
#include <string>

namespace thmcheck {

class Progress {
 public:
  // `live` = rewrite a status line as cells finish (use when stderr is a terminal).
  Progress(std::ostream& out, std::string label, size_t total, bool live, bool quiet);
  void CellDone(bool reused);  // thread-safe
  void Finish();               // the summary line

 private:
  std::ostream& out_;
  std::string label_;
  size_t total_, done_ = 0, reused_ = 0;
  bool live_, quiet_;
  std::chrono::steady_clock::time_point start_;
  std::mutex mu_;
};

}  // namespace thmcheck
