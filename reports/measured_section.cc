// Builds "What is measured"; see measured_section.h. Sweep values are the x of the sweep points
// the checks report (what was actually run, after --set), not the claim's declared defaults.
#include "reports/measured_section.h"

#include <algorithm>
#include <set>

#include "reports/format.h"

namespace thmcheck::report {
namespace {

// "m ∈ {256, 512, 1024} (3 values)" for each swept parameter of the arm's checks, in order of
// appearance; kAbsent when nothing is swept.
std::string SweepOf(const Arm& arm) {
  std::vector<std::pair<std::string, std::set<double>>> sweeps;
  for (const Check& check : arm.checks) {
    if (check.Points().empty()) continue;
    const std::string x = check.x.empty() ? "x" : check.x;
    auto it =
        std::find_if(sweeps.begin(), sweeps.end(), [&](const auto& s) { return s.first == x; });
    if (it == sweeps.end()) it = sweeps.insert(sweeps.end(), {x, {}});
    for (const SweepPoint& p : check.Points()) it->second.insert(PointX(p));
  }
  std::string text;
  for (const auto& [x, values] : sweeps) {
    text += (text.empty() ? "" : "; ") + x + " \u2208 {";
    size_t k = 0;
    for (const double v : values) text += (k++ ? ", " : "") + FormatNumber(v, 6);
    text += "} (" + std::to_string(values.size()) + " values)";
  }
  return text.empty() ? kAbsent : text;
}

// Replicates as declared, and the fewest that entered any sweep point (cells may diverge).
std::string Replicates(const ClaimResult& claim) {
  std::string text;
  const auto it = claim.params.find("replicates");
  if (it != claim.params.end()) text = FormatJson(*it) + " per sweep point";
  std::optional<int> fewest;
  for (const Arm& arm : claim.arms)
    for (const Check& check : arm.checks)
      for (const SweepPoint& p : check.Points())
        if (p.n) fewest = std::min(fewest.value_or(*p.n), *p.n);
  if (fewest)
    text += (text.empty() ? "" : "; ") + std::string("at least ") + std::to_string(*fewest) +
            " entered each mean";
  return text.empty() ? kAbsent : text;
}

}  // namespace

nlohmann::json MeasuredView(const ClaimResult& claim) {
  nlohmann::json observables = nlohmann::json::array(), arms = nlohmann::json::array();
  std::set<std::string> seen;
  for (const Arm& arm : claim.arms) {
    const bool sets = arm.overrides.is_object() && !arm.overrides.empty();
    arms.push_back({{"name", arm.name},
                    {"role", arm.role},
                    {"condition", arm.condition},
                    {"sweep", SweepOf(arm)},
                    {"sets", sets ? FormatJson(arm.overrides) : ""}});
    for (const Check& check : arm.checks) {
      if (!seen.insert(check.observable).second) continue;
      observables.push_back({{"first", observables.empty()},
                             {"name", check.observable},
                             {"kind", CheckKindName(check.kind)},
                             {"x", check.x},
                             {"band", FormatInterval(check.band)}});
    }
  }
  return {{"concept", claim.measures.data},
          {"any_learners", !claim.measures.learners.empty()},
          {"learners", claim.measures.learners},
          {"observables", observables},
          {"arms", arms},
          {"replicates", Replicates(claim)},
          {"cells", std::to_string(claim.cells.size())}};
}

}  // namespace thmcheck::report
