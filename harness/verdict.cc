// Arm and claim verdicts (see verdict.h).
#include "harness/verdict.h"

#include <map>

#include "harness/claim_validation.h"
#include "harness/contract.h"
#include "harness/rng.h"

namespace thmcheck {
namespace {

// One check's record, with its role in the arm's verdict.
schema::Check Entry(const CheckResult& r, const char* role, const std::string& why = "") {
  schema::Check c = CheckRecord(r);
  c.name = CheckName(r.spec);
  c.role = r.spec.sanity ? schema::kSanity : role;
  c.why = why;
  return c;
}

struct Tally {
  int pass = 0, fail = 0, n = 0;
  void Add(Verdict v) {
    ++n;
    pass += v == Verdict::kPass;
    fail += v == Verdict::kFail;
  }
  bool AllPass() const { return pass == n; }
};

// An arm's verdict name and what it means for the claim (kPass: counts toward a PASS).
struct ArmOutcome {
  std::string name;
  Verdict as_claim = Verdict::kInconclusive;
};

ArmOutcome MainVerdict(const Tally& evidence, const Tally& sanity) {
  if (evidence.fail > 0 || sanity.fail > 0) return {"FAIL", Verdict::kFail};
  if (evidence.AllPass()) return {"PASS", Verdict::kPass};
  return {"INCONCLUSIVE", Verdict::kInconclusive};
}

ArmOutcome ControlVerdict(const Tally& must_fail, const Tally& predictions, const Tally& sanity) {
  if (sanity.fail > 0) return {"FAIL", Verdict::kFail};
  if (must_fail.fail == 0) return {"NOT_REJECTED", Verdict::kFail};
  if (predictions.AllPass()) return {"REJECTED", Verdict::kPass};
  return {"INCONCLUSIVE", Verdict::kInconclusive};
}

}  // namespace

std::vector<CellView> ArmCellViews(const std::vector<Cell>& cells,
                                   const std::vector<CellOutcome>& outcomes, size_t arm) {
  std::vector<CellView> views;
  for (size_t i = 0; i < cells.size(); ++i) {
    if (cells[i].arm != arm) continue;
    views.push_back({cells[i].params, cells[i].replicate, outcomes[i].status == CellStatus::kOk,
                     outcomes[i].observables, cells[i].id});
  }
  return views;
}

bool MeetsExpected(const Expected& expected, Verdict verdict) {
  return (verdict == Verdict::kPass) == (expected.status == ExpectedStatus::kReproduces);
}

ClaimJudgement JudgeClaim(const ClaimSpec& claim, const nlohmann::json& params,
                          const std::vector<Cell>& cells, const std::vector<CellOutcome>& outcomes,
                          uint64_t seed) {
  ValidateClaimSpec(claim);
  ClaimJudgement j;
  // Every enabled arm's cells first: a cross-arm check reads another arm's.
  std::map<std::string, ArmData> data;
  for (size_t a = 0; a < claim.arms.size(); ++a) {
    const ArmSpec& arm = claim.arms[a];
    if (!ArmEnabled(claim, arm, params)) continue;
    ArmData& d = data[arm.name];
    for (const auto& ax : arm.axes) d.axes.push_back(ax.name);
    d.cells = ArmCellViews(cells, outcomes, a);
  }
  const auto arm_data = [&](const std::string& name) -> const ArmData* {
    const auto it = data.find(name);
    return it == data.end() ? nullptr : &it->second;
  };

  bool any_fail = false, all_pass = true;
  int controls_run = 0;
  std::string reasons;
  const auto note = [&](const std::string& s) { reasons += (reasons.empty() ? "" : "; ") + s; };
  for (size_t a = 0; a < claim.arms.size(); ++a) {
    const ArmSpec& arm = claim.arms[a];
    if (!ArmEnabled(claim, arm, params)) {
      j.arms_not_run.push_back(
          {arm.name, ArmRoleName(arm.role), arm.condition, claim.arm_switches.at(arm.name)});
      continue;
    }
    schema::Arm record;
    record.name = arm.name;
    record.role = ArmRoleName(arm.role);
    record.condition = arm.condition;
    record.overrides = ArmSets(claim, arm, params);
    for (size_t i = 0; i < cells.size(); ++i) {
      if (cells[i].arm != a) continue;
      record.cells.push_back("cells/" + cells[i].id + ".json");
      j.cells.push_back(record.cells.back());
    }
    CheckContext ctx;
    ctx.gaps = arm.role != ArmRole::kMain ? Gaps::kExclude
               : arm.divergence_is_result ? Gaps::kDivergenceIsResult
                                          : Gaps::kCap;
    ctx.seed = DeriveSeed(DeriveSeed(seed, claim.id), arm.name);
    ctx.arm = arm_data;
    const ArmData& own = data.at(arm.name);
    Tally evidence, sanity, must_fail;
    if (arm.role == ArmRole::kControl) {
      const ArmSpec& against = AgainstArm(claim, arm);
      record.against = against.name;
      record.rejected_by.emplace();
      for (const MustFail& m : arm.must_fail) {
        const CheckResult r = EvaluateCheck(FindCheck(against, m.check), own, ctx);
        must_fail.Add(r.verdict);
        if (r.verdict == Verdict::kFail) record.rejected_by->push_back(m.check);
        record.checks.push_back(Entry(r, schema::kMustFail, m.why));
      }
    }
    const char* own_role = arm.role == ArmRole::kControl ? schema::kPrediction : schema::kEvidence;
    for (const auto& spec : arm.checks) {
      const CheckResult r = EvaluateCheck(spec, own, ctx);
      (spec.sanity ? sanity : evidence).Add(r.verdict);
      record.checks.push_back(Entry(r, own_role));
      if (spec.sanity && r.verdict == Verdict::kFail)
        note("sanity check " + arm.name + "." + CheckName(spec) + " FAILs (a bug)");
    }
    ArmOutcome outcome;
    switch (arm.role) {
      case ArmRole::kMain:
        outcome = MainVerdict(evidence, sanity);
        break;
      case ArmRole::kControl:
        ++controls_run;
        outcome = ControlVerdict(must_fail, evidence, sanity);
        if (outcome.name == "NOT_REJECTED")
          note("control " + arm.name + " is not rejected: none of its must-fail checks FAILs");
        break;
      case ArmRole::kReport:
        outcome = sanity.fail > 0 ? ArmOutcome{"FAIL", Verdict::kFail}
                                  : ArmOutcome{"REPORTED", Verdict::kPass};
        break;
    }
    any_fail |= outcome.as_claim == Verdict::kFail;
    all_pass &= outcome.as_claim == Verdict::kPass;
    if (arm.role == ArmRole::kMain && outcome.name != "PASS")
      note("main arm " + arm.name + " " + outcome.name);
    if (arm.role == ArmRole::kControl && outcome.name == "INCONCLUSIVE")
      note("control " + arm.name + " INCONCLUSIVE");
    record.verdict = outcome.name;
    j.arms.push_back(std::move(record));
  }
  if (controls_run == 0) note("no control arm ran: nothing shows the checks can fail");
  j.verdict = any_fail                       ? Verdict::kFail
              : all_pass && controls_run > 0 ? Verdict::kPass
                                             : Verdict::kInconclusive;
  if (j.verdict != Verdict::kPass) j.reason = reasons;
  return j;
}

}  // namespace thmcheck
