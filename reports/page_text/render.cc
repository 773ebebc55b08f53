// page_text_render IN HISTORY OUT: the report of the recorded results and nightly history beside
// this file, for ctest `report_page_text` (check.py compares what its pages say with golden/).
// Exit 0 when written with every plot drawn, 77 when gnuplot is missing (the pages would then
// differ by design: no images), 1 otherwise.
#include <iostream>

#include "reports/report.h"

int main(int argc, char** argv) {
  if (argc != 4) {
    std::cerr << "usage: page_text_render IN HISTORY OUT\n";
    return 2;
  }
  thmcheck::report::ReportOptions options;
  options.in = argv[1];
  options.history = argv[2];
  options.out = argv[3];
  const thmcheck::report::ReportResult result = thmcheck::report::WriteReport(options, std::cerr);
  if (!result.ok) {
    std::cerr << result.error << "\n";
    return 1;
  }
  if (!result.plots) {
    std::cerr << "page_text_render: not every plot was drawn (is gnuplot installed?)\n";
    return 77;
  }
  return 0;
}
