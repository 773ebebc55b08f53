// Reproducibility through the real binary: the same seed gives byte-identical cell files
// and verdict.json (all but the run record, runner.h kRunRecordKeys) across separate runs with
// --threads 1, 2 and 4; another seed does not (the comparison can fail); and every cell file
// records enough to rerun that cell alone, which reproduces its bytes.
#include <gtest/gtest.h>

#include "claims/claims.h"
#include "claims/cli_test_support.h"
#include "harness/runner.h"
#include "harness/store.h"

namespace thmcheck {
namespace {

using namespace thmcheck::testing;

// The verdict without its run record, as the bytes a reproducibility claim is about.
std::string StableVerdict(const std::filesystem::path& out) {
  return WithoutRunRecord(ReadJson(out / kSmokeClaim / "verdict.json")).dump(1);
}

TEST(CliReproducibility, SameSeedSameBytesAcrossThreadCounts) {
  const ScratchDir dir("threads");
  std::map<std::string, std::string> first_cells;
  std::string first_verdict;
  int first_exit = -1;
  for (const std::string threads : {"1", "2", "4"}) {
    const auto out = dir / ("t" + threads);
    const ProcessResult r = RunThmcheck(SmokeRun(out, {"--threads", threads}));
    ASSERT_TRUE(r.exit_code == 0 || r.exit_code == 1) << Describe(r);
    const auto cells = CellFiles(out, kSmokeClaim);
    const nlohmann::json verdict = ReadJson(out / kSmokeClaim / "verdict.json");
    EXPECT_EQ(verdict["context"]["threads"], std::stoi(threads));
    ASSERT_EQ(cells.size(), verdict["cells"].size());
    if (first_exit < 0) {
      first_exit = r.exit_code;
      first_cells = cells;
      first_verdict = StableVerdict(out);
      continue;
    }
    EXPECT_EQ(r.exit_code, first_exit) << "--threads " << threads;
    EXPECT_TRUE(cells == first_cells) << "cell files differ with --threads " << threads;
    EXPECT_EQ(StableVerdict(out), first_verdict) << "--threads " << threads;
  }
  // Control: another seed changes the bytes, so the comparisons above could fail.
  const auto other = dir / "seed12";
  ASSERT_LE(RunThmcheck(SmokeRun(other, {}, "12")).exit_code, 1);
  EXPECT_FALSE(CellFiles(other, kSmokeClaim) == first_cells);
  EXPECT_NE(StableVerdict(other), first_verdict);
}

TEST(CliReproducibility, EveryCellRecordsWhatItNeedsToRerunAlone) {
  const ScratchDir dir("rerun");
  const ProcessResult r = RunThmcheck(SmokeRun(dir.path(), {"--threads", "2"}));
  ASSERT_TRUE(r.exit_code == 0 || r.exit_code == 1) << Describe(r);
  const auto cells = CellFiles(dir.path(), kSmokeClaim);
  ASSERT_FALSE(cells.empty());

  const std::vector<ClaimSpec> claims = AllClaims();
  const ClaimSpec* claim = nullptr;
  for (const auto& c : claims)
    if (c.id == kSmokeClaim) claim = &c;
  ASSERT_NE(claim, nullptr);
  for (const auto& [name, bytes] : cells) {
    SCOPED_TRACE(name);
    const nlohmann::json j = nlohmann::json::parse(bytes);
    for (const char* key : {"claim", "protocol", "arm", "params", "replicate", "seed",
                            "replicate_seed", "status", "observables", "build", "checksum"})
      EXPECT_TRUE(j.contains(key)) << key;
    for (const char* key : {"suite", "commit", "compiler", "flags", "eigen", "boost", "json"})
      EXPECT_TRUE(j["build"].contains(key)) << "build." << key;
    EXPECT_EQ(j["checksum"], CellChecksum(j));
    // Rerun the cell from its record alone: the claim's cell function on the recorded
    // parameters and seeds must give the same file, byte for byte.
    Cell cell;
    cell.params = j["params"];
    cell.replicate = j["replicate"].get<int>();
    cell.seed = std::stoull(j["seed"].get<std::string>());
    cell.replicate_seed = std::stoull(j["replicate_seed"].get<std::string>());
    bool found_arm = false;
    for (size_t a = 0; a < claim->arms.size(); ++a)
      if (claim->arms[a].name == j["arm"].get<std::string>()) cell.arm = a, found_arm = true;
    ASSERT_TRUE(found_arm);
    EXPECT_EQ(j["protocol"], claim->protocol);
    const CellOutcome again =
        RunCellAlone(*claim, cell.arm, cell.params, {cell.seed, cell.replicate_seed});
    EXPECT_EQ(CellToJson(*claim, cell, again).dump(1) + "\n", bytes);
  }
}

}  // namespace
}  // namespace thmcheck
