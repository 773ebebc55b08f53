// The "What is measured" section of a claim page: the concept (data and target) and the learners
// when the result records them, the observables each check fits, the sweep of every arm (the swept
// parameter and its values, and what the arm changes), and the replicates per sweep point.
// Everything but concept and learners is read off the checks and parameters the result already
// holds, so older result files get the section too.
#pragma once

#include <nlohmann/json.hpp>

#include "reports/results.h"

namespace thmcheck::report {

// The view of templates/measured_section.mustache (a two-column table, no heading).
nlohmann::json MeasuredView(const ClaimResult& claim);

}  // namespace thmcheck::report
