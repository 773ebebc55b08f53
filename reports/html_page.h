// Building blocks shared by the index and claim pages: the page frame with its inline style
// sheet (the report must open offline: no external CSS, scripts or fonts), verdict and status
// badges, and key/value tables. Every function escapes the JSON-derived text it is given;
// arguments named *_html are already HTML and are inserted as they are.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

namespace thmcheck::report {

// "<!DOCTYPE html>…<body>" with `title` (escaped) in <title>.
std::string PageBegin(std::string_view title);
std::string PageEnd();

// A coloured pill for a claim/arm/check verdict or a cell status: PASS and REJECTED (a control
// that failed as it should) green, FAIL and NOT_REJECTED red, INCONCLUSIVE and diverged amber,
// ok grey-green, error red, REPORTED (a report arm: never judged) and anything else grey. The
// tooltip says what the word means.
std::string Badge(std::string_view word);

// What a check's verdict means given its role (results.h kEvidence, ...), as a CSS class of the
// badges: "good", "bad", "warn" or "other".
//  must_fail: FAIL good (what the control predicts), PASS bad (the check could not tell the
//             broken condition apart), INCONCLUSIVE warn;
//  sanity:    FAIL bad (a bug); anything else other (a PASS is not evidence);
//  others:    as Badge colours the word.
std::string_view CheckTone(std::string_view verdict, std::string_view role);

// A check's verdict pill coloured by CheckTone, with a tooltip that says what it means in that
// role. The word itself is the verdict, unchanged.
std::string CheckBadge(std::string_view verdict, std::string_view role);

// <tr><th>key</th><td>value</td></tr> rows for each member of a JSON object, values formatted
// with FormatJson; "" for an empty or non-object value.
std::string KeyValueRows(const nlohmann::json& object);

// <td> with escaped text; `css_class` (a fixed literal) when not empty.
std::string Td(std::string_view text, std::string_view css_class = "");

}  // namespace thmcheck::report
