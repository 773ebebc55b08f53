// One arm's part of a claim page's "Checks" section: its heading (name, role, verdict), its
// condition, what its role means for the claim (a control: the main arm it controls, what rejected
// it and its predictions' verdicts; a report arm: reported, not judged), and one table row per
// check with its role (evidence, sanity — not evidence, must fail with the one line on why,
// prediction), estimate, intervals, prediction, band, verdict coloured by what it means in that
// role, fit and tolerance; under a check capped at INCONCLUSIVE, the cells that capped it, linked
// to their rows in the cells table. Sweep points follow the table, one collapsed table per check.
#pragma once

#include <nlohmann/json.hpp>
#include <set>
#include <string>

#include "reports/results.h"

namespace thmcheck::report {

// The view of templates/arm_section.mustache: the arm and one row per check, all text
// preformatted. `cell_ids`: the ids of the cells the page lists (cells_table.h CellId); a cell
// that capped a check is linked to its row when it is among them, else named only.
nlohmann::json ArmView(const Arm& arm, const std::set<std::string>& cell_ids);

}  // namespace thmcheck::report
