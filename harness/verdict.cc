// Arm and claim verdicts (see verdict.h).
#include "harness/verdict.h"

#include "harness/rng.h"

namespace thmcheck {
namespace {

// Returns the arm's verdict name; *as_claim is what it means for the claim (for a control,
// REJECTED counts as a pass and NOT_REJECTED as a failure).
const char* ArmVerdict(ArmRole role, const std::vector<CheckResult>& checks, Verdict* as_claim) {
  int pass = 0, fail = 0;
  for (const auto& c : checks) {
    pass += c.verdict == Verdict::kPass;
    fail += c.verdict == Verdict::kFail;
  }
  const int n = static_cast<int>(checks.size());
  if (role == ArmRole::kMain) {
    *as_claim = fail > 0 ? Verdict::kFail : pass == n ? Verdict::kPass : Verdict::kInconclusive;
    return VerdictName(*as_claim);
  }
  if (fail > 0) {
    *as_claim = Verdict::kPass;
    return "REJECTED";
  }
  if (pass == n) {
    *as_claim = Verdict::kFail;
    return "NOT_REJECTED";
  }
  *as_claim = Verdict::kInconclusive;
  return "INCONCLUSIVE";
}

const char* ArmRoleName(ArmRole role) { return role == ArmRole::kMain ? "main" : "control"; }

}  // namespace

std::vector<CellView> ArmCellViews(const std::vector<Cell>& cells,
                                   const std::vector<CellOutcome>& outcomes, size_t arm) {
  std::vector<CellView> views;
  for (size_t i = 0; i < cells.size(); ++i) {
    if (cells[i].arm != arm) continue;
    views.push_back({cells[i].params, cells[i].replicate, outcomes[i].status == CellStatus::kOk,
                     outcomes[i].observables});
  }
  return views;
}

ClaimJudgement JudgeClaim(const ClaimSpec& claim, const nlohmann::json& params,
                          const std::vector<Cell>& cells, const std::vector<CellOutcome>& outcomes,
                          uint64_t seed) {
  ClaimJudgement j;
  bool all_pass = true, any_fail = false;
  for (size_t a = 0; a < claim.arms.size(); ++a) {
    const ArmSpec& arm = claim.arms[a];
    if (!ArmEnabled(claim, arm, params)) {
      j.arms_not_run.push_back({{"name", arm.name},
                                {"role", ArmRoleName(arm.role)},
                                {"condition", arm.condition},
                                {"enabled_by", claim.arm_switches.at(arm.name)}});
      continue;
    }
    const std::vector<CellView> views = ArmCellViews(cells, outcomes, a);
    nlohmann::json arm_cells = nlohmann::json::array();
    for (size_t i = 0; i < cells.size(); ++i) {
      if (cells[i].arm != a) continue;
      arm_cells.push_back("cells/" + cells[i].id + ".json");
      j.cells.push_back(arm_cells.back());
    }
    std::vector<std::string> axes;
    for (const auto& ax : arm.axes) axes.push_back(ax.name);
    std::vector<CheckResult> results;
    nlohmann::json checks = nlohmann::json::array();
    const uint64_t arm_seed = DeriveSeed(DeriveSeed(seed, claim.id), arm.name);
    for (const auto& spec : arm.checks) {
      results.push_back(EvaluateCheck(spec, axes, views, arm_seed));
      checks.push_back(CheckResultJson(results.back()));
    }
    Verdict v;
    const char* name = ArmVerdict(arm.role, results, &v);
    all_pass &= v == Verdict::kPass;
    any_fail |= v == Verdict::kFail;
    j.arms.push_back({{"name", arm.name},
                      {"role", ArmRoleName(arm.role)},
                      {"condition", arm.condition},
                      {"overrides", ArmSets(claim, arm, params)},
                      {"verdict", name},
                      {"checks", checks},
                      {"cells", arm_cells}});
  }
  j.verdict = any_fail ? Verdict::kFail : all_pass ? Verdict::kPass : Verdict::kInconclusive;
  return j;
}

}  // namespace thmcheck
