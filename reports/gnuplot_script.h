// Text of the two files behind each plot: <stem>.dat (one block per arm: x mean lo hi n) and
// <stem>.gp (a self-contained gnuplot script drawing SVG and PNG from it). Both are kept in
// OUT/<claim>/plots/ so a reader can re-run or restyle a plot without thmcheck.
// Style contract: the main arm is blue, filled circles, solid fitted line; each control arm gets
// its own colour, point type and dash; the predicted slope is a thin black dotted line. A declared
// figure's series take the same styles in order (FigureSeriesStyle), joined by lines; its reference
// series are dark grey and dashed, its horizontal lines black with a dash pattern each, labelled
// "label = value" in the key. Axes are log or linear as the figure says (fit plots: log-log).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "reports/plot_spec.h"

namespace thmcheck::report {

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

}  // namespace thmcheck::report
