// Which plots a claim page gets, and what goes on each: one log-log plot per (observable, x)
// that at least one arm fitted as a power law, with every arm's sweep points on it (main arm
// first, then controls in file order), each arm's fitted line and the predicted slope.
// Pure selection: gnuplot_script.h writes the files, gnuplot_runner.h runs them.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "reports/results.h"

namespace thmcheck::report {

// One arm's data on one plot.
struct PlotSeries {
  std::string arm;
  std::string role;
  std::vector<SweepPoint> points;  // only those drawable on log axes: x > 0 and mean > 0
  int dropped = 0;                 // points left out because x <= 0, mean <= 0 or mean absent
  // The fitted power law y = exp(intercept)·x^slope (natural-log intercept), when there is one.
  std::optional<double> slope;
  std::optional<double> intercept;
};

struct PlotSpec {
  std::string observable;          // y axis
  std::string x;                   // x axis: the swept parameter
  std::string stem;                // file stem under OUT/<claim>/plots/, unique within the claim
  std::string kind;                // the main arm's check kind (exponent, exponent_bound, ...)
  std::vector<PlotSeries> series;  // main arm first
  // Reference line of slope `predicted` through (anchor_x, anchor_y): the main arm's first
  // drawable point. Absent when there is no prediction or no such point.
  std::optional<double> predicted;
  std::optional<double> anchor_x;
  std::optional<double> anchor_y;

  int Dropped() const;
};

// The plots of one claim, in the order their observables first appear in the main arm (then in
// the other arms).
std::vector<PlotSpec> CollectPlots(const ClaimResult& claim);

}  // namespace thmcheck::report
