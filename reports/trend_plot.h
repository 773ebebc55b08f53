// Gnuplot files for the trend pages: x is the nightly run (its date and commit on the axis), so
// every trend plot of a report shares one x axis.
//  - A benchmark family (one registration, e.g. BM_TwoLayerGdStep/relu): one series per benchmark
//    of the family, the fastest repetition's CPU time per iteration (what the regression rule
//    judges) with a bar up to the slowest repetition, log y; a flagged run is ringed in red.
//  - A fitted estimate of a claim series (claim, protocol, scale): one series per arm (styles of
//    plot_style.h) with its 90% interval, the band of the main arm's evidence check shaded green;
//    such an estimate outside its band is ringed in red. A control's must-fail row or prediction,
//    a report arm's row and a sanity check are drawn and labelled so, never ringed.
// Like gnuplot_script.h: the .dat holds one block per series; the .gp writes <stem>.svg and .png.
#pragma once

#include <string>
#include <vector>

#include "reports/history.h"
#include "reports/regression.h"

namespace thmcheck::report {

// "06-01 3f2a9c1": the label of run i on the x axis (month-day of its date, short commit).
std::vector<std::string> RunLabels(const std::vector<HistoryRun>& runs);

struct TrendFiles {
  std::string data;
  std::string script;
};

TrendFiles BenchmarkFamilyPlot(const std::string& family,
                               const std::vector<const BenchmarkTrend*>& trends,
                               const std::vector<std::string>& run_labels, const std::string& stem);

// The plot of the checks named `check` in `series` (every arm that has one: a control's must-fail
// row has its main-arm check's name).
TrendFiles EstimatePlot(const ClaimTrend& series, const std::string& check,
                        const std::vector<std::string>& run_labels, const std::string& stem);

}  // namespace thmcheck::report
