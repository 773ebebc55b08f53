// The result format is defined once (harness/schema): every file a real run writes — each
// claim's verdict.json and every cell file, at smoke scale — reads into its record and writes back
// to the same bytes, so the report (which reads through the records) sees everything the harness
// wrote, and a key the records do not know would show up here.
#include <gtest/gtest.h>

#include "claims/cli_test_support.h"
#include "harness/schema/records_json.h"

namespace thmcheck {
namespace {

using namespace thmcheck::testing;
namespace fs = std::filesystem;

// What the harness writes for a record: json.dump(1) and a newline.
template <class Record>
std::string Rewritten(const fs::path& file) {
  std::string error;
  Record record;
  bool ok = false;
  if constexpr (std::is_same_v<Record, schema::VerdictRecord>)
    ok = schema::ReadVerdictFile(file, &record, &error);
  else
    ok = schema::ReadCellFile(file, &record, &error);
  EXPECT_TRUE(ok) << error;
  return nlohmann::json(record).dump(1) + "\n";
}

TEST(CliSchema, EveryResultFileRoundTripsThroughItsRecord) {
  const ScratchDir dir("schema");
  const ProcessResult r =
      RunThmcheck({"run", "--all", "--scale", "smoke", "--quiet", "--out", (dir / "out").string()});
  ASSERT_TRUE(r.exit_code == 0 || r.exit_code == 1) << Describe(r);
  int verdicts = 0, cells = 0;
  for (const auto& claim : fs::directory_iterator(dir / "out")) {
    const fs::path verdict = claim.path() / "verdict.json";
    EXPECT_EQ(Rewritten<schema::VerdictRecord>(verdict), Slurp(verdict)) << verdict;
    ++verdicts;
    for (const auto& [name, bytes] : CellFiles(dir / "out", claim.path().filename().string())) {
      EXPECT_EQ(Rewritten<schema::CellRecord>(claim.path() / "cells" / name), bytes) << name;
      ++cells;
    }
  }
  EXPECT_GE(verdicts, 3);
  EXPECT_GT(cells, verdicts);
}

}  // namespace
}  // namespace thmcheck
