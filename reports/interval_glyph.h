// A small inline SVG that shows one check at a glance: the band the theorem allows (green, an
// open side runs to the edge), the 95% and 90% intervals (thin and thick bars), the estimate
// (dot) and the predicted value (black tick). Inline, so the report stays one offline file per
// page; the numbers themselves are always printed beside it, the glyph only aids the eye.
#pragma once

#include <nlohmann/json.hpp>

#include "reports/results.h"

namespace thmcheck::report {

// The view of templates/glyph_interval.mustache (a 140×18 px <svg>): the tooltip and the x of
// each mark in px; null when `check` has no estimate to place.
nlohmann::json IntervalGlyphView(const Check& check);

}  // namespace thmcheck::report
