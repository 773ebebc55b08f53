// Every verdict branch: PASS, FAIL and INCONCLUSIVE for two-sided bands and one-sided bounds, on
// intervals and on synthetic arms; NaN never passes; unusable cells cap a main arm's checks at
// INCONCLUSIVE and are left out, counted, elsewhere; status checks and equivalence bands.
#include "harness/checks.h"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>

#include "harness/rng.h"

namespace thmcheck {
namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

TEST(JudgeTest, TwoSidedBranches) {
  EXPECT_EQ(Judge({-0.55, -0.45}, {-0.58, -0.42}, -0.6, -0.4), Verdict::kPass);
  EXPECT_EQ(Judge({-0.05, 0.05}, {-0.08, 0.08}, -0.6, -0.4), Verdict::kFail);
  EXPECT_EQ(Judge({-0.45, -0.35}, {-0.5, -0.3}, -0.6, -0.4), Verdict::kInconclusive);
  // The 90% interval inside but the 95% one straddling: still PASS (the rule reads the 90%).
  EXPECT_EQ(Judge({-0.59, -0.41}, {-0.65, -0.35}, -0.6, -0.4), Verdict::kPass);
}

TEST(JudgeTest, OneSidedBranches) {
  EXPECT_EQ(Judge({-0.8, -0.6}, {-0.85, -0.55}, -kInf, -0.4), Verdict::kPass);
  EXPECT_EQ(Judge({-0.1, 0.1}, {-0.2, 0.2}, -kInf, -0.4), Verdict::kFail);
  EXPECT_EQ(Judge({-0.5, -0.3}, {-0.6, -0.2}, -kInf, -0.4), Verdict::kInconclusive);
  EXPECT_EQ(Judge({1.2, 1.5}, {1.1, 1.6}, 0.9, kInf), Verdict::kPass);
}

TEST(JudgeTest, NaNIsNeverAPass) {
  EXPECT_EQ(Judge({kNaN, kNaN}, {kNaN, kNaN}, -0.6, -0.4), Verdict::kInconclusive);
  EXPECT_EQ(Judge({kNaN, -0.5}, {kNaN, -0.5}, -kInf, -0.4), Verdict::kInconclusive);
}

// An arm sweeping m over 6 widths × 4 replicates with y = m^b·exp(0.05ε).
std::vector<CellView> Arm(double b, uint64_t seed, int widths = 6) {
  Rng rng(seed);
  std::vector<CellView> cells;
  for (int j = 0; j < widths; ++j)
    for (int r = 0; r < 4; ++r) {
      const double m = 128 << j;
      cells.push_back({{{"m", m}, {"n", 20}},
                       r,
                       true,
                       {{"y", std::pow(m, b) * std::exp(0.05 * rng.Normal())}}});
    }
  return cells;
}

TEST(EvaluateCheckTest, ExponentPassFailInconclusive) {
  const CheckSpec spec = ExponentCheck("y", "m", -0.5, 0.1, "test");
  EXPECT_EQ(EvaluateCheck(spec, {"m"}, Arm(-0.5, 1), 1).verdict, Verdict::kPass);
  EXPECT_EQ(EvaluateCheck(spec, {"m"}, Arm(0.0, 2), 1).verdict, Verdict::kFail);
  const CheckResult few = EvaluateCheck(spec, {"m"}, Arm(-0.5, 3, 2), 1);
  EXPECT_EQ(few.verdict, Verdict::kInconclusive);
  EXPECT_NE(few.reason.find("only 2 grid points"), std::string::npos);
}

// Under Gaps::kCap (a main arm) a diverged and a NaN cell keep the fit from passing; under
// Gaps::kExclude (a control) they are left out and counted.
TEST(EvaluateCheckTest, GapsCapAMainArmAndAreExcludedInAControl) {
  std::vector<CellView> cells = Arm(-0.5, 4);
  cells[0].ok = false;
  cells[0].id = "0123456789abcdef";
  cells[1].observables["y"] = kNaN;
  const CheckSpec spec = ExponentCheck("y", "m", -0.5, 0.1, "t");
  const CheckResult main = EvaluateCheck(spec, {"m"}, cells, 1);
  EXPECT_EQ(main.verdict, Verdict::kInconclusive);
  EXPECT_NE(main.reason.find("capped at INCONCLUSIVE: 1 diverged and 1 unusable"),
            std::string::npos)
      << main.reason;
  EXPECT_EQ(main.excluded.capping_cells, std::vector<std::string>{"0123456789abcdef"});
  CheckContext control;
  control.gaps = Gaps::kExclude;
  const CheckResult excluded = EvaluateCheck(spec, ArmData{{"m"}, cells}, control);
  EXPECT_EQ(excluded.excluded.diverged, 1);
  EXPECT_EQ(excluded.excluded.unusable, 1);
  EXPECT_EQ(excluded.verdict, Verdict::kPass);
  // Gaps in a fit's unused range (below x_min) do not cap it.
  EXPECT_EQ(EvaluateCheck(ExponentCheck("y", "m", -0.5, 0.1, "t", /*x_min=*/256), {"m"}, cells, 1)
                .verdict,
            Verdict::kPass);
}

// The old rule fitted whatever ≥ 3 grid points were left: a main arm that lost its widest widths
// still PASSed. Now it cannot.
TEST(EvaluateCheckTest, AMainArmThatLosesItsWidestWidthsDoesNotPass) {
  std::vector<CellView> cells = Arm(-0.5, 10);
  for (auto& c : cells)
    if (c.params["m"].get<double>() >= 2048) c.ok = false;  // the two widest of six
  const CheckResult r = EvaluateCheck(ExponentCheck("y", "m", -0.5, 0.1, "t"), {"m"}, cells, 1);
  EXPECT_EQ(r.verdict, Verdict::kInconclusive);
  EXPECT_EQ(r.excluded.diverged, 8);
}

// Likewise a pointwise bound whose grid point has no usable cell: that point was never judged.
TEST(EvaluateCheckTest, APointwiseBoundWithAnUnjudgedGridPointDoesNotPass) {
  std::vector<CellView> cells = Arm(-0.5, 11);
  for (auto& c : cells)
    if (c.params["m"].get<double>() == 128) c.observables.erase("y");
  const CheckResult r = EvaluateCheck(MeanAtMost("y", 0.1, "t"), {"m"}, cells, 1);
  EXPECT_EQ(r.verdict, Verdict::kInconclusive);
  EXPECT_NE(r.reason.find("1 grid point(s) with no usable cell"), std::string::npos) << r.reason;
}

// A main arm that declares divergence a result: diverged cells are left out without a cap (a
// status check counts them), any other gap still caps.
TEST(EvaluateCheckTest, DivergenceDeclaredAResultDoesNotCapButOtherGapsDo) {
  std::vector<CellView> cells = Arm(-0.5, 12);
  cells[3].ok = false;
  CheckContext ctx;
  ctx.gaps = Gaps::kDivergenceIsResult;
  const CheckSpec spec = ExponentCheck("y", "m", -0.5, 0.1, "t");
  EXPECT_EQ(EvaluateCheck(spec, ArmData{{"m"}, cells}, ctx).verdict, Verdict::kPass);
  cells[5].observables["y"] = -1.0;  // non-positive: no log
  EXPECT_EQ(EvaluateCheck(spec, ArmData{{"m"}, cells}, ctx).verdict, Verdict::kInconclusive);
  // The status check sees every cell, the diverged one as a 0: its width reads 3 of 4 ok.
  const CheckResult status = EvaluateCheck(StatusAtLeast("ok", 0.5, "t"), {"m"}, cells, 1);
  EXPECT_EQ(status.estimate, 0.75);
  EXPECT_EQ(status.excluded.diverged, 0);
  EXPECT_EQ(status.verdict, Verdict::kInconclusive);  // 4 cells a width cannot show ≥ 0.5
  EXPECT_EQ(CheckName(StatusAtLeast("ok", 0.5, "t")), "status:ok");
}

TEST(EvaluateCheckTest, AllDivergedIsInconclusiveNotPass) {
  std::vector<CellView> cells = Arm(-0.5, 5);
  for (auto& c : cells) c.ok = false;
  for (const CheckSpec& spec : {ExponentCheck("y", "m", -0.5, 0.1, "t"), MeanAtMost("y", 1.0, "t")})
    EXPECT_EQ(EvaluateCheck(spec, {"m"}, cells, 1).verdict, Verdict::kInconclusive);
}

TEST(EvaluateCheckTest, ExponentBoundIsOneSided) {
  const CheckSpec spec = ExponentAtMost("y", "m", -0.5, -0.4, "t");
  EXPECT_EQ(EvaluateCheck(spec, {"m"}, Arm(-0.75, 6), 1).verdict, Verdict::kPass);
  EXPECT_EQ(EvaluateCheck(spec, {"m"}, Arm(0.0, 7), 1).verdict, Verdict::kFail);
}

TEST(EvaluateCheckTest, MeanBoundJudgesEveryGridPoint) {
  // y = m^−0.5 ≤ 0.09 at m ≥ 128 (0.088) … but a bound of 0.05 fails at m = 128 and 256.
  EXPECT_EQ(EvaluateCheck(MeanAtMost("y", 0.1, "t"), {"m"}, Arm(-0.5, 8), 1).verdict,
            Verdict::kPass);
  const CheckResult r = EvaluateCheck(MeanAtMost("y", 0.05, "t"), {"m"}, Arm(-0.5, 8), 1);
  EXPECT_EQ(r.verdict, Verdict::kFail);
  EXPECT_NE(r.reason.find("128"), std::string::npos);
}

TEST(EvaluateCheckTest, ProportionUsesClopperPearson) {
  // 100 of 100 successes: the exact 90% lower bound is 0.05^(1/100) = 0.9705 ≥ 0.95 ⇒ PASS; for
  // a bound of 0.99 it straddles ⇒ INCONCLUSIVE; 80 of 100 lies far below ⇒ FAIL.
  std::vector<CellView> cells;
  for (int r = 0; r < 100; ++r)
    cells.push_back({{{"n", 5}}, r, true, {{"above", 1.0}, {"mixed", r < 80 ? 1.0 : 0.0}}});
  const CheckResult all = EvaluateCheck(ProportionAtLeast("above", 0.95, "t"), {"n"}, cells, 1);
  EXPECT_EQ(all.verdict, Verdict::kPass);
  EXPECT_NEAR(all.ci90.lo, std::pow(0.05, 0.01), 1e-9);
  EXPECT_EQ(EvaluateCheck(ProportionAtLeast("above", 0.99, "t"), {"n"}, cells, 1).verdict,
            Verdict::kInconclusive);
  EXPECT_EQ(EvaluateCheck(ProportionAtLeast("mixed", 0.99, "t"), {"n"}, cells, 1).verdict,
            Verdict::kFail);
}

TEST(EvaluateCheckTest, ProportionAtMostIsTheMirrorImage) {
  // 0 of 100: the exact 90% upper bound is 1 − 0.05^(1/100) = 0.0295 ≤ 0.05 ⇒ PASS; against 0.01
  // it straddles ⇒ INCONCLUSIVE; 20 of 100 lies far above ⇒ FAIL.
  std::vector<CellView> cells;
  for (int r = 0; r < 100; ++r)
    cells.push_back({{{"n", 5}}, r, true, {{"none", 0.0}, {"some", r < 20 ? 1.0 : 0.0}}});
  const CheckResult none = EvaluateCheck(ProportionAtMost("none", 0.05, "t"), {"n"}, cells, 1);
  EXPECT_EQ(none.verdict, Verdict::kPass);
  EXPECT_NEAR(none.ci90.hi, 1 - std::pow(0.05, 0.01), 1e-9);
  EXPECT_EQ(EvaluateCheck(ProportionAtMost("none", 0.01, "t"), {"n"}, cells, 1).verdict,
            Verdict::kInconclusive);
  EXPECT_EQ(EvaluateCheck(ProportionAtMost("some", 0.05, "t"), {"n"}, cells, 1).verdict,
            Verdict::kFail);
}

TEST(EvaluateCheckTest, ExponentAgainstAnObservableAbscissa) {
  // y = D^1 where D = d² is reported by each cell, d being the swept axis.
  std::vector<CellView> cells;
  for (int d : {4, 8, 16, 32})
    for (int r = 0; r < 3; ++r)
      cells.push_back({{{"d", d}}, r, true, {{"D", d * d * 1.0}, {"y", d * d * (1.0 + 0.01 * r)}}});
  const CheckResult res = EvaluateCheck(ExponentCheck("y", "D", 1.0, 0.15, "t"), {"d"}, cells, 1);
  EXPECT_EQ(res.verdict, Verdict::kPass);
  EXPECT_NEAR(res.estimate, 1.0, 1e-9);
}

TEST(EvaluateCheckTest, EquivalenceBandPassesOnlyForNoEffect) {
  // z = 0.01·ε around 0 (no effect) vs 0.3 + 0.01·ε (an effect): within ±0.1 (TOST at 5% a side).
  std::vector<CellView> cells = Arm(-0.5, 13);
  Rng rng(14);
  for (auto& c : cells) {
    c.observables["none"] = 0.01 * rng.Normal();
    c.observables["some"] = 0.3 + 0.01 * rng.Normal();
  }
  EXPECT_EQ(EvaluateCheck(MeanWithin("none", -0.1, 0.1, "t"), {"m"}, cells, 1).verdict,
            Verdict::kPass);
  EXPECT_EQ(EvaluateCheck(MeanWithin("some", -0.1, 0.1, "t"), {"m"}, cells, 1).verdict,
            Verdict::kFail);
}

TEST(EvaluateCheckTest, PairedDifferenceWithASmallestEffect) {
  // z = 1.5·y: y − z = −0.5·y ≈ −0.04 … −0.006: below 0, but not by a margin of 0.1.
  std::vector<CellView> cells = Arm(-0.5, 15);
  for (auto& c : cells) c.observables["z"] = c.observables["y"] * 1.5;
  EXPECT_EQ(EvaluateCheck(PairedBelow("y", "z", "t"), {"m"}, cells, 1).verdict, Verdict::kPass);
  EXPECT_EQ(EvaluateCheck(PairedBelow("y", "z", "t", 0.1), {"m"}, cells, 1).verdict,
            Verdict::kFail);
  EXPECT_EQ(CheckName(PairedBelow("y", "z", "t", 0.1)), "y - z");
}

TEST(EvaluateCheckTest, PairedDifference) {
  std::vector<CellView> cells = Arm(-0.5, 9);
  for (auto& c : cells) c.observables["z"] = c.observables["y"] * 1.5;
  EXPECT_EQ(EvaluateCheck(PairedBelow("y", "z", "t"), {"m"}, cells, 1).verdict, Verdict::kPass);
  EXPECT_EQ(EvaluateCheck(PairedAbove("y", "z", "t"), {"m"}, cells, 1).verdict, Verdict::kFail);
}

}  // namespace
}  // namespace thmcheck
