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
// ok grey-green, error red, anything else grey. The tooltip says what the word means.
std::string Badge(std::string_view word);

// <tr><th>key</th><td>value</td></tr> rows for each member of a JSON object, values formatted
// with FormatJson; "" for an empty or non-object value.
std::string KeyValueRows(const nlohmann::json& object);

// <td> with escaped text; `css_class` (a fixed literal) when not empty.
std::string Td(std::string_view text, std::string_view css_class = "");

}  // namespace thmcheck::report
