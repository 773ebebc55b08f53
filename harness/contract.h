// Contracts: the CHECK macros for programming errors (docs/house_rules.md "Errors"; not the claims'
// checks of checks.h): print file:line, the condition and the values, then abort. A leaf header:
// concepts/ and learners/ may include it; it includes nothing of ours. User errors (bad flags, bad
// values) are not CHECKs: they are UsageError (errors.h).
#pragma once

#include <cstdio>
#include <cstdlib>
#include <sstream>
#include <string>

namespace thmcheck::internal {
[[noreturn]] inline void CheckFailed(const char* file, int line, const char* cond,
                                     const std::string& detail) {
  std::fprintf(stderr, "%s:%d: CHECK failed: %s %s\n", file, line, cond, detail.c_str());
  std::abort();
}
template <class A, class B>
std::string Values(const A& a, const B& b) {
  std::ostringstream os;
  os.precision(17);
  os << "(" << a << " vs " << b << ")";
  return os.str();
}
}  // namespace thmcheck::internal

#define THM_CHECK(cond)                                                            \
  do {                                                                             \
    if (!(cond)) ::thmcheck::internal::CheckFailed(__FILE__, __LINE__, #cond, ""); \
  } while (0)

#define THM_CHECK_MSG(cond, msg)                                                         \
  do {                                                                                   \
    if (!(cond)) {                                                                       \
      std::ostringstream thm_check_os_;                                                  \
      thm_check_os_ << msg;                                                              \
      ::thmcheck::internal::CheckFailed(__FILE__, __LINE__, #cond, thm_check_os_.str()); \
    }                                                                                    \
  } while (0)

#define THM_CHECK_OP_(a, b, op)                                                        \
  do {                                                                                 \
    const auto& thm_a_ = (a);                                                          \
    const auto& thm_b_ = (b);                                                          \
    if (!(thm_a_ op thm_b_))                                                           \
      ::thmcheck::internal::CheckFailed(__FILE__, __LINE__, #a " " #op " " #b,         \
                                        ::thmcheck::internal::Values(thm_a_, thm_b_)); \
  } while (0)

#define THM_CHECK_EQ(a, b) THM_CHECK_OP_(a, b, ==)
#define THM_CHECK_NE(a, b) THM_CHECK_OP_(a, b, !=)
#define THM_CHECK_LT(a, b) THM_CHECK_OP_(a, b, <)
#define THM_CHECK_LE(a, b) THM_CHECK_OP_(a, b, <=)
#define THM_CHECK_GT(a, b) THM_CHECK_OP_(a, b, >)
#define THM_CHECK_GE(a, b) THM_CHECK_OP_(a, b, >=)
