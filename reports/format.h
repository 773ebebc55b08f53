// Plain-text formatting of the numbers and values the report shows: estimates, intervals and
// bands (with open sides), durations, and arbitrary JSON values from params/context/cells.
// One place, so every page shows a number the same way; output is plain text (not yet escaped).
// Absent values print as an em dash, never as 0 — a missing estimate must not read as a result.
// Then escaping for the languages besides HTML that the report writes text from result files into:
// URL path segments (links to claim folders), gnuplot string literals (titles and labels in the
// generated .gp scripts), POSIX shell words (commands a page shows for copying) and file stems.
// HTML itself is escaped by the templates (page_template.h).
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>

#include "reports/results_reader.h"

namespace thmcheck::report {

inline constexpr const char* kAbsent = "\u2014";  // em dash

// `text`, or kAbsent when it is empty.
std::string OrAbsent(const std::string& text);

// printf "%.*g" with `significant` digits; kAbsent when empty or not finite.
std::string FormatNumber(std::optional<double> value, int significant = 3);

// An SVG coordinate in px, with one decimal (the forest plots and the check glyphs).
std::string FormatPx(double value);

// "[lo, hi]"; an open side prints as -∞/+∞ with a round bracket; kAbsent when not present.
std::string FormatInterval(const Interval& interval, int significant = 3);

// "41.2 s", "2 min 03 s", "1 h 02 min"; kAbsent when empty or negative.
std::string FormatDuration(std::optional<double> seconds);

// Strings as they are; integers exactly; other numbers with `significant` digits; null as
// kAbsent; arrays and objects as compact JSON.
std::string FormatJson(const nlohmann::json& value, int significant = 4);

// Percent-encodes all but RFC 3986 unreserved characters (A-Z a-z 0-9 - . _ ~), so a folder name
// can be one segment of a relative link whatever it contains.
std::string UrlEscapeSegment(std::string_view text);

// A gnuplot single-quoted string literal: ' doubles to '' (gnuplot's only escape inside single
// quotes, which do not interpret backslashes); control characters, which would end the command
// or corrupt a legend, become spaces.
std::string GnuplotQuote(std::string_view text);

// A POSIX shell word: as it is when made of [A-Za-z0-9_./-] only, else in single quotes, where '
// becomes '\'' (close, escaped quote, reopen).
std::string ShellWord(std::string_view text);

// A file-name stem made of [A-Za-z0-9_-] only (others become '_'), never empty, for naming plot
// files after observables without trusting the observable's spelling.
std::string FileStem(std::string_view text);

}  // namespace thmcheck::report
