// Cell records: what a reader accepts (only an intact record of this very cell), what it refuses
// and says why, and the protocol rule's scan of a claim's folder.
#include "harness/store.h"

#include <gtest/gtest.h>

#include <unistd.h>
#include <cmath>
#include <fstream>

#include "harness/atomic_file.h"

namespace thmcheck {
namespace {

namespace fs = std::filesystem;

ClaimSpec Toy(int protocol = 1) {
  ClaimSpec c;
  c.id = "toy";
  c.protocol = protocol;
  c.arms = {{"main", ArmRole::kMain, "", nlohmann::json::object(), {}, {}}};
  return c;
}

Cell ToyCell() {
  Cell c;
  c.params = {{"m", 64}};
  c.replicate = 1;
  c.seed = 42;
  c.replicate_seed = 7;
  c.id = "00000000000000aa";
  return c;
}

CellOutcome Outcome() {
  CellOutcome o;
  o.observables = {{"y", 0.1}, {"gap", INFINITY}};
  o.note = "n";
  return o;
}

std::string Problem(const std::string& text, const ClaimSpec& claim = Toy(),
                    Cell cell = ToyCell()) {
  std::string problem;
  EXPECT_FALSE(ParseCell(text, claim, cell, &problem).has_value());
  return problem;
}

TEST(StoreTest, ARecordReadsBackAsTheOutcomeItStates) {
  const nlohmann::json j = CellToJson(Toy(), ToyCell(), Outcome());
  std::string problem;
  const auto out = ParseCell(j.dump(1), Toy(), ToyCell(), &problem);
  ASSERT_TRUE(out.has_value()) << problem;
  EXPECT_EQ(out->observables.at("y"), 0.1);
  EXPECT_TRUE(std::isnan(out->observables.at("gap")));  // ∞ is stored as null: JSON has no ∞
  EXPECT_TRUE(std::isnan(OutcomeFromJson(j).observables.at("gap")));  // what a fresh run judges
  EXPECT_EQ(j.at("replicate_seed"), "7");
  EXPECT_TRUE(j.at("build").contains("commit"));
}

TEST(StoreTest, RefusesAnythingButAnIntactRecordOfThisCell) {
  const nlohmann::json j = CellToJson(Toy(), ToyCell(), Outcome());
  const std::string text = j.dump(1);
  EXPECT_NE(Problem(text.substr(0, text.size() / 2)).find("unreadable"), std::string::npos);
  EXPECT_NE(Problem("").find("unreadable"), std::string::npos);
  EXPECT_NE(Problem("[1, 2]").find("checksum"), std::string::npos);
  nlohmann::json edited = j;
  edited["observables"]["y"] = 0.2;
  EXPECT_NE(Problem(edited.dump()).find("checksum"), std::string::npos);
  EXPECT_NE(Problem(text, Toy(2)).find("protocol"), std::string::npos);
  for (auto change : {+[](Cell& c) { c.seed = 43; }, +[](Cell& c) { c.replicate_seed = 8; },
                      +[](Cell& c) { c.replicate = 0; }, +[](Cell& c) { c.params["m"] = 128; }}) {
    Cell other = ToyCell();
    change(other);
    EXPECT_NE(Problem(text, Toy(), other).find("differ"), std::string::npos);
  }
  // Pathological nesting is refused before a recursive dump could overflow the stack.
  EXPECT_NE(Problem(std::string(100000, '[') + std::string(100000, ']')).find("nested deeper"),
            std::string::npos);
}

class ForeignCellsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("thmcheck_store_test_" + std::to_string(::getpid()));
    fs::remove_all(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }
  void Write(const std::string& name, const std::string& content) {
    WriteFileAtomic(dir_ / "toy" / "cells" / name, content);
  }
  fs::path dir_;
};

TEST_F(ForeignCellsTest, OnlyCellsOfAnotherProtocolOrClaimInThisClaimsFolderCount) {
  EXPECT_EQ(ForeignCells(dir_ / "toy", Toy()), "");  // no folder yet
  Write("a.json", CellToJson(Toy(), ToyCell(), Outcome()).dump());
  Write("b.json", "{truncated");                      // corrupt: --resume's business
  Write("c.json.tmp.host.1.2", "{\"protocol\": 9}");  // a killed writer's leftover
  EXPECT_EQ(ForeignCells(dir_ / "toy", Toy()), "");
  // Another claim's folder under the same OUT is not looked at.
  WriteFileAtomic(dir_ / "other" / "cells" / "d.json", "{\"claim\": \"other\", \"protocol\": 9}");
  EXPECT_EQ(ForeignCells(dir_ / "toy", Toy()), "");

  Write("e.json", CellToJson(Toy(3), ToyCell(), Outcome()).dump());
  const std::string why = ForeignCells(dir_ / "toy", Toy());
  EXPECT_NE(why.find("e.json is claim \"toy\" protocol 3"), std::string::npos) << why;
  EXPECT_NE(why.find("toy is protocol 1"), std::string::npos) << why;
  EXPECT_NE(why.find("never mixed"), std::string::npos) << why;
}

TEST(AtomicFileTest, WritesWholeFilesAndLeavesNoTemporary) {
  const fs::path dir =
      fs::temp_directory_path() / ("thmcheck_atomic_" + std::to_string(::getpid()));
  fs::remove_all(dir);
  WriteFileAtomic(dir / "sub" / "f.json", "one");
  WriteFileAtomic(dir / "sub" / "f.json", "two");
  std::string content;
  ASSERT_TRUE(ReadWholeFile(dir / "sub" / "f.json", &content));
  EXPECT_EQ(content, "two");
  EXPECT_EQ(std::distance(fs::directory_iterator(dir / "sub"), fs::directory_iterator()), 1);
  EXPECT_THROW(WriteFileAtomic(dir / "sub" / "f.json" / "x", "under a file"), std::exception);
  fs::remove_all(dir);
}

}  // namespace
}  // namespace thmcheck
