// Views every page shares (page_template.h): verdict and status badges (templates/badge) and
// key/value tables (templates/key_value_rows). A page template opens with {{> page_head}} (its
// view's `page_title` is the <title>; the inline style sheet is there: the report opens offline,
// with no external CSS, scripts or fonts) and closes with {{> page_foot}}.
#pragma once

#include <nlohmann/json.hpp>
#include <string_view>

namespace thmcheck::report {

// A coloured pill for a claim/arm/check verdict or a cell status: PASS and REJECTED (a control
// that failed as it should) green, FAIL and NOT_REJECTED red, INCONCLUSIVE and diverged amber,
// ok grey-green, error red, REPORTED (a report arm: never judged) and anything else grey. The
// tooltip says what the word means. View {word, tone, meaning} for {{> badge}}.
nlohmann::json BadgeView(std::string_view word);

// What a check's verdict means given its role (results.h kEvidence, ...), as a CSS class of the
// badges: "good", "bad", "warn" or "other".
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

}  // namespace thmcheck::report
