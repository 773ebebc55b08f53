// Renders "What is measured"; see measured_section.h. Sweep values are the x of the sweep points
// the checks report (what was actually run, after --set), not the claim's declared defaults.
#include "reports/measured_section.h"

#include <algorithm>
#include <set>

#include "reports/escape.h"
#include "reports/format.h"

namespace thmcheck::report {
namespace {

std::string Row(const std::string& what, const std::string& html) {
  return "<tr><th>" + HtmlEscape(what) + "</th><td>" + html + "</td></tr>\n";
}

// "m ∈ {256, 512, 1024}" for each swept parameter of the arm's checks, in order of appearance.
std::string SweepOf(const Arm& arm) {
  std::vector<std::string> names;
  std::vector<std::set<double>> values;
  for (const Check& check : arm.checks) {
    if (check.Points().empty()) continue;
    const std::string x = check.x.empty() ? "x" : check.x;
    auto it = std::find(names.begin(), names.end(), x);
    if (it == names.end()) names.push_back(x), values.emplace_back(), it = names.end() - 1;
    for (const SweepPoint& p : check.Points()) values[it - names.begin()].insert(PointX(p));
  }
  std::string text;
  for (size_t i = 0; i < names.size(); ++i) {
    text += (i ? "; " : "") + names[i] + " \u2208 {";
    size_t k = 0;
    for (const double v : values[i]) text += (k++ ? ", " : "") + FormatNumber(v, 6);
    text += "} (" + std::to_string(values[i].size()) + " values)";
  }
  return text;
}

std::string ArmsTable(const ClaimResult& claim) {
  std::string html = "<table class=\"inner\">";
  for (const Arm& arm : claim.arms) {
    html += "<tr><td><strong>" + HtmlEscape(arm.name) + "</strong> <span class=\"muted\">(" +
            HtmlEscape(arm.role) + ")</span></td><td>";
    if (!arm.condition.empty()) html += HtmlEscape(arm.condition) + "<br>";
    const std::string sweep = SweepOf(arm);
    html += "<span class=\"small\">sweep: " + HtmlEscape(sweep.empty() ? kAbsent : sweep);
    if (arm.overrides.is_object() && !arm.overrides.empty()) {
      html += "; sets " + HtmlEscape(FormatJson(arm.overrides));
    }
    html += "</span></td></tr>";
  }
  return html + "</table>";
}

std::string Observables(const ClaimResult& claim) {
  std::vector<std::string> seen;
  std::string html;
  for (const Arm& arm : claim.arms) {
    for (const Check& check : arm.checks) {
      if (std::find(seen.begin(), seen.end(), check.observable) != seen.end()) continue;
      seen.push_back(check.observable);
      html += (html.empty() ? "" : "<br>") + std::string("<code>") + HtmlEscape(check.observable) +
              "</code> <span class=\"muted small\">" + HtmlEscape(CheckKindName(check.kind)) +
              (check.x.empty() ? "" : " in " + HtmlEscape(check.x)) + ", band " +
              HtmlEscape(FormatInterval(check.band)) + "</span>";
    }
  }
  return html.empty() ? kAbsent : html;
}

// Replicates as declared, and the fewest that entered any sweep point (cells may diverge).
std::string Replicates(const ClaimResult& claim) {
  std::string text;
  const auto it = claim.params.find("replicates");
  if (it != claim.params.end()) text = FormatJson(*it) + " per sweep point";
  std::optional<int> fewest;
  for (const Arm& arm : claim.arms)
    for (const Check& check : arm.checks)
      for (const SweepPoint& p : check.Points())
        if (p.n) fewest = std::min(fewest.value_or(*p.n), *p.n);
  if (fewest)
    text += (text.empty() ? "" : "; ") + std::string("at least ") + std::to_string(*fewest) +
            " entered each mean";
  return text.empty() ? kAbsent : text;
}

}  // namespace

std::string MeasuredSection(const ClaimResult& claim) {
  std::string rows;
  if (!claim.measures.data.empty()) rows += Row("Concept", HtmlEscape(claim.measures.data));
  if (!claim.measures.learners.empty()) {
    std::string list;
    for (const std::string& l : claim.measures.learners) list += "<li>" + HtmlEscape(l) + "</li>";
    rows += Row("Learners", "<ul class=\"tight\">" + list + "</ul>");
  }
  rows += Row("Observables", Observables(claim));
  rows += Row("Arms and sweeps", ArmsTable(claim));
  rows += Row("Replicates", HtmlEscape(Replicates(claim)));
  rows += Row("Cells", std::to_string(claim.cells.size()) + " cell files (table below)");
  return "<table>\n" + rows + "</table>\n";
}

}  // namespace thmcheck::report
