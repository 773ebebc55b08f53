// OUT/index.html: one row per claim with its verdict badge, title and id and why it is not a PASS,
// the status the claim is expected to reach at its scale and whether it was met, scale, elapsed
// time, each main arm's checks (estimate and 90% interval against the band) and the other arms'
// outcomes (a control: "REJECTED by …" or not rejected, and its predictions; a report arm:
// reported, not judged), linking to OUT/<claim>/index.html. The page a reader opens first, so it
// answers "did every theorem check out, and could each check have failed?" without a click.
#pragma once

#include <string>
#include <vector>

#include "reports/results.h"

namespace thmcheck::report {

// `trends_html`: the nightly-trends paragraph (history_report.h TrendsSummaryHtml, a rendered
// template), or "" without a history.
std::string IndexPageHtml(const std::vector<ClaimResult>& claims,
                          const std::string& trends_html = "");

}  // namespace thmcheck::report
