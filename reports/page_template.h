// Every page of the report is a mustache template (reports/templates/<name>.mustache, compiled
// into the library by cmake/EmbedTemplates.cmake) rendered with a view: a JSON object that the
// page's C++ fills with plain text and preformatted numbers. The markup lives in the templates
// only, and {{x}} HTML-escapes every value, so text read from a result file can never become
// markup; the one unescaped form, {{{x}}}, is reserved for the output of another template.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

namespace thmcheck::report {

struct TemplateSource {
  std::string_view name;  // the file's stem: "claim_page", "badge", ...
  std::string_view text;
};

// The compiled-in templates, sorted by name (generated source).
const std::vector<TemplateSource>& TemplateSources();

// Renders template `name` with `view`. Every template is also a partial ({{> badge}}) seeing the
// caller's context; a partial is found by its template's name whatever keys the view holds. View
// values: strings as they are ("" counts as false, so {{#x}}…{{/x}} shows only a non-empty x),
// booleans, integers in decimal, arrays as lists, objects as contexts; null as false. Doubles are
// refused: a number is formatted (format.h) before it enters a view. An unknown name, an invalid
// template or a double in the view is a bug: it throws std::logic_error naming the template.
std::string RenderTemplate(std::string_view name, const nlohmann::json& view);

}  // namespace thmcheck::report
