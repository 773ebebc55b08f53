// The `thmcheck` executable: the harness's CLI, given every claim and the report writer.
#include <iostream>

#include "claims/claims.h"
#include "harness/cli.h"
#include "reports/report.h"

int main(int argc, char** argv) {
  thmcheck::CliHooks hooks;
  hooks.report = [](const std::filesystem::path& in, const std::filesystem::path& out,
                    const std::filesystem::path& history, std::ostream& log) {
    thmcheck::report::ReportOptions options;
    options.in = in;
    options.out = out;
    options.history = history;
    const thmcheck::report::ReportResult r = thmcheck::report::WriteReport(options, log);
    if (!r.ok) {
      std::cerr << "thmcheck: report: " << r.error << "\n";
      return thmcheck::kExitUsage;
    }
    std::cout << "report: " << (out / "index.html").string() << " (" << r.claims << " claims";
    if (!history.empty()) {
      std::cout << "; trends over " << r.history_runs << " nightly run(s), " << r.flags
                << " regression flag(s): " << (out / "history" / "index.html").string();
    }
    std::cout << ")\n";
    return thmcheck::kExitPass;
  };
  return thmcheck::RunCli(argc, argv, thmcheck::AllClaims(), hooks);
}
