// Arm and claim verdicts (verdict.h) on synthetic cells: a control is rejected only by the main
// checks it names and only when its own predictions PASS, and verdict.json says which check
// rejected it; sanity checks never count as evidence but fail the claim when they FAIL; report
// arms are never judged; a claim with no control that ran is INCONCLUSIVE; the expected status.
#include "harness/verdict.h"

#include <gtest/gtest.h>

#include <cmath>
#include <string>
#include <vector>

#include "harness/rng.h"
#include "harness/schema/records_json.h"
#include "harness/sweep.h"

namespace thmcheck {
namespace {

// A claim with one swept axis m and observables y (the theorem's m^−1/2 in the main arm) and z.
// Each arm's cells get y = m^b·exp(0.05ε) with the arm's b, and z = z_level·exp(0.05ε).
struct Arm {
  std::string name;
  ArmRole role;
  double b;
  double z_level;
  std::vector<CheckSpec> checks;
  std::vector<MustFail> must_fail = {};
};

constexpr const char* kWhy = "the broken condition makes y flat in m";

CheckSpec Rate() { return ExponentCheck("y", "m", -0.5, 0.1, "t"); }
CheckSpec Flat() { return Named("y flat", ExponentCheck("y", "m", 0.0, 0.1, "t")); }
CheckSpec ZSmall() { return MeanAtMost("z", 1.0, "t"); }

struct Judged {
  ClaimJudgement j;
  nlohmann::json arms = j.arms;  // as verdict.json records them
  const nlohmann::json& Arm(const std::string& name) const {
    for (const auto& a : arms)
      if (a.at("name") == name) return a;
    ADD_FAILURE() << "no arm " << name;
    return arms.at(0);
  }
};

// `run_control`: the default of the switch `switches` may name.
Judged Judge(const std::vector<Arm>& arms, std::map<std::string, std::string> switches = {},
             int run_control = 1) {
  ClaimSpec claim;
  claim.id = "toy";
  claim.params = {IntListParam("ms", 1, 1e6, 3, true, "").Defaults({64, 128, 256, 512, 1024}, {64}),
                  IntParam("replicates", 1, 100, "").Defaults(4, 4),
                  IntParam("run_control", 0, 1, "").Defaults(run_control, run_control)};
  for (const Arm& a : arms)
    claim.arms.push_back({.name = a.name,
                          .role = a.role,
                          .condition = a.name,
                          .overrides = {{"b", a.b}, {"z_level", a.z_level}},
                          .axes = {{"m", "ms"}},
                          .checks = a.checks,
                          .must_fail = a.must_fail});
  claim.arm_switches = std::move(switches);
  const nlohmann::json params = ResolveParams(claim.params, "quick", {});
  const std::vector<Cell> cells = ExpandCells(claim, params, 1);
  std::vector<CellOutcome> outcomes;
  for (const Cell& c : cells) {
    Rng rng(c.seed);
    CellOutcome o;
    const double m = c.params.at("m"), b = c.params.at("b");
    o.observables["y"] = std::pow(m, b) * std::exp(0.05 * rng.Normal());
    o.observables["z"] = c.params.at("z_level").get<double>() * std::exp(0.05 * rng.Normal());
    outcomes.push_back(o);
  }
  return {JudgeClaim(claim, params, cells, outcomes, 1)};
}

Arm Main() { return {"main", ArmRole::kMain, -0.5, 0.5, {Rate(), ZSmall()}}; }

TEST(ControlVerdict, RejectedWhenANamedCheckFailsAndItsPredictionsPass) {
  const Judged r =
      Judge({Main(), {"broken", ArmRole::kControl, 0.0, 0.5, {Flat()}, {{"y", kWhy}}}});
  EXPECT_EQ(r.Arm("broken")["verdict"], "REJECTED");
  EXPECT_EQ(r.Arm("broken")["rejected_by"], nlohmann::json::array({"y"}));
  EXPECT_EQ(r.Arm("broken")["against"], "main");
  // Its rows: the named main check (with the main arm's band and the why), then its prediction.
  const nlohmann::json& checks = r.Arm("broken")["checks"];
  ASSERT_EQ(checks.size(), 2u);
  EXPECT_EQ(checks[0]["role"], "must_fail");
  EXPECT_EQ(checks[0]["why"], kWhy);
  EXPECT_EQ(checks[0]["verdict"], "FAIL");
  EXPECT_EQ(checks[1]["role"], "prediction");
  EXPECT_EQ(checks[1]["name"], "y flat");
  EXPECT_EQ(checks[1]["verdict"], "PASS");
  EXPECT_EQ(r.j.verdict, Verdict::kPass);
}

// The old rule ("any check FAILs") rejected a control for a failure its broken condition does not
// explain. Here the control breaks z (its z is 10× the main arm's) but names only y, which its
// condition leaves intact: it is not rejected, and the claim FAILs.
TEST(ControlVerdict, AFailOfACheckItDidNotNameChangesNothing) {
  const Judged r = Judge(
      {Main(), {"other", ArmRole::kControl, -0.5, 5.0, {Named("y rate", Rate())}, {{"y", kWhy}}}});
  EXPECT_EQ(r.Arm("other")["verdict"], "NOT_REJECTED");
  EXPECT_TRUE(r.Arm("other")["rejected_by"].empty());
  EXPECT_EQ(r.j.verdict, Verdict::kFail);
  EXPECT_NE(r.j.reason.find("control other is not rejected"), std::string::npos) << r.j.reason;
}

// A control whose named check FAILs but whose own prediction does not hold (it predicted a flat
// y; its y falls like m^−1: the main check fails, for another reason) is INCONCLUSIVE.
TEST(ControlVerdict, InconclusiveWhenItsOwnPredictionDoesNotHold) {
  const Judged r =
      Judge({Main(), {"steep", ArmRole::kControl, -1.0, 0.5, {Flat()}, {{"y", kWhy}}}});
  EXPECT_EQ(r.Arm("steep")["verdict"], "INCONCLUSIVE");
  EXPECT_EQ(r.Arm("steep")["rejected_by"], nlohmann::json::array({"y"}));
  EXPECT_EQ(r.j.verdict, Verdict::kInconclusive);
}

TEST(ClaimVerdict, NoControlThatRanMakesTheClaimInconclusive) {
  const std::vector<Arm> arms = {Main(),
                                 {"broken", ArmRole::kControl, 0.0, 0.5, {Flat()}, {{"y", kWhy}}}};
  EXPECT_EQ(Judge(arms, {{"broken", "run_control"}}).j.verdict, Verdict::kPass);
  // Switched off: the main arm still PASSes, but nothing showed its checks can fail.
  const Judged off = Judge(arms, {{"broken", "run_control"}}, /*run_control=*/0);
  EXPECT_EQ(off.Arm("main")["verdict"], "PASS");
  EXPECT_EQ(off.j.verdict, Verdict::kInconclusive);
  EXPECT_NE(off.j.reason.find("no control arm ran"), std::string::npos) << off.j.reason;
}

// A check that cannot fail is a sanity check: it is not evidence (a main arm needs at least one
// check that is), its PASS adds nothing, and its FAIL is a bug that fails the claim.
TEST(SanityCheck, ItsFailFailsTheClaimAndItsPassIsNotEvidence) {
  const Arm control = {"broken", ArmRole::kControl, 0.0, 0.5, {Flat()}, {{"y", kWhy}}};
  Arm main = Main();
  main.checks.push_back(Sanity(Named("z identity", MeanAtMost("z", 10.0, "t"))));
  const Judged ok = Judge({main, control});
  EXPECT_EQ(ok.j.verdict, Verdict::kPass);
  EXPECT_EQ(ok.Arm("main")["checks"][2]["role"], "sanity");
  main.checks.back() = Sanity(Named("z identity", MeanAtLeast("z", 10.0, "t")));  // FAILs: z ≈ 0.5
  const Judged bug = Judge({main, control});
  EXPECT_EQ(bug.Arm("main")["verdict"], "FAIL");
  EXPECT_EQ(bug.j.verdict, Verdict::kFail);
  EXPECT_NE(bug.j.reason.find("sanity check main.z identity FAILs"), std::string::npos);
  Arm only_sanity = Main();
  only_sanity.checks = {Sanity(ZSmall())};
  EXPECT_DEATH(Judge({only_sanity, control}), "no check that is evidence");
}

// A report arm is measured and never judged: its cells exist, its verdict is REPORTED, and what
// would fail a main arm changes nothing.
TEST(ReportArm, IsMeasuredNotJudged) {
  const Arm control = {"broken", ArmRole::kControl, 0.0, 0.5, {Flat()}, {{"y", kWhy}}};
  const Judged r = Judge({Main(), control, {"shown", ArmRole::kReport, 1.0, 50.0, {}}});
  EXPECT_EQ(r.Arm("shown")["verdict"], "REPORTED");
  EXPECT_EQ(r.Arm("shown")["cells"].size(), 5u * 4u);
  EXPECT_EQ(r.j.verdict, Verdict::kPass);
  EXPECT_DEATH(Judge({Main(), control, {"judged", ArmRole::kReport, 1.0, 50.0, {ZSmall()}}}),
               "never judged");
}

// A control must name what it fails and predict something; it may not name a sanity check.
TEST(ControlDeclaration, NamesChecksThatExistAndPredictsItsOwnOutcome) {
  EXPECT_DEATH(Judge({Main(), {"bare", ArmRole::kControl, 0.0, 0.5, {Flat()}}}),
               "names no main check to fail");
  EXPECT_DEATH(Judge({Main(), {"mute", ArmRole::kControl, 0.0, 0.5, {}, {{"y", kWhy}}}}),
               "predicts nothing");
  EXPECT_DEATH(Judge({Main(), {"typo", ArmRole::kControl, 0.0, 0.5, {Flat()}, {{"yy", kWhy}}}}),
               "has no check yy");
  EXPECT_DEATH(Judge({Main(), {"why", ArmRole::kControl, 0.0, 0.5, {Flat()}, {{"y", ""}}}}),
               "gives no why");
  EXPECT_DEATH(Judge({Main()}), "no control arm");
}

// Cross-arm checks read the matched cell of another arm (same replicate and m).
TEST(CrossArmCheck, ComparesMatchedCellsOfTwoArms) {
  Arm control = {"broken",
                 ArmRole::kControl,
                 0.0,
                 5.0,
                 {CrossArmAbove("z", "main", {"m"}, 2.0, "z far above main's")},
                 {{"z", "the broken condition raises z tenfold"}}};
  const Judged r = Judge({Main(), control});
  const nlohmann::json& check = r.Arm("broken")["checks"][1];
  EXPECT_EQ(check["name"], "z vs main");
  EXPECT_EQ(check["kind"], "cross_arm");
  EXPECT_NEAR(check["estimate"].get<double>(), 4.5, 0.3);  // 5 − 0.5 per matched pair
  EXPECT_EQ(check["verdict"], "PASS");
  EXPECT_EQ(r.Arm("broken")["verdict"], "REJECTED");
}

TEST(ExpectedStatus, ReproducesMeansPassAndNotReproducedMeansAnythingElse) {
  const Expected reproduces;
  const Expected not_here = {ExpectedStatus::kNotReproducedAtThisScale, "measured: no gain"};
  EXPECT_TRUE(MeetsExpected(reproduces, Verdict::kPass));
  EXPECT_FALSE(MeetsExpected(reproduces, Verdict::kInconclusive));
  EXPECT_FALSE(MeetsExpected(not_here, Verdict::kPass));
  EXPECT_TRUE(MeetsExpected(not_here, Verdict::kFail));
  EXPECT_TRUE(MeetsExpected(not_here, Verdict::kInconclusive));
}

}  // namespace
}  // namespace thmcheck
