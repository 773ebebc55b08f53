// Public entry point of thmcheck_reports: turns a results directory into a static HTML report.
//   IN/<claim>/verdict.json, IN/<claim>/cells/*.json   (written by `thmcheck run`)
//   → OUT/index.html, OUT/<claim>/index.html, OUT/<claim>/citation.bib,
//     OUT/<claim>/plots/<obs>_vs_<x>.{gp,dat,svg,png,pdf}
// With a nightly history (ReportOptions::history, see history.h) also OUT/history/: trend pages
// and plots of every benchmark and fitted estimate, and the latest run's regression flags.
// The report reads result files only and links no harness or claim code, so it can render
// results from another machine or an older build. All inputs are read and validated before
// anything is written: on a bad input the result names the file and the problem, OUT is untouched.
#pragma once

#include <filesystem>
#include <ostream>
#include <string>

namespace thmcheck::report {

struct ReportOptions {
  std::filesystem::path in;   // results directory
  std::filesystem::path out;  // created if missing; existing files of the same name are replaced
  // gnuplot to draw plots with: a name looked up on $PATH, or a path. Empty: draw no plots (the
  // .gp and .dat files are still written, and the pages show no images).
  std::string gnuplot = "gnuplot";
  // Nightly history records (HISTORY/<run>/record.json, ...); empty: no trend pages.
  std::filesystem::path history = {};
};

struct ReportResult {
  bool ok = false;
  std::string error;     // when !ok: "<file>: <field>: <problem>"; the CLI exits with code 2
  int claims = 0;        // claim pages written
  bool plots = false;    // every plot was drawn (false when gnuplot is missing or any plot failed)
  int history_runs = 0;  // nightly runs read (0 without a history)
  int flags = 0;         // regressions flagged in the latest nightly run
};

// Writes the report. Progress notes, gnuplot's messages and the one-time "gnuplot not found"
// notice go to `log`; errors are returned, not logged.
ReportResult WriteReport(const ReportOptions& options, std::ostream& log);

}  // namespace thmcheck::report
