// The sentences that explain a verdict, shared by the index and the claim pages (rules:
// harness/verdict.h): the status the claim is expected to reach at this scale and whether it was
// met; why a claim is not a PASS; what each control arm's checks decided ("REJECTED by …", or not
// rejected) with its own predictions' verdicts; that a report arm is measured, never judged; and
// the role of each check in words. The *View functions return the views of the partials
// verdict_expected, verdict_reason and arm_outcome (reports/templates/, page_template.h), null
// when there is nothing to say, so a page writes {{#expected}}{{> verdict_expected}}{{/expected}}.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "reports/results.h"

namespace thmcheck::report {

// "reproduces" → "reproduces", "not_reproduced_at_this_scale" → "not reproduced at this scale";
// any other status as given (plain text).
std::string ExpectedStatusText(const std::string& status);

// "Expected: <status> MET|NOT MET" and the expected status's reason when there is one. View:
// {status: ExpectedStatusText, met: BadgeView("MET" or "NOT MET"), reason: the reason or ""};
// null when the file records no expected status.
nlohmann::json ExpectedView(const ClaimResult& claim);

// The reason a claim is not a PASS. View: {reason}; null when none is recorded.
nlohmann::json VerdictReasonView(const ClaimResult& claim);

// One line on what an arm's role means for its verdict:
//  control: "REJECTED by <checks>" / "its must-fail checks … FAIL, but not every prediction
//           PASSes" / "not rejected: none of its must-fail checks FAILs", then its predictions
//           with their verdicts (each by name, or, `brief`, counted by verdict);
//  report:  "reported (not judged)";
//  main or unknown role: nothing (a null view).
// View: {clauses: [{sep, lead, items, tail}]}, each clause its separator ("" for the first, then
// "; "), a plain-text lead, a list of items and a plain-text tail; an item is {first, name,
// count, verdict}: a check name (shown as code), or a prediction's verdict (verdict: BadgeView)
// after its name or, `brief`, after the count of predictions that have it.
nlohmann::json ArmOutcomeView(const Arm& arm, bool brief = false);

// The names of the must-fail checks that FAILed: arm.rejected_by when recorded, else read off
// the checks.
std::vector<std::string> RejectedBy(const Arm& arm);

// "evidence", "sanity (not evidence)", "must fail", "prediction"; any other role as given.
std::string RoleText(const std::string& role);

}  // namespace thmcheck::report
