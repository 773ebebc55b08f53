// The result records' JSON: what is written is read back unchanged; a bad field is named by its
// JSON pointer; files of older harnesses (no check names, no roles) read with the documented
// defaults. (Every real result file round-trips byte for byte: claims/cli_schema_test.cc.)
#include "harness/schema/records_json.h"

#include <gtest/gtest.h>

namespace thmcheck::schema {
namespace {

using nlohmann::json;

json MinimalVerdict() {
  return json::parse(R"({
    "claim": "toy", "title": "a toy", "verdict": "PASS", "seed": 18446744073709551615,
    "arms": [{"name": "main", "role": "main", "verdict": "PASS", "cells": [],
              "checks": [{"observable": "err", "kind": "mean_bound", "verdict": "PASS",
                          "ci": [0.1, null], "band": [null, 0.5],
                          "points": [{"at": {"alpha": 0.3}, "mean": 0.2, "n": 3}]}]}]})");
}

// Reads `j` as a VerdictRecord and returns the exception's message ("" when it reads).
std::string ReadError(const json& j) {
  try {
    (void)j.get<VerdictRecord>();
  } catch (const json::exception& e) {
    return e.what();
  }
  return "";
}

TEST(SchemaJson, OlderFilesReadWithDefaults) {
  const VerdictRecord v = MinimalVerdict().get<VerdictRecord>();
  ASSERT_EQ(v.arms.size(), 1u);
  const Check& c = v.arms[0].checks[0];
  EXPECT_EQ(c.name, "err");  // no name: the observable
  EXPECT_EQ(c.role, kEvidence);
  EXPECT_EQ(c.kind, CheckKind::kMeanBound);
  EXPECT_EQ(c.ci.lo, 0.1);
  EXPECT_FALSE(c.ci.hi.has_value());
  EXPECT_FALSE(c.ci95.present);
  EXPECT_EQ(c.points.at(0).Abscissa(), 0.3);  // a one-axis grid point places the point
  EXPECT_EQ(v.seed, "18446744073709551615");  // a 64-bit seed survives
}

TEST(SchemaJson, WrittenRecordsReadBackUnchanged) {
  const json once = MinimalVerdict().get<VerdictRecord>();
  const json twice = once.get<VerdictRecord>();
  EXPECT_EQ(once.dump(1), twice.dump(1));
}

TEST(SchemaJson, ABadFieldIsNamedByItsPointer) {
  json j = MinimalVerdict();
  j["arms"][0]["checks"][0]["ci"] = "wide";
  EXPECT_NE(ReadError(j).find("(/arms/0/checks/0/ci) expected [lo, hi]"), std::string::npos)
      << ReadError(j);
  j = MinimalVerdict();
  j["arms"][0]["checks"][0]["kind"] = "slope";
  EXPECT_NE(ReadError(j).find("(/arms/0/checks/0/kind) unknown check kind \"slope\""),
            std::string::npos)
      << ReadError(j);
  j = MinimalVerdict();
  j["arms"][0].erase("name");
  EXPECT_NE(ReadError(j).find("(/arms/0) key 'name' not found"), std::string::npos) << ReadError(j);
  j = MinimalVerdict();
  j["verdict"] = "MAYBE";
  EXPECT_NE(ReadError(j).find("(/verdict) \"MAYBE\" is not one of PASS, FAIL, INCONCLUSIVE"),
            std::string::npos)
      << ReadError(j);
  j = MinimalVerdict();
  j["arms"][0]["checks"][0]["points"][0].erase("at");
  EXPECT_NE(ReadError(j).find("(/arms/0/checks/0/points/0) a point needs"), std::string::npos)
      << ReadError(j);
}

TEST(SchemaJson, EveryCheckKindHasOneName) {
  for (CheckKind k : {CheckKind::kExponent, CheckKind::kExponentBound, CheckKind::kMeanBound,
                      CheckKind::kPairedDifference, CheckKind::kProportion, CheckKind::kCrossArm,
                      CheckKind::kStatus})
    EXPECT_EQ(CheckKindFromName(CheckKindName(k)), k) << CheckKindName(k);
  EXPECT_FALSE(CheckKindFromName("slope").has_value());
}

TEST(SchemaJson, AHistoryRecordRoundTripsAndNamesItsSchema) {
  const json file = json::parse(R"({"schema": "thmcheck-history/1", "commit": "abc",
    "date": "2026-11-01T02:00:00Z", "machine": "vm", "scale": "quick", "claims_exit": 1})");
  const HistoryRecord record = file.get<HistoryRecord>();
  EXPECT_EQ(record.machine, "vm");
  EXPECT_EQ(record.claims_exit, 1);
  EXPECT_EQ(json(record), file);
  json other = file;
  other["schema"] = "thmcheck-history/2";
  try {
    (void)other.get<HistoryRecord>();
    ADD_FAILURE() << "a record of another schema was read";
  } catch (const json::exception& e) {
    EXPECT_NE(std::string(e.what()).find("\"thmcheck-history/2\" is not thmcheck-history/1"),
              std::string::npos)
        << e.what();
  }
}

TEST(SchemaJson, NonFiniteNumbersAreWrittenAsNull) {
  const Interval i{Finite(std::numeric_limits<double>::infinity()), Finite(2.0), true};
  EXPECT_EQ(json(i).dump(), "[null,2.0]");
}

}  // namespace
}  // namespace thmcheck::schema
