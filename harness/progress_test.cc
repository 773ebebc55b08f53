// Progress lines: live on a terminal (done/total, elapsed, ETA), one summary line in logs, nothing
// with --quiet.
#include "harness/progress.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <sstream>

namespace thmcheck {
namespace {

std::string Drive(bool live, bool quiet) {
  std::ostringstream out;
  Progress p(out, "toy", 3, live, quiet);
  p.CellDone(true);
  p.CellDone(false);
  p.CellDone(false);
  p.Finish();
  return out.str();
}

TEST(ProgressTest, LiveLineShowsDoneTotalElapsedAndEta) {
  const std::string s = Drive(/*live=*/true, /*quiet=*/false);
  EXPECT_NE(s.find("\rtoy: 2/3 cells"), std::string::npos) << s;
  EXPECT_NE(s.find("elapsed, ETA"), std::string::npos) << s;
  EXPECT_NE(s.find("toy: 3 cells (2 computed, 1 reused)"), std::string::npos) << s;
}

TEST(ProgressTest, LogsGetOneSummaryLine) {
  const std::string s = Drive(/*live=*/false, /*quiet=*/false);
  EXPECT_EQ(std::count(s.begin(), s.end(), '\n'), 1) << s;
  EXPECT_EQ(s.find('\r'), std::string::npos) << s;
  EXPECT_NE(s.find("toy: 3 cells (2 computed, 1 reused)"), std::string::npos) << s;
}

TEST(ProgressTest, QuietPrintsNothing) { EXPECT_EQ(Drive(true, true), ""); }

}  // namespace
}  // namespace thmcheck
