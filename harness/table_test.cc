// The verdict table `thmcheck run` prints: arms that did not run, and figures declared as tables.
#include "harness/table.h"

#include <gtest/gtest.h>

#include <sstream>

namespace thmcheck {
namespace {

nlohmann::json Verdict() {
  nlohmann::json point0 = {{"x", 100.0}, {"mean", 0.2}, {"lo", 0.1}, {"hi", 0.3}, {"n", 3}};
  nlohmann::json point1 = {{"x", 1000.0}, {"mean", 0.5}, {"lo", 0.4}, {"hi", 0.6}, {"n", 3}};
  nlohmann::json kernel = {{"x", 100.0}, {"mean", 1.5}, {"lo", 1.4}, {"hi", 1.6}, {"n", 3}};
  return {
      {"claim", "toy"},
      {"title", "toy"},
      {"citation", {{"authors", "A"}, {"year", 2020}, {"arxiv", "0000.00000"}, {"theorem", "T"}}},
      {"scale", "quick"},
      {"seed", 1},
      {"verdict", "PASS"},
      {"arms", nlohmann::json::array({{{"name", "main"},
                                       {"role", "main"},
                                       {"condition", "holds"},
                                       {"verdict", "PASS"},
                                       {"checks", nlohmann::json::array()}}})},
      {"arms_not_run", nlohmann::json::array({{{"name", "fig"},
                                               {"role", "main"},
                                               {"condition", "the paper's figure"},
                                               {"enabled_by", "fig"}}})},
      {"figures",
       nlohmann::json::array(
           {{{"name", "drawn_only"},
             {"title", "Not printed"},
             {"arm", "main"},
             {"x", "m"},
             {"y_label", "err"},
             {"series", nlohmann::json::array()},
             {"lines", nlohmann::json::array()}},
            {{"name", "printed"},
             {"title", "Error vs width"},
             {"arm", "fig"},
             {"x", "width"},
             {"y_label", "err"},
             {"table", true},
             {"series", nlohmann::json::array(
                            {{{"observable", "resnet.err"},
                              {"label", "resnet"},
                              {"points", {point0, point1}}},
                             {{"observable", "ntk.err"}, {"label", "ntk"}, {"points", {kernel}}}})},
             {"lines", nlohmann::json::array({{{"label", "kα²"}, {"value", 0.72}}})}}})},
      {"context", {{"elapsed_s", 1.0}}}};
}

TEST(VerdictTable, ListsArmsThatDidNotRunWithTheSwitchThatRunsThem) {
  std::ostringstream out;
  PrintVerdictTable(Verdict(), out);
  EXPECT_NE(out.str().find("main arm fig (the paper's figure): not run (--set fig=1 runs it)"),
            std::string::npos)
      << out.str();
}

TEST(VerdictTable, PrintsATableFigureAsRowsPerXAndSkipsTheOthers) {
  std::ostringstream out;
  PrintVerdictTable(Verdict(), out);
  const std::string s = out.str();
  EXPECT_EQ(s.find("Not printed"), std::string::npos);
  EXPECT_NE(s.find("Error vs width (arm fig, err, mean [90% interval])"), std::string::npos) << s;
  EXPECT_NE(s.find("resnet"), std::string::npos);
  // Width 100 has both series; width 1000 only the ResNet, the kernel's column shows "-".
  EXPECT_NE(s.find("0.2 [0.1, 0.3]"), std::string::npos) << s;
  EXPECT_NE(s.find("1.5 [1.4, 1.6]"), std::string::npos) << s;
  const size_t row = s.find("  1000 ");
  ASSERT_NE(row, std::string::npos) << s;
  const std::string line = s.substr(row, s.find('\n', row) - row);
  EXPECT_NE(line.find("0.5 [0.4, 0.6]"), std::string::npos) << line;
  EXPECT_NE(line.find("-"), std::string::npos) << line;
  EXPECT_NE(s.find("line: kα² = 0.72"), std::string::npos) << s;
}

TEST(VerdictTable, NamesWhatAPrintedFiguresArmSetBelowItsTable) {
  nlohmann::json v = Verdict();
  std::ostringstream bare;
  PrintVerdictTable(v, bare);
  EXPECT_EQ(bare.str().find(" sets "), std::string::npos) << bare.str();  // nothing set, no line
  v["arms"].push_back({{"name", "fig"},
                       {"role", "main"},
                       {"condition", "the paper's figure"},
                       {"verdict", "PASS"},
                       {"overrides", {{"epochs", 1600}, {"lrs", {5.0}}}},
                       {"checks", nlohmann::json::array()}});
  std::ostringstream out;
  PrintVerdictTable(v, out);
  const std::string s = out.str();
  const size_t sets = s.find("  arm fig sets {\"epochs\":1600,\"lrs\":[5.0]}\n");
  ASSERT_NE(sets, std::string::npos) << s;
  EXPECT_LT(s.find("line: kα² = 0.72"), sets) << s;  // below the table it describes
}

TEST(VerdictTable, AFigureFromSeveralArmsNamesThemAndWhatEachSet) {
  nlohmann::json v = Verdict();
  for (const char* name : {"fig", "fig_wide"})
    v["arms"].push_back({{"name", name},
                         {"role", "main"},
                         {"condition", "the paper's figure"},
                         {"verdict", "PASS"},
                         {"overrides", {{"epochs", name == std::string("fig") ? 800 : 1600}}},
                         {"checks", nlohmann::json::array()}});
  v["figures"][1]["arms"] = {"fig", "fig_wide"};
  std::ostringstream out;
  PrintVerdictTable(v, out);
  const std::string s = out.str();
  EXPECT_NE(s.find("Error vs width (arms fig, fig_wide, err, mean"), std::string::npos) << s;
  const size_t narrow = s.find("  arm fig sets {\"epochs\":800}\n");
  ASSERT_NE(narrow, std::string::npos) << s;
  EXPECT_GT(s.find("  arm fig_wide sets {\"epochs\":1600}\n"), narrow) << s;  // declaration order
}

TEST(VerdictTable, WidensAColumnToItsLongestEntry) {
  nlohmann::json v = Verdict();
  v["arms"][0]["name"] = "threshold_degree_one";  // longer than the header's 14 columns
  v["arms"][0]["checks"] = nlohmann::json::array({{{"observable", "threshold_n"},
                                                   {"kind", "exponent"},
                                                   {"estimate", 0.4},
                                                   {"ci", {0.35, 0.48}},
                                                   {"band", {0.85, 1.15}},
                                                   {"verdict", "FAIL"}}});
  std::ostringstream out;
  PrintVerdictTable(v, out);
  EXPECT_NE(out.str().find("threshold_degree_one  threshold_n"), std::string::npos) << out.str();
}

}  // namespace
}  // namespace thmcheck
