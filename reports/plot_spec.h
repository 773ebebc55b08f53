// Which plots a claim page gets, and what goes on each: first the figures the claim declared
// (verdict.json "figures": its series, reference series and horizontal lines, on the axes it
// chose), then one log-log plot per (observable, x) that at least one arm fitted as a power law,
// with every arm's sweep points on it (main arm first, then controls in file order), each arm's
// fitted line and the predicted slope.
// Pure selection: gnuplot_script.h writes the files, report_files.h runs gnuplot on them.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "reports/results_reader.h"

namespace thmcheck::report {

// One arm's data on one plot, or one series of a declared figure.
struct PlotSeries {
  std::string arm;                 // a declared figure: the series' label
  std::string role;                // "main" | "control"; "" for a declared figure's series
  std::vector<SweepPoint> points;  // only drawable ones: mean present, > 0 on a log axis (x too)
  int dropped = 0;                 // points left out because x <= 0, mean <= 0 or mean absent
  // The fitted power law y = exp(intercept)·x^slope (natural-log intercept), when there is one.
  std::optional<double> slope;
  std::optional<double> intercept;
  bool reference = false;  // a declared reference series: dashed, without bars
};

// A labelled horizontal line (a declared figure's bound or level).
struct PlotLine {
  std::string label;
  double value = 0;
};

struct PlotSpec {
  std::string observable;          // y axis
  std::string x;                   // x axis: the swept parameter
  std::string stem;                // file stem under OUT/<claim>/plots/, unique within the claim
  std::optional<CheckKind> kind;   // the main arm's check kind; none for a declared figure
  std::vector<PlotSeries> series;  // main arm first
  // Reference line of slope `predicted` through (anchor_x, anchor_y): the main arm's first
  // drawable point. Absent when there is no prediction or no such point.
  std::optional<double> predicted;
  std::optional<double> anchor_x;
  std::optional<double> anchor_y;
  // A figure the claim declared: its title, axes scales and lines; the observable above is its
  // y label. Fit plots are log-log and have none of these.
  bool declared = false;
  std::string title;
  std::vector<std::string> arms;  // the arms whose cells it draws
  bool log_x = true, log_y = true;
  std::vector<PlotLine> lines;  // those drawable: finite, and > 0 on a log y axis
  int diverged = 0;             // cells excluded from every series
  int unusable = 0;             // missing or non-finite values, over all series

  int Dropped() const;
};

// "log-log", "log x, linear y", "linear x, log y" or "linear axes".
std::string AxesName(const PlotSpec& plot);

// The plots of one claim: declared figures in file order, then the fit plots in the order their
// observables first appear in the main arm (then in the other arms).
std::vector<PlotSpec> CollectPlots(const ClaimResult& claim);

}  // namespace thmcheck::report
