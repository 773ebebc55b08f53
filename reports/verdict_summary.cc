// Sentences that explain verdicts; see verdict_summary.h.
#include "reports/verdict_summary.h"

#include <algorithm>
#include <utility>

#include "reports/escape.h"
#include "reports/html_page.h"

namespace thmcheck::report {
namespace {

std::string CodeList(const std::vector<std::string>& names) {
  std::string html;
  for (const std::string& n : names)
    html += (html.empty() ? "" : ", ") + std::string("<code>") + HtmlEscape(n) + "</code>";
  return html;
}

// "predictions: <code>a</code> PASS, <code>b</code> INCONCLUSIVE", or `brief` "predictions:
// 1 PASS, 1 INCONCLUSIVE" (verdicts in order of first appearance); "" when the arm has none.
std::string Predictions(const Arm& arm, bool brief) {
  std::vector<std::pair<std::string, int>> counts;
  std::string html;
  for (const Check& c : arm.checks) {
    if (c.role != kPrediction) continue;
    html += (html.empty() ? "" : ", ") + std::string("<code>") + HtmlEscape(c.Name()) + "</code> " +
            Badge(c.verdict);
    auto it = std::find_if(counts.begin(), counts.end(),
                           [&](const auto& v) { return v.first == c.verdict; });
    if (it == counts.end()) it = counts.insert(counts.end(), {c.verdict, 0});
    ++it->second;
  }
  if (brief) {
    html.clear();
    for (const auto& [verdict, n] : counts)
      html += (html.empty() ? "" : ", ") + std::to_string(n) + " " + Badge(verdict);
  }
  return html.empty() ? "" : "predictions: " + html;
}

bool HasMustFail(const Arm& arm) {
  for (const Check& c : arm.checks)
    if (c.IsMustFail()) return true;
  return false;
}

}  // namespace

std::string ExpectedStatusText(const std::string& status) {
  if (status == "reproduces") return "reproduces";
  if (status == "not_reproduced_at_this_scale") return "not reproduced at this scale";
  return status;
}

std::string ExpectedHtml(const ClaimResult& claim) {
  if (!claim.expected) return "";
  const Expected& e = *claim.expected;
  std::string html = "Expected: <strong>" + HtmlEscape(ExpectedStatusText(e.status)) +
                     "</strong> " + Badge(e.met ? "MET" : "NOT MET");
  if (!e.reason.empty()) html += " <span class=\"small\">(" + HtmlEscape(e.reason) + ")</span>";
  return html;
}

std::string VerdictReasonHtml(const ClaimResult& claim) {
  return claim.verdict_reason.empty() ? "" : HtmlEscape(claim.verdict_reason);
}

std::vector<std::string> RejectedBy(const Arm& arm) {
  if (arm.rejected_by) return *arm.rejected_by;
  std::vector<std::string> names;
  for (const Check& c : arm.checks)
    if (c.IsMustFail() && c.verdict == "FAIL") names.push_back(c.Name());
  return names;
}

std::string ArmOutcomeHtml(const Arm& arm, bool brief) {
  if (arm.role == "report") {
    std::string html = "reported (not judged)";
    if (arm.verdict == "FAIL") html += ": a sanity check FAILs (a bug)";
    return html;
  }
  if (arm.role != "control") return "";
  const std::vector<std::string> rejected_by = RejectedBy(arm);
  std::string html;
  if (!rejected_by.empty()) {
    html = arm.verdict == "REJECTED"
               ? "REJECTED by " + CodeList(rejected_by)
               : "its must-fail check" + std::string(rejected_by.size() == 1 ? " " : "s ") +
                     CodeList(rejected_by) + (rejected_by.size() == 1 ? " FAILs" : " FAIL") +
                     (arm.verdict == "INCONCLUSIVE" ? ", but not every prediction PASSes" : "");
  } else if (arm.rejected_by || HasMustFail(arm)) {
    html = "not rejected: none of its must-fail checks FAILs";
  }
  if (arm.verdict == "FAIL")
    html += (html.empty() ? "" : "; ") + std::string("a sanity check FAILs (a bug)");
  const std::string predictions = Predictions(arm, brief);
  if (!predictions.empty()) html += (html.empty() ? "" : "; ") + predictions;
  return html;
}

std::string RoleText(const std::string& role) {
  if (role == kSanity) return "sanity (not evidence)";
  if (role == kMustFail) return "must fail";
  return role;
}

}  // namespace thmcheck::report
