// Tests of the escaping helpers: each output language's special characters, and that UTF-8
// text (authors' names) passes through unchanged. (HTML is escaped by the templates:
// page_template_test.cc.)
#include "reports/format.h"

#include <gtest/gtest.h>

namespace thmcheck::report {
namespace {

TEST(EscapeTest, UrlSegmentKeepsUnreservedOnly) {
  EXPECT_EQ(UrlEscapeSegment("ntk_closeness-2.v~1"), "ntk_closeness-2.v~1");
  EXPECT_EQ(UrlEscapeSegment("a b/c?#\"é"), "a%20b%2Fc%3F%23%22%C3%A9");
}

TEST(EscapeTest, GnuplotQuoteDoublesQuotesAndBlanksControls) {
  EXPECT_EQ(GnuplotQuote("it's"), "'it''s'");
  EXPECT_EQ(GnuplotQuote("a\nb\\n"), "'a b\\n'");  // backslashes are literal in '...'
}

TEST(EscapeTest, ShellWordSurvivesQuotesAndDollars) {
  EXPECT_EQ(ShellWord("out dir's $HOME"), "'out dir'\\''s $HOME'");
  EXPECT_EQ(ShellWord("results/smoke_1.v-2"), "results/smoke_1.v-2");  // plainly safe: as it is
  EXPECT_EQ(ShellWord(""), "''");
}

TEST(EscapeTest, FileStemIsSafeAndNeverEmpty) {
  EXPECT_EQ(FileStem("rel_weight_change"), "rel_weight_change");
  EXPECT_EQ(FileStem("../a b.c"), "___a_b_c");
  EXPECT_EQ(FileStem(""), "plot");
}

}  // namespace
}  // namespace thmcheck::report
