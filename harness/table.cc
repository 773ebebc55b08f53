// Verdict table (see table.h).
#include "harness/table.h"

#include <algorithm>
#include <cstdio>
#include <ostream>
#include <string>
#include <vector>

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

// UTF-8 code points, not bytes, so "−" and "≤" do not skew the columns.
size_t Length(const std::string& s) {
  size_t len = 0;
  for (unsigned char c : s) len += (c & 0xC0) != 0x80;
  return len;
}

std::string Pad(std::string s, size_t w) {
  const size_t len = Length(s);
  if (len < w) s.append(w - len, ' ');
  return s;
}

// A figure the claim lists in ClaimSpec::printed_figures (its verdict.json entry has "table":
// true): a row per x, a column per series, each entry the replicate mean and its 90% t-interval;
// the figure's lines (levels) below it, then what each of its arms set (a schedule, a grid), since
// the numbers mean little without it. A figure drawn from several arms lists them under "arms".
void PrintFigureTable(const nlohmann::json& f, const nlohmann::json& arms, std::ostream& out) {
  const nlohmann::json drawn = f.value("arms", nlohmann::json::array({f.at("arm")}));
  std::string names;
  for (const auto& name : drawn) names += (names.empty() ? "" : ", ") + name.get<std::string>();
  out << f.at("title").get<std::string>() << " (arm" << (drawn.size() > 1 ? "s " : " ") << names
      << ", " << f.at("y_label").get<std::string>() << ", mean [90% interval])\n";
  std::vector<double> xs;
  for (const auto& s : f.at("series"))
    for (const auto& p : s.at("points"))
      if (std::find(xs.begin(), xs.end(), p.at("x").get<double>()) == xs.end())
        xs.push_back(p.at("x").get<double>());
  std::sort(xs.begin(), xs.end());
  constexpr size_t kColumn = 26;
  out << "  " << Pad(f.at("x").get<std::string>(), 10);
  for (const auto& s : f.at("series")) out << Pad(s.at("label").get<std::string>(), kColumn);
  out << "\n";
  for (double x : xs) {
    char label[32];  // the swept value in full ("1000", not "1e+03")
    std::snprintf(label, sizeof label, "%.6g", x);
    out << "  " << Pad(label, 10);
    for (const auto& s : f.at("series")) {
      std::string text = "-";
      for (const auto& p : s.at("points"))
        if (p.at("x").get<double>() == x)
          text = Num(p.at("mean")) + " " + Range(nlohmann::json::array({p.at("lo"), p.at("hi")}));
      out << Pad(text, kColumn);
    }
    out << "\n";
  }
  for (const auto& line : f.at("lines"))
    out << "  line: " << line.at("label").get<std::string>() << " = " << Num(line.at("value"))
        << "\n";
  for (const auto& name : drawn)
    for (const auto& arm : arms)
      if (arm.at("name") == name && !arm.value("overrides", nlohmann::json::object()).empty())
        out << "  arm " << name.get<std::string>() << " sets " << arm.at("overrides").dump()
            << "\n";
  out << "\n";
}

// After a control's verdict: which of its must-fail checks rejected it, and how its own
// predictions fared (" by a, b; predictions: p PASS, q INCONCLUSIVE").
std::string ControlSummary(const nlohmann::json& arm) {
  std::string text;
  for (const auto& name : arm.at("rejected_by"))
    text += (text.empty() ? " by " : ", ") + name.get<std::string>();
  if (text.empty()) text = " (no must-fail check FAILs)";
  std::string predictions;
  for (const auto& ch : arm.at("checks"))
    if (ch.value("role", "") == "prediction")
      predictions += (predictions.empty() ? "" : ", ") + ch.at("name").get<std::string>() +
                     " " + ch.at("verdict").get<std::string>();
  return text + "; predictions: " + (predictions.empty() ? "none" : predictions);
}

}  // namespace

void PrintVerdictTable(const nlohmann::json& v, std::ostream& out) {
  const auto& c = v.at("citation");
  out << v.at("claim").get<std::string>() << ": " << v.at("title").get<std::string>() << "\n  "
      << c.at("authors").get<std::string>() << " (" << c.at("year") << "), arXiv "
      << c.at("arxiv").get<std::string>() << ", " << c.at("theorem").get<std::string>()
      << "\n  scale " << v.at("scale").get<std::string>() << ", seed " << v.at("seed") << "\n\n";
  // One row of cells per check; each column as wide as its widest entry (arm names such as
  // "threshold_degree_one" are longer than any fixed width would allow), plus two spaces. A
  // control's rows first name the main checks it must fail ("must fail"), then its predictions.
  std::vector<std::vector<std::string>> rows = {{"arm", "check", "role", "kind", "estimate",
                                                 "90% interval", "predicted band", "verdict"}};
  for (const auto& arm : v.at("arms"))
    for (const auto& ch : arm.at("checks")) {
      std::string verdict = ch.at("verdict").get<std::string>();
      const std::string reason = ch.value("reason", "");
      if (verdict == "INCONCLUSIVE" && !reason.empty()) verdict += "  (" + reason + ")";
      std::string role = ch.value("role", "evidence");
      if (role == "must_fail") role = "must fail";
      rows.push_back({arm.at("name").get<std::string>(),
                      ch.value("name", ch.at("observable").get<std::string>()),
                      role, ch.at("kind").get<std::string>(), Num(ch.at("estimate")),
                      ch.at("estimate").is_null() ? "-" : Range(ch.at("ci")), Range(ch.at("band")),
                      verdict});
    }
  std::vector<size_t> width(rows[0].size(), 0);
  for (const auto& row : rows)
    for (size_t i = 0; i + 1 < row.size(); ++i) width[i] = std::max(width[i], Length(row[i]) + 2);
  for (const auto& row : rows) {
    for (size_t i = 0; i + 1 < row.size(); ++i) out << Pad(row[i], width[i]);
    out << row.back() << "\n";
  }
  out << "\n";
  for (const auto& arm : v.at("arms")) {
    out << "  " << arm.at("role").get<std::string>() << " arm " << arm.at("name").get<std::string>()
        << " (" << arm.at("condition").get<std::string>() << "): "
        << arm.at("verdict").get<std::string>();
    if (arm.contains("rejected_by")) out << ControlSummary(arm);
    out << "\n";
  }
  if (v.contains("arms_not_run"))
    for (const auto& arm : v.at("arms_not_run"))
      out << "  " << arm.at("role").get<std::string>() << " arm "
          << arm.at("name").get<std::string>() << " (" << arm.at("condition").get<std::string>()
          << "): not run (--set " << arm.at("enabled_by").get<std::string>() << "=1 runs it)\n";
  if (v.contains("figures"))
    for (const auto& f : v.at("figures"))
      if (f.value("table", false)) PrintFigureTable(f, v.at("arms"), out);
  char elapsed[32];
  std::snprintf(elapsed, sizeof elapsed, "%.1f", v.at("context").at("elapsed_s").get<double>());
  out << "VERDICT " << v.at("claim").get<std::string>() << ": "
      << v.at("verdict").get<std::string>() << "  (" << elapsed << " s)";
  if (v.contains("expected")) {
    const auto& e = v.at("expected");
    out << "  expected: " << e.at("status").get<std::string>()
        << (e.at("met").get<bool>() ? " (met)" : " (NOT met)");
  }
  out << "\n";
  if (!v.value("verdict_reason", "").empty())
    out << "  why: " << v.at("verdict_reason").get<std::string>() << "\n";
  if (v.contains("expected") && !v.at("expected").value("reason", "").empty())
    out << "  expected status: " << v.at("expected").at("reason").get<std::string>() << "\n";
  out << "\n";
}

}  // namespace thmcheck
