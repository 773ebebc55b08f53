// Verdict table (see table.h).
#include "harness/table.h"

#include <algorithm>
#include <cstdio>
#include <ostream>
#include <string>
#include <vector>

#include "harness/schema/citation_format.h"
#include "harness/schema/records_json.h"

namespace thmcheck {
namespace {

std::string Num(const std::optional<double>& v) {
  if (!v) return "";
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.3g", *v);
  return buf;
}

// "[lo, hi]" with ∞ for an open side.
std::string Range(const std::optional<double>& lo, const std::optional<double>& hi) {
  return "[" + (lo ? Num(lo) : "-inf") + ", " + (hi ? Num(hi) : "+inf") + "]";
}
std::string Range(const schema::Interval& i) { return Range(i.lo, i.hi); }

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

// A figure the claim lists in ClaimSpec::printed_figures (recorded with "table": true): a row per
// x, a column per series, each entry the replicate mean and its 90% t-interval; the figure's lines
// (levels) below it, then what each of its arms set (a schedule, a grid), since the numbers mean
// little without it.
void PrintFigureTable(const schema::Figure& f, const std::vector<schema::Arm>& arms,
                      std::ostream& out) {
  const std::vector<std::string> drawn = f.Arms();
  std::string names;
  for (const auto& name : drawn) names += (names.empty() ? "" : ", ") + name;
  out << f.title << " (arm" << (drawn.size() > 1 ? "s " : " ") << names << ", " << f.y_label
      << ", mean [90% interval])\n";
  std::vector<double> xs;
  for (const auto& s : f.series)
    for (const auto& p : s.points)
      if (p.x && std::find(xs.begin(), xs.end(), *p.x) == xs.end()) xs.push_back(*p.x);
  std::sort(xs.begin(), xs.end());
  constexpr size_t kColumn = 26;
  out << "  " << Pad(f.x, 10);
  for (const auto& s : f.series) out << Pad(s.label, kColumn);
  out << "\n";
  for (double x : xs) {
    char label[32];  // the swept value in full ("1000", not "1e+03")
    std::snprintf(label, sizeof label, "%.6g", x);
    out << "  " << Pad(label, 10);
    for (const auto& s : f.series) {
      std::string text = "-";
      for (const auto& p : s.points)
        if (p.x == x) text = Num(p.mean) + " " + Range(p.lo, p.hi);
      out << Pad(text, kColumn);
    }
    out << "\n";
  }
  for (const auto& line : f.lines)
    out << "  line: " << line.label << " = " << Num(line.value) << "\n";
  for (const auto& name : drawn)
    for (const auto& arm : arms)
      if (arm.name == name && !arm.overrides.empty())
        out << "  arm " << name << " sets " << arm.overrides.dump() << "\n";
  out << "\n";
}

// After a control's verdict: which of its must-fail checks rejected it, and how its own
// predictions fared (" by a, b; predictions: p PASS, q INCONCLUSIVE").
std::string ControlSummary(const schema::Arm& arm) {
  std::string text;
  for (const auto& name : *arm.rejected_by) text += (text.empty() ? " by " : ", ") + name;
  if (text.empty()) text = " (no must-fail check FAILs)";
  std::string predictions;
  for (const auto& ch : arm.checks)
    if (ch.role == schema::kPrediction)
      predictions += (predictions.empty() ? "" : ", ") + ch.name + " " + ch.verdict;
  return text + "; predictions: " + (predictions.empty() ? "none" : predictions);
}

}  // namespace

void PrintVerdictTable(const nlohmann::json& verdict, std::ostream& out) {
  const schema::VerdictRecord v = verdict.get<schema::VerdictRecord>();
  const schema::Citation& c = v.citation;
  out << v.claim << ": " << v.title << "\n  " << c.authors << " (" << c.year.value_or(0) << ")"
      << cite::ArxivWords(c.arxiv) << ", " << c.theorem << "\n  scale " << v.scale << ", seed "
      << v.seed << "\n\n";
  // One row of cells per check; each column as wide as its widest entry (arm names such as
  // "threshold_degree_one" are longer than any fixed width would allow), plus two spaces. A
  // control's rows first name the main checks it must fail ("must fail"), then its predictions.
  std::vector<std::vector<std::string>> rows = {
      {"arm", "check", "role", "kind", "estimate", "90% interval", "predicted band", "verdict"}};
  for (const auto& arm : v.arms)
    for (const auto& ch : arm.checks) {
      std::string verdict_text = ch.verdict;
      if (verdict_text == "INCONCLUSIVE" && !ch.reason.empty())
        verdict_text += "  (" + ch.reason + ")";
      const std::string role = ch.role == schema::kMustFail ? "must fail" : ch.role;
      rows.push_back({arm.name, ch.Name(), role, CheckKindName(ch.kind), Num(ch.estimate),
                      ch.estimate ? Range(ch.ci) : "-", Range(ch.band), verdict_text});
    }
  std::vector<size_t> width(rows[0].size(), 0);
  for (const auto& row : rows)
    for (size_t i = 0; i + 1 < row.size(); ++i) width[i] = std::max(width[i], Length(row[i]) + 2);
  for (const auto& row : rows) {
    for (size_t i = 0; i + 1 < row.size(); ++i) out << Pad(row[i], width[i]);
    out << row.back() << "\n";
  }
  out << "\n";
  for (const auto& arm : v.arms) {
    out << "  " << arm.role << " arm " << arm.name << " (" << arm.condition << "): " << arm.verdict;
    if (arm.rejected_by) out << ControlSummary(arm);
    out << "\n";
  }
  for (const auto& arm : v.arms_not_run)
    out << "  " << arm.role << " arm " << arm.name << " (" << arm.condition << "): not run (--set "
        << arm.enabled_by << "=1 runs it)\n";
  for (const auto& f : v.figures)
    if (f.table) PrintFigureTable(f, v.arms, out);
  char elapsed[32];
  std::snprintf(elapsed, sizeof elapsed, "%.1f", v.context.value("elapsed_s", 0.0));
  out << "VERDICT " << v.claim << ": " << v.verdict << "  (" << elapsed << " s)";
  if (v.expected)
    out << "  expected: " << v.expected->status << (v.expected->met ? " (met)" : " (NOT met)");
  out << "\n";
  if (!v.verdict_reason.empty()) out << "  why: " << v.verdict_reason << "\n";
  if (v.expected && !v.expected->reason.empty())
    out << "  expected status: " << v.expected->reason << "\n";
  out << "\n";
}

}  // namespace thmcheck
