// Cross-check declarations as verdict.json records them (see cross_checks.h).
#include "harness/cross_checks.h"

#include "harness/check.h"

namespace thmcheck {

nlohmann::json CrossChecksJson(const std::vector<CrossCheckSpec>& cross_checks) {
  nlohmann::json out = nlohmann::json::array();
  for (const CrossCheckSpec& c : cross_checks) {
    THM_CHECK_MSG(!c.other_claim.empty() && !c.other_arm.empty() && !c.x.empty(),
                  "cross-check \"" << c.title << "\": name the other claim, arm and axis");
    THM_CHECK_MSG(!c.level_label.empty() && !(c.below.empty() && c.above.empty()),
                  "cross-check \"" << c.title << "\": needs a level label and an observable");
    nlohmann::json j = {{"title", c.title},
                        {"why", c.why},
                        {"claim", c.other_claim},
                        {"arm", c.other_arm},
                        {"x", c.x},
                        {"level",
                         {{"label", c.level_label},
                          {"coefficient", c.level_coefficient},
                          {"power", c.level_power}}},
                        {"below", {{"label", c.below_label}, {"observables", c.below}}},
                        {"above", {{"label", c.above_label}, {"observables", c.above}}},
                        {"params", c.show_params},
                        {"per_output", c.per_output}};
    if (!c.premise.label.empty())
      j["premise"] = {{"label", c.premise.label},
                      {"param", c.premise.param},
                      {"factor", c.premise.factor},
                      {"choose", {c.premise.choose_n, c.premise.choose_k}}};
    out.push_back(std::move(j));
  }
  return out;
}

}  // namespace thmcheck
