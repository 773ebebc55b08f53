// The plain-text verdict table `thmcheck run` prints: one row per check (arm, observable, kind,
// estimate, 90% interval, predicted band, verdict), then each arm's and the claim's verdict.
// It reads a verdict.json object (through harness/schema's record), so it prints stored results
// the same way as fresh ones.
#pragma once

#include <iosfwd>

#include <nlohmann/json.hpp>

namespace thmcheck {

void PrintVerdictTable(const nlohmann::json& verdict, std::ostream& out);

}  // namespace thmcheck
