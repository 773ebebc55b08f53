// Claim declaration rules (see claim_validation.h) and the names of claim.h's enums.
#include "harness/claim_validation.h"

#include <any>
#include <set>

#include "harness/contract.h"

namespace thmcheck {

const char* ArmRoleName(ArmRole role) {
  switch (role) {
    case ArmRole::kMain:
      return "main";
    case ArmRole::kControl:
      return "control";
    case ArmRole::kReport:
      return "report";
  }
  return "?";
}

const char* ExpectedStatusName(ExpectedStatus s) {
  return s == ExpectedStatus::kReproduces ? "reproduces" : "not_reproduced_at_this_scale";
}

const CellFunction& CellFunctionOf(const ClaimSpec& claim, size_t arm) {
  return claim.arms[arm].run ? claim.arms[arm].run : claim.run;
}

CellOutcome RunCellAlone(const ClaimSpec& claim, size_t arm, const nlohmann::json& params,
                         CellSeeds seeds) {
  if (claim.shared) {
    const std::any work = claim.shared.compute(CellParams(params), seeds.replicate);
    seeds.shared = [work] { return work; };
  }
  return CellFunctionOf(claim, arm)(CellParams(params), seeds);
}

const ArmSpec& AgainstArm(const ClaimSpec& claim, const ArmSpec& control) {
  const std::string name = control.against.empty() ? claim.arms.at(0).name : control.against;
  for (const ArmSpec& arm : claim.arms)
    if (arm.name == name) {
      THM_CHECK_MSG(arm.role == ArmRole::kMain, claim.id << ": control " << control.name
                                                         << " is judged against " << name
                                                         << ", which is not a main arm");
      return arm;
    }
  THM_CHECK_MSG(false, claim.id << ": control " << control.name << " names no arm " << name);
}

const CheckSpec& FindCheck(const ArmSpec& arm, const std::string& name) {
  for (const CheckSpec& c : arm.checks)
    if (CheckName(c) == name) return c;
  THM_CHECK_MSG(false, "arm " << arm.name << " has no check " << name);
}

void ValidateClaimSpec(const ClaimSpec& claim) {
  THM_CHECK_MSG(!claim.arms.empty() && claim.arms.front().role == ArmRole::kMain,
                claim.id << ": arms[0] must be a main arm");
  std::set<std::string> arm_names;
  int controls = 0;
  for (const ArmSpec& arm : claim.arms) {
    THM_CHECK_MSG(arm_names.insert(arm.name).second, claim.id << ": two arms named " << arm.name);
    std::set<std::string> names;
    int evidence = 0, status_checks = 0;
    for (const CheckSpec& c : arm.checks) {
      THM_CHECK_MSG(names.insert(CheckName(c)).second,
                    claim.id << ": arm " << arm.name << " has two checks named " << CheckName(c));
      evidence += !c.sanity;
      status_checks += c.kind == CheckKind::kStatus;
    }
    switch (arm.role) {
      case ArmRole::kMain:
        THM_CHECK_MSG(evidence > 0, claim.id << ": main arm " << arm.name
                                             << " has no check that is evidence (a main arm "
                                                "with none would pass without measuring)");
        THM_CHECK_MSG(arm.must_fail.empty(),
                      claim.id << ": main arm " << arm.name << " declares must_fail");
        THM_CHECK_MSG(!arm.divergence_is_result || status_checks > 0,
                      claim.id << ": arm " << arm.name
                               << " declares divergence a result but no status check counts it");
        break;
      case ArmRole::kControl: {
        ++controls;
        THM_CHECK_MSG(!arm.must_fail.empty(),
                      claim.id << ": control " << arm.name << " names no main check to fail");
        THM_CHECK_MSG(evidence > 0, claim.id << ": control " << arm.name
                                             << " predicts nothing of its own outcome");
        const ArmSpec& against = AgainstArm(claim, arm);
        for (const MustFail& m : arm.must_fail) {
          THM_CHECK_MSG(!m.why.empty(), claim.id << ": control " << arm.name << " gives no why "
                                                 << "for failing " << m.check);
          THM_CHECK_MSG(!FindCheck(against, m.check).sanity,
                        claim.id << ": control " << arm.name << " would fail the sanity check "
                                 << m.check << " (an identity fails only through a bug)");
        }
        break;
      }
      case ArmRole::kReport:
        THM_CHECK_MSG(evidence == 0, claim.id << ": report arm " << arm.name
                                              << " is never judged; only sanity checks");
        THM_CHECK_MSG(arm.must_fail.empty(),
                      claim.id << ": report arm " << arm.name << " declares must_fail");
        break;
    }
  }
  for (const ArmSpec& arm : claim.arms)
    for (const CheckSpec& c : arm.checks)
      if (c.kind == CheckKind::kCrossArm)
        THM_CHECK_MSG(arm_names.count(c.versus_arm) && c.versus_arm != arm.name,
                      claim.id << ": check " << CheckName(c) << " of arm " << arm.name
                               << " matches cells of arm " << c.versus_arm);
  THM_CHECK_MSG(controls > 0, claim.id << ": no control arm (every claim needs one that can be "
                                          "rejected)");
  THM_CHECK_MSG(
      claim.expected.status == ExpectedStatus::kReproduces || !claim.expected.reason.empty(),
      claim.id << ": expected not to reproduce, without the reason");
}

}  // namespace thmcheck
