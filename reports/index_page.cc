// Renders OUT/index.html (templates/index_page.mustache); see index_page.h. Claims appear in
// folder-name order (the order ReadResults returns), so the same results always give the same
// bytes.
#include "reports/index_page.h"

#include <fmt/format.h>

#include <algorithm>

#include "reports/escape.h"
#include "reports/forest_plot.h"
#include "reports/format.h"
#include "reports/html_page.h"
#include "reports/page_template.h"
#include "reports/verdict_summary.h"

namespace thmcheck::report {
namespace {

using nlohmann::json;

// One claim's row: each main arm's forest plot (headed by its name and verdict when there are
// several), and every other arm with what decided it (a control: what rejected it and its
// predictions; a report arm: reported, not judged).
json ClaimRow(const ClaimResult& claim) {
  const auto mains = std::count_if(claim.arms.begin(), claim.arms.end(),
                                   [](const Arm& arm) { return arm.role == "main"; });
  json main_arms = json::array(), others = json::array();
  for (const Arm& arm : claim.arms) {
    json named = {{"name", arm.name}, {"verdict", BadgeView(arm.verdict)}};
    if (arm.role == "main") {
      main_arms.push_back(
          {{"heading", mains > 1 ? named : json()}, {"forest", ForestPlotView(arm)}});
    } else {
      named["outcome"] = ArmOutcomeView(arm, /*brief=*/true);
      others.push_back(named);
    }
  }
  const auto elapsed = claim.context.find("elapsed_s");
  json expected;
  if (claim.expected) {
    expected = {{"status", ExpectedStatusText(claim.expected->status)},
                {"met", BadgeView(claim.expected->met ? "MET" : "NOT MET")}};
  }
  return {{"verdict", BadgeView(claim.verdict)},
          {"href", UrlEscapeSegment(claim.id) + "/index.html"},
          {"title", claim.title},
          {"id", claim.id},
          {"why", VerdictReasonView(claim)},
          {"expected", expected},
          {"scale", claim.scale.empty() ? kAbsent : claim.scale},
          {"elapsed", elapsed != claim.context.end() && elapsed->is_number()
                          ? FormatDuration(elapsed->get<double>())
                          : kAbsent},
          {"mains", main_arms},
          {"others", others}};
}

}  // namespace

std::string IndexPageHtml(const std::vector<ClaimResult>& claims, const std::string& trends_html) {
  json tally = json::array(), rows = json::array();
  for (const char* verdict : {"PASS", "FAIL", "INCONCLUSIVE"}) {
    const auto n = std::count_if(claims.begin(), claims.end(),
                                 [&](const ClaimResult& c) { return c.verdict == verdict; });
    tally.push_back({{"sep", !tally.empty()}, {"count", n}, {"verdict", BadgeView(verdict)}});
  }
  int with_expected = 0, met = 0;
  for (const ClaimResult& claim : claims) {
    with_expected += claim.expected.has_value();
    met += claim.expected && claim.expected->met;
    rows.push_back(ClaimRow(claim));
  }
  return RenderTemplate(
      "index_page",
      {{"page_title", "thmcheck report"},
       {"claim_count", fmt::format("{} claim{}", claims.size(), claims.size() == 1 ? "" : "s")},
       {"tally", tally},
       {"expected", with_expected > 0 ? json{{"met", met}, {"of", with_expected}} : json()},
       {"trends_html", trends_html},
       {"claims", rows}});
}

}  // namespace thmcheck::report
