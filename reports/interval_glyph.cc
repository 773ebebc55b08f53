// Draws the band/interval/estimate glyph; see interval_glyph.h.
// The axis spans every finite value shown (band sides, both intervals, estimate, prediction)
// plus 12% padding, so an estimate outside its band is visibly outside.
#include "reports/interval_glyph.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <vector>

#include "reports/escape.h"
#include "reports/format.h"

namespace thmcheck::report {
namespace {

constexpr double kWidth = 140, kHeight = 18, kMargin = 4, kPadFraction = 0.12;

std::string Px(double value) {
  char buffer[32];
  std::snprintf(buffer, sizeof(buffer), "%.1f", value);
  return buffer;
}

}  // namespace

std::string IntervalGlyph(const Check& check) {
  if (!check.estimate || !std::isfinite(*check.estimate)) return "";
  std::vector<double> values = {*check.estimate};
  for (const Interval* i : {&check.band, &check.ci, &check.ci95}) {
    if (i->lo) values.push_back(*i->lo);
    if (i->hi) values.push_back(*i->hi);
  }
  if (check.predicted) values.push_back(*check.predicted);
  double lo = *std::min_element(values.begin(), values.end());
  double hi = *std::max_element(values.begin(), values.end());
  const double span = hi > lo ? hi - lo : std::max(1.0, std::fabs(lo));
  lo -= kPadFraction * span;
  hi += kPadFraction * span;
  auto to_px = [&](double v) { return kMargin + (v - lo) / (hi - lo) * (kWidth - 2 * kMargin); };
  const double mid = kHeight / 2;

  std::string tip = "estimate " + FormatNumber(check.estimate) + "; 90% " +
                    FormatInterval(check.ci) + "; 95% " + FormatInterval(check.ci95) + "; band " +
                    FormatInterval(check.band) + "; predicted " + FormatNumber(check.predicted);
  std::string svg = "<svg class=\"glyph\" width=\"" + Px(kWidth) + "\" height=\"" + Px(kHeight) +
                    "\" viewBox=\"0 0 " + Px(kWidth) + " " + Px(kHeight) +
                    "\" role=\"img\" aria-label=\"" + HtmlEscape(tip) + "\"><title>" +
                    HtmlEscape(tip) + "</title>";
  svg += "<line x1=\"0\" y1=\"" + Px(mid) + "\" x2=\"" + Px(kWidth) + "\" y2=\"" + Px(mid) +
         "\" stroke=\"#d0d7de\"/>";
  if (check.band.present) {
    const double x1 = check.band.lo ? to_px(*check.band.lo) : 0;
    const double x2 = check.band.hi ? to_px(*check.band.hi) : kWidth;
    svg += "<rect x=\"" + Px(x1) + "\" y=\"2\" width=\"" + Px(std::max(1.0, x2 - x1)) +
           "\" height=\"" + Px(kHeight - 4) +
           "\" fill=\"#dafbe1\" stroke=\"#1a7f37\" stroke-width=\"0.8\"/>";
  }
  auto bar = [&](const Interval& i, double thickness) {
    if (!i.present) return;
    const double x1 = i.lo ? to_px(*i.lo) : 0, x2 = i.hi ? to_px(*i.hi) : kWidth;
    svg += "<line x1=\"" + Px(x1) + "\" y1=\"" + Px(mid) + "\" x2=\"" + Px(x2) + "\" y2=\"" +
           Px(mid) + "\" stroke=\"#1f2328\" stroke-width=\"" + Px(thickness) + "\"/>";
  };
  bar(check.ci95, 1);
  bar(check.ci, 3);
  if (check.predicted) {
    const double x = to_px(*check.predicted);
    svg += "<line x1=\"" + Px(x) + "\" y1=\"1\" x2=\"" + Px(x) + "\" y2=\"" + Px(kHeight - 1) +
           "\" stroke=\"#000\" stroke-width=\"1.5\"/>";
  }
  svg += "<circle cx=\"" + Px(to_px(*check.estimate)) + "\" cy=\"" + Px(mid) +
         "\" r=\"3.2\" fill=\"#1f77b4\" stroke=\"#fff\" stroke-width=\"0.8\"/></svg>";
  return svg;
}

}  // namespace thmcheck::report
