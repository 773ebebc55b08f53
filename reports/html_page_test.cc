// Tests of the badges (html_page.h): REPORTED is neutral; a check's badge is coloured by what its
// verdict means in its role (a must-fail FAIL good, a sanity PASS neutral) and keeps the verdict
// word; every word is escaped when rendered.
#include "reports/html_page.h"

#include <gtest/gtest.h>

#include "reports/format.h"
#include "reports/page_template.h"
#include "reports/results_reader.h"

namespace thmcheck::report {
namespace {

std::string Render(const nlohmann::json& badge) { return RenderTemplate("badge", badge); }

TEST(BadgeTest, ReportedIsNeutralAndUnknownWordsAreEscaped) {
  EXPECT_EQ(
      Render(BadgeView("REPORTED")).rfind("<span class=\"badge other\" title=\"report arm", 0), 0u);
  EXPECT_NE(Render(BadgeView("<x>")).find("&lt;x&gt;"), std::string::npos);
  EXPECT_EQ(BadgeView("")["word"], kAbsent);  // a missing verdict never reads as a result
}

TEST(CheckToneTest, ColoursAVerdictByWhatItMeansInItsRole) {
  EXPECT_EQ(CheckTone("FAIL", kMustFail), "good");
  EXPECT_EQ(CheckTone("PASS", kMustFail), "bad");
  EXPECT_EQ(CheckTone("INCONCLUSIVE", kMustFail), "warn");
  EXPECT_EQ(CheckTone("PASS", kSanity), "other");
  EXPECT_EQ(CheckTone("INCONCLUSIVE", kSanity), "other");
  EXPECT_EQ(CheckTone("FAIL", kSanity), "bad");
  for (const char* role : {kEvidence, kPrediction, "future_role"}) {
    EXPECT_EQ(CheckTone("PASS", role), "good") << role;
    EXPECT_EQ(CheckTone("FAIL", role), "bad") << role;
    EXPECT_EQ(CheckTone("INCONCLUSIVE", role), "warn") << role;
  }
}

TEST(CheckBadgeTest, KeepsTheWordAndSaysWhatItMeans) {
  const std::string must_fail = Render(CheckBadgeView("FAIL", kMustFail));
  EXPECT_EQ(must_fail.rfind("<span class=\"badge good\" title=\"must fail:", 0), 0u) << must_fail;
  EXPECT_NE(must_fail.find(">FAIL</span>"), std::string::npos);
  EXPECT_EQ(CheckBadgeView("PASS", kEvidence), BadgeView("PASS"));
  EXPECT_NE(Render(CheckBadgeView("<b>", kSanity)).find("&lt;b&gt;"), std::string::npos);
  EXPECT_EQ(Render(CheckBadgeView("<b>", kSanity)).find("<b>"), std::string::npos);
}

}  // namespace
}  // namespace thmcheck::report
