// The `thmcheck` executable: the harness's CLI, given every claim and the report writer.
#include <iostream>

#include "claims/claims.h"
#include "harness/cli.h"
#include "reports/report.h"

int main(int argc, char** argv) {
  thmcheck::CliHooks hooks;
  hooks.report = [](const std::filesystem::path& in, const std::filesystem::path& out,
                    std::ostream& log) {
    const thmcheck::report::ReportResult r = thmcheck::report::WriteReport({.in = in, .out = out}, log);
    if (!r.ok) {
      std::cerr << "thmcheck: report: " << r.error << "\n";
      return thmcheck::kExitUsage;
    }
    std::cout << "report: " << (out / "index.html").string() << " (" << r.claims << " claims)\n";
    return thmcheck::kExitPass;
  };
  return thmcheck::RunCli(argc, argv, thmcheck::AllClaims(), hooks);
}
