// Formatting of numbers, intervals, durations and JSON values for the report; see format.h.
// snprintf rather than iostreams: "%.3g" is the compact form we want (-0.49, 0.0812, 1.2e+04)
// and is locale-independent for the "C" locale the CLI runs in.
#include "reports/format.h"

#include <cmath>
#include <cstdio>

namespace thmcheck::report {

std::string FormatNumber(std::optional<double> value, int significant) {
  if (!value || !std::isfinite(*value)) return kAbsent;
  char buffer[64];
  std::snprintf(buffer, sizeof(buffer), "%.*g", significant, *value);
  // "-0" carries no information and looks like a sign error.
  if (std::string(buffer) == "-0") return "0";
  return buffer;
}

std::string FormatInterval(const Interval& interval, int significant) {
  if (!interval.present) return kAbsent;
  // NOTE: appended rather than `"[" + FormatNumber(...)`, which trips GCC 12's false -Wrestrict.
  std::string lo = interval.lo ? std::string("[") : std::string("(-\u221E");
  if (interval.lo) lo += FormatNumber(interval.lo, significant);
  const std::string hi =
      interval.hi ? FormatNumber(interval.hi, significant) + "]" : std::string("+\u221E)");
  return lo + ", " + hi;
}

std::string FormatDuration(std::optional<double> seconds) {
  if (!seconds || !std::isfinite(*seconds) || *seconds < 0) return kAbsent;
  char buffer[64];
  if (*seconds < 60) {
    std::snprintf(buffer, sizeof(buffer), "%.1f s", *seconds);
  } else if (*seconds < 3600) {
    const long total = std::lround(*seconds);
    std::snprintf(buffer, sizeof(buffer), "%ld min %02ld s", total / 60, total % 60);
  } else {
    const long minutes = std::lround(*seconds / 60);
    std::snprintf(buffer, sizeof(buffer), "%ld h %02ld min", minutes / 60, minutes % 60);
  }
  return buffer;
}

std::string FormatJson(const nlohmann::json& value, int significant) {
  if (value.is_null()) return kAbsent;
  if (value.is_string()) return value.get<std::string>();
  if (value.is_number_integer()) return value.dump();
  if (value.is_number_float()) return FormatNumber(value.get<double>(), significant);
  return value.dump();  // bool, array, object
}

}  // namespace thmcheck::report
