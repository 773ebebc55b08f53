// Tests of number, interval, duration and JSON formatting: absent values never print as 0, and
// open band sides print as infinities.
#include "reports/format.h"

#include <gtest/gtest.h>

#include <cmath>

namespace thmcheck::report {
namespace {

TEST(FormatTest, Numbers) {
  EXPECT_EQ(FormatNumber(-0.49), "-0.49");
  EXPECT_EQ(FormatNumber(0.081234), "0.0812");
  EXPECT_EQ(FormatNumber(12345.0), "1.23e+04");
  EXPECT_EQ(FormatNumber(-0.0001, 1), "-0.0001");
  EXPECT_EQ(FormatNumber(-1e-9, 1), "-1e-09");
  EXPECT_EQ(FormatNumber(-0.0), "0");
  EXPECT_EQ(FormatNumber(std::nullopt), kAbsent);
  EXPECT_EQ(FormatNumber(NAN), kAbsent);
}

TEST(FormatTest, IntervalsWithOpenSides) {
  EXPECT_EQ(FormatInterval({-0.53, -0.46, true}), "[-0.53, -0.46]");
  EXPECT_EQ(FormatInterval({std::nullopt, 0.01, true}), "(-\u221E, 0.01]");
  EXPECT_EQ(FormatInterval({-1.0, std::nullopt, true}), "[-1, +\u221E)");
  EXPECT_EQ(FormatInterval({}), kAbsent);
}

TEST(FormatTest, Durations) {
  EXPECT_EQ(FormatDuration(41.24), "41.2 s");
  EXPECT_EQ(FormatDuration(123.4), "2 min 03 s");
  EXPECT_EQ(FormatDuration(7500), "2 h 05 min");
  EXPECT_EQ(FormatDuration(std::nullopt), kAbsent);
}

TEST(FormatTest, JsonValues) {
  EXPECT_EQ(FormatJson(nlohmann::json("x")), "x");
  EXPECT_EQ(FormatJson(nlohmann::json(18446744073709551557ull)), "18446744073709551557");
  EXPECT_EQ(FormatJson(nlohmann::json(0.123456789)), "0.1235");
  EXPECT_EQ(FormatJson(nlohmann::json::array({128, 256})), "[128,256]");
  EXPECT_EQ(FormatJson(nlohmann::json()), kAbsent);
}

}  // namespace
}  // namespace thmcheck::report
