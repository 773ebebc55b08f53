// A cross-check section of a claim page (cross_check_table.h): a heading, the declared reason,
// where the numbers come from (a link to the other claim's page, its verdict, scale and seed),
// then one row per value of the other arm's axis x — its shown parameters, the premise, the
// level, each observable's mean, 90% t-interval and mean per output — and in plain words where
// each group sits against the level. When the other claim has no results in the folder the
// report read, one line names the command that fills the section.
#pragma once

#include <nlohmann/json.hpp>

#include "reports/cross_check_table.h"

namespace thmcheck::report {

// The view of templates/cross_check_section.mustache (with its <h2>), all text preformatted.
nlohmann::json CrossCheckView(const CrossCheckTable& table);

}  // namespace thmcheck::report
