// The "Cells" section of a claim page: every cell file of the claim (one run of one arm at one
// parameter point and replicate) with its status and observables. Divergence is data
// (STYLE.md "Numbers"): diverged and failed cells are listed and counted, never dropped.
// Parameters that are equal in every cell are printed once above the table, so the columns
// show only what the sweep varies.
#pragma once

#include <string>

#include "reports/results.h"

namespace thmcheck::report {

// The section's HTML (no heading): a status summary, the common parameters and the table.
std::string CellsSection(const ClaimResult& claim);

}  // namespace thmcheck::report
