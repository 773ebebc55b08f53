// Sentences that explain verdicts; see verdict_summary.h.
#include "reports/verdict_summary.h"

#include <algorithm>
#include <utility>

#include "reports/html_page.h"

namespace thmcheck::report {
namespace {

bool HasMustFail(const Arm& arm) {
  for (const Check& c : arm.checks)
    if (c.IsMustFail()) return true;
  return false;
}

// An item of an arm_outcome clause. Every key is set, so none is looked up in an outer context.
nlohmann::json OutcomeItem(const std::string& name, const std::string& count,
                           const nlohmann::json& verdict, bool first) {
  return {{"first", first}, {"name", name}, {"count", count}, {"verdict", verdict}};
}

}  // namespace

std::string ExpectedStatusText(const std::string& status) {
  if (status == "reproduces") return "reproduces";
  if (status == "not_reproduced_at_this_scale") return "not reproduced at this scale";
  return status;
}

std::vector<std::string> RejectedBy(const Arm& arm) {
  if (arm.rejected_by) return *arm.rejected_by;
  std::vector<std::string> names;
  for (const Check& c : arm.checks)
    if (c.IsMustFail() && c.verdict == "FAIL") names.push_back(c.Name());
  return names;
}

nlohmann::json ExpectedView(const ClaimResult& claim) {
  if (!claim.expected) return nullptr;
  return {{"status", ExpectedStatusText(claim.expected->status)},
          {"met", BadgeView(claim.expected->met ? "MET" : "NOT MET")},
          {"reason", claim.expected->reason}};
}

nlohmann::json VerdictReasonView(const ClaimResult& claim) {
  if (claim.verdict_reason.empty()) return nullptr;
  return {{"reason", claim.verdict_reason}};
}

nlohmann::json ArmOutcomeView(const Arm& arm, bool brief) {
  nlohmann::json clauses = nlohmann::json::array();
  auto add = [&](const std::string& lead, nlohmann::json items = nlohmann::json::array(),
                 const std::string& tail = "") {
    clauses.push_back(
        {{"sep", clauses.empty() ? "" : "; "}, {"lead", lead}, {"items", items}, {"tail", tail}});
  };
  if (arm.role == "report") {
    add(arm.verdict == "FAIL" ? "reported (not judged): a sanity check FAILs (a bug)"
                              : "reported (not judged)");
    return {{"clauses", clauses}};
  }
  if (arm.role != "control") return nullptr;
  const std::vector<std::string> rejected_by = RejectedBy(arm);
  const bool one = rejected_by.size() == 1;
  nlohmann::json names = nlohmann::json::array();
  for (const std::string& name : rejected_by)
    names.push_back(OutcomeItem(name, "", nullptr, names.empty()));
  if (!rejected_by.empty() && arm.verdict == "REJECTED") {
    add("REJECTED by ", names);
  } else if (!rejected_by.empty()) {
    add(one ? "its must-fail check " : "its must-fail checks ", names,
        std::string(one ? " FAILs" : " FAIL") +
            (arm.verdict == "INCONCLUSIVE" ? ", but not every prediction PASSes" : ""));
  } else if (arm.rejected_by || HasMustFail(arm)) {
    add("not rejected: none of its must-fail checks FAILs");
  }
  if (arm.verdict == "FAIL") add("a sanity check FAILs (a bug)");
  nlohmann::json items = nlohmann::json::array();
  std::vector<std::pair<std::string, int>> counts;  // `brief`: in order of first appearance
  for (const Check& c : arm.checks) {
    if (c.role != kPrediction) continue;
    if (!brief) items.push_back(OutcomeItem(c.Name(), "", BadgeView(c.verdict), items.empty()));
    auto it = std::find_if(counts.begin(), counts.end(),
                           [&](const auto& v) { return v.first == c.verdict; });
    if (it == counts.end()) it = counts.insert(counts.end(), {c.verdict, 0});
    ++it->second;
  }
  if (brief)
    for (const auto& [verdict, n] : counts)
      items.push_back(OutcomeItem("", std::to_string(n), BadgeView(verdict), items.empty()));
  if (!items.empty()) add("predictions: ", items);
  return clauses.empty() ? nlohmann::json() : nlohmann::json{{"clauses", clauses}};
}

std::string RoleText(const std::string& role) {
  if (role == kSanity) return "sanity (not evidence)";
  if (role == kMustFail) return "must fail";
  return role;
}

}  // namespace thmcheck::report
