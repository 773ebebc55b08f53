// A claim, declared as data: citation, parameters, arms (main + controls) with their sweep axes
// and checks, and the function that measures one sweep cell. The harness expands arms into cells,
// runs them, fits and judges; a claim file only declares (docs/house_rules.md "A claim file, at a
// glance").
// Legend: a cell = one point of an arm's grid × one replicate; an observable = a named number a
// cell reports; an axis = a cell parameter swept over the values of a list parameter.
#pragma once

#include <any>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "harness/checks.h"
#include "harness/contract.h"
#include "harness/params.h"
#include "harness/schema/records.h"
#include "harness/shared_work.h"

namespace thmcheck {

// The theorem's paper: authors ("S. S. Du, X. Zhai, B. Póczos, A. Singh"), year, title, arXiv id
// ("1810.02054"), theorem ("Remark 3.1; Thm 4.1"), venue ("ICLR 2019") and further sources, one
// line each ("Lee et al. 2019, arXiv 1902.06720, Thm 2.1"): verdict.json's record, declared as is.
using Citation = schema::Citation;

enum class CellStatus { kOk, kDiverged };
const char* CellStatusName(CellStatus s);

// What one cell measured. A diverged cell (NaN, overflow) is data: it is stored with its status
// and excluded from fits, which say how many they excluded.
struct CellOutcome {
  CellStatus status = CellStatus::kOk;
  std::map<std::string, double> observables;
  std::string note;                                  // e.g. why it diverged
  nlohmann::json series = nlohmann::json::object();  // optional curves for reports
};

// A cell's seeds. `cell` derives from (user seed, claim id, the cell's parameters, replicate):
// unique to the cell. `replicate` derives from (user seed, claim id, replicate) only: every cell
// of one replicate shares it, across widths and arms. Draw what the sweep should hold fixed from
// it (the dataset: common random numbers, so a fitted slope sees the sweep and not the
// dataset-to-dataset spread), and the rest from `cell`. Split either with DeriveSeed(s, "tag").
struct CellSeeds {
  uint64_t cell = 0;
  uint64_t replicate = 0;
  // The replicate's shared work (ClaimSpec::shared), set by the runner; read it with SharedWork.
  std::function<std::any()> shared = {};
};

// The work ClaimSpec::shared declared as SharedPerReplicate<T>, for this cell's key and replicate.
template <class T>
std::shared_ptr<const T> SharedWork(const CellSeeds& seeds) {
  THM_CHECK_MSG(seeds.shared, "a cell asked for shared work its claim does not declare");
  return std::any_cast<std::shared_ptr<const T>>(seeds.shared());
}
using CellFunction = std::function<CellOutcome(const CellParams& params, const CellSeeds& seeds)>;

// A cell parameter `name` takes each value of the list parameter `from` (e.g. m from "widths").
struct Axis {
  std::string name = {};
  std::string from = {};
};

// kMain: the theorem's conditions hold; its checks must PASS. kControl: one condition is broken;
// it names the main-arm checks that break must make FAIL and predicts its own outcome (verdict.h).
// kReport: measured and drawn, never judged (only sanity checks, whose FAIL is a bug).
enum class ArmRole { kMain, kControl, kReport };
const char* ArmRoleName(ArmRole role);

// A check of the main arm a control is judged against (ArmSpec::against) that the control's
// broken condition must make FAIL, with one line on why that condition makes it fail. Never a
// check whose observable the condition removes from the target (it would fail whatever the
// learner did).
struct MustFail {
  std::string check = {};  // CheckName of a check of that arm
  std::string why = {};
};

// A horizontal line on a figure: a bound or level of the theorem. Its value may depend on the
// resolved claim parameters (α²/16 from "alpha"); Constant() is for a fixed number.
struct FigureLine {
  std::string label = {};
  std::function<double(const nlohmann::json& params)> value = {};
  static FigureLine Constant(std::string label, double v) {
    return {std::move(label), [v](const nlohmann::json&) { return v; }};
  }
};

// A figure the report draws for this claim: observables of one arm against one of its axes, each
// point the replicate mean with its 90% t-interval (figures.h). A series entry is an observable
// name or a pattern with one '*' ("risk.*", "*.err_ratio") matched against the arm's observables.
// Reference series are drawn dashed without bars (e.g. a bound recorded per cell).
struct FigureSpec {
  std::string name = {};  // file stem; unique within the claim
  std::string title = {};
  std::string arm = {};  // ArmSpec::name
  std::string x = {};    // one of that arm's axes; cells are grouped by its value only
  std::string y_label = {};
  bool log_x = true, log_y = true;
  std::vector<std::string> series = {};
  std::vector<std::string> reference_series = {};
  std::vector<FigureLine> lines = {};
  // Further arms drawn with `arm` on the same axis x, e.g. the widest widths under a schedule of
  // their own. A point is still the mean over one arm's cells: the arms' x values must differ (the
  // claim's validate keeps them apart), and each arm keeps its own checks and verdict.
  std::vector<std::string> more_arms = {};
};

// A comparison with ANOTHER claim's results, drawn by the report when both claims' results sit in
// the results folder it reads (it never runs anything): at each value of the other arm's axis x,
// the replicate means (90% t-intervals) of its observables against a level c·x^p of this claim's
// theorem (α²/16: coefficient 1/16, power 2). `below` should lie under the level, `above` over
// it; an observable the other run did not record is skipped. The harness only records the
// declaration (verdict.json "cross_checks", cross_checks.h); nothing is judged.
struct CrossCheckSpec {
  std::string title = {};        // the section's heading
  std::string why = {};          // one line: what the comparison adds to this claim
  std::string other_claim = {};  // ClaimSpec::id whose cells are read
  std::string other_arm = {};    // an arm of it
  std::string x = {};            // one of that arm's axes; a row per value
  std::string level_label = {};  // "α²/16"
  double level_coefficient = 1, level_power = 0;
  std::string below_label = {};  // plain words for the group: "the ResNet"
  std::vector<std::string> below = {};
  std::string above_label = {};  // "every kernel"
  std::vector<std::string> above = {};
  std::vector<std::string> show_params = {};  // cell parameters shown per row ("n", "d", "k")
  std::string per_output = {};  // cell parameter the means are also shown divided by ("k"); "" none
  // The premise param ≤ factor·C(choose_n, choose_k), from the other claim's cell parameters
  // (Thm 2's N ≤ C(d,k)/1000): whether the level applies to those cells. No label: no column.
  struct Premise {
    std::string label = {};  // "N ≤ C(d,k)/1000"
    std::string param = {};  // "n"
    double factor = 1;
    std::string choose_n = {}, choose_k = {};  // "d", "k"
  } premise = {};
};

// Members have initializers so that a declaration may name only the ones it sets (designated
// initializers, without -Wmissing-field-initializers noise).
struct ArmSpec {
  std::string name = {};
  ArmRole role = ArmRole::kMain;
  std::string condition = {};  // what holds (main) or which condition is broken (control)
  nlohmann::json overrides = nlohmann::json::object();  // cell parameters this arm forces
  std::vector<Axis> axes = {};
  // Main: the theorem's checks. Control: its own predictions, which must all PASS for it to be
  // REJECTED. Report: sanity checks only. Any arm may add sanity checks (CheckSpec::sanity).
  std::vector<CheckSpec> checks = {};
  // Cell parameter → the declared claim parameter that sets it for this arm alone (e.g. the
  // epochs of a paper's figure: {"epochs", "fig2a_epochs"}): like an override, but a user can
  // --set it; the claim parameter itself reaches no cell (see sweep.h). A cell parameter has one
  // source: none of these may also be an override or an axis of the arm (CHECKed).
  std::map<std::string, std::string> own_params = {};
  // An int claim parameter: this arm runs its first min(replicates, that) replicates only (a
  // costly control that decides with fewer; "" = all). Its cells pair with the main arm's by
  // replicate index as usual.
  std::string replicates_from = {};
  // Control arms: the main arm whose checks `must_fail` names ("" = the claim's first arm), and
  // those checks, evaluated with that arm's bands on this arm's cells.
  std::string against = {};
  std::vector<MustFail> must_fail = {};
  // Main arms: the learner's divergence is a result of the claim, counted by a status check of
  // this arm (e.g. "runs that did not diverge ≥ 0.9"), so diverged cells do not cap the other
  // checks (checks.h Gaps::kDivergenceIsResult). Off: a diverged cell caps them.
  bool divergence_is_result = false;
  // What measures this arm's cells when it is not ClaimSpec::run (an arm that measures another
  // thing, e.g. a threshold instead of a risk): each arm has its own function or the claim's.
  CellFunction run = {};
};

// What the suite expects of a claim at the scales it runs: it reproduces (its verdict is PASS on
// ≥ 19 of seeds 1–20), or a faithful construction does not show the effect at a size that fits
// the budget (its verdict is not PASS; `reason` gives the numbers). Decided by that 20-seed tally
// (`thmcheck judge`), never by one seed.
enum class ExpectedStatus { kReproduces, kNotReproducedAtThisScale };
const char* ExpectedStatusName(ExpectedStatus s);
struct Expected {
  ExpectedStatus status = ExpectedStatus::kReproduces;
  std::string reason = {};  // required for kNotReproducedAtThisScale
};

struct ClaimSpec {
  std::string id = {};  // stable forever; cite it
  int protocol = 1;     // bump when what is measured changes; old cells are never mixed in
  std::string title = {};
  std::string statement = {};  // the theorem, in words, with its predicted rate
  Citation citation = {};
  // smoke: seconds, for sanitizer/CI runs (any verdict); quick: ctest; full: nightly (params.h).
  std::vector<std::string> scales = {"smoke", "quick", "full"};
  std::vector<ParamSpec> params = {};  // must include "replicates" (kInt, ≥ 1)
  // Contradictory settings that single-parameter ranges cannot express (e.g. k > d):
  // returns "" when the resolved parameters are consistent, else a message for the user.
  std::function<std::string(const nlohmann::json& params)> validate = {};
  std::vector<ArmSpec> arms = {};  // arms[0] is the main arm
  // Arm name → the int parameter that switches it on (≠ 0) or off (0), e.g. a costly reproduction
  // of a paper's figure that only `full` runs by default; arms not listed always run. An arm
  // switched off has no cells, is not judged and is listed in verdict.json "arms_not_run".
  std::map<std::string, std::string> arm_switches = {};
  std::vector<FigureSpec> figures = {};  // drawn by the report; judged by nothing
  // Names of figures `thmcheck run` also prints as a table (x by series), e.g. a paper's figure
  // being reproduced.
  std::vector<std::string> printed_figures = {};
  std::vector<CrossCheckSpec> cross_checks = {};  // likewise, against another claim's results
  Expected expected = {};
  CellFunction run = {};  // measures one cell of any arm that has no ArmSpec::run
  // Work every cell of a replicate shares, computed once and freed after (shared_work.h).
  SharedWorkSpec shared = {};
};

// Measures one cell outside the runner (a test of a cell function): with the function of its arm
// and, when the claim declares shared work, that work computed on the spot for this cell alone.
CellOutcome RunCellAlone(const ClaimSpec& claim, size_t arm, const nlohmann::json& params,
                         CellSeeds seeds);

}  // namespace thmcheck
