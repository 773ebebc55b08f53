// Plain-text formatting of the numbers and values the report shows: estimates, intervals and
// bands (with open sides), durations, and arbitrary JSON values from params/context/cells.
// One place, so every page shows a number the same way; output is plain text (not yet escaped).
// Absent values print as an em dash, never as 0 — a missing estimate must not read as a result.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "reports/results.h"

namespace thmcheck::report {

inline constexpr const char* kAbsent = "\u2014";  // em dash

// printf "%.*g" with `significant` digits; kAbsent when empty or not finite.
std::string FormatNumber(std::optional<double> value, int significant = 3);

// "[lo, hi]"; an open side prints as -∞/+∞ with a round bracket; kAbsent when not present.
std::string FormatInterval(const Interval& interval, int significant = 3);

// "41.2 s", "2 min 03 s", "1 h 02 min"; kAbsent when empty or negative.
std::string FormatDuration(std::optional<double> seconds);

// Strings as they are; integers exactly; other numbers with `significant` digits; null as
// kAbsent; arrays and objects as compact JSON.
std::string FormatJson(const nlohmann::json& value, int significant = 4);

}  // namespace thmcheck::report
