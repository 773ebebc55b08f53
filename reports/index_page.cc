// Renders OUT/index.html; see index_page.h. Claims appear in folder-name order (the order
// ReadResults returns), so the same results always give the same bytes.
#include "reports/index_page.h"

#include "reports/escape.h"
#include "reports/forest_plot.h"
#include "reports/format.h"
#include "reports/html_page.h"
#include "reports/verdict_summary.h"

namespace thmcheck::report {
namespace {

std::optional<double> ElapsedSeconds(const ClaimResult& claim) {
  const auto it = claim.context.find("elapsed_s");
  if (it == claim.context.end() || !it->is_number()) return std::nullopt;
  return it->get<double>();
}

// Each main arm's forest plot: every check's estimate and interval against its band. With
// several main arms, each plot is headed by its arm's name and verdict.
std::string MainChecks(const ClaimResult& claim) {
  int mains = 0;
  for (const Arm& arm : claim.arms) mains += arm.role == "main";
  if (mains == 0) return "<span class=\"muted\">no main arm</span>";
  std::string html;
  for (const Arm& arm : claim.arms) {
    if (arm.role != "main") continue;
    if (mains > 1)
      html += "<div class=\"check\">" + HtmlEscape(arm.name) + " " + Badge(arm.verdict) + "</div>";
    const std::string plot = ForestPlot(arm);
    html += plot.empty() ? "<span class=\"muted\">no checks</span>" : plot;
  }
  return html;
}

// Every other arm: its verdict and what decided it (a control: what rejected it and its
// predictions; a report arm: reported, not judged).
std::string Controls(const ClaimResult& claim) {
  std::string html;
  for (const Arm& arm : claim.arms) {
    if (arm.role == "main") continue;
    const std::string outcome = ArmOutcomeHtml(arm, /*brief=*/true);
    html += "<div class=\"arm\"><span class=\"check\">" + HtmlEscape(arm.name) + " " +
            Badge(arm.verdict) + "</span>" +
            (outcome.empty() ? "" : "<br><span class=\"small\">" + outcome + "</span>") + "</div>";
  }
  return html.empty() ? "<span class=\"muted\">none</span>" : html;
}

// The expected status and whether this run met it; "—" when the file records none.
std::string ExpectedCell(const ClaimResult& claim) {
  if (!claim.expected) return Td(kAbsent);
  return "<td>" + HtmlEscape(ExpectedStatusText(claim.expected->status)) + "<br>" +
         Badge(claim.expected->met ? "MET" : "NOT MET") + "</td>";
}

}  // namespace

std::string IndexPageHtml(const std::vector<ClaimResult>& claims, const std::string& trends_html) {
  int pass = 0, fail = 0, inconclusive = 0, with_expected = 0, met = 0;
  for (const ClaimResult& claim : claims) {
    pass += claim.verdict == "PASS";
    fail += claim.verdict == "FAIL";
    inconclusive += claim.verdict == "INCONCLUSIVE";
    with_expected += claim.expected.has_value();
    met += claim.expected && claim.expected->met;
  }
  std::string html = PageBegin("thmcheck report");
  html += "<h1>thmcheck report</h1>\n<p>" + std::to_string(claims.size()) + " claim" +
          (claims.size() == 1 ? "" : "s") + ": " + std::to_string(pass) + " " + Badge("PASS") +
          " &nbsp;" + std::to_string(fail) + " " + Badge("FAIL") + " &nbsp;" +
          std::to_string(inconclusive) + " " + Badge("INCONCLUSIVE");
  if (with_expected > 0) {
    html += " &nbsp;\u00B7&nbsp; " + std::to_string(met) + " of " + std::to_string(with_expected) +
            " reached the status they are expected to reach at their scale";
  }
  html += "</p>\n" + trends_html;
  html +=
      "<p class=\"muted small\">Each row of a forest plot is one main-arm check: the band the "
      "theorem allows (green), the 90% and 95% intervals (thick and thin bars), the predicted "
      "value (black tick) and the estimate (dot: green PASS, red FAIL, amber INCONCLUSIVE); "
      "checks of the same quantity share an axis. A grey italic name is a sanity check: an "
      "identity of the code, not evidence (its FAIL is a bug). A control arm is expected to be "
      "REJECTED: one of the main-arm checks it names FAILs on its cells and its own predictions "
      "PASS, which shows the checks are able to fail. A report arm is measured and drawn, never "
      "judged. A claim PASSes when every main arm PASSes, every control is REJECTED and at least "
      "one control ran. <em>Expected</em>: the status the claim is expected to reach at the scale "
      "it ran, and whether this run met it.</p>\n";
  html +=
      "<table>\n<tr><th>Verdict</th><th>Claim</th><th>Expected</th><th>Scale</th><th>Elapsed</th>"
      "<th>Main-arm checks</th><th>Controls and other arms</th><th></th></tr>\n";
  for (const ClaimResult& claim : claims) {
    const std::string href = HtmlEscape(UrlEscapeSegment(claim.id)) + "/index.html";
    html += "<tr><td>" + Badge(claim.verdict) + "</td><td class=\"title\"><a href=\"" + href +
            "\">" + HtmlEscape(claim.title) + "</a><br><code class=\"muted\">" +
            HtmlEscape(claim.id) + "</code>" +
            (claim.verdict_reason.empty()
                 ? ""
                 : "<br><span class=\"small\">why: " + VerdictReasonHtml(claim) + "</span>") +
            "</td>" + ExpectedCell(claim) + Td(claim.scale.empty() ? kAbsent : claim.scale) +
            Td(FormatDuration(ElapsedSeconds(claim)), "num") + "<td>" + MainChecks(claim) +
            "</td><td>" + Controls(claim) + "</td><td><a href=\"" + href +
            "\">details</a></td></tr>\n";
  }
  html += "</table>\n" + PageEnd();
  return html;
}

}  // namespace thmcheck::report
