// The template machinery (page_template.h): every compiled-in template parses; a value from a
// result file is always escaped; the view rules ("" is false, doubles refused) hold.
#include "reports/page_template.h"

#include <gtest/gtest.h>

#include <stdexcept>

#include "reports/html_page.h"

namespace thmcheck::report {
namespace {

TEST(PageTemplateTest, EveryTemplateParses) {
  ASSERT_FALSE(TemplateSources().empty());
  for (const TemplateSource& source : TemplateSources()) {
    EXPECT_NO_THROW(RenderTemplate(source.name, nlohmann::json::object())) << source.name;
  }
}

TEST(PageTemplateTest, EscapesEveryValue) {
  const std::string html = RenderTemplate("badge", BadgeView("<b>\"x\" & 'y'</b>"));
  EXPECT_EQ(html,
            "<span class=\"badge other\">&lt;b&gt;&quot;x&quot; &amp; &apos;y&apos;&lt;/b&gt;"
            "</span>");
}

TEST(PageTemplateTest, AnEmptyStringIsFalseAndDoublesAreRefused) {
  EXPECT_EQ(RenderTemplate("badge", {{"word", "w"}, {"tone", "t"}, {"meaning", ""}}),
            "<span class=\"badge t\">w</span>");
  EXPECT_NE(RenderTemplate("badge", {{"word", 7}, {"meaning", "m"}}).find(">7<"),
            std::string::npos);
  EXPECT_THROW(RenderTemplate("badge", {{"word", 0.5}}), std::logic_error);
  EXPECT_THROW(RenderTemplate("no_such_template", {}), std::logic_error);
}

// A view key named like a template must not hide it: arm_outcome renders badges with
// {{> badge}} inside items whose own keys could be named anything.
TEST(PageTemplateTest, AViewKeyNamedLikeATemplateDoesNotHideIt) {
  const nlohmann::json item = {{"first", true},
                               {"name", "x"},
                               {"count", ""},
                               {"verdict", BadgeView("PASS")},
                               {"badge", "<b>not a template</b>"}};
  const nlohmann::json view = {
      {"clauses", {{{"sep", ""}, {"lead", "predictions: "}, {"items", {item}}, {"tail", ""}}}},
      {"badge", {{"word", "shadow"}}}};
  const std::string html = RenderTemplate("arm_outcome", view);
  EXPECT_NE(html.find(">PASS</span>"), std::string::npos) << html;
  EXPECT_EQ(html.find("not a template"), std::string::npos) << html;
  EXPECT_EQ(html.find("shadow"), std::string::npos) << html;
}

TEST(PageTemplateTest, KeyValueRowsFormatTheirValues) {
  const nlohmann::json rows = KeyValueView({{"eta", 0.123456}, {"name", "<m>"}});
  const std::string html = RenderTemplate("key_value_rows", {{"rows", rows}});
  EXPECT_NE(html.find("<tr><th>eta</th><td><code>0.1235</code></td></tr>"), std::string::npos)
      << html;
  EXPECT_NE(html.find("&lt;m&gt;"), std::string::npos) << html;
}

}  // namespace
}  // namespace thmcheck::report
