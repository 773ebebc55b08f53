// The cross-checks a claim declares (ClaimSpec::cross_checks), recorded for the report in
// verdict.json's "cross_checks". Only the declaration is written: the other claim's numbers are
// read by the report from that claim's own results, so this claim's verdict.json stays the same
// whether or not the other claim has run (and stays byte-reproducible).
#pragma once

#include <vector>

#include <nlohmann/json.hpp>

#include "harness/claim.h"

namespace thmcheck {

// The records of the declarations (a premise only when it has a label). A declaration without a
// claim, arm, axis, level label or observable is a programming error.
std::vector<schema::CrossCheck> CrossCheckRecords(const std::vector<CrossCheckSpec>& cross_checks);

}  // namespace thmcheck
