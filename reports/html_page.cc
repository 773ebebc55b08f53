// Badges and key/value rows; see html_page.h.
#include "reports/html_page.h"

#include "reports/format.h"
#include "reports/results.h"

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

}  // namespace thmcheck::report
