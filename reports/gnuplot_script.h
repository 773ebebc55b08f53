// Text of the two files behind each plot: <stem>.dat (one block per arm: x mean lo hi n) and
// <stem>.gp (a self-contained gnuplot script drawing SVG and PNG from it). Both are kept in
// OUT/<claim>/plots/ so a reader can re-run or restyle a plot without thmcheck.
// Style contract: the main arm is blue, filled circles, solid fitted line; each control arm gets
// its own colour, point type and dash; the predicted slope is a thin black dotted line. A declared
// figure's series take the same styles in order (FigureSeriesStyle), joined by lines; its reference
// series are dark grey and dashed, its horizontal lines black with a dash pattern each, labelled
// "label = value" in the key. Axes are log or linear as the figure says (fit plots: log-log).
#pragma once

#include <cstddef>
#include <iterator>
#include <string>
#include <string_view>
#include <vector>

#include "reports/plot_spec.h"

namespace thmcheck::report {

// The arm styles every gnuplot figure of the report shares, so an arm looks the same on a claim's
// log-log plots and on its trend plots (trend_plot.cc): the main arm blue with filled circles and a
// solid line; control arms cycle through colour-blind-safe Tableau hues, each with its own point
// type and dash.
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

// Data blocks (separated by two blank lines, so gnuplot's `index i` selects block i) for every
// series with drawable points, in series order. lo/hi default to the mean (no bar) when absent.
std::string GnuplotData(const PlotSpec& plot);

// The script; it reads "<stem>.dat" and writes "<stem>.svg", "<stem>.png" (760×520 px, for
// the page) and "<stem>.pdf" (3.4 × 2.6 in at 8 pt: a paper's column width) relative to the
// folder it is run in. Every text from the result files is quoted with GnuplotQuote and drawn
// with enhanced text off, so names like "lambda_max^2" appear literally.
std::string GnuplotScript(const PlotSpec& plot, const std::string& claim_id);

// Readable tick positions for a log axis on [lo, hi] (0 < lo < hi): powers of ten over three
// decades or more, 1-2-5 steps when they give at least three ticks, else evenly spaced steps
// (within a decade a log axis is nearly linear). gnuplot's own log ticks are powers of ten
// only: on a range within one decade (0.034 … 0.095, as an error rate often spans) it labels
// nothing at all (gnuplot 5.4), so the scripts name their ticks.
std::vector<double> LogTicks(double lo, double hi);

// "set <axis>tics (t1, t2, …)" with %.6g labels.
std::string TicsCommand(std::string_view axis, const std::vector<double>& ticks);

// A number for a script or data file, %.17g: it reads back as the same double.
std::string GnuplotNumber(double value);

// Pieces every script shares (the trend plots' too):
// "set style line <n> lc rgb '<colour>' <rest>" and its newline;
std::string StyleLine(size_t n, std::string_view colour, std::string_view rest);
// "'<stem>.dat' index <block> using <columns> with <how>": a plot element drawing one data block;
std::string DataElement(const std::string& stem, size_t block, std::string_view columns,
                        std::string_view how);
// the `plot` command of `elements` (one a line), drawn with points of size `pointsize` into
// <stem>.svg (760 × `height` px, `svg_font` pt text) and replotted into <stem>.png (10 pt).
std::string PlotCommands(const std::string& stem, const std::vector<std::string>& elements,
                         std::string_view pointsize, int height, int svg_font);

}  // namespace thmcheck::report
