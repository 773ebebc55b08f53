// Fault tolerance through the real binary: a run killed with SIGKILL mid-sweep leaves only
// complete, checksummed cells; `--resume` reuses every one of them, computes the rest, and writes
// the verdict an uninterrupted run writes (all but the run record) over byte-identical cells. A
// truncated or edited cell is reported by name and recomputed, never used. A failed write is
// exit 3.
#include <gtest/gtest.h>

#include <signal.h>

#include <chrono>
#include <fstream>
#include <thread>

#include "claims/cli_test_support.h"
#include "harness/runner.h"
#include "harness/store.h"

namespace thmcheck {
namespace {

using namespace thmcheck::testing;
namespace fs = std::filesystem;

// Long enough to be killed mid-sweep (one thread, more replicates and steps than smoke: a few
// seconds), small enough for the sanitizer build.
std::vector<std::string> SlowRun(const fs::path& out, bool resume) {
  std::vector<std::string> extra = {"--threads",    "1",     "--set",
                                    "replicates=6", "--set", "steps=200"};
  if (resume) extra.push_back("--resume");
  return SmokeRun(out, extra);
}

// Kill after this many cells exist: some work is done, most is not.
constexpr size_t kCellsBeforeKill = 4;
// How long the killed run may take to write its first kCellsBeforeKill cells (sanitizer builds
// on a loaded 2-core machine are ~20× slower than Release on an idle one).
constexpr auto kStartupBudget = std::chrono::seconds(240);

TEST(CliResume, SigkillMidSweepThenResumeEqualsAnUninterruptedRun) {
  const ScratchDir dir("sigkill");
  const ProcessResult whole = RunThmcheck(SlowRun(dir / "whole", false));
  ASSERT_TRUE(whole.exit_code == 0 || whole.exit_code == 1) << Describe(whole);
  const auto whole_cells = CellFiles(dir / "whole", kSmokeClaim);

  const fs::path out = dir / "killed";
  const pid_t pid = StartThmcheck(SlowRun(out, false), {}, dir / "k.out", dir / "k.err");
  const auto deadline = std::chrono::steady_clock::now() + kStartupBudget;
  while (CellFiles(out, kSmokeClaim).size() < kCellsBeforeKill &&
         std::chrono::steady_clock::now() < deadline)
    std::this_thread::sleep_for(std::chrono::milliseconds(2));
  ASSERT_EQ(::kill(pid, SIGKILL), 0);
  const ProcessResult killed = WaitThmcheck(pid, dir / "k.out", dir / "k.err");
  ASSERT_EQ(killed.signal, SIGKILL)
      << "the run ended before it could be killed: " << Describe(killed);

  // What the kill left: whole cells only (a half-written one stays a *.tmp.* file), and not all.
  const auto survivors = CellFiles(out, kSmokeClaim);
  ASSERT_GE(survivors.size(), kCellsBeforeKill);
  ASSERT_LT(survivors.size(), whole_cells.size()) << "not killed mid-sweep";
  EXPECT_FALSE(fs::exists(out / kSmokeClaim / "verdict.json"));
  for (const auto& [name, bytes] : survivors) {
    const nlohmann::json j = nlohmann::json::parse(bytes);
    EXPECT_EQ(j["checksum"], CellChecksum(j)) << name;
    EXPECT_EQ(bytes, whole_cells.at(name)) << name;
  }

  const ProcessResult resumed = RunThmcheck(SlowRun(out, true));
  EXPECT_EQ(resumed.exit_code, whole.exit_code) << Describe(resumed);
  const nlohmann::json verdict = ReadJson(out / kSmokeClaim / "verdict.json");
  EXPECT_EQ(verdict["context"]["cells_reused"], survivors.size());
  EXPECT_EQ(verdict["context"]["cells_computed"], whole_cells.size() - survivors.size());
  EXPECT_TRUE(CellFiles(out, kSmokeClaim) == whole_cells);
  EXPECT_EQ(WithoutRunRecord(verdict).dump(1),
            WithoutRunRecord(ReadJson(dir / "whole" / kSmokeClaim / "verdict.json")).dump(1));
}

TEST(CliResume, CorruptedCellsAreNamedAndRecomputed) {
  const ScratchDir dir("corrupt");
  const ProcessResult first = RunThmcheck(SmokeRun(dir.path()));
  ASSERT_TRUE(first.exit_code == 0 || first.exit_code == 1) << Describe(first);
  const auto original = CellFiles(dir.path(), kSmokeClaim);
  const std::string verdict = Slurp(dir / kSmokeClaim / "verdict.json");
  ASSERT_GE(original.size(), 3u);
  auto it = original.begin();
  const std::string truncated = (it++)->first, edited = (it++)->first, emptied = it->first;
  const fs::path cells = dir / kSmokeClaim / "cells";
  {
    const std::string bytes = original.at(truncated);
    std::ofstream(cells / truncated, std::ios::binary | std::ios::trunc)
        << bytes.substr(0, bytes.size() / 2);
    // A plausible edit that still parses: one digit of the first observable changed.
    std::string changed = original.at(edited);
    const size_t digit = changed.find_first_of("0123456789", changed.find("\"observables\""));
    ASSERT_NE(digit, std::string::npos);
    changed[digit] = changed[digit] == '7' ? '3' : '7';
    std::ofstream(cells / edited, std::ios::binary | std::ios::trunc) << changed;
    std::ofstream(cells / emptied, std::ios::binary | std::ios::trunc);
  }
  const ProcessResult resumed = RunThmcheck(SmokeRun(dir.path(), {"--resume"}));
  EXPECT_EQ(resumed.exit_code, first.exit_code) << Describe(resumed);
  for (const std::string& name : {truncated, edited, emptied})
    EXPECT_NE(resumed.err.find(name), std::string::npos) << name << " not reported:\n"
                                                         << resumed.err;
  EXPECT_TRUE(CellFiles(dir.path(), kSmokeClaim) == original);
  const nlohmann::json v = ReadJson(dir / kSmokeClaim / "verdict.json");
  EXPECT_EQ(v["context"]["cells_computed"], 3);
  EXPECT_EQ(WithoutRunRecord(v).dump(1), WithoutRunRecord(nlohmann::json::parse(verdict)).dump(1));
}

// A write that fails midway (here: the cells folder is a regular file) is exit 3, not a crash and
// not a verdict, and the message names the path and says how to continue.
TEST(CliResume, AFailedWriteExitsThreeNamingThePath) {
  const ScratchDir dir("ioerror");
  fs::create_directories(dir / kSmokeClaim);
  std::ofstream(dir / kSmokeClaim / "cells") << "not a folder\n";
  const ProcessResult r = RunThmcheck(SmokeRun(dir.path()));
  EXPECT_EQ(r.exit_code, 3) << Describe(r);
  EXPECT_NE(r.err.find((dir / kSmokeClaim / "cells").string()), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("rerun with --resume"), std::string::npos) << r.err;
  EXPECT_FALSE(fs::exists(dir / kSmokeClaim / "verdict.json"));
}

}  // namespace
}  // namespace thmcheck
