// A claim is a declaration the harness runs as given. The toy claim below — declared in this file
// in a few lines, with no concept, learner, CMake or harness change — is listed, run, judged and
// written by the CLI's real entry point once it is in the claims list RunCli receives: for a real
// claim that list is claims/registry.h, one line per claim.
#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>

#include "harness/cli.h"
#include "harness/rng.h"
#include "harness/schema/records_json.h"

namespace thmcheck {
namespace {

namespace fs = std::filesystem;

// y = m^(−1/2)·noise; the control sets the exponent to 0, which the main arm's rate must reject.
ClaimSpec ToyClaim() {
  ClaimSpec c;
  c.id = "toy";
  c.title = "a toy power law";
  c.citation = {"A. Author", 2020, "A toy", "0000.00000", "Thm 1", "", {}};
  c.params = {IntListParam("ms", 1, 1e6, 3, true, "widths").Defaults({64, 256, 1024}, {64}),
              IntParam("replicates", 2, 100, "replicates").Defaults(4, 4)};
  c.arms = {{.name = "main",
             .role = ArmRole::kMain,
             .condition = "holds",
             .axes = {{"m", "ms"}},
             .checks = {ExponentCheck("y", "m", -0.5, 0.1, "toy band")}},
            {.name = "flat",
             .role = ArmRole::kControl,
             .condition = "exponent 0",
             .overrides = {{"b", 0.0}},
             .axes = {{"m", "ms"}},
             .checks = {Named("y flat", ExponentCheck("y", "m", 0.0, 0.1, "toy band"))},
             .must_fail = {{"y", "a flat y has slope 0, not −1/2"}}}};
  c.run = [](const CellParams& p, const CellSeeds& seeds) {
    Rng rng(seeds.cell);
    CellOutcome out;
    const double b = p.Has("b") ? p.Real("b") : -0.5;
    out.observables["y"] = std::pow(p.Real("m"), b) * std::exp(0.02 * rng.Normal());
    return out;
  };
  return c;
}

int Cli(std::vector<std::string> args) {
  args.insert(args.begin(), "thmcheck");
  std::vector<const char*> argv;
  for (const std::string& a : args) argv.push_back(a.c_str());
  return RunCli(static_cast<int>(argv.size()), argv.data(), {ToyClaim()}, CliHooks{});
}

TEST(ToyClaim, IsListedRunAndJudgedWithNothingElseTouched) {
  const fs::path out = fs::temp_directory_path() / ("thmcheck_toy_" + std::to_string(::getpid()));
  fs::remove_all(out);
  ::testing::internal::CaptureStdout();
  EXPECT_EQ(Cli({"list", "toy"}), 0);
  EXPECT_EQ(Cli({"run", "toy", "--quiet", "--out", out.string()}), 0);  // PASS, as expected
  const std::string printed = ::testing::internal::GetCapturedStdout();
  EXPECT_NE(printed.find("flat (control, against main): exponent 0"), std::string::npos) << printed;
  schema::VerdictRecord v;
  std::string error;
  ASSERT_TRUE(schema::ReadVerdictFile(out / "toy" / "verdict.json", &v, &error)) << error;
  EXPECT_EQ(v.verdict, "PASS");
  ASSERT_EQ(v.arms.size(), 2u);
  EXPECT_EQ(v.arms[1].verdict, "REJECTED");
  EXPECT_EQ(v.arms[1].rejected_by, std::vector<std::string>{"y"});
  fs::remove_all(out);
}

}  // namespace
}  // namespace thmcheck
