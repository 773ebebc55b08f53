// The "Cells" section of a claim page: every cell file of the claim (one run of one arm at one
// parameter point and replicate) with its status and observables. Divergence is data
// (docs/house_rules.md "Numbers"): diverged and failed cells are listed and counted, never dropped.
// Parameters that are equal in every cell are printed once above the table, so the columns
// show only what the sweep varies. Each row carries the anchor id="cell-<id>", so a check can
// link the cells that capped its verdict.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "reports/results.h"

namespace thmcheck::report {

// The view of templates/cells_table.mustache (no heading): the count by status, the shared
// parameters and one row per cell, all text preformatted.
nlohmann::json CellsView(const ClaimResult& claim);

// A cell's id as the harness names it: its file's stem (cells/<id>.json → <id>).
std::string CellId(const Cell& cell);

// The fragment that links to a cell's row ("cell-<id>", not yet escaped).
std::string CellAnchor(const std::string& id);

}  // namespace thmcheck::report
