// Renders OUT/index.html; see index_page.h. Claims appear in folder-name order (the order
// ReadResults returns), so the same results always give the same bytes.
#include "reports/index_page.h"

#include "reports/escape.h"
#include "reports/format.h"
#include "reports/html_page.h"
#include "reports/forest_plot.h"

namespace thmcheck::report {
namespace {

std::optional<double> ElapsedSeconds(const ClaimResult& claim) {
  const auto it = claim.context.find("elapsed_s");
  if (it == claim.context.end() || !it->is_number()) return std::nullopt;
  return it->get<double>();
}

// The main arm's forest plot: every check's estimate and interval against its band.
std::string MainChecks(const ClaimResult& claim) {
  for (const Arm& arm : claim.arms) {
    if (arm.role == "main") {
      const std::string plot = ForestPlot(arm);
      return plot.empty() ? "<span class=\"muted\">no checks</span>" : plot;
    }
  }
  return "<span class=\"muted\">no main arm</span>";
}

std::string Controls(const ClaimResult& claim) {
  std::string html;
  for (const Arm& arm : claim.arms) {
    if (arm.role == "main") continue;
    html += "<div class=\"check\">" + HtmlEscape(arm.name) + " " + Badge(arm.verdict) + "</div>";
  }
  return html.empty() ? "<span class=\"muted\">none</span>" : html;
}

}  // namespace

std::string IndexPageHtml(const std::vector<ClaimResult>& claims, const std::string& trends_html) {
  int pass = 0, fail = 0, inconclusive = 0;
  for (const ClaimResult& claim : claims) {
    pass += claim.verdict == "PASS";
    fail += claim.verdict == "FAIL";
    inconclusive += claim.verdict == "INCONCLUSIVE";
  }
  std::string html = PageBegin("thmcheck report");
  html += "<h1>thmcheck report</h1>\n<p>" + std::to_string(claims.size()) + " claim" +
          (claims.size() == 1 ? "" : "s") + ": " + std::to_string(pass) + " " + Badge("PASS") +
          " &nbsp;" + std::to_string(fail) + " " + Badge("FAIL") + " &nbsp;" +
          std::to_string(inconclusive) + " " + Badge("INCONCLUSIVE") + "</p>\n" + trends_html;
  html +=
      "<p class=\"muted small\">Each row of a forest plot is one main-arm check: the band the "
      "theorem allows (green), the 90% and 95% intervals (thick and thin bars), the predicted "
      "value (black tick) and the estimate (dot: green PASS, red FAIL, amber INCONCLUSIVE); "
      "checks of the same quantity share an axis. A control arm is expected to be REJECTED: "
      "that shows the checks are able to fail.</p>\n";
  html +=
      "<table>\n<tr><th>Verdict</th><th>Claim</th><th>Scale</th><th>Elapsed</th>"
      "<th>Main-arm checks</th><th>Controls</th><th></th></tr>\n";
  for (const ClaimResult& claim : claims) {
    const std::string href = HtmlEscape(UrlEscapeSegment(claim.id)) + "/index.html";
    html +=
        "<tr><td>" + Badge(claim.verdict) + "</td><td class=\"title\"><a href=\"" + href + "\">" +
        HtmlEscape(claim.title) + "</a><br><code class=\"muted\">" + HtmlEscape(claim.id) +
        "</code></td>" + Td(claim.scale.empty() ? kAbsent : claim.scale) +
        Td(FormatDuration(ElapsedSeconds(claim)), "num") + "<td>" + MainChecks(claim) +
        "</td><td>" + Controls(claim) + "</td><td><a href=\"" + href + "\">details</a></td></tr>\n";
  }
  html += "</table>\n" + PageEnd();
  return html;
}

}  // namespace thmcheck::report
