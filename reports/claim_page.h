// OUT/<claim>/index.html: everything needed to audit one claim — the verdict, why it is not a
// PASS and whether it is the status the claim is expected to reach at this scale, the theorem
// (statement and citation), what is measured (concept, learners, observables, sweeps, replicates),
// the run (scale, seed, parameters), one table per arm with each check's role, estimate,
// intervals, prediction, band, verdict and the derivation of its tolerance (and, for a control,
// what rejected it), any cross-check with another claim, the plots (SVG, PNG, PDF), every cell,
// the provenance block, the command that reproduces the run and the BibTeX that cites it.
#pragma once

#include <string>
#include <vector>

#include "reports/cross_check_table.h"
#include "reports/plot_spec.h"
#include "reports/results.h"

namespace thmcheck::report {

// A plot of this claim and whether gnuplot produced its images (plots/<stem>.svg, .png, .pdf).
// The .gp and .dat files exist either way.
struct RenderedPlot {
  PlotSpec spec;
  bool rendered = false;
};

// `gnuplot_found` only changes the wording when images are missing. `cross_checks` are the
// claim's declared cross-checks joined with the other claims' results (CrossCheckTables), each a
// section after the checks.
std::string ClaimPageHtml(const ClaimResult& claim, const std::vector<RenderedPlot>& plots,
                          bool gnuplot_found,
                          const std::vector<CrossCheckTable>& cross_checks = {});

}  // namespace thmcheck::report
