// OUT/index.html: one row per claim with its verdict badge, title and id and why it is not a PASS,
// the status the claim is expected to reach at its scale and whether it was met, scale, elapsed
// time, each main arm's checks (estimate and 90% interval against the band) and the other arms'
// outcomes (a control: "REJECTED by …" or not rejected, and its predictions; a report arm:
// reported, not judged), linking to OUT/<claim>/index.html. The page a reader opens first, so it
// answers "did every theorem check out, and could each check have failed?" without a click.
// Each main arm's checks are a forest plot, inline SVG (so the page stays one offline file; the
// numbers are printed beside it, the drawing only aids the eye): one row per check with the band
// the theorem allows (green; an open side runs to the edge), the 95% and 90% intervals (thin and
// thick bars), the predicted value (black tick) and the estimate (dot, coloured by what the
// verdict means in the check's role: html_page.h CheckTone), the check's name on the left (grey
// italic for a sanity check, which is not evidence) and "estimate [90% interval]" on the right.
// Unlike a claim page's glyph of one check, rows that measure the same quantity share one axis,
// so a reader compares checks by eye: exponents and exponent bounds in the same x are slopes on
// one scale; every other kind gets its own axis.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "reports/results_reader.h"

namespace thmcheck::report {

// `trends_html`: the nightly-trends paragraph (history_report.h TrendsSummaryHtml, a rendered
// template), or "" without a history.
std::string IndexPageHtml(const std::vector<ClaimResult>& claims,
                          const std::string& trends_html = "");

// The view of templates/forest_plot.mustache (the <svg>) for `arm`'s checks: positions in px and
// tick labels already formatted; null when the arm has no checks.
nlohmann::json ForestPlotView(const Arm& arm);

// Tick positions for a linear axis on [lo, hi] (lo < hi): multiples of a 1-2-5 step, at least
// two and at most about `max_ticks` of them, all inside [lo, hi].
std::vector<double> LinearTicks(double lo, double hi, int max_ticks = 5);

}  // namespace thmcheck::report
