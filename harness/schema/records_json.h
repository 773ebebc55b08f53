// JSON for the result records (records.h): nlohmann's to_json/from_json, found by argument-
// dependent lookup, so `nlohmann::json j = record;` writes and `j.get<VerdictRecord>()` reads.
// Reading a bad file throws nlohmann::json::exception; the build defines JSON_DIAGNOSTICS, so its
// message names the JSON pointer of the bad field ("(/arms/1/checks/0/ci) …"). Reading tolerates
// keys it does not know and optional keys a file lacks (files of older harnesses).
#pragma once

#include <filesystem>
#include <string>

#include <nlohmann/json.hpp>

#include "harness/schema/records.h"

namespace thmcheck::schema {

#define THMCHECK_SCHEMA_JSON(T)                \
  void to_json(nlohmann::json& j, const T& v); \
  void from_json(const nlohmann::json& j, T& v);
THMCHECK_SCHEMA_JSON(Interval)
THMCHECK_SCHEMA_JSON(Point)
THMCHECK_SCHEMA_JSON(Fit)
THMCHECK_SCHEMA_JSON(Excluded)
THMCHECK_SCHEMA_JSON(Check)
THMCHECK_SCHEMA_JSON(Arm)
THMCHECK_SCHEMA_JSON(ArmNotRun)
THMCHECK_SCHEMA_JSON(FigureSeries)
THMCHECK_SCHEMA_JSON(FigureLine)
THMCHECK_SCHEMA_JSON(Figure)
THMCHECK_SCHEMA_JSON(CrossCheckGroup)
THMCHECK_SCHEMA_JSON(CrossCheck)
THMCHECK_SCHEMA_JSON(Citation)
THMCHECK_SCHEMA_JSON(Measures)
THMCHECK_SCHEMA_JSON(Expected)
THMCHECK_SCHEMA_JSON(VerdictRecord)
THMCHECK_SCHEMA_JSON(CellRecord)
THMCHECK_SCHEMA_JSON(HistoryRecord)
#undef THMCHECK_SCHEMA_JSON

// A nlohmann exception's message for people: "/arms/0/ci: expected [lo, hi] (numbers or null)"
// (the JSON pointer of the bad field, then what was wrong; no exception id).
std::string JsonErrorText(const nlohmann::json::exception& e);

// Reads `file` as a record; on failure returns false with *error = "<file>: <what was wrong>"
// (cannot open, not JSON, a field of the wrong type or missing, named by its JSON pointer).
// Reads and parses `file`, whose top level must be an object (the parsed json keeps its parents,
// so a later get<>() names the JSON pointer of a bad field).
bool ReadJsonFile(const std::filesystem::path& file, nlohmann::json* out, std::string* error);
bool ReadVerdictFile(const std::filesystem::path& file, VerdictRecord* out, std::string* error);
bool ReadCellFile(const std::filesystem::path& file, CellRecord* out, std::string* error);
bool ReadHistoryFile(const std::filesystem::path& file, HistoryRecord* out, std::string* error);

}  // namespace thmcheck::schema
