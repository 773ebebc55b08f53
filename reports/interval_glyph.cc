// Places the band/interval/estimate glyph; see interval_glyph.h.
// The axis spans every finite value shown (band sides, both intervals, estimate, prediction)
// plus 12% padding, so an estimate outside its band is visibly outside.
#include "reports/interval_glyph.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <vector>

#include "reports/format.h"

namespace thmcheck::report {
namespace {

// The template's viewBox is 140×18 with a 4 px margin.
constexpr double kWidth = 140, kMargin = 4, kPadFraction = 0.12;

std::string Px(double value) { return fmt::format("{:.1f}", value); }

}  // namespace

nlohmann::json IntervalGlyphView(const Check& check) {
  if (!check.estimate || !std::isfinite(*check.estimate)) return nullptr;
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
  auto x = [&](std::optional<double> v, double open) {
    return v ? kMargin + (*v - lo) / (hi - lo) * (kWidth - 2 * kMargin) : open;
  };
  nlohmann::json bars = nlohmann::json::array();
  for (const auto& [i, width] : {std::pair{&check.ci95, "1"}, std::pair{&check.ci, "3"}})
    if (i->present)
      bars.push_back({{"x1", Px(x(i->lo, 0))}, {"x2", Px(x(i->hi, kWidth))}, {"width", width}});
  nlohmann::json band;
  if (check.band.present) {
    const double x1 = x(check.band.lo, 0), x2 = x(check.band.hi, kWidth);
    band = {{"x", Px(x1)}, {"width", Px(std::max(1.0, x2 - x1))}};
  }
  return {{"tip", "estimate " + FormatNumber(check.estimate) + "; 90% " + FormatInterval(check.ci) +
                      "; 95% " + FormatInterval(check.ci95) + "; band " +
                      FormatInterval(check.band) + "; predicted " + FormatNumber(check.predicted)},
          {"band", band},
          {"bars", bars},
          {"tick", check.predicted ? Px(x(check.predicted, 0)) : ""},
          {"dot", Px(x(check.estimate, 0))}};
}

}  // namespace thmcheck::report
