// The arm styles every gnuplot figure of the report shares, so an arm looks the same on a claim's
// log-log plots and on its trend plots: the main arm blue with filled circles and a solid line;
// control arms cycle through colour-blind-safe Tableau hues, each with its own point type and dash.
#pragma once

#include <cstddef>
#include <iterator>

namespace thmcheck::report {

struct ArmStyle {
  const char* colour;
  int point_type;  // gnuplot pt: 7 filled circle, 5 filled square, 9 filled triangle, ...
  const char* dash;
};

inline constexpr ArmStyle kMainStyle = {"#1f77b4", 7, "1"};
inline constexpr ArmStyle kControlStyles[] = {
    {"#d62728", 5, "2"}, {"#ff7f0e", 9, "3"}, {"#9467bd", 13, "4"}, {"#2ca02c", 11, "5"}};

// The style of the `n`-th control arm (0-based), cycling.
inline ArmStyle ControlStyle(size_t n) { return kControlStyles[n % std::size(kControlStyles)]; }

// The `i`-th series (0-based) of a declared figure: the main style, then the control styles; the
// next round repeats them with open points (gnuplot's open shape is the filled one's pt − 1), so
// the ten series of a full kernel family stay distinct.
inline ArmStyle FigureSeriesStyle(size_t i) {
  constexpr size_t kRound = 1 + std::size(kControlStyles);
  ArmStyle style = i % kRound == 0 ? kMainStyle : ControlStyle(i % kRound - 1);
  if ((i / kRound) % 2 == 1) style.point_type -= 1;
  return style;
}

}  // namespace thmcheck::report
