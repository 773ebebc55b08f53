// Views every page shares (page_template.h): verdict and status badges (templates/badge), key/value
// tables (templates/key_value_rows), and the sentences that explain a verdict (rules:
// harness/verdict.h) — the status a claim is expected to reach at this scale and whether it was
// met, why a claim is not a PASS, what an arm's role means for its verdict. A page template opens
// with {{> page_head}} (its view's `page_title` is the <title>; the inline style sheet is there:
// the report opens offline, with no external CSS, scripts or fonts) and closes with
// {{> page_foot}}. A view that has nothing to say is null, so a page writes
// {{#expected}}{{> verdict_expected}}{{/expected}}.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "reports/results_reader.h"

namespace thmcheck::report {

// A coloured pill for a claim/arm/check verdict or a cell status, with a tooltip that says what
// the word means (the colours and meanings: kBadges in html_page.cc; unknown words grey). View
// {word, tone, meaning} for {{> badge}}.
nlohmann::json BadgeView(std::string_view word);

// What a check's verdict means given its role (results_reader.h kEvidence, ...), as a CSS class of
// the badges: "good", "bad", "warn" or "other".
//  must_fail: FAIL good (what the control predicts), PASS bad (the check could not tell the
//             broken condition apart), INCONCLUSIVE warn;
//  sanity:    FAIL bad (a bug); anything else other (a PASS is not evidence);
//  others:    as BadgeView colours the word.
std::string_view CheckTone(std::string_view verdict, std::string_view role);

// A check's verdict pill coloured by CheckTone, with a tooltip that says what it means in that
// role. The word itself is the verdict, unchanged. View {word, tone, meaning} for {{> badge}}.
nlohmann::json CheckBadgeView(std::string_view verdict, std::string_view role);

// One {key, value} per member of `object`, values formatted with FormatJson: the `rows` of
// {{> key_value_rows}}; an empty list for an empty or non-object value.
nlohmann::json KeyValueView(const nlohmann::json& object);

// "Expected: <status> MET|NOT MET" and the expected status's reason when there is one. View:
// {status ("not_reproduced_at_this_scale" in words: "not reproduced at this scale"), met:
// BadgeView("MET" or "NOT MET"), reason}; null when the file records no expected status.
nlohmann::json ExpectedView(const ClaimResult& claim);

// The reason a claim is not a PASS. View: {reason}; null when none is recorded.
nlohmann::json VerdictReasonView(const ClaimResult& claim);

// One line on what an arm's role means for its verdict:
//  control: "REJECTED by <checks>" / "its must-fail checks … FAIL, but not every prediction
//           PASSes" / "not rejected: none of its must-fail checks FAILs", then its predictions
//           with their verdicts (each by name, or, `brief`, counted by verdict);
//  report:  "reported (not judged)";
//  main or unknown role: nothing (a null view).
// View: {clauses: [{sep, lead, items, tail}]} for templates/arm_outcome; an item is a check name
// (shown as code) or a prediction's verdict badge after its name or, `brief`, its count.
nlohmann::json ArmOutcomeView(const Arm& arm, bool brief = false);

// "evidence", "sanity (not evidence)", "must fail", "prediction"; any other role as given.
std::string RoleText(const std::string& role);

}  // namespace thmcheck::report
