// OUT/<claim>/index.html: everything needed to audit one claim — the verdict, why it is not a
// PASS and whether it is the status the claim is expected to reach at this scale, the theorem
// (statement and citation), what is measured (concept, learners, observables, sweeps, replicates),
// the run (scale, seed, parameters), one table per arm with each check's role, estimate,
// intervals, prediction, band, verdict and the derivation of its tolerance (and, for a control,
// what rejected it), any cross-check with another claim, the plots (SVG, PNG, PDF), every cell,
// the provenance block, the command that reproduces the run and the BibTeX that cites it.
// claim_page.cc builds the page and most sections; claim_sections.cc the sections that show its
// judgements (below).
#pragma once

#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <vector>

#include "reports/cross_check_table.h"
#include "reports/plot_spec.h"
#include "reports/results_reader.h"

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

// The BibTeX that cites a result (the page shows it; the report writes it to citation.bib): one
// entry for the claim test that produced it (suite version and commit from the result's context,
// claim id and protocol version, the year the run started) and one for the paper, formatted by
// harness/schema/citation_format.h — the leaf header `thmcheck cite` uses — so the page and the CLI
// never disagree on the format. "" when the result records no paper (no title, no arXiv id).
std::string ClaimBibtex(const ClaimResult& claim);

// The views of the sections that show judgements (claim_sections.cc), all text preformatted: one
// arm's part of "Checks" (templates/arm_section: its checks, what its role means for the claim,
// and under a check capped at INCONCLUSIVE the cells that capped it, linked to their rows when
// among `cell_ids`, the cells the page lists), and a cross-check with another claim
// (templates/cross_check_section; without the other claim's results, the command that fills it).
nlohmann::json ArmView(const Arm& arm, const std::set<std::string>& cell_ids);
nlohmann::json CrossCheckView(const CrossCheckTable& table);

// The fragment that links to a cell's row in the cells table ("cell-<id>", not yet escaped).
std::string CellAnchor(const std::string& id);

}  // namespace thmcheck::report
