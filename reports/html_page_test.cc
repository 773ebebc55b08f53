// Tests of the badges (html_page.h): REPORTED is neutral; a check's badge is coloured by what its
// verdict means in its role (a must-fail FAIL good, a sanity PASS neutral) and keeps the verdict
// word; every word is escaped.
#include "reports/html_page.h"

#include <gtest/gtest.h>

#include "reports/results.h"

namespace thmcheck::report {
namespace {

TEST(BadgeTest, ReportedIsNeutralAndUnknownWordsAreEscaped) {
  EXPECT_EQ(Badge("REPORTED").rfind("<span class=\"badge other\" title=\"report arm", 0), 0u);
  EXPECT_NE(Badge("<x>").find("&lt;x&gt;"), std::string::npos);
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
  const std::string must_fail = CheckBadge("FAIL", kMustFail);
  EXPECT_EQ(must_fail.rfind("<span class=\"badge good\" title=\"must fail:", 0), 0u) << must_fail;
  EXPECT_NE(must_fail.find(">FAIL</span>"), std::string::npos);
  EXPECT_EQ(CheckBadge("PASS", kEvidence), Badge("PASS"));
  EXPECT_NE(CheckBadge("<b>", kSanity).find("&lt;b&gt;"), std::string::npos);
  EXPECT_EQ(CheckBadge("<b>", kSanity).find("<b>"), std::string::npos);
}

}  // namespace
}  // namespace thmcheck::report
