// One arm's part of a claim page's "Checks" section: its heading (name, role, verdict), its
// condition, what its role means for the claim (a control: the main arm it controls, what rejected
// it and its predictions' verdicts; a report arm: reported, not judged), and one table row per
// check with its role (evidence, sanity — not evidence, must fail with the one line on why,
// prediction), estimate, intervals, prediction, band, verdict coloured by what it means in that
// role, fit and tolerance; under a check capped at INCONCLUSIVE, the cells that capped it, linked
// to their rows in the cells table. Sweep points follow the table, one collapsed table per check.
#pragma once

#include <set>
#include <string>

#include "reports/results.h"

namespace thmcheck::report {

// `cell_ids`: the ids of the cells the page lists (cells_table.h CellId); a capping cell among
// them is linked to its row, any other is named only.
std::string ArmSectionHtml(const Arm& arm, const std::set<std::string>& cell_ids);

}  // namespace thmcheck::report
