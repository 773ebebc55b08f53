// Tests of ReadClaim/ReadResults: the fixture reads back field by field (open band sides stay
// open, unknown fields are ignored; checks' roles, what rejected a control, the expected status),
// a file written before those fields existed still reads, and each kind of malformed input is
// refused with a message naming the file and the field.
#include "reports/results_reader.h"

#include <gtest/gtest.h>

#include <sstream>

#include "reports/test_fixture.h"

namespace thmcheck::report {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;
using test::ScratchDir;
using test::WriteFixture;

// Reads the fixture with `edit` applied to its verdict.json; returns the error ("" on success).
std::string ReadEdited(const ScratchDir& dir, void (*edit)(json&), ClaimResult* claim = nullptr) {
  json verdict = test::FixtureVerdict();
  edit(verdict);
  const fs::path in = WriteFixture(dir.path(), verdict);
  ClaimResult scratch;
  std::ostringstream log;
  std::string error;
  if (!ReadClaim(in / "ntk_closeness", claim ? claim : &scratch, log, &error)) return error;
  return "";
}

TEST(ResultsReaderTest, ReadsTheFixture) {
  ScratchDir dir;
  ClaimResult claim;
  ASSERT_EQ(ReadEdited(
                dir, [](json&) {}, &claim),
            "");
  EXPECT_EQ(claim.id, "ntk_closeness");
  EXPECT_EQ(claim.verdict, "PASS");
  EXPECT_EQ(claim.seed, "1");
  EXPECT_EQ(claim.citation.year, 2018);
  ASSERT_EQ(claim.arms.size(), 2u);
  const Check& main = claim.arms[0].checks[0];
  EXPECT_EQ(main.estimate, -0.49);
  EXPECT_EQ(main.ci.lo, -0.53);
  ASSERT_TRUE(main.HasLine());
  EXPECT_EQ(main.fit->intercept, -0.15);
  EXPECT_EQ(main.Points().size(), 3u);
  EXPECT_EQ(main.Points()[2].n, 3);
  const Check& bound = claim.arms[0].checks[1];
  EXPECT_FALSE(bound.HasLine());
  EXPECT_FALSE(bound.ci95.present);  // null as a whole
  EXPECT_TRUE(bound.band.present);
  EXPECT_FALSE(bound.band.lo.has_value());  // open side
  EXPECT_EQ(bound.band.hi, 0.01);
  EXPECT_FALSE(bound.predicted.has_value());
  ASSERT_EQ(claim.cells.size(), 7u);
  EXPECT_EQ(claim.cells[6].status, "diverged");
  EXPECT_EQ(claim.cells[6].seed, "18446744073709551557");
  EXPECT_EQ(claim.context["elapsed_s"], 41.2);
}

TEST(ResultsReaderTest, ReadsRolesWhatRejectedAControlAndTheExpectedStatus) {
  ScratchDir dir;
  ClaimResult claim;
  ASSERT_EQ(ReadEdited(
                dir, [](json&) {}, &claim),
            "");
  ASSERT_TRUE(claim.expected.has_value());
  EXPECT_EQ(claim.expected->status, "reproduces");
  EXPECT_TRUE(claim.expected->met);
  EXPECT_EQ(claim.verdict_reason, "");
  const Arm& main = claim.arms[0];
  EXPECT_EQ(main.checks[0].name, "rel_weight_change");
  EXPECT_EQ(main.checks[0].role, kEvidence);
  EXPECT_FALSE(main.rejected_by.has_value());
  const Arm& control = claim.arms[1];
  EXPECT_EQ(control.against, "main");
  ASSERT_TRUE(control.rejected_by.has_value());
  EXPECT_EQ(*control.rejected_by, std::vector<std::string>{"rel_weight_change"});
  ASSERT_EQ(control.checks.size(), 2u);
  const Check& must_fail = control.checks[0];
  EXPECT_TRUE(must_fail.IsMustFail());
  EXPECT_EQ(must_fail.verdict, "FAIL");
  EXPECT_EQ(must_fail.why, "1/m output scaling: each weight moves O(1) at every width");
  ASSERT_TRUE(must_fail.fit.has_value());
  EXPECT_EQ(must_fail.fit->replicate_slope, 0.012);
  EXPECT_EQ(must_fail.fit->replicate_slopes, 3);
  EXPECT_EQ(must_fail.fit->rep90.hi, 0.05);
  const Check& prediction = control.checks[1];
  EXPECT_EQ(prediction.role, kPrediction);
  EXPECT_EQ(prediction.name, "train_loss small");
  EXPECT_EQ(prediction.reason, "decided at {\"m\":128}");
  EXPECT_TRUE(prediction.excluded.capping_cells.empty());

  // A sanity flag, a cross-arm check, capping cells and a reason why the claim is not a PASS.
  ClaimResult edited;
  ASSERT_EQ(
      ReadEdited(
          dir,
          [](json& v) {
            v["verdict"] = "INCONCLUSIVE";
            v["verdict_reason"] = "main arm main INCONCLUSIVE";
            v["expected"] = {{"status", "not_reproduced_at_this_scale"},
                             {"reason", "needs m \u2265 1e4"},
                             {"met", true}};
            json& check = v["arms"][0]["checks"][0];
            check.erase("role");
            check["sanity"] = true;
            check["excluded"] = {{"diverged", 1}, {"unusable", 2}, {"capping_cells", {"a1", "a3"}}};
            json& other = v["arms"][0]["checks"][1];
            other["kind"] = "cross_arm";
            other["versus_arm"] = "mean_field";
            other["match_on"] = {"m"};
          },
          &edited),
      "");
  EXPECT_EQ(edited.verdict_reason, "main arm main INCONCLUSIVE");
  EXPECT_EQ(edited.expected->status, "not_reproduced_at_this_scale");
  EXPECT_EQ(edited.expected->reason, "needs m \u2265 1e4");
  const Check& sanity = edited.arms[0].checks[0];
  EXPECT_TRUE(sanity.IsSanity());  // "sanity": true without a role
  EXPECT_EQ(sanity.excluded.diverged, 1);
  EXPECT_EQ(sanity.excluded.unusable, 2);
  EXPECT_EQ(sanity.excluded.capping_cells, (std::vector<std::string>{"a1", "a3"}));
  EXPECT_EQ(edited.arms[0].checks[1].versus_arm, "mean_field");
  EXPECT_EQ(edited.arms[0].checks[1].match_on, std::vector<std::string>{"m"});
}

TEST(ResultsReaderTest, ReadsAFileWrittenBeforeRolesAndExpectedStatuses) {
  ScratchDir dir;
  const fs::path in = WriteFixture(dir.path(), test::LegacyFixtureVerdict());
  ClaimResult claim;
  std::ostringstream log;
  std::string error;
  ASSERT_TRUE(ReadClaim(in / "ntk_closeness", &claim, log, &error)) << error;
  EXPECT_FALSE(claim.expected.has_value());
  EXPECT_EQ(claim.verdict_reason, "");
  ASSERT_EQ(claim.arms.size(), 2u);
  for (const Arm& arm : claim.arms) {
    EXPECT_EQ(arm.against, "");
    EXPECT_FALSE(arm.rejected_by.has_value());
    for (const Check& check : arm.checks) {
      EXPECT_EQ(check.role, kEvidence) << check.observable;  // absent role: evidence
      EXPECT_EQ(check.name, check.observable);               // absent name: the observable
      EXPECT_EQ(check.excluded.diverged + check.excluded.unusable, 0);
    }
  }
  EXPECT_EQ(claim.arms[1].checks[0].verdict, "REJECTED");
  EXPECT_FALSE(claim.arms[0].checks[0].fit->replicate_slope.has_value());
  EXPECT_FALSE(claim.arms[0].checks[0].fit->rep90.present);
}

// A declared figure as the harness writes it (harness/figures.h).
void AddFigure(json& v) {
  v["figures"] = json::parse(R"json([{"name": "risk_vs_n", "title": "Risk", "arm": "main",
    "x": "n", "y_label": "risk", "log_x": true, "log_y": false, "diverged": 2,
    "series": [
      {"observable": "risk.ntk", "label": "ntk", "reference": false, "unusable": 1,
       "points": [{"x": 16, "mean": 1.1, "lo": 1.0, "hi": 1.2, "n": 3},
                  {"x": 64, "mean": 1.05, "lo": null, "hi": null, "n": 1}]},
      {"observable": "bound", "label": "bound", "reference": true, "unusable": 0,
       "points": [{"x": 16, "mean": 0.5, "lo": 0.5, "hi": 0.5, "n": 3}]}],
    "lines": [{"label": "alpha^2/16", "value": 0.005625}, {"label": "unknown", "value": null}]}])json");
}

TEST(ResultsReaderTest, ReadsDeclaredFiguresAndToleratesTheirAbsence) {
  ScratchDir dir;
  ClaimResult claim;
  ASSERT_EQ(ReadEdited(dir, AddFigure, &claim), "");
  ASSERT_EQ(claim.figures.size(), 1u);
  const ClaimFigure& f = claim.figures[0];
  EXPECT_EQ(f.name, "risk_vs_n");
  EXPECT_EQ(f.Arms(), std::vector<std::string>{"main"});  // no "arms": the one arm
  EXPECT_TRUE(f.log_x);
  EXPECT_FALSE(f.log_y);
  EXPECT_EQ(f.diverged, 2);
  ASSERT_EQ(f.series.size(), 2u);
  EXPECT_EQ(f.series[0].label, "ntk");
  EXPECT_EQ(f.series[0].unusable, 1);
  ASSERT_EQ(f.series[0].points.size(), 2u);
  EXPECT_EQ(f.series[0].points[1].x, 64);
  EXPECT_FALSE(f.series[0].points[1].lo.has_value());
  EXPECT_TRUE(f.series[1].reference);
  ASSERT_EQ(f.lines.size(), 2u);
  EXPECT_EQ(f.lines[0].value, 0.005625);
  EXPECT_FALSE(f.lines[1].value.has_value());
  ClaimResult two;  // a figure drawn from several arms names them
  ASSERT_EQ(ReadEdited(
                dir,
                [](json& v) {
                  AddFigure(v);
                  v["figures"][0]["arms"] = {"main", "wide"};
                },
                &two),
            "");
  EXPECT_EQ(two.figures[0].arms, (std::vector<std::string>{"main", "wide"}));
  // A verdict file written before figures existed loads with none.
  ClaimResult old;
  ASSERT_EQ(ReadEdited(
                dir, [](json&) {}, &old),
            "");
  EXPECT_TRUE(old.figures.empty());
}

TEST(ResultsReaderTest, WithoutCellsListReadsCellsFolderInNameOrder) {
  ScratchDir dir;
  ClaimResult claim;
  ASSERT_EQ(ReadEdited(
                dir, [](json& v) { v.erase("cells"); }, &claim),
            "");
  ASSERT_EQ(claim.cells.size(), 7u);
  EXPECT_EQ(claim.cells.front().file, "cells/a1.json");
  EXPECT_EQ(claim.cells.back().file, "cells/b4.json");
}

TEST(ResultsReaderTest, RefusesMalformedVerdicts) {
  struct Case {
    const char* name;
    void (*edit)(json&);
    const char* expected;
  };
  const Case cases[] = {
      {"missing title", [](json& v) { v.erase("title"); }, "verdict.json: key 'title' not found"},
      {"unknown verdict", [](json& v) { v["verdict"] = "MAYBE"; },
       "/verdict: \"MAYBE\" is not one of PASS, FAIL, INCONCLUSIVE"},
      {"arms not array", [](json& v) { v["arms"] = json::object(); },
       "/arms: type must be array, but is object"},
      {"estimate as text", [](json& v) { v["arms"][0]["checks"][0]["estimate"] = "-0.5"; },
       "/arms/0/checks/0/estimate: type must be number, but is string"},
      {"band of three",
       [](json& v) {
         v["arms"][0]["checks"][0]["band"] = {1, 2, 3};
       },
       "/arms/0/checks/0/band: expected [lo, hi] (numbers or null)"},
      {"point without x", [](json& v) { v["arms"][1]["checks"][0]["fit"]["points"][1].erase("x"); },
       "/arms/1/checks/0/fit/points/1: a point needs \"x\" or \"at\""},
      {"fractional n", [](json& v) { v["arms"][0]["checks"][1]["points"][0]["n"] = 2.5; },
       "/arms/0/checks/1/points/0/n: expected an integer, got 2.5"},
      {"cell escapes folder", [](json& v) { v["cells"][0] = "../../etc/passwd"; },
       "/cells/0: \"../../etc/passwd\" is not a relative path inside the claim folder"},
      {"figure log_y as text",
       [](json& v) {
         AddFigure(v);
         v["figures"][0]["log_y"] = "no";
       },
       "/figures/0/log_y: type must be boolean, but is string"},
      {"missing cell file", [](json& v) { v["cells"][0] = "cells/zz.json"; },
       "cells/zz.json: cannot open for reading"},
      {"verdict_reason as number", [](json& v) { v["verdict_reason"] = 3; },
       "/verdict_reason: type must be string, but is number"},
      {"expected as text", [](json& v) { v["expected"] = "reproduces"; },
       "/expected: expected an object, got string"},
      {"expected without status", [](json& v) { v["expected"].erase("status"); },
       "/expected: key 'status' not found"},
      {"expected met as text", [](json& v) { v["expected"]["met"] = "yes"; },
       "/expected/met: type must be boolean, but is string"},
      {"check role as number", [](json& v) { v["arms"][0]["checks"][0]["role"] = 1; },
       "/arms/0/checks/0/role: type must be string, but is number"},
      {"sanity as text", [](json& v) { v["arms"][0]["checks"][0]["sanity"] = "true"; },
       "/arms/0/checks/0/sanity: type must be boolean, but is string"},
      {"rejected_by as text", [](json& v) { v["arms"][1]["rejected_by"] = "rel_weight_change"; },
       "/arms/1/rejected_by: type must be array, but is string"},
      {"rejected_by of numbers", [](json& v) { v["arms"][1]["rejected_by"] = {0}; },
       "/arms/1/rejected_by/0: type must be string, but is number"},
      {"capping cell as number",
       [](json& v) { v["arms"][0]["checks"][0]["excluded"]["capping_cells"] = {7}; },
       "/arms/0/checks/0/excluded/capping_cells/0: type must be string, but is number"},
      {"fractional diverged",
       [](json& v) { v["arms"][0]["checks"][0]["excluded"]["diverged"] = 0.5; },
       "/arms/0/checks/0/excluded/diverged: expected an integer, got 0.5"},
      {"match_on as text", [](json& v) { v["arms"][0]["checks"][0]["match_on"] = "m"; },
       "/arms/0/checks/0/match_on: type must be array, but is string"},
      {"rep90 of one", [](json& v) { v["arms"][0]["checks"][0]["fit"]["rep90"] = {1}; },
       "/arms/0/checks/0/fit/rep90: expected [lo, hi] (numbers or null)"},
  };
  for (const Case& c : cases) {
    ScratchDir dir;
    const std::string error = ReadEdited(dir, c.edit);
    EXPECT_NE(error.find(c.expected), std::string::npos) << c.name << ": " << error;
  }
}

TEST(ResultsReaderTest, RefusesMalformedCell) {
  ScratchDir dir;
  const fs::path in = WriteFixture(dir.path());
  test::WriteText(in / "ntk_closeness" / "cells" / "b2.json", R"({"arm": "mean_field"})");
  std::vector<ClaimResult> claims;
  std::ostringstream log;
  std::string error;
  EXPECT_FALSE(ReadResults(in, &claims, log, &error));
  EXPECT_NE(error.find("b2.json: key 'status' not found"), std::string::npos) << error;
}

TEST(ResultsReaderTest, SkipsFoldersWithoutVerdictAndRefusesAnEmptyDirectory) {
  ScratchDir dir;
  fs::create_directories(dir.path() / "in" / "scratch");
  std::vector<ClaimResult> claims;
  std::ostringstream log;
  std::string error;
  EXPECT_FALSE(ReadResults(dir.path() / "in", &claims, log, &error));
  EXPECT_NE(error.find("no claim folders"), std::string::npos) << error;
  EXPECT_NE(log.str().find("skipping"), std::string::npos);

  WriteFixture(dir.path());
  error.clear();
  EXPECT_TRUE(ReadResults(dir.path() / "in", &claims, log, &error)) << error;
  EXPECT_EQ(claims.size(), 1u);
}

TEST(ResultsReaderTest, NotesAClaimFieldThatDiffersFromTheFolder) {
  ScratchDir dir;
  json verdict = test::FixtureVerdict();
  verdict["claim"] = "renamed";
  const fs::path in = WriteFixture(dir.path(), verdict);
  ClaimResult claim;
  std::ostringstream log;
  std::string error;
  ASSERT_TRUE(ReadClaim(in / "ntk_closeness", &claim, log, &error)) << error;
  EXPECT_EQ(claim.id, "ntk_closeness");
  EXPECT_NE(log.str().find("folder name is used"), std::string::npos);
}

}  // namespace
}  // namespace thmcheck::report
