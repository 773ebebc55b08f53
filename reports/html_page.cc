// Badges, key/value rows and the sentences that explain verdicts; see html_page.h.
#include "reports/html_page.h"

#include <algorithm>
#include <utility>

#include "reports/format.h"

namespace thmcheck::report {
namespace {

struct BadgeStyle {
  const char* word;
  const char* css_class;
  const char* meaning;
};
constexpr BadgeStyle kBadges[] = {
    {"PASS", "good", "the measured rate agrees with the theorem"},
    {"FAIL", "bad", "the measured rate disagrees with the theorem"},
    {"INCONCLUSIVE", "warn",
     "the data cannot decide (interval straddles the band's edge, or too few cells)"},
    {"REJECTED", "good", "control arm: its wrong prediction was rejected, so the check can fail"},
    {"NOT_REJECTED", "bad", "control arm: the check could not tell the wrong prediction apart"},
    {"REPORTED", "other", "report arm: measured and drawn, never judged"},
    {"MET", "good", "the verdict is the status this claim is expected to reach at this scale"},
    {"NOT MET", "bad",
     "the verdict is not the status this claim is expected to reach at this scale"},
    {"FLAGGED", "bad", "nightly trends: a regression in the latest run (see why beside it)"},
    {"ok", "ok", "cell finished"},
    {"diverged", "warn", "training diverged; recorded as data, not dropped"},
    {"error", "bad", "the cell failed to run"},
};

nlohmann::json View(std::string_view word, std::string_view tone, std::string_view meaning) {
  return {{"word", word.empty() ? std::string_view(kAbsent) : word},
          {"tone", tone},
          {"meaning", meaning}};
}

// An item of an arm_outcome clause. Every key is set, so none is looked up in an outer context.
nlohmann::json OutcomeItem(const std::string& name, const std::string& count,
                           const nlohmann::json& verdict, bool first) {
  return {{"first", first}, {"name", name}, {"count", count}, {"verdict", verdict}};
}

// The names of the must-fail checks that FAILed: arm.rejected_by when recorded, else read off
// the checks.
std::vector<std::string> RejectedBy(const Arm& arm) {
  if (arm.rejected_by) return *arm.rejected_by;
  std::vector<std::string> names;
  for (const Check& c : arm.checks)
    if (c.IsMustFail() && c.verdict == "FAIL") names.push_back(c.Name());
  return names;
}

}  // namespace

nlohmann::json BadgeView(std::string_view word) {
  for (const BadgeStyle& style : kBadges)
    if (word == style.word) return View(word, style.css_class, style.meaning);
  return View(word, "other", "");
}

nlohmann::json CheckBadgeView(std::string_view verdict, std::string_view role) {
  if (role != kMustFail && role != kSanity) return BadgeView(verdict);
  std::string_view meaning;
  if (role == kMustFail) {
    meaning = verdict == "FAIL" ? "must fail: it FAILs on the control's cells, as the control "
                                  "predicts, and so rejects the control"
              : verdict == "PASS"
                  ? "must fail: it PASSes on the control's cells, so it cannot tell the broken "
                    "condition apart"
                  : "must fail: undecided on the control's cells";
  } else {
    meaning = verdict == "FAIL" ? "sanity check: an identity of the code FAILs, which is a bug"
                                : "sanity check: an identity of the code; not evidence";
  }
  return View(verdict, CheckTone(verdict, role), meaning);
}

nlohmann::json KeyValueView(const nlohmann::json& object) {
  nlohmann::json rows = nlohmann::json::array();
  if (!object.is_object()) return rows;
  for (const auto& [key, value] : object.items())
    rows.push_back({{"key", key}, {"value", FormatJson(value)}});
  return rows;
}

std::string_view CheckTone(std::string_view verdict, std::string_view role) {
  if (role == kMustFail) {
    if (verdict == "FAIL") return "good";
    if (verdict == "PASS") return "bad";
    return verdict == "INCONCLUSIVE" ? "warn" : "other";
  }
  if (role == kSanity) return verdict == "FAIL" ? "bad" : "other";
  if (verdict == "PASS" || verdict == "REJECTED") return "good";
  if (verdict == "FAIL" || verdict == "NOT_REJECTED") return "bad";
  return verdict == "INCONCLUSIVE" ? "warn" : "other";
}

nlohmann::json ExpectedView(const ClaimResult& claim) {
  if (!claim.expected) return nullptr;
  const std::string& status = claim.expected->status;
  return {{"status",
           status == "not_reproduced_at_this_scale" ? "not reproduced at this scale" : status},
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
  } else if (arm.rejected_by || std::any_of(arm.checks.begin(), arm.checks.end(),
                                            [](const Check& c) { return c.IsMustFail(); })) {
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
