// What a newcomer asks the binary, answered through the real binary: `list CLAIM` describes one
// claim (every parameter with type, range and per-scale defaults; arms with the condition each
// breaks; checks with bands), `--version` names the suite version, commit and each claim's
// protocol, `run --report DIR` writes the report in the same call with the verdicts' exit code,
// the end of a run says where its results went, a `--set` error names its claim, and a repeated
// `--set KEY` is refused.
#include <gtest/gtest.h>

#include <initializer_list>
#include <string_view>

#include "claims/claims.h"
#include "claims/cli_test_support.h"
#include "harness/build_info.h"

namespace thmcheck {
namespace {

using namespace thmcheck::testing;
namespace fs = std::filesystem;

const ClaimSpec& Claim(const std::string& id) {
  static const std::vector<ClaimSpec> claims = AllClaims();
  for (const ClaimSpec& c : claims)
    if (c.id == id) return c;
  throw std::runtime_error("no claim " + id);
}

// a + b + …, built by appends: GCC 12 warns falsely (-Wrestrict) on "literal" + std::string.
std::string Cat(std::initializer_list<std::string_view> parts) {
  std::string s;
  for (std::string_view p : parts) s.append(p);
  return s;
}

std::string DefaultText(const nlohmann::json* v) {
  if (v == nullptr) return "-";
  return v->is_string() ? v->get<std::string>() : v->dump();
}

TEST(CliQuestions, ListClaimShowsEveryParameterWithRangeAndDefaultsPerScale) {
  const ClaimSpec& c = Claim("alpha_separation");
  const ProcessResult r = RunThmcheck({"list", c.id});
  ASSERT_EQ(r.exit_code, 0) << Describe(r);
  EXPECT_NE(r.out.find(c.citation.arxiv), std::string::npos) << r.out;
  for (const ParamSpec& p : c.params) {
    // "  n  (int, an integer in [100, 20000])  300 | 2000 | 2000": one line per parameter.
    const size_t at = r.out.find(Cat({"  ", p.name, "  ("}));
    ASSERT_NE(at, std::string::npos) << "parameter " << p.name << " missing:\n" << r.out;
    const std::string text = r.out.substr(at, r.out.find('\n', at) - at);
    EXPECT_NE(text.find(p.Allowed()), std::string::npos) << text;
    for (const std::string& scale : c.scales)
      EXPECT_NE(text.find(DefaultText(p.DefaultAt(scale))), std::string::npos)
          << p.name << " at " << scale << ": " << text;
  }
  for (const ArmSpec& a : c.arms) {
    EXPECT_NE(r.out.find(Cat({"  ", a.name, " (", ArmRoleName(a.role)})), std::string::npos)
        << "arm " << a.name << ":\n"
        << r.out;
    EXPECT_NE(r.out.find(a.condition), std::string::npos) << a.name;
    for (const MustFail& m : a.must_fail)
      EXPECT_NE(r.out.find(Cat({"must FAIL ", m.check})), std::string::npos)
          << a.name << " " << m.check;
    for (const CheckSpec& s : a.checks)
      EXPECT_NE(r.out.find(Cat({" ", CheckName(s), ": "})), std::string::npos)
          << a.name << " " << CheckName(s);
  }
  const ProcessResult j = RunThmcheck({"list", c.id, "--json"});
  ASSERT_EQ(j.exit_code, 0) << Describe(j);
  const nlohmann::json detail = nlohmann::json::parse(j.out).at(0);
  EXPECT_EQ(detail.at("id"), c.id);
  EXPECT_EQ(detail.at("parameters").size(), c.params.size());
  EXPECT_EQ(detail.at("arms").size(), c.arms.size());
  for (const auto& arm : detail.at("arms")) {
    if (arm.at("role") == "control") {
      EXPECT_FALSE(arm.at("must_fail").empty()) << arm.dump();
    }
  }
}

TEST(CliQuestions, ListOfAnUnknownClaimExitsTwoNamingIt) {
  const ProcessResult r = RunThmcheck({"list", "alpha_separation", "no_such_claim"});
  EXPECT_EQ(r.exit_code, 2) << Describe(r);
  EXPECT_NE(r.err.find("no_such_claim"), std::string::npos) << r.err;
  EXPECT_TRUE(r.out.empty()) << r.out;
}

TEST(CliQuestions, VersionNamesSuiteVersionCommitAndEveryProtocol) {
  const ProcessResult r = RunThmcheck({"--version"});
  ASSERT_EQ(r.exit_code, 0) << Describe(r);
  EXPECT_NE(r.out.find("thmcheck " + std::string(SuiteVersion())), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("commit " + std::string(BuildCommit())), std::string::npos) << r.out;
  for (const ClaimSpec& c : AllClaims())
    EXPECT_NE(r.out.find(c.id + " protocol " + std::to_string(c.protocol)), std::string::npos)
        << r.out;
}

TEST(CliQuestions, NoCommandIsAUsageError) {
  const ProcessResult r = RunThmcheck({});
  EXPECT_EQ(r.exit_code, 2) << Describe(r);
  EXPECT_NE(r.err.find("name a command"), std::string::npos) << r.err;
}

TEST(CliQuestions, RunWithReportWritesTheReportAndKeepsTheVerdictsExitCode) {
  const ScratchDir dir("report");
  const ProcessResult r = RunThmcheck(SmokeRun(dir / "out", {"--report", (dir / "rep").string()}));
  ASSERT_TRUE(r.exit_code == 0 || r.exit_code == 1) << Describe(r);
  EXPECT_TRUE(fs::is_regular_file(dir / "rep" / "index.html"));
  const nlohmann::json verdict = ReadJson(dir / "out" / kSmokeClaim / "verdict.json");
  EXPECT_EQ(r.exit_code, verdict.at("expected").at("met").get<bool>() ? 0 : 1) << Describe(r);
  // The end of the run says where everything went.
  const std::string results = "results: " + (dir / "out" / kSmokeClaim / "verdict.json").string() +
                              " and " + (dir / "out" / kSmokeClaim / "cells").string() + "/";
  EXPECT_NE(r.out.find(results), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("report: " + (dir / "rep" / "index.html").string()), std::string::npos)
      << r.out;
}

TEST(CliQuestions, ReportWithShardIsRefusedBeforeAnythingIsWritten) {
  const ScratchDir dir("report_shard");
  const ProcessResult r =
      RunThmcheck(SmokeRun(dir / "out", {"--shard", "0/2", "--report", (dir / "rep").string()}));
  EXPECT_EQ(r.exit_code, 2) << Describe(r);
  EXPECT_NE(r.err.find("--report with --shard"), std::string::npos) << r.err;
  EXPECT_TRUE(ReadTree(dir.path()).empty());
}

TEST(CliQuestions, ASetErrorUnderSeveralClaimsNamesItsClaim) {
  const ScratchDir dir("set_claim");
  // ntk_closeness's n (samples) allows 10; alpha_separation's n (training points) does not.
  const ProcessResult r = RunThmcheck(
      {"run", "--all", "--scale", "smoke", "--out", (dir / "out").string(), "--set", "n=10"});
  EXPECT_EQ(r.exit_code, 2) << Describe(r);
  const ParamSpec* n = nullptr;
  for (const ParamSpec& p : Claim("alpha_separation").params)
    if (p.name == "n") n = &p;
  ASSERT_NE(n, nullptr);
  EXPECT_NE(r.err.find("alpha_separation: --set n=10"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find(n->Allowed()), std::string::npos) << r.err;
  EXPECT_TRUE(ReadTree(dir.path()).empty());
}

TEST(CliQuestions, ARepeatedSetKeyExitsTwoNamingTheKey) {
  const ScratchDir dir("set_twice");
  const ProcessResult r = RunThmcheck(SmokeRun(dir / "out", {"--set", "n=20", "--set", "n=30"}));
  EXPECT_EQ(r.exit_code, 2) << Describe(r);
  EXPECT_NE(r.err.find("--set n is given twice (20, then 30)"), std::string::npos) << r.err;
  EXPECT_TRUE(ReadTree(dir.path()).empty());
}

}  // namespace
}  // namespace thmcheck
