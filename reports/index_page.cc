// Renders OUT/index.html; see index_page.h. Claims appear in folder-name order (the order
// ReadResults returns), so the same results always give the same bytes.
#include "reports/index_page.h"

#include "reports/escape.h"
#include "reports/format.h"
#include "reports/html_page.h"
#include "reports/interval_glyph.h"

namespace thmcheck::report {
namespace {

std::optional<double> ElapsedSeconds(const ClaimResult& claim) {
  const auto it = claim.context.find("elapsed_s");
  if (it == claim.context.end() || !it->is_number()) return std::nullopt;
  return it->get<double>();
}

// One row per main-arm check: observable (kind in x) | estimate [90% interval] | vs band |
// glyph | verdict. A borderless inner table, so the glyphs of a claim's checks line up.
std::string MainChecks(const ClaimResult& claim) {
  std::string rows;
  for (const Arm& arm : claim.arms) {
    if (arm.role != "main") continue;
    for (const Check& check : arm.checks) {
      const std::string kind = check.kind + (check.x.empty() ? "" : " in " + check.x);
      rows += "<tr><td><code>" + HtmlEscape(check.observable) + "</code><br><span class=\"muted " +
              "small\">" + HtmlEscape(kind) + "</span></td>" +
              Td(FormatNumber(check.estimate) + " " + FormatInterval(check.ci), "num") +
              Td("vs " + FormatInterval(check.band), "num") + "<td>" + IntervalGlyph(check) +
              "</td><td>" + Badge(check.verdict) + "</td></tr>";
    }
  }
  return rows.empty() ? "<span class=\"muted\">no main arm</span>"
                      : "<table class=\"inner\">" + rows + "</table>";
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

std::string IndexPageHtml(const std::vector<ClaimResult>& claims) {
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
          std::to_string(inconclusive) + " " + Badge("INCONCLUSIVE") + "</p>\n";
  html +=
      "<p class=\"muted small\">Each main-arm check shows its estimate and 90% interval "
      "against the band the theorem allows (glyph: green band, thick bar 90%, thin bar 95%, "
      "dot estimate, black tick predicted). A control arm is expected to be REJECTED: that "
      "shows the check is able to fail.</p>\n";
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
