// Cross-checks in the report: the declaration reads back from verdict.json (the shape
// harness/cross_checks_test.cc expects the harness to write), the table joins it with another
// claim's cells (means, 90% t-intervals, per output, the premise, yes / no / undecided against the
// level, skipped observables, excluded cells), and the claim page shows it — or, when the other
// claim has no results in the folder, the command that fills it.
#include <gtest/gtest.h>

#include <array>
#include <cmath>
#include <map>
#include <sstream>

#include "reports/cross_check_table.h"
#include "reports/report.h"
#include "reports/results_reader.h"
#include "reports/test_fixture.h"

namespace thmcheck::report {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;
using test::ReadText;
using test::ScratchDir;
using test::WriteText;

// A 3-replicate t-interval's half-width is t_{2,0.95}·sd/√3 (t_{2,0.95} = 2.919986, tables).
constexpr double kT2 = 2.919985580355516;

json Declaration() {
  return json::parse(R"json({
    "title": "Cross-check with alpha_separation", "why": "the separation",
    "claim": "alpha_separation", "arm": "main", "x": "alpha",
    "level": {"label": "α²/16", "coefficient": 0.0625, "power": 2.0},
    "below": {"label": "the ResNet", "observables": ["resnet.err"]},
    "above": {"label": "every kernel", "observables": ["ntk.err", "rbf.err", "two_layer.err"]},
    "params": ["n", "d", "k"], "per_output": "k",
    "premise": {"label": "N ≤ C(d,k)/1000", "param": "n", "factor": 0.001, "choose": ["d", "k"]}
  })json");
}

void WriteClaim(const fs::path& dir, const std::string& id, const json& extra) {
  json verdict = {{"claim", id},      {"title", id}, {"verdict", "PASS"},
                  {"scale", "quick"}, {"seed", 1},   {"arms", json::array()}};
  verdict.update(extra);
  WriteText(dir / id / "verdict.json", verdict.dump());
}

// alpha_separation's main-arm cells: at each α three replicates of (resnet, ntk, rbf) errors.
// α = 0.2 (level 0.0025): the ResNet's whole interval above it (no), rbf's below (kernels: no);
// α = 0.3 (level 0.005625): the ResNet's interval holds it (undecided), plus one diverged cell;
// α = 0.4 (level 0.01): the ResNet below (upper bound 0.00469), every kernel above: both hold.
void WriteAlphaSeparation(const fs::path& in) {
  WriteClaim(in, "alpha_separation", json::object());
  const std::map<double, std::vector<std::array<double, 3>>> errors = {
      {0.2, {{0.02, 1.2, 0.0010}, {0.03, 1.3, 0.0012}, {0.04, 1.4, 0.0014}}},
      {0.3, {{0.001, 1.2, 1.25}, {0.005, 1.3, 1.3}, {0.012, 1.4, 1.35}}},
      {0.4, {{0.002, 1.2, 1.25}, {0.003, 1.3, 1.3}, {0.004, 1.4, 1.35}}}};
  int file = 0;
  for (const auto& [alpha, replicates] : errors)
    for (const auto& e : replicates) {
      const json cell = {
          {"arm", "main"},
          {"status", "ok"},
          {"params", {{"alpha", alpha}, {"n", 3000}, {"d", 30}, {"k", 8}}},
          {"observables", {{"resnet.err", e[0]}, {"ntk.err", e[1]}, {"rbf.err", e[2]}}}};
      WriteText(in / "alpha_separation" / "cells" / (std::to_string(file++) + ".json"),
                cell.dump());
    }
  const json diverged = {{"arm", "main"},
                         {"status", "diverged"},
                         {"params", {{"alpha", 0.3}, {"n", 3000}, {"d", 30}, {"k", 8}}},
                         {"observables", {{"resnet.err", nullptr}}}};
  WriteText(in / "alpha_separation" / "cells" / "diverged.json", diverged.dump());
}

TEST(CrossCheckTest, ReadsTheDeclaration) {
  ScratchDir dir;
  WriteClaim(dir.path(), "parity_lower_bound", {{"cross_checks", {Declaration()}}});
  ClaimResult claim;
  std::ostringstream log;
  std::string error;
  ASSERT_TRUE(ReadClaim(dir.path() / "parity_lower_bound", &claim, log, &error)) << error;
  ASSERT_EQ(claim.cross_checks.size(), 1u);
  const CrossCheck& c = claim.cross_checks[0];
  EXPECT_EQ(c.claim, "alpha_separation");
  EXPECT_EQ(c.x, "alpha");
  EXPECT_EQ(c.level_coefficient, 0.0625);
  EXPECT_EQ(c.level_power, 2.0);
  EXPECT_EQ(c.below.label, "the ResNet");
  EXPECT_EQ(c.above.observables.size(), 3u);
  EXPECT_EQ(c.params, (std::vector<std::string>{"n", "d", "k"}));
  ASSERT_TRUE(c.premise.has_value());
  EXPECT_EQ(c.premise->factor, 0.001);
  EXPECT_EQ(c.premise->choose_k, "k");

  json bad = Declaration();
  bad["premise"]["choose"] = {"d"};
  WriteClaim(dir.path(), "parity_lower_bound", {{"cross_checks", {bad}}});
  EXPECT_FALSE(ReadClaim(dir.path() / "parity_lower_bound", &claim, log, &error));
  EXPECT_NE(error.find("/cross_checks/0/premise/choose: expected two parameter names"),
            std::string::npos)
      << error;
}

TEST(CrossCheckTest, TableJoinsTheOtherClaimsCells) {
  ScratchDir dir;
  WriteClaim(dir.path(), "parity_lower_bound", {{"cross_checks", {Declaration()}}});
  WriteAlphaSeparation(dir.path());
  std::vector<ClaimResult> claims;
  std::ostringstream log;
  std::string error;
  ASSERT_TRUE(ReadResults(dir.path(), &claims, log, &error)) << error;
  ASSERT_EQ(claims[1].id, "parity_lower_bound");
  const std::vector<CrossCheckTable> tables = CrossCheckTables(claims[1], claims, "results");
  ASSERT_EQ(tables.size(), 1u);
  const CrossCheckTable& t = tables[0];
  ASSERT_EQ(t.other, &claims[0]);
  EXPECT_EQ(t.columns, (std::vector<std::string>{"resnet.err", "ntk.err", "rbf.err"}));
  EXPECT_EQ(t.skipped, std::vector<std::string>{"two_layer.err"});
  EXPECT_EQ(t.excluded, 1);
  ASSERT_EQ(t.rows.size(), 3u);
  const CrossCheckRow& low = t.rows[0];
  EXPECT_EQ(low.x, 0.2);
  EXPECT_EQ(low.params, (std::vector<std::string>{"3000", "30", "8"}));
  EXPECT_EQ(low.premise, true);  // 3000 ≤ C(30,8)/1000 = 5852.925
  EXPECT_EQ(low.premise_text, "3000 \u2264 5852.93");
  EXPECT_NEAR(*low.level, 0.0025, 1e-17);
  EXPECT_EQ(low.below, Side::kNo);
  EXPECT_EQ(low.above, Side::kNo);  // rbf below the level
  EXPECT_EQ(low.entries[1].side, Side::kYes);
  EXPECT_EQ(t.rows[1].below, Side::kUndecided);
  // Per output (the level × k = 8 against the summed means): α = 0.2: the ResNet's interval
  // [0.0131, 0.0469] holds 0.02, rbf still under it; α = 0.3: upper bound 0.0154 < 0.045.
  EXPECT_EQ(low.below_per_output, Side::kUndecided);
  EXPECT_EQ(low.above_per_output, Side::kNo);
  EXPECT_EQ(t.rows[1].below_per_output, Side::kYes);
  EXPECT_EQ(t.rows[1].above_per_output, Side::kYes);
  EXPECT_EQ(t.rows[1].entries[0].n, 3);  // the diverged replicate is not averaged in
  const CrossCheckRow& high = t.rows[2];
  EXPECT_EQ(high.below, Side::kYes);
  EXPECT_EQ(high.above, Side::kYes);
  const CrossCheckEntry& resnet = high.entries[0];
  EXPECT_NEAR(*resnet.mean, 0.003, 1e-15);
  EXPECT_NEAR(*resnet.ci.hi, 0.003 + kT2 * 0.001 / std::sqrt(3.0), 1e-12);
  EXPECT_NEAR(*resnet.per_output, 0.003 / 8, 1e-16);
}

TEST(CrossCheckTest, ClaimPageShowsTheTable) {
  ScratchDir dir;
  const fs::path in = dir.path() / "results";
  WriteClaim(in, "parity_lower_bound", {{"cross_checks", {Declaration()}}});
  WriteAlphaSeparation(in);
  std::ostringstream log;
  const ReportResult result = WriteReport({in, dir.path() / "out", ""}, log);
  ASSERT_TRUE(result.ok) << result.error;
  const std::string page = ReadText(dir.path() / "out" / "parity_lower_bound" / "index.html");
  EXPECT_NE(page.find("<h2>Cross-check with alpha_separation</h2>"), std::string::npos) << page;
  EXPECT_NE(page.find("href=\"../alpha_separation/index.html\""), std::string::npos);
  EXPECT_NE(page.find("<th>N \u2264 C(d,k)/1000</th>"), std::string::npos);
  EXPECT_NE(page.find("yes (3000 \u2264 5852.93)"), std::string::npos);
  EXPECT_NE(page.find("the ResNet below \u03B1\u00B2/16: <strong>yes</strong>"), std::string::npos);
  EXPECT_NE(page.find("the ResNet below \u03B1\u00B2/16: <strong>no</strong>"), std::string::npos);
  EXPECT_NE(page.find("the ResNet below \u03B1\u00B2/16: <strong>undecided</strong>"),
            std::string::npos);
  EXPECT_NE(page.find("every kernel above \u03B1\u00B2/16: <strong>no</strong>"),
            std::string::npos);
  EXPECT_NE(page.find("Both hold at <code>alpha</code> = 0.4.</strong> Per output: at "
                      "<code>alpha</code> = 0.3, 0.4."),
            std::string::npos);
  EXPECT_NE(page.find("<strong>undecided</strong> (per output: <strong>yes</strong>)"),
            std::string::npos);
  EXPECT_NE(page.find("0.003 [0.00131, 0.00469]"), std::string::npos);
  EXPECT_NE(page.find("per output 0.000375"), std::string::npos);
  EXPECT_NE(page.find("not shown: <code>two_layer.err</code>"), std::string::npos);
  EXPECT_NE(page.find("1 cell(s) of the arm excluded"), std::string::npos);
  // The other claim's own page has no such section: it declared none.
  const std::string other = ReadText(dir.path() / "out" / "alpha_separation" / "index.html");
  EXPECT_EQ(other.find("Cross-check"), std::string::npos);
}

TEST(CrossCheckTest, WithoutTheOtherClaimTheSectionNamesTheCommand) {
  ScratchDir dir;
  const fs::path in = dir.path() / "results";
  WriteClaim(in, "parity_lower_bound", {{"cross_checks", {Declaration()}}});
  std::ostringstream log;
  const ReportResult result = WriteReport({in, dir.path() / "out", ""}, log);
  ASSERT_TRUE(result.ok) << result.error;
  const std::string page = ReadText(dir.path() / "out" / "parity_lower_bound" / "index.html");
  EXPECT_NE(page.find("<h2>Cross-check with alpha_separation</h2>"), std::string::npos);
  EXPECT_NE(page.find("No results of <code>alpha_separation</code>"), std::string::npos) << page;
  EXPECT_NE(page.find("<code>thmcheck run alpha_separation --out " + in.string() + "</code>"),
            std::string::npos)
      << page;
  EXPECT_EQ(page.find("<table>\n<tr><th>alpha</th>"), std::string::npos);
}

}  // namespace
}  // namespace thmcheck::report
