// Cross-check declarations as verdict.json records them (see cross_checks.h).
#include "harness/cross_checks.h"

#include "harness/contract.h"

namespace thmcheck {

std::vector<schema::CrossCheck> CrossCheckRecords(const std::vector<CrossCheckSpec>& cross_checks) {
  std::vector<schema::CrossCheck> out;
  for (const CrossCheckSpec& c : cross_checks) {
    THM_CHECK_MSG(!c.other_claim.empty() && !c.other_arm.empty() && !c.x.empty(),
                  "cross-check \"" << c.title << "\": name the other claim, arm and axis");
    THM_CHECK_MSG(!c.level_label.empty() && !(c.below.empty() && c.above.empty()),
                  "cross-check \"" << c.title << "\": needs a level label and an observable");
    schema::CrossCheck r{c.title,
                         c.why,
                         c.other_claim,
                         c.other_arm,
                         c.x,
                         c.level_label,
                         c.level_coefficient,
                         c.level_power,
                         {c.below_label, c.below},
                         {c.above_label, c.above},
                         c.show_params,
                         c.per_output,
                         std::nullopt};
    if (!c.premise.label.empty())
      r.premise = schema::CrossCheckPremise{c.premise.label, c.premise.param, c.premise.factor,
                                            c.premise.choose_n, c.premise.choose_k};
    out.push_back(std::move(r));
  }
  return out;
}

}  // namespace thmcheck
