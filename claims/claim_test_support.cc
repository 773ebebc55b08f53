// Claim-test support (see claim_test_support.h). CTest reads <CTestMeasurement> and
// <CTestMeasurementFile> tags from a test's output for CDash but strips them from the
// --output-junit file, so every measurement is also printed as a plain "measurement" line, which
// JUnit keeps (build/CTestCustom.cmake lifts CTest's 1 KB cap on a passing test's output).
#include "claims/claim_test_support.h"

#include <unistd.h>

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <sstream>
#include <vector>

#include "claims/claims.h"
#include "harness/contract.h"
#include "harness/parallel.h"
#include "harness/table.h"
#include "reports/report.h"

namespace thmcheck {
namespace {

namespace fs = std::filesystem;

std::string Number(const nlohmann::json& value) {
  if (!value.is_number()) return "null";
  std::ostringstream out;
  out.precision(6);
  out << value.get<double>();
  return out.str();
}

std::string Pair(const nlohmann::json& pair) {
  if (!pair.is_array() || pair.size() != 2) return "null";
  std::string text = "[";  // appended piecewise: GCC 12 warns falsely (-Wrestrict) on "[" + string
  text += Number(pair[0]);
  text += ", ";
  text += Number(pair[1]);
  return text + "]";
}

// One numeric measurement per fitted estimate ("<arm>.<observable>"), and the claim's verdict.
void PrintMeasurements(const std::string& claim_id, const nlohmann::json& verdict) {
  for (const auto& arm : verdict.at("arms")) {
    for (const auto& check : arm.at("checks")) {
      if (!check.at("estimate").is_number()) continue;
      const std::string name = arm.at("name").get<std::string>() + "." +
                               check.value("name", check.at("observable").get<std::string>());
      std::cout << "<CTestMeasurement type=\"numeric/double\" name=\"" << name << "\">"
                << Number(check.at("estimate")) << "</CTestMeasurement>\n";
      std::cout << "measurement " << claim_id << "." << name << " = "
                << Number(check.at("estimate")) << " 90% "
                << Pair(check.value("ci", nlohmann::json())) << " band "
                << Pair(check.value("band", nlohmann::json())) << " "
                << check.value("verdict", std::string("?")) << "\n";
    }
  }
  const std::string word = verdict.at("verdict").get<std::string>();
  std::cout << "<CTestMeasurement type=\"text/string\" name=\"verdict\">" << word
            << "</CTestMeasurement>\nmeasurement " << claim_id << ".verdict = " << word << "\n";
}

// Writes the claim's report from `results` and attaches its PNG plots for CDash. A report that
// cannot be written is a test failure: the plots are part of what the claim test delivers.
void WriteAndAttachPlots(const std::string& claim_id, const std::string& scale,
                         const fs::path& results) {
  const fs::path out = fs::absolute(fs::path("claim_reports") / scale / claim_id);
  fs::remove_all(out);
  std::ostringstream log;
  report::ReportOptions options;
  options.in = results;
  options.out = out;
  const report::ReportResult r = report::WriteReport(options, log);
  THM_CHECK_MSG(r.ok, "claim report for " << claim_id << ": " << r.error << "\n" << log.str());
  std::vector<fs::path> pngs;
  const fs::path plots = out / claim_id / "plots";
  if (fs::is_directory(plots)) {
    for (const auto& entry : fs::directory_iterator(plots)) {
      if (entry.path().extension() == ".png") pngs.push_back(entry.path());
    }
  }
  std::sort(pngs.begin(), pngs.end());
  for (const fs::path& png : pngs) {
    std::cout << "<CTestMeasurementFile type=\"image/png\" name=\"plot." << png.stem().string()
              << "\">" << png.string() << "</CTestMeasurementFile>\n";
  }
  std::cout << "report " << (out / claim_id / "index.html").string() << " (" << pngs.size()
            << " PNG plots" << (r.plots ? "" : "; gnuplot missing or failed") << ")\n";
}

}  // namespace

std::string ClaimTestScale() {
  const char* scale = std::getenv("THMCHECK_CLAIM_SCALE");
  return scale != nullptr && *scale != '\0' ? scale : "quick";
}

RunOutcome RunClaimForTest(const std::string& claim_id, const std::string& scale,
                           std::vector<std::pair<std::string, std::string>> sets) {
  static const std::vector<ClaimSpec> claims = AllClaims();
  const ClaimSpec* claim = nullptr;
  for (const auto& c : claims)
    if (c.id == claim_id) claim = &c;
  THM_CHECK_MSG(claim, "no claim " << claim_id);
  RunOptions options;
  options.scale = scale;
  options.threads = DefaultThreads();
  options.out = fs::temp_directory_path() /
                ("thmcheck_claim_test_" + claim_id + "_" + std::to_string(::getpid()));
  options.command = "thmcheck run " + claim_id + " --scale " + scale + " --seed 1";
  for (const auto& [key, value] : sets) options.command += " --set " + key + "=" + value;
  options.sets = std::move(sets);
  fs::remove_all(options.out);
  RunOutcome r = ExecuteRun(PrepareRun(*claim, options), options, std::cerr);
  PrintVerdictTable(r.verdict_json, std::cout);
  PrintMeasurements(claim_id, r.verdict_json);
  WriteAndAttachPlots(claim_id, scale, options.out);
  fs::remove_all(options.out);
  return r;
}

void ExpectRecordedNumbers(const nlohmann::json& verdict,
                           const std::vector<RecordedNumber>& recorded) {
  for (const RecordedNumber& n : recorded) {
    const nlohmann::json* found = nullptr;
    for (const auto& arm : verdict.at("arms"))
      if (arm.at("name") == n.arm)
        for (const auto& check : arm.at("checks"))
          if (check.value("name", check.at("observable").get<std::string>()) == n.check)
            found = &check;
    if (found == nullptr) {
      ADD_FAILURE() << "no check " << n.arm << "." << n.check << " in the verdict";
      continue;
    }
    const nlohmann::json& ci = found->at("ci");
    const double lo = ci[0].is_number() ? ci[0].get<double>() : -INFINITY;
    const double hi = ci[1].is_number() ? ci[1].get<double>() : INFINITY;
    EXPECT_TRUE(lo <= n.estimate && n.estimate <= hi)
        << n.arm << "." << n.check << ": recorded " << n.estimate << " outside this run's 90% "
        << "interval [" << lo << ", " << hi << "] (estimate " << found->at("estimate") << ")";
  }
}

std::string ArmVerdict(const nlohmann::json& verdict, const std::string& name) {
  for (const auto& arm : verdict.at("arms"))
    if (arm.at("name") == name) return arm.at("verdict").get<std::string>();
  return "";
}

}  // namespace thmcheck
