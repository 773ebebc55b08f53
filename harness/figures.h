// The figures a claim declares (ClaimSpec::figures), aggregated for the report into verdict.json's
// "figures": per series, at each value of the figure's axis, the mean over the arm's usable cells
// and its 90% t-interval (EstimateMean, schema/statistics.h). Diverged cells are excluded and
// counted per figure; an observable missing or non-finite in a usable cell is counted per series.
// Figures are drawn, never judged: they show what the checks decide, not more.
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "harness/checks.h"
#include "harness/claim.h"
#include "harness/sweep.h"

namespace thmcheck {

// True when `name` is `pattern`, or `pattern` has one '*' standing for any (possibly empty) text.
bool MatchesPattern(const std::string& pattern, const std::string& name);

// One figure from the cells of its arm; `params` are the resolved claim parameters (for lines).
// Series: each declared name, or a pattern's matches in name order; reference series last.
// `table`: the figure is also printed as a table (ClaimSpec::printed_figures; key "table").
schema::Figure FigureRecord(const FigureSpec& figure, const std::vector<CellView>& cells,
                            const nlohmann::json& params, bool table = false);

// Every figure of `claim` of which some arm ran (FigureSpec::arm, more_arms), in declaration order,
// drawn from the cells of the arms that ran; a figure declaring more_arms also records their
// names under "arms". `outcomes[i]` belongs to `cells[i]`.
std::vector<schema::Figure> FigureRecords(const ClaimSpec& claim, const std::vector<Cell>& cells,
                                          const std::vector<CellOutcome>& outcomes,
                                          const nlohmann::json& params);

}  // namespace thmcheck
