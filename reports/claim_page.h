// OUT/<claim>/index.html: everything needed to audit one claim — the theorem (statement and
// citation), what is measured (concept, learners, observables, sweeps, replicates), the run (scale,
// seed, parameters), one table per arm with each check's estimate, intervals, prediction, band,
// verdict and the derivation of its tolerance, the plots (SVG, PNG, PDF), every cell, the
// provenance block, the command that reproduces the run and the BibTeX that cites it.
#pragma once

#include <string>
#include <vector>

#include "reports/plot_spec.h"
#include "reports/results.h"

namespace thmcheck::report {

// A plot of this claim and whether gnuplot produced its images (plots/<stem>.svg, .png, .pdf).
// The .gp and .dat files exist either way.
struct RenderedPlot {
  PlotSpec spec;
  bool rendered = false;
};

// `gnuplot_found` only changes the wording when images are missing.
std::string ClaimPageHtml(const ClaimResult& claim, const std::vector<RenderedPlot>& plots,
                          bool gnuplot_found);

}  // namespace thmcheck::report
