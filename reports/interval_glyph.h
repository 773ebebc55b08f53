// A small inline SVG that shows one check at a glance: the band the theorem allows (green, an
// open side runs to the edge), the 95% and 90% intervals (thin and thick bars), the estimate
// (dot) and the predicted value (black tick). Inline, so the report stays one offline file per
// page; the numbers themselves are always printed beside it, the glyph only aids the eye.
#pragma once

#include <string>

#include "reports/results.h"

namespace thmcheck::report {

// An <svg> element (about 140×18 px) for `check`, or "" when it has no estimate to place.
std::string IntervalGlyph(const Check& check);

}  // namespace thmcheck::report
