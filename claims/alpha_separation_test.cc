// Claim test: `alpha_separation` at quick scale PASSes and both control arms (β = 0, β = 0.2) are
// rejected; at full scale (the `.full` variant) the Fig. 2(a) arms (fig2a, fig2a_wide) run too and
// must PASS with them.
// Plus the fig2a arm's declared screen and the learner's selection rule on a tiny cell (TrainBest,
// alpha_separation_screen.cc, on learners/resnet3_screen.h).
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <string>
#include <utility>
#include <vector>

#include "claims/alpha_separation_cells.h"
#include "claims/alpha_separation_screen.h"
#include "claims/claim_test_support.h"
#include "claims/claims.h"
#include "harness/sweep.h"

namespace thmcheck {
namespace {

TEST(AlphaSeparationClaim, PassesAtQuickScaleWithControlsRejected) {
  const RunOutcome r = RunClaimForTest("alpha_separation");
  EXPECT_EQ(ArmVerdict(r.verdict_json, "main"), "PASS");
  EXPECT_EQ(ArmVerdict(r.verdict_json, "beta0"), "REJECTED");
  EXPECT_EQ(ArmVerdict(r.verdict_json, "beta0.2"), "REJECTED");
  EXPECT_EQ(r.verdict, Verdict::kPass);
  EXPECT_TRUE(r.meets_expected);
  if (ClaimTestScale() != "quick") return;
  // Seed 1 at quick scale, as `thmcheck judge alpha_separation` recorded it (protocol 2).
  ExpectRecordedNumbers(r.verdict_json,
                        {{"main", "ntk.err_ratio", 1.2047},
                         {"main", "resnet_ntk.err_ratio", 1.8282},
                         {"main", "rbf.err_ratio", 1.3772},
                         {"main", "resnet.err_ratio", 0.04730},
                         {"main", "resnet.phi", 0.9255},
                         {"main", "resnet.err_ratio - kernel_best.err_ratio", -1.1944},
                         {"beta0", "resnet.err_ratio like a kernel", 2.0382},
                         {"beta0", "resnet.phi null", 0.0009116},
                         {"beta0.2", "resnet.err_ratio like a kernel", 2.0496},
                         {"beta0.2", "resnet.phi null", 0.01838}});
}

// The β controls are rejected by the checks their missing F signal breaks, never by one about F
// itself; the kernels' quadratic identity is a sanity check, not evidence.
TEST(AlphaSeparationClaim, ControlsNameWhatTheirConditionBreaks) {
  const ClaimSpec claim = AlphaSeparationClaim();
  for (const ArmSpec& arm : claim.arms) {
    if (arm.role != ArmRole::kControl) continue;
    std::vector<std::string> names;
    for (const MustFail& m : arm.must_fail) names.push_back(m.check);
    EXPECT_EQ(names, (std::vector<std::string>{"resnet.err_ratio", "resnet.phi",
                                               "resnet.err_ratio - kernel_best.err_ratio"}))
        << arm.name;
  }
  for (const CheckSpec& c : claim.arms.at(0).checks)
    EXPECT_EQ(c.sanity, c.observable.ends_with(".quadratic_gap")) << c.observable;
}

// The Fig. 2(a) arms' screen is declared by the arms (80 runs, 16 on past E/8), not by --set, and
// full scale runs fig2a at the widths up to 3000 (alpha_separation.cc, kFig2aRestarts).
TEST(AlphaSeparationClaim, Fig2aArmDeclaresItsScreenAndFullWidths) {
  const ClaimSpec claim = AlphaSeparationClaim();
  const nlohmann::json params =
      ResolveParams(claim.params, "full", {{"restarts", "1"}, {"screen_keep", "0"}});
  std::vector<int> widths;
  for (const Cell& c : ExpandCells(claim, params, 1)) {
    const std::string arm = claim.arms.at(c.arm).name;
    if (!arm.starts_with("fig2a")) {
      EXPECT_EQ(c.params.at("restarts"), 1);
      continue;
    }
    EXPECT_EQ(c.params.at("restarts"), 4);  // fig2a and fig2a_wide
    EXPECT_EQ(c.params.at("screen_keep"), 16);
    if (arm == "fig2a" && c.replicate == 0) widths.push_back(c.params.at("width"));
  }
  EXPECT_EQ(widths, (std::vector<int>{100, 300, 1000, 3000}));
}

// The fig2a arm's schedule and grid are its own parameters: their defaults are the paper's
// schedule and the declared grid, and setting them changes the fig2a cells alone.
TEST(AlphaSeparationClaim, Fig2aScheduleAndGridAreTheArmsOwnParameters) {
  const ClaimSpec claim = AlphaSeparationClaim();
  const auto expand = [&](std::vector<std::pair<std::string, std::string>> sets) {
    return ExpandCells(claim, ResolveParams(claim.params, "full", sets), 1);
  };
  const std::vector<Cell> paper = expand({});
  const std::vector<Cell> longer = expand({{"fig2a_epochs", "1600"},
                                           {"fig2a_decay_at", "0.75"},
                                           {"fig2a_w_scales", "0.003,0.01"},
                                           {"fig2a_batches", "50"},
                                           {"fig2a_lrs", "5"}});
  ASSERT_EQ(paper.size(), longer.size());
  for (size_t i = 0; i < paper.size(); ++i) {
    EXPECT_FALSE(paper[i].params.contains("fig2a_epochs"));
    const std::string arm = claim.arms.at(paper[i].arm).name;
    if (arm != "fig2a") {
      EXPECT_EQ(paper[i].id, longer[i].id);  // the other arms' cells are the same cells
      EXPECT_EQ(paper[i].params.at("epochs"), arm == "fig2a_wide" ? 1600 : 300);
      continue;
    }
    EXPECT_EQ(paper[i].params.at("epochs"), 800);
    EXPECT_EQ(paper[i].params.at("decay_at"), 0.5);
    EXPECT_EQ(paper[i].params.at("w_scales"), nlohmann::json({0.03, 0.1, 0.3, 0.5, 1.0}));
    EXPECT_EQ(paper[i].params.at("batches"), nlohmann::json({50, 5}));
    EXPECT_EQ(paper[i].params.at("lrs"), nlohmann::json({2.0, 4.0}));
    EXPECT_EQ(longer[i].params.at("epochs"), 1600);
    EXPECT_EQ(longer[i].params.at("decay_at"), 0.75);
    EXPECT_EQ(longer[i].params.at("w_scales"), nlohmann::json({0.003, 0.01}));
    EXPECT_EQ(longer[i].params.at("batches"), nlohmann::json({50}));
    EXPECT_EQ(longer[i].params.at("lrs"), nlohmann::json({5.0}));
    EXPECT_NE(paper[i].id, longer[i].id);
  }
}

// Full scale draws Fig. 2(a) at 10⁴ from the fig2a_wide arm, under its own schedule and grid (the
// one measured in claims/alpha_separation_notes.md, 2026-11-24 "A longer constant-η phase" and
// "Full's 8 replicates at m = 10⁴"), on the same figure as fig2a; a width both arms would run is
// bad input.
TEST(AlphaSeparationClaim, Fig2aWideRunsTenThousandUnderItsOwnScheduleAtFullScale) {
  const ClaimSpec claim = AlphaSeparationClaim();
  std::vector<int> widths;
  for (const Cell& c : ExpandCells(claim, ResolveParams(claim.params, "full", {}), 1)) {
    if (claim.arms.at(c.arm).name != "fig2a_wide") continue;
    EXPECT_EQ(c.params.at("n"), 1000);
    EXPECT_EQ(c.params.at("epochs"), 1600);
    EXPECT_EQ(c.params.at("decay_at"), 0.75);
    EXPECT_EQ(c.params.at("w_scales"), nlohmann::json({0.003, 0.01}));
    EXPECT_EQ(c.params.at("batches"), nlohmann::json({50}));
    EXPECT_EQ(c.params.at("lrs"), nlohmann::json({5.0}));
    EXPECT_EQ(c.params.at("restarts"), 4);
    widths.push_back(c.params.at("width"));
  }
  EXPECT_EQ(widths, std::vector<int>(8, 10000));  // 8 replicates
  const auto quick = ExpandCells(claim, ResolveParams(claim.params, "quick", {}), 1);
  EXPECT_TRUE(std::none_of(quick.begin(), quick.end(), [&](const Cell& c) {
    return claim.arms.at(c.arm).name == "fig2a_wide";
  }));
  const auto figure =
      std::find_if(claim.figures.begin(), claim.figures.end(),
                   [](const FigureSpec& f) { return f.name == "fig2a_err_vs_width"; });
  ASSERT_NE(figure, claim.figures.end());
  EXPECT_EQ(figure->more_arms, std::vector<std::string>{"fig2a_wide"});
  const std::string shared =
      claim.validate(ResolveParams(claim.params, "full", {{"fig2a_widths", "1000,10000"}}));
  EXPECT_NE(shared.find("fig2a_widths and fig2a_wide_widths both contain m = 10000"),
            std::string::npos)
      << shared;
  EXPECT_EQ(claim.validate(ResolveParams(claim.params, "full",
                                         {{"fig2a_widths", "1000,10000"}, {"fig2a_wide", "0"}})),
            "");
}

// The first cell of a tiny main arm: d = 8, k = 4, N = 100, m = 16, and a grid of 2 w_scales ×
// 2 batches × 2 η × 2 restarts = 16 screened runs (w_scale outermost, restarts innermost).
CellOutcome TinyCell(const std::string& epochs, const std::string& screen_keep) {
  const ClaimSpec claim = AlphaSeparationClaim();
  const nlohmann::json params = ResolveParams(claim.params, "smoke",
                                              {{"d", "8"},
                                               {"k", "4"},
                                               {"n", "100"},
                                               {"n_val", "100"},
                                               {"n_test", "100"},
                                               {"width", "16"},
                                               {"epochs", epochs},
                                               {"lrs", "0.5,2"},
                                               {"w_scales", "0.3,1"},
                                               {"batches", "50,10"},
                                               {"restarts", "2"},
                                               {"screen_keep", screen_keep}});
  const std::vector<Cell> cells = ExpandCells(claim, params, 7);
  return RunCellAlone(claim, cells.at(0).arm, cells[0].params,
                      {cells[0].seed, cells[0].replicate_seed});
}

// The best kernel is chosen on validation, never on test data: kernel_best is the kernel whose
// validation error is lowest, whatever the test errors say.
TEST(AlphaSeparationCell, TheBestKernelIsChosenOnValidation) {
  const CellOutcome o = TinyCell("8", "0");
  ASSERT_EQ(o.status, CellStatus::kOk) << o.note;
  const char* kernels[] = {"ntk", "resnet_ntk", "rbf"};
  int best = 0;
  for (int i = 1; i < 3; ++i)
    if (o.observables.at(std::string(kernels[i]) + ".val_err") <
        o.observables.at(std::string(kernels[best]) + ".val_err"))
      best = i;
  EXPECT_EQ(o.observables.at("kernel_best.index"), best);
  EXPECT_EQ(o.observables.at("kernel_best.err"),
            o.observables.at(std::string(kernels[best]) + ".err"));
}

// A network whose every run diverges no longer removes the cell: TrainBest records
// L.diverged = 1 and a note, returns nothing, and leaves the cell ok, so the kernels of that cell
// are still scored (RunAlphaSeparationCell goes on) and a main arm's checks on the learner see a
// gap and cannot pass. An init with a NaN weight diverges at the first step.
TEST(AlphaSeparationCell, ADivergedLearnerIsRecordedWithoutFailingTheCell) {
  const ClaimSpec claim = AlphaSeparationClaim();
  const nlohmann::json params = ResolveParams(
      claim.params, "smoke",
      {{"d", "8"}, {"k", "4"}, {"n", "100"}, {"width", "16"}, {"epochs", "8"}, {"restarts", "2"}});
  const CellParams p(params);
  const Eigen::MatrixXd X = Eigen::MatrixXd::Random(100, 8), Y = Eigen::MatrixXd::Random(100, 4);
  const auto nan_init = [&](Rng& rng, double w_scale) {
    ResNet3Options o;
    o.d = 8, o.m = 16, o.k = 4, o.w_scale = w_scale;
    const ResNet3 net = ResNet3::Init(o, rng);
    ResNet3::Params q = net.params();
    q.w(0, 0) = std::nan("");
    return ResNet3::FromParameters(q, net.a(), SecondLayer::kBottleneck);
  };
  CellOutcome o;
  const std::optional<ResNet3> net =
      TrainBest("resnet", p, nan_init, 0.1, "init", "sgd", 5, X, Y, X, Y, &o);
  EXPECT_FALSE(net.has_value());
  EXPECT_EQ(o.status, CellStatus::kOk);
  EXPECT_EQ(o.observables.at("resnet.diverged"), 1);
  EXPECT_NE(o.note.find("resnet: every run"), std::string::npos) << o.note;
}

// Every (w_scale, batch, η) × restart run is screened on validation; the kept run is the argmin
// and the cell records its setting. 8 epochs (2 screened).
TEST(AlphaSeparationCell, KeepsTheRunWithTheLowestValidationErrorAndRecordsItsSetting) {
  const CellOutcome o = TinyCell("8", "0");
  ASSERT_EQ(o.status, CellStatus::kOk) << o.note;
  int best = -1;
  double best_val = INFINITY;
  for (int i = 0; i < 16; ++i) {
    const double v = o.observables.at("resnet.screen_val_err#" + std::to_string(i));
    if (v < best_val) best_val = v, best = i;
  }
  EXPECT_EQ(o.observables.count("resnet.screen_val_err#16"), 0u);
  EXPECT_EQ(o.observables.at("resnet.restart"), best);
  EXPECT_EQ(o.observables.at("resnet.w_scale"), best / 8 == 0 ? 0.3 : 1.0);
  EXPECT_EQ(o.observables.at("resnet.batch"), best / 4 % 2 == 0 ? 50 : 10);
  EXPECT_EQ(o.observables.at("resnet.lr"), best / 2 % 2 == 0 ? 0.5 : 2.0);
}

// The two-stage screen (screen_keep = K): every run is recorded at the pruning point, only the K
// lowest there (ties: the earlier run) are screened on, and each of those is screened exactly as
// in the one-stage screen (a run continues where it stopped); K ≥ all runs is that screen.
// Tiny cell, 16 epochs (pruned at 2, screened at 4), 16 runs.
TEST(AlphaSeparationCell, TwoStageScreenGoesOnWithTheLowestAtThePruningPointOnly) {
  const CellOutcome one_stage = TinyCell("16", "0"), two_stage = TinyCell("16", "5"),
                    keep_all = TinyCell("16", "16");
  ASSERT_EQ(one_stage.status, CellStatus::kOk) << one_stage.note;
  ASSERT_EQ(two_stage.status, CellStatus::kOk) << two_stage.note;
  EXPECT_EQ(keep_all.observables, one_stage.observables);
  EXPECT_EQ(one_stage.observables.count("resnet.prune_val_err#0"), 0u);

  std::vector<std::pair<double, int>> pruned;
  for (int i = 0; i < 16; ++i)
    pruned.emplace_back(two_stage.observables.at("resnet.prune_val_err#" + std::to_string(i)), i);
  std::sort(pruned.begin(), pruned.end());  // by value, then by index
  int best = -1;
  double best_val = INFINITY;
  for (int rank = 0; rank < 16; ++rank) {
    const int i = pruned[rank].second;
    const std::string key = "resnet.screen_val_err#" + std::to_string(i);
    if (rank >= 5) {
      EXPECT_EQ(two_stage.observables.count(key), 0u) << "run " << i << " was pruned";
      continue;
    }
    ASSERT_EQ(two_stage.observables.count(key), 1u) << "run " << i << " was kept";
    EXPECT_EQ(two_stage.observables.at(key), one_stage.observables.at(key));
    if (two_stage.observables.at(key) < best_val ||
        (two_stage.observables.at(key) == best_val && i < best))
      best_val = two_stage.observables.at(key), best = i;
  }
  EXPECT_EQ(two_stage.observables.at("resnet.restart"), best);
}

}  // namespace
}  // namespace thmcheck
