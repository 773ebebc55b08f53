// User errors: a bad flag, value or claim name. The CLI prints the message and exits 2 before any
// file is written. Programming errors are CHECKs (contract.h), never this.
#pragma once

#include <stdexcept>
#include <string>

namespace thmcheck {

class UsageError : public std::runtime_error {
 public:
  explicit UsageError(const std::string& what) : std::runtime_error(what) {}
};

}  // namespace thmcheck
