// Bad input through the real binary (docs/house_rules.md "Errors"): every row exits 2, prints a
// message naming the input and what is allowed, prints no result, and writes nothing. Rows are a
// hand-written table (claims, flags, shards, --out, protocol) plus rows generated from every
// registered claim's declared parameters: each key's wrong type, each finite bound crossed, each
// list too short or not increasing, each choice violated — so a new claim is covered unwritten.
#include <gtest/gtest.h>

#include <unistd.h>

#include <charconv>
#include <cmath>
#include <fstream>

#include "claims/claims.h"
#include "claims/cli_test_support.h"
#include "harness/store.h"

namespace thmcheck {
namespace {

using namespace thmcheck::testing;
namespace fs = std::filesystem;

// How the scratch folder looks before the command runs; {out} in the arguments is its --out.
enum class Setup {
  kFreshOut,         // {out} does not exist yet
  kOutIsFile,        // {out} is a regular file
  kOutUnderFile,     // {out}'s parent is a regular file
  kReadOnlyParent,   // {out}'s parent is a folder without write permission (skipped as root)
  kForeignProtocol,  // {out}/ntk_closeness/cells holds a cell of another protocol
};

struct BadInput {
  std::string name;
  std::vector<std::string> args;    // after the binary; "{out}" is replaced
  std::vector<std::string> expect;  // substrings of stderr: the input and what is allowed
  Env env = {};
  Setup setup = Setup::kFreshOut;
};

std::string Num(double v) {
  char buf[64];
  const auto r = std::to_chars(buf, buf + sizeof buf, v);
  return std::string(buf, r.ptr);
}

std::string Join(const nlohmann::json& list) {
  std::string s;
  for (const auto& v : list) {
    if (!s.empty()) s += ',';
    s += v.is_number_integer() ? std::to_string(v.get<long>()) : Num(v.get<double>());
  }
  return s;
}

// A value just outside [min, max] on each finite side.
std::vector<double> OutOfRange(const ParamSpec& p) {
  const bool integral = p.type == ParamType::kInt || p.type == ParamType::kIntList;
  std::vector<double> v;
  if (std::isfinite(p.min))
    v.push_back(integral ? p.min - 1 : p.min - std::max(1.0, std::fabs(p.min)));
  if (std::isfinite(p.max))
    v.push_back(integral ? p.max + 1 : p.max + std::max(1.0, std::fabs(p.max)));
  return v;
}

// Rows from one claim's declared parameters.
void AddParamRows(const ClaimSpec& claim, std::vector<BadInput>* rows) {
  auto add = [&](const ParamSpec& p, const std::string& what, const std::string& value) {
    rows->push_back({claim.id + "_" + p.name + "_" + what,
                     {"run", claim.id, "--out", "{out}", "--set", p.name + "=" + value},
                     {"--set " + p.name + "=" + value, "'" + p.name + "' must be " + p.Allowed()}});
  };
  for (const ParamSpec& p : claim.params) {
    const nlohmann::json* quick = p.DefaultAt(kQuickScale);
    switch (p.type) {
      case ParamType::kInt:
        add(p, "not_integer", "2.5");
        for (double v : OutOfRange(p)) add(p, v < p.min ? "below_min" : "above_max", Num(v));
        break;
      case ParamType::kReal:
        add(p, "not_number", "abc");
        add(p, "not_finite", "inf");
        for (double v : OutOfRange(p)) add(p, v < p.min ? "below_min" : "above_max", Num(v));
        break;
      case ParamType::kString:
        if (!p.choices.empty()) add(p, "not_a_choice", "no_such_choice");
        break;
      case ParamType::kIntList:
      case ParamType::kRealList: {
        if (!quick || !quick->is_array() || quick->empty()) break;
        add(p, "bad_element", Join(*quick) + ",x");
        for (double v : OutOfRange(p)) {
          nlohmann::json list = *quick;
          (v < p.min ? list.front() : list.back()) = v;
          add(p, v < p.min ? "element_below_min" : "element_above_max", Join(list));
        }
        if (p.min_count > 1) {
          nlohmann::json few = nlohmann::json::array();
          for (int i = 0; i + 1 < p.min_count && i < static_cast<int>(quick->size()); ++i)
            few.push_back((*quick)[i]);
          if (!few.empty()) add(p, "too_short", Join(few));
        }
        if (p.increasing && quick->size() >= 2) {
          nlohmann::json reversed = nlohmann::json::array();
          for (auto it = quick->rbegin(); it != quick->rend(); ++it) reversed.push_back(*it);
          add(p, "not_increasing", Join(reversed));
        }
        break;
      }
    }
  }
}

// Contradictory settings beyond one parameter's range: k > d, for claims that declare both and a
// validate rule (the rule's message is the claim's; it must name the claim and both keys).
void AddContradictionRows(const ClaimSpec& claim, std::vector<BadInput>* rows) {
  const ParamSpec *k = nullptr, *d = nullptr;
  for (const auto& p : claim.params) {
    if (p.name == "k") k = &p;
    if (p.name == "d") d = &p;
  }
  if (!claim.validate || !k || !d || !std::isfinite(d->min) || !std::isfinite(k->max)) return;
  const long d_value = static_cast<long>(d->min), k_value = static_cast<long>(k->max);
  if (k_value <= d_value) return;
  rows->push_back({claim.id + "_k_greater_than_d",
                   {"run", claim.id, "--out", "{out}", "--set", "d=" + std::to_string(d_value),
                    "--set", "k=" + std::to_string(k_value)},
                   {claim.id + ": ", "k", "d"}});
}

std::vector<BadInput> Rows() {
  const std::string claim = kSmokeClaim;
  std::vector<BadInput> rows = {
      {"unknown_claim",
       {"run", "no_such_claim", "--out", "{out}"},
       {"unknown claim 'no_such_claim'", "known claims: ", claim}},
      {"no_claim", {"run", "--out", "{out}"}, {"name one or more claims, or --all"}},
      {"unknown_key",
       {"run", claim, "--out", "{out}", "--set", "depth=3"},
       {"--set depth=3", "unknown key 'depth'", "this claim declares: ", "widths"}},
      {"set_without_value",
       {"run", claim, "--out", "{out}", "--set", "widths"},
       {"--set widths", "expected KEY=VALUE"}},
      {"widths_not_increasing",
       {"run", claim, "--out", "{out}", "--set", "widths=512,256,1024,2048,4096"},
       {"--set widths=512,256,1024,2048,4096", "strictly increasing"}},
      {"unknown_scale",
       {"run", claim, "--out", "{out}", "--scale", "huge"},
       {"--scale huge", "smoke|quick|full"}},
      {"bad_seed",
       {"run", claim, "--out", "{out}", "--seed", "-1"},
       {"--seed -1", "integer in [0, 2^64 - 1]"}},
      {"zero_threads",
       {"run", claim, "--out", "{out}", "--threads", "0"},
       {"--threads", "0 not in range 1 to 1024"}},
      {"unknown_flag", {"run", claim, "--out", "{out}", "--bogus"}, {"--bogus"}},
      {"shard_index_past_count",
       {"run", claim, "--out", "{out}", "--shard", "3/2"},
       {"--shard 3/2", "0 ≤ I < N"}},
      {"shard_zero_of_zero",
       {"run", claim, "--out", "{out}", "--shard", "0/0"},
       {"--shard 0/0", "0 ≤ I < N"}},
      {"shard_not_numbers",
       {"run", claim, "--out", "{out}", "--shard", "x/y"},
       {"--shard x/y", "0 ≤ I < N"}},
      {"slurm_id_not_a_number",
       {"run", claim, "--out", "{out}"},
       {"SLURM_ARRAY_TASK_ID=x", "--array=0-N", "--shard I/N"},
       {{"SLURM_ARRAY_TASK_ID", "x"}, {"SLURM_ARRAY_TASK_COUNT", "3"}}},
      {"kubernetes_index_without_count",
       {"run", claim, "--out", "{out}"},
       {"JOB_COMPLETION_INDEX=1", "THMCHECK_SHARD_COUNT is unset", "--shard I/N"},
       {{"JOB_COMPLETION_INDEX", "1"}}},
      {"out_is_a_file",
       {"run", claim, "--out", "{out}"},
       {"--out ", "is not a directory", "writable directory"},
       {},
       Setup::kOutIsFile},
      {"out_under_a_file",
       {"run", claim, "--out", "{out}"},
       {"--out ", "is not a directory", "writable directory"},
       {},
       Setup::kOutUnderFile},
      {"judge_bad_seeds",
       {"judge", claim, "--out", "{out}", "--seeds", "20-1"},
       {"--seeds 20-1", "a range runs low-high"}},
      {"judge_seed_twice",
       {"judge", claim, "--out", "{out}", "--seeds", "1,2,1"},
       {"--seeds 1,2,1", "seed 1 twice"}},
      {"judge_unknown_claim",
       {"judge", "no_such_claim", "--out", "{out}"},
       {"unknown claim 'no_such_claim'", "known claims: "}},
      {"judge_unknown_key",
       {"judge", claim, "--out", "{out}", "--set", "depth=3"},
       {"--set depth=3", "unknown key 'depth'"}},
      {"out_of_another_protocol",
       {"run", claim, "--out", "{out}", "--resume"},
       {"--out ", "another protocol", "is protocol ", "never mixed", "aside"},
       {},
       Setup::kForeignProtocol},
  };
  if (::geteuid() != 0)  // root writes through permission bits
    rows.push_back({"out_not_writable",
                    {"run", claim, "--out", "{out}"},
                    {"--out ", "is not writable", "writable directory"},
                    {},
                    Setup::kReadOnlyParent});
  // Exact risks forced beyond what can be computed exactly (closed-form spectra stop at d = 40).
  rows.push_back(
      {"parity_exact_risk_beyond_the_spectrum_limit",
       {"run", "parity_lower_bound", "--out", "{out}", "--set", "risk=exact", "--set", "d=50"},
       {"parity_lower_bound: ", "risk=exact", "d = 50", "use risk=auto or sample"}});
  for (const ClaimSpec& c : AllClaims()) {
    AddParamRows(c, &rows);
    AddContradictionRows(c, &rows);
  }
  return rows;
}

// Builds the scratch folder for `setup`; returns the --out path.
fs::path Prepare(const ScratchDir& dir, Setup setup) {
  switch (setup) {
    case Setup::kFreshOut:
      return dir / "out";
    case Setup::kOutIsFile:
      std::ofstream(dir / "file") << "not a folder\n";
      return dir / "file";
    case Setup::kOutUnderFile:
      std::ofstream(dir / "file") << "not a folder\n";
      return dir / "file" / "out";
    case Setup::kReadOnlyParent:
      fs::create_directories(dir / "ro");
      fs::permissions(dir / "ro", fs::perms::owner_read | fs::perms::owner_exec);
      return dir / "ro" / "out";
    case Setup::kForeignProtocol: {
      // A genuine-looking cell (valid checksum) of the same claim, one protocol later.
      ClaimSpec claim;
      for (const ClaimSpec& c : AllClaims())
        if (c.id == kSmokeClaim) claim = c;
      nlohmann::json cell = {{"claim", claim.id},
                             {"protocol", claim.protocol + 1},
                             {"params", nlohmann::json::object()},
                             {"status", "ok"}};
      cell["checksum"] = CellChecksum(cell);
      fs::create_directories(dir / "out" / kSmokeClaim / "cells");
      std::ofstream(dir / "out" / kSmokeClaim / "cells" / "0123456789abcdef.json") << cell.dump(1);
      return dir / "out";
    }
  }
  return dir / "out";
}

// gtest prints a row by its name, not its bytes.
void PrintTo(const BadInput& row, std::ostream* os) { *os << row.name; }

class CliBadInput : public ::testing::TestWithParam<BadInput> {};

TEST_P(CliBadInput, ExitsTwoNamingTheInputAndWritesNothing) {
  const BadInput& row = GetParam();
  const ScratchDir dir("bad");
  const fs::path out = Prepare(dir, row.setup);
  std::vector<std::string> args = row.args;
  for (auto& a : args)
    if (a == "{out}") a = out.string();
  const auto before = ReadTree(dir.path());

  const ProcessResult r = RunThmcheck(args, row.env);
  EXPECT_EQ(r.exit_code, 2) << Describe(r);
  for (const auto& want : row.expect)
    EXPECT_NE(r.err.find(want), std::string::npos) << "stderr lacks \"" << want << "\"\n"
                                                   << Describe(r);
  EXPECT_EQ(r.out, "") << "a result was printed";
  EXPECT_TRUE(ReadTree(dir.path()) == before) << "files were written under " << dir.path();
  if (row.setup == Setup::kFreshOut) {
    EXPECT_FALSE(fs::exists(out));
  }
}

INSTANTIATE_TEST_SUITE_P(Table, CliBadInput, ::testing::ValuesIn(Rows()),
                         [](const ::testing::TestParamInfo<BadInput>& info) {
                           std::string name = info.param.name;
                           for (char& c : name)
                             if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
                           return name;
                         });

// The protocol rule is per claim: another claim's folder in a shared --out is never looked at.
TEST(CliBadInputScope, AnotherClaimsProtocolInASharedOutIsNotAnError) {
  const ScratchDir dir("scope");
  nlohmann::json cell = {{"claim", "some_other_claim"}, {"protocol", 99}};
  cell["checksum"] = CellChecksum(cell);
  fs::create_directories(dir / "some_other_claim" / "cells");
  std::ofstream(dir / "some_other_claim" / "cells" / "0123456789abcdef.json") << cell.dump();
  const ProcessResult r = RunThmcheck(SmokeRun(dir.path()));
  EXPECT_TRUE(r.exit_code == 0 || r.exit_code == 1) << Describe(r);
  EXPECT_TRUE(fs::exists(dir / kSmokeClaim / "verdict.json"));
}

}  // namespace
}  // namespace thmcheck
