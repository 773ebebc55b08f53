// Verdict table (see table.h).
#include "harness/table.h"

#include <cstdio>
#include <ostream>
#include <string>

namespace thmcheck {
namespace {

std::string Num(const nlohmann::json& v) {
  if (v.is_null()) return "";
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.3g", v.get<double>());
  return buf;
}

// "[lo, hi]" with ∞ for an open side.
std::string Range(const nlohmann::json& r) {
  const std::string lo = r[0].is_null() ? "-inf" : Num(r[0]);
  const std::string hi = r[1].is_null() ? "+inf" : Num(r[1]);
  return "[" + lo + ", " + hi + "]";
}

std::string Pad(std::string s, size_t w) {
  // Count UTF-8 code points, not bytes, so "−" and "≤" do not skew the columns.
  size_t len = 0;
  for (unsigned char c : s) len += (c & 0xC0) != 0x80;
  if (len < w) s.append(w - len, ' ');
  return s;
}

}  // namespace

void PrintVerdictTable(const nlohmann::json& v, std::ostream& out) {
  const auto& c = v.at("citation");
  out << v.at("claim").get<std::string>() << ": " << v.at("title").get<std::string>() << "\n  "
      << c.at("authors").get<std::string>() << " (" << c.at("year") << "), arXiv "
      << c.at("arxiv").get<std::string>() << ", " << c.at("theorem").get<std::string>()
      << "\n  scale " << v.at("scale").get<std::string>() << ", seed " << v.at("seed") << "\n\n";
  out << Pad("arm", 14) << Pad("observable", 34) << Pad("kind", 18) << Pad("estimate", 10)
      << Pad("90% interval", 22) << Pad("predicted band", 20) << "verdict\n";
  for (const auto& arm : v.at("arms")) {
    for (const auto& ch : arm.at("checks")) {
      out << Pad(arm.at("name").get<std::string>(), 14)
          << Pad(ch.at("observable").get<std::string>(), 34)
          << Pad(ch.at("kind").get<std::string>(), 18) << Pad(Num(ch.at("estimate")), 10)
          << Pad(Range(ch.at("ci")), 22) << Pad(Range(ch.at("band")), 20)
          << ch.at("verdict").get<std::string>();
      const std::string reason = ch.value("reason", "");
      if (ch.at("verdict") == "INCONCLUSIVE" && !reason.empty()) out << "  (" << reason << ")";
      out << "\n";
    }
  }
  out << "\n";
  for (const auto& arm : v.at("arms"))
    out << "  " << arm.at("role").get<std::string>() << " arm " << arm.at("name").get<std::string>()
        << " (" << arm.at("condition").get<std::string>() << "): "
        << arm.at("verdict").get<std::string>() << "\n";
  char elapsed[32];
  std::snprintf(elapsed, sizeof elapsed, "%.1f", v.at("context").at("elapsed_s").get<double>());
  out << "VERDICT " << v.at("claim").get<std::string>() << ": " << v.at("verdict").get<std::string>()
      << "  (" << elapsed << " s)\n\n";
}

}  // namespace thmcheck
