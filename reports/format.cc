// Formatting of numbers, intervals, durations and JSON values for the report, and escaping for
// URLs, gnuplot literals, shell words and file stems; see format.h.
// {fmt}'s "{:.3g}" is printf's "%.3g" (-0.49, 0.0812, 1.2e+04) without a locale or a buffer.
// Escaping is byte-wise on purpose: result files are UTF-8 (nlohmann validates on parse), and
// every character escaped here is ASCII, so multi-byte sequences pass through untouched.
#include "reports/format.h"

#include <fmt/format.h>

#include <cmath>

namespace thmcheck::report {
namespace {

bool IsUnreserved(unsigned char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
         c == '.' || c == '_' || c == '~';
}

}  // namespace

std::string OrAbsent(const std::string& text) { return text.empty() ? kAbsent : text; }

std::string FormatNumber(std::optional<double> value, int significant) {
  if (!value || !std::isfinite(*value)) return kAbsent;
  // "-0" carries no information and looks like a sign error.
  if (*value == 0) return "0";
  return fmt::format("{:.{}g}", *value, significant);
}

std::string FormatPx(double value) { return fmt::format("{:.1f}", value); }

std::string FormatInterval(const Interval& interval, int significant) {
  if (!interval.present) return kAbsent;
  const std::string lo =
      interval.lo ? fmt::format("[{}", FormatNumber(interval.lo, significant)) : "(-\u221E";
  const std::string hi =
      interval.hi ? fmt::format("{}]", FormatNumber(interval.hi, significant)) : "+\u221E)";
  return fmt::format("{}, {}", lo, hi);
}

std::string FormatDuration(std::optional<double> seconds) {
  if (!seconds || !std::isfinite(*seconds) || *seconds < 0) return kAbsent;
  if (*seconds < 60) return fmt::format("{:.1f} s", *seconds);
  if (*seconds < 3600) {
    const long total = std::lround(*seconds);
    return fmt::format("{} min {:02} s", total / 60, total % 60);
  }
  const long minutes = std::lround(*seconds / 60);
  return fmt::format("{} h {:02} min", minutes / 60, minutes % 60);
}

std::string FormatJson(const nlohmann::json& value, int significant) {
  if (value.is_null()) return kAbsent;
  if (value.is_string()) return value.get<std::string>();
  if (value.is_number_integer()) return value.dump();
  if (value.is_number_float()) return FormatNumber(value.get<double>(), significant);
  return value.dump();  // bool, array, object
}

std::string UrlEscapeSegment(std::string_view text) {
  std::string out;
  for (const char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    out += IsUnreserved(byte) ? std::string(1, c) : fmt::format("%{:02X}", byte);
  }
  return out;
}

std::string GnuplotQuote(std::string_view text) {
  std::string out = "'";
  for (const char c : text) {
    if (c == '\'') {
      out += "''";
    } else if (static_cast<unsigned char>(c) < 0x20 || c == 0x7F) {
      out += ' ';
    } else {
      out += c;
    }
  }
  return out + "'";
}

std::string ShellWord(std::string_view text) {
  const bool plain = !text.empty() && text.find_first_not_of(
                                          "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
                                          "0123456789_./-") == std::string_view::npos;
  if (plain) return std::string(text);
  std::string out = "'";
  for (const char c : text) {
    if (c == '\'') {
      out += "'\\''";
    } else {
      out += c;
    }
  }
  return out + "'";
}

std::string FileStem(std::string_view text) {
  std::string out;
  for (const char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    out += (IsUnreserved(byte) && c != '.' && c != '~') ? c : '_';
  }
  return out.empty() ? "plot" : out;
}

}  // namespace thmcheck::report
