// Draws the forest plot; see forest_plot.h. Geometry in px: a label column, the plot column and a
// numbers column; one 18 px row per check and a 24 px axis (ticks and their unit) under each group.
// Each group's axis spans every finite value it shows (band sides, both intervals, estimates,
// predictions) plus 8% padding, so an estimate outside its band is visibly outside.
#include "reports/forest_plot.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>

#include "reports/escape.h"
#include "reports/format.h"
#include "reports/html_page.h"
#include "reports/verdict_summary.h"

namespace thmcheck::report {
namespace {

constexpr double kLabelWidth = 150, kPlotLeft = 156, kPlotWidth = 170, kTextLeft = 336;
constexpr double kWidth = 470, kRow = 18, kAxis = 24, kPadFraction = 0.08;
constexpr size_t kMaxLabelChars = 22;  // longer names are cut with "…" (full name in the tooltip)

std::string Px(double value) {
  char buffer[32];
  std::snprintf(buffer, sizeof(buffer), "%.1f", value);
  return buffer;
}

// The dot's colour: what the verdict means in the check's role (html_page.h CheckTone), so a
// must-fail row that FAILs, as its control predicts, is green, and a sanity check that PASSes grey.
const char* DotColour(const Check& check) {
  const std::string_view tone = CheckTone(check.verdict, check.role);
  if (tone == "good") return "#1a7f37";
  if (tone == "bad") return "#cf222e";
  if (tone == "warn") return "#bf8700";
  return "#6e7781";
}

// Exponents and exponent bounds in the same x are slopes on one scale; other kinds stand alone.
std::string AxisKey(const Check& check, size_t index) {
  if (IsExponentKind(check.kind)) return "slope in " + check.x;
  return CheckKindName(check.kind) + ("#" + std::to_string(index));
}

std::string AxisLabel(const Check& check) {
  if (IsExponentKind(check.kind)) {
    return "fitted exponent in " + (check.x.empty() ? std::string("x") : check.x);
  }
  return CheckKindName(check.kind) + (" of " + check.observable);
}

std::string Label(const std::string& name) {
  if (name.size() <= kMaxLabelChars) return name;
  size_t cut = kMaxLabelChars - 1;
  while (cut > 0 && (static_cast<unsigned char>(name[cut]) & 0xC0) == 0x80) --cut;  // UTF-8 lead
  return name.substr(0, cut) + "\u2026";
}

void See(const std::optional<double>& v, double* lo, double* hi) {
  if (v && std::isfinite(*v)) *lo = std::min(*lo, *v), *hi = std::max(*hi, *v);
}

std::string Line(double x1, double y1, double x2, double y2, const char* colour, double width) {
  return "<line x1=\"" + Px(x1) + "\" y1=\"" + Px(y1) + "\" x2=\"" + Px(x2) + "\" y2=\"" + Px(y2) +
         "\" stroke=\"" + colour + "\" stroke-width=\"" + Px(width) + "\"/>";
}

std::string Text(double x, double y, const std::string& text, const char* extra = "") {
  return "<text x=\"" + Px(x) + "\" y=\"" + Px(y) + "\"" + extra + ">" + HtmlEscape(text) +
         "</text>";
}

}  // namespace

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

std::string ForestPlot(const Arm& arm) {
  if (arm.checks.empty()) return "";
  // Groups in order of first appearance; each keeps its checks in file order.
  std::vector<std::string> order;
  std::map<std::string, std::vector<const Check*>> groups;
  for (size_t i = 0; i < arm.checks.size(); ++i) {
    const std::string key = AxisKey(arm.checks[i], i);
    if (!groups.count(key)) order.push_back(key);
    groups[key].push_back(&arm.checks[i]);
  }
  double height = 4;
  for (const auto& key : order) height += kRow * groups[key].size() + kAxis;

  std::string svg = "<svg class=\"forest\" width=\"" + Px(kWidth) + "\" height=\"" + Px(height) +
                    "\" viewBox=\"0 0 " + Px(kWidth) + " " + Px(height) +
                    "\" role=\"img\" aria-label=\"forest plot of the " + HtmlEscape(arm.name) +
                    " arm's checks\" font-family=\"system-ui,sans-serif\" font-size=\"11\">";
  double y = 4;
  for (const auto& key : order) {
    const std::vector<const Check*>& checks = groups[key];
    double lo = INFINITY, hi = -INFINITY;
    for (const Check* c : checks) {
      for (const Interval* i : {&c->band, &c->ci, &c->ci95})
        See(i->lo, &lo, &hi), See(i->hi, &lo, &hi);
      See(c->estimate, &lo, &hi);
      See(c->predicted, &lo, &hi);
    }
    if (!std::isfinite(lo)) lo = -1, hi = 1;  // nothing to place: an empty axis
    if (hi == lo)
      lo -= std::max(0.5, std::fabs(lo) * 0.1), hi += std::max(0.5, std::fabs(hi) * 0.1);
    const double pad = kPadFraction * (hi - lo);
    lo -= pad, hi += pad;
    auto to_px = [&](double v) { return kPlotLeft + (v - lo) / (hi - lo) * kPlotWidth; };

    for (const Check* c : checks) {
      const double mid = y + kRow / 2;
      const std::string tip = c->Name() + " (" + CheckKindName(c->kind) + ", " + RoleText(c->role) +
                              "): estimate " + FormatNumber(c->estimate) + ", 90% " +
                              FormatInterval(c->ci) + ", 95% " + FormatInterval(c->ci95) +
                              ", band " + FormatInterval(c->band) + ", predicted " +
                              FormatNumber(c->predicted) + ", " + c->verdict;
      svg += "<g><title>" + HtmlEscape(tip) + "</title>";
      // A sanity check is not evidence: its name is grey and italic.
      svg += Text(kLabelWidth, mid + 4, Label(c->Name()),
                  c->IsSanity() ? " text-anchor=\"end\" fill=\"#8c959f\" font-style=\"italic\""
                                : " text-anchor=\"end\"");
      if (c->band.present) {
        const double x1 = c->band.lo ? to_px(*c->band.lo) : kPlotLeft;
        const double x2 = c->band.hi ? to_px(*c->band.hi) : kPlotLeft + kPlotWidth;
        svg += "<rect x=\"" + Px(x1) + "\" y=\"" + Px(y + 3) + "\" width=\"" +
               Px(std::max(1.0, x2 - x1)) + "\" height=\"" + Px(kRow - 6) +
               "\" fill=\"#dafbe1\" stroke=\"#1a7f37\" stroke-width=\"0.8\"/>";
      }
      auto bar = [&](const Interval& i, double width) {
        if (!i.present) return;
        svg += Line(i.lo ? to_px(*i.lo) : kPlotLeft, mid,
                    i.hi ? to_px(*i.hi) : kPlotLeft + kPlotWidth, mid, "#1f2328", width);
      };
      bar(c->ci95, 1);
      bar(c->ci, 3);
      if (c->predicted) {
        const double x = to_px(*c->predicted);
        svg += Line(x, y + 1, x, y + kRow - 1, "#000", 1.5);
      }
      if (c->estimate && std::isfinite(*c->estimate)) {
        svg += "<circle cx=\"" + Px(to_px(*c->estimate)) + "\" cy=\"" + Px(mid) +
               "\" r=\"3.6\" fill=\"" + DotColour(*c) + "\" stroke=\"#fff\" stroke-width=\"0.8\"/>";
      }
      svg += Text(kTextLeft, mid + 4, FormatNumber(c->estimate) + " " + FormatInterval(c->ci),
                  " fill=\"#424a53\"");
      svg += "</g>";
      y += kRow;
    }
    // The group's axis: a rule, ticks with labels, and what the axis measures.
    svg += Line(kPlotLeft, y + 2, kPlotLeft + kPlotWidth, y + 2, "#8c959f", 1);
    for (const double t : LinearTicks(lo, hi, 5)) {
      const double x = to_px(t);
      svg += Line(x, y + 2, x, y + 5, "#8c959f", 1);
      svg += Text(x, y + 14, FormatNumber(t),
                  " font-size=\"9\" text-anchor=\"middle\" fill=\"#656d76\"");
    }
    svg += Text(kLabelWidth, y + 14, AxisLabel(*checks.front()),
                " font-size=\"9\" text-anchor=\"end\" fill=\"#656d76\"");
    y += kAxis;
  }
  return svg + "</svg>";
}

}  // namespace thmcheck::report
