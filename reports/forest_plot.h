// The index page's forest plot: one row per check of an arm, each showing the band the theorem
// allows (green; an open side runs to the edge), the 95% and 90% intervals (thin and thick bars),
// the predicted value (black tick) and the estimate (dot, coloured by what the check's verdict
// means in its role: green PASS, red FAIL, amber INCONCLUSIVE; but a must-fail row's FAIL, which
// its control predicts, green and its PASS red; a sanity check grey unless it FAILs), with the
// check's name on the left (grey italic for a sanity check, which is not evidence) and
// "estimate [90% interval]" on the right. Unlike the
// per-check glyph (interval_glyph.h), rows that measure the same quantity share one axis, so a
// reader compares checks by eye: exponents and exponent bounds in the same x are slopes on one
// scale; every other kind gets its own axis. Inline SVG: the index stays one offline file.
#pragma once

#include <nlohmann/json.hpp>
#include <vector>

#include "reports/results.h"

namespace thmcheck::report {

// The view of templates/forest_plot.mustache (the <svg>) for `arm`'s checks: positions in px and
// tick labels already formatted; null when the arm has no checks.
nlohmann::json ForestPlotView(const Arm& arm);

// Tick positions for a linear axis on [lo, hi] (lo < hi): multiples of a 1-2-5 step, at least
// two and at most about `max_ticks` of them, all inside [lo, hi].
std::vector<double> LinearTicks(double lo, double hi, int max_ticks = 5);

}  // namespace thmcheck::report
