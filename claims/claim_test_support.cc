// Claim-test support (see claim_test_support.h).
#include "claims/claim_test_support.h"

#include <filesystem>
#include <iostream>
#include <unistd.h>

#include "claims/claims.h"
#include "harness/check.h"
#include "harness/parallel.h"
#include "harness/table.h"

namespace thmcheck {

RunOutcome RunClaimForTest(const std::string& claim_id, const std::string& scale) {
  static const std::vector<ClaimSpec> claims = AllClaims();
  const ClaimSpec* claim = nullptr;
  for (const auto& c : claims)
    if (c.id == claim_id) claim = &c;
  THM_CHECK_MSG(claim, "no claim " << claim_id);
  RunOptions options;
  options.scale = scale;
  options.threads = DefaultThreads();
  options.out = std::filesystem::temp_directory_path() /
                ("thmcheck_claim_test_" + claim_id + "_" + std::to_string(::getpid()));
  options.command = "thmcheck run " + claim_id + " --scale " + scale + " --seed 1";
  std::filesystem::remove_all(options.out);
  RunOutcome r = ExecuteRun(PrepareRun(*claim, options), options, std::cerr);
  std::filesystem::remove_all(options.out);
  PrintVerdictTable(r.verdict_json, std::cout);
  for (const auto& arm : r.verdict_json.at("arms"))
    for (const auto& check : arm.at("checks"))
      if (check.at("estimate").is_number())
        std::cout << "<CTestMeasurement type=\"numeric/double\" name=\""
                  << arm.at("name").get<std::string>() << "." << check.at("observable").get<std::string>()
                  << "\">" << check.at("estimate").get<double>() << "</CTestMeasurement>\n";
  return r;
}

std::string ArmVerdict(const nlohmann::json& verdict, const std::string& name) {
  for (const auto& arm : verdict.at("arms"))
    if (arm.at("name") == name) return arm.at("verdict").get<std::string>();
  return "";
}

}  // namespace thmcheck
