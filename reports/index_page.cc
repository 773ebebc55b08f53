// Renders OUT/index.html (templates/index_page.mustache); see index_page.h. Claims appear in
// folder-name order (the order ReadResults returns), so the same results always give the same
// bytes. The forest plot's geometry in px (templates/forest_plot.mustache draws the fixed parts:
// labels end at x = 150, the plot column spans 156-326, numbers start at 336): one 18 px row per
// check and a 24 px axis (ticks and their unit) under each group. Each group's axis spans every
// finite value it shows (band sides, both intervals, estimates, predictions) plus 8% padding, so
// an estimate outside its band is visibly outside.
#include "reports/index_page.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <map>

#include "reports/format.h"
#include "reports/html_page.h"
#include "reports/page_template.h"

namespace thmcheck::report {
namespace {

using nlohmann::json;

constexpr double kPlotLeft = 156, kPlotWidth = 170, kRow = 18, kAxis = 24, kPadFraction = 0.08;
constexpr size_t kMaxLabelChars = 22;  // longer names are cut with "…" (full name in the tooltip)

// The dot's colour: what the verdict means in the check's role (html_page.h CheckTone), so a
// must-fail row that FAILs, as its control predicts, is green, and a sanity check that PASSes grey.
const char* DotColour(const Check& check) {
  const std::string_view tone = CheckTone(check.verdict, check.role);
  return tone == "good"   ? "#1a7f37"
         : tone == "bad"  ? "#cf222e"
         : tone == "warn" ? "#bf8700"
                          : "#6e7781";
}

// Exponents and exponent bounds in the same x are slopes on one scale; other kinds stand alone.
std::string AxisKey(const Check& check, size_t index) {
  if (IsExponentKind(check.kind)) return "slope in " + check.x;
  return fmt::format("{}#{}", CheckKindName(check.kind), index);
}

std::string AxisLabel(const Check& check) {
  if (IsExponentKind(check.kind))
    return "fitted exponent in " + (check.x.empty() ? std::string("x") : check.x);
  return fmt::format("{} of {}", CheckKindName(check.kind), check.observable);
}

std::string Label(const std::string& name) {
  if (name.size() <= kMaxLabelChars) return name;
  size_t cut = kMaxLabelChars - 1;
  while (cut > 0 && (static_cast<unsigned char>(name[cut]) & 0xC0) == 0x80) --cut;  // UTF-8 lead
  return name.substr(0, cut) + "\u2026";
}

// The padded [lo, hi] of every finite value the group's rows place.
std::pair<double, double> AxisRange(const std::vector<const Check*>& checks) {
  double lo = INFINITY, hi = -INFINITY;
  auto see = [&](const std::optional<double>& v) {
    if (v && std::isfinite(*v)) lo = std::min(lo, *v), hi = std::max(hi, *v);
  };
  for (const Check* c : checks) {
    for (const Interval* i : {&c->band, &c->ci, &c->ci95}) see(i->lo), see(i->hi);
    see(c->estimate), see(c->predicted);
  }
  if (!std::isfinite(lo)) lo = -1, hi = 1;  // nothing to place: an empty axis
  if (hi == lo) lo -= std::max(0.5, std::fabs(lo) * 0.1), hi += std::max(0.5, std::fabs(hi) * 0.1);
  const double pad = kPadFraction * (hi - lo);
  return {lo - pad, hi + pad};
}

// One claim's row: each main arm's forest plot (headed by its name and verdict when there are
// several), and every other arm with what decided it (a control: what rejected it and its
// predictions; a report arm: reported, not judged).
json ClaimRow(const ClaimResult& claim) {
  const auto mains = std::count_if(claim.arms.begin(), claim.arms.end(),
                                   [](const Arm& arm) { return arm.role == "main"; });
  json main_arms = json::array(), others = json::array();
  for (const Arm& arm : claim.arms) {
    json named = {{"name", arm.name}, {"verdict", BadgeView(arm.verdict)}};
    if (arm.role == "main") {
      main_arms.push_back(
          {{"heading", mains > 1 ? named : json()}, {"forest", ForestPlotView(arm)}});
    } else {
      named["outcome"] = ArmOutcomeView(arm, /*brief=*/true);
      others.push_back(named);
    }
  }
  const auto elapsed = claim.context.find("elapsed_s");
  return {{"verdict", BadgeView(claim.verdict)},
          {"href", UrlEscapeSegment(claim.id) + "/index.html"},
          {"title", claim.title},
          {"id", claim.id},
          {"why", VerdictReasonView(claim)},
          {"expected", ExpectedView(claim)},
          {"scale", OrAbsent(claim.scale)},
          {"elapsed", elapsed != claim.context.end() && elapsed->is_number()
                          ? FormatDuration(elapsed->get<double>())
                          : kAbsent},
          {"mains", main_arms},
          {"others", others}};
}

}  // namespace

std::string IndexPageHtml(const std::vector<ClaimResult>& claims, const std::string& trends_html) {
  json tally = json::array(), rows = json::array();
  for (const char* verdict : {"PASS", "FAIL", "INCONCLUSIVE"}) {
    const auto n = std::count_if(claims.begin(), claims.end(),
                                 [&](const ClaimResult& c) { return c.verdict == verdict; });
    tally.push_back({{"sep", !tally.empty()}, {"count", n}, {"verdict", BadgeView(verdict)}});
  }
  int with_expected = 0, met = 0;
  for (const ClaimResult& claim : claims) {
    with_expected += claim.expected.has_value();
    met += claim.expected && claim.expected->met;
    rows.push_back(ClaimRow(claim));
  }
  return RenderTemplate(
      "index_page",
      {{"page_title", "thmcheck report"},
       {"claim_count", fmt::format("{} claim{}", claims.size(), claims.size() == 1 ? "" : "s")},
       {"tally", tally},
       {"expected", with_expected > 0 ? json{{"met", met}, {"of", with_expected}} : json()},
       {"trends_html", trends_html},
       {"claims", rows}});
}

std::vector<double> LinearTicks(double lo, double hi, int max_ticks) {
  std::vector<double> ticks;
  if (!(hi > lo) || !std::isfinite(lo) || !std::isfinite(hi)) return ticks;
  // step = mantissa · 10^e; a tick k·step is computed as (k·mantissa)/10^−e when e < 0, so that
  // -0.8 prints as -0.8 and not -0.80000000000000004 (0.2 has no exact binary form, 8/10 rounds
  // right).
  const int e = static_cast<int>(std::floor(std::log10((hi - lo) / std::max(1, max_ticks - 1))));
  double mantissa = 10;
  for (const double m : {1.0, 2.0, 5.0, 10.0}) {
    mantissa = m;
    if ((hi - lo) / (m * std::pow(10.0, e)) <= max_ticks - 1) break;
  }
  auto value = [&](double k) {
    return e < 0 ? k * mantissa / std::pow(10.0, -e) : k * mantissa * std::pow(10.0, e);
  };
  while (mantissa > 1e-6 && std::floor(hi / value(1)) - std::ceil(lo / value(1)) < 1) mantissa /= 2;
  for (double k = std::ceil(lo / value(1)); value(k) <= hi + 1e-12 * std::fabs(hi) + 1e-300;
       k += 1) {
    const double t = value(k);
    ticks.push_back(t == 0 ? 0.0 : t);  // no "-0"
  }
  return ticks;
}

json ForestPlotView(const Arm& arm) {
  if (arm.checks.empty()) return nullptr;
  // Groups in order of first appearance; each keeps its checks in file order.
  std::vector<std::string> order;
  std::map<std::string, std::vector<const Check*>> groups;
  for (size_t i = 0; i < arm.checks.size(); ++i) {
    const std::string key = AxisKey(arm.checks[i], i);
    if (!groups.count(key)) order.push_back(key);
    groups[key].push_back(&arm.checks[i]);
  }
  json group_views = json::array();
  double y = 4;
  for (const std::string& key : order) {
    const std::vector<const Check*>& checks = groups[key];
    const auto [lo, hi] = AxisRange(checks);
    auto x = [&](double v) { return kPlotLeft + (v - lo) / (hi - lo) * kPlotWidth; };
    // An interval's extent; an open side runs to the edge of the plot column.
    auto span = [&](const Interval& i) -> json {
      if (!i.present) return nullptr;
      const double x1 = i.lo ? x(*i.lo) : kPlotLeft, x2 = i.hi ? x(*i.hi) : kPlotLeft + kPlotWidth;
      return {
          {"x1", FormatPx(x1)}, {"x2", FormatPx(x2)}, {"width", FormatPx(std::max(1.0, x2 - x1))}};
    };
    json rows = json::array();
    for (const Check* c : checks) {
      const bool dot = c->estimate && std::isfinite(*c->estimate);
      rows.push_back(
          {{"y", FormatPx(y)},
           {"tip",
            fmt::format("{} ({}, {}): estimate {}, 90% {}, 95% {}, band {}, predicted {}, {}",
                        c->Name(), CheckKindName(c->kind), RoleText(c->role),
                        FormatNumber(c->estimate), FormatInterval(c->ci), FormatInterval(c->ci95),
                        FormatInterval(c->band), FormatNumber(c->predicted), c->verdict)},
           {"label", Label(c->Name())},
           {"sanity", c->IsSanity()},
           {"band", span(c->band)},
           {"ci95", span(c->ci95)},
           {"ci", span(c->ci)},
           {"predicted", c->predicted ? json{{"x", FormatPx(x(*c->predicted))}} : json()},
           {"dot",
            dot ? json{{"x", FormatPx(x(*c->estimate))}, {"colour", DotColour(*c)}} : json()},
           {"numbers", FormatNumber(c->estimate) + " " + FormatInterval(c->ci)}});
      y += kRow;
    }
    json ticks = json::array();
    for (const double t : LinearTicks(lo, hi, 5))
      ticks.push_back({{"x", FormatPx(x(t))}, {"label", FormatNumber(t)}});
    group_views.push_back({{"rows", rows},
                           {"axis_y", FormatPx(y)},
                           {"ticks", ticks},
                           {"axis", AxisLabel(*checks[0])}});
    y += kAxis;
  }
  return {{"arm", arm.name}, {"height", FormatPx(y)}, {"groups", group_views}};
}

}  // namespace thmcheck::report
