// The in-memory form of one results directory IN/ (one folder per claim: verdict.json +
// cells/<hash>.json), as the report sees it, and its reader: a claim's verdict.json and its cell
// files as the records of harness/schema (the one definition of the result format), plus what only
// the report needs: the claim's folder name and each cell's file path. Everything is read and
// validated before the report writes a byte: an error names the file, the field and what was
// wrong, and nothing is written. Unknown fields are ignored, so older reports keep reading newer
// result files.
#pragma once

#include <filesystem>
#include <ostream>
#include <string>
#include <vector>

#include "harness/schema/records.h"

namespace thmcheck::report {

using schema::Arm;
using schema::ArmNotRun;
using schema::Check;
using schema::CheckKind;
using schema::CheckKindName;
using schema::Citation;
using schema::CrossCheck;
using schema::CrossCheckGroup;
using schema::Excluded;
using schema::Expected;
using schema::FigureLine;
using schema::FigureSeries;
using schema::Fit;
using schema::Interval;
using schema::IsExponentKind;
using schema::kEvidence;
using schema::kMustFail;
using schema::kPrediction;
using schema::kSanity;
using schema::Measures;
using schema::PointAt;
using ClaimFigure = schema::Figure;
using SweepPoint = schema::Point;

// Where a point sits on its sweep's axis (schema::Point::Abscissa), or 0 for a point known only
// by a multi-axis grid point (the report plots one-axis sweeps).
inline double PointX(const SweepPoint& p) { return p.Abscissa().value_or(0); }

// One cell file, with its path relative to the claim folder (as verdict.json lists it).
struct Cell : schema::CellRecord {
  std::string file;
};

// A claim's verdict.json with the cells it lists, read from IN/<id>/.
struct ClaimResult : schema::VerdictRecord {
  std::string id;  // the folder name under IN/; also the folder name under OUT/
  std::vector<Cell> cells;
};

// Reads one verdict.json (no cell files) into *claim, with `id` as its folder name. Returns false
// and sets *error to "<file>: <problem>" (the problem names the JSON pointer of a bad field) when
// the file is unreadable or malformed. The history pages use this alone: they need no cells.
bool ReadVerdict(const std::filesystem::path& verdict_file, const std::string& id,
                 ClaimResult* claim, std::string* error);

// Reads one claim folder: its verdict.json and every cell file it lists (or, when verdict.json
// has no "cells" list, every cells/*.json in name order). Returns false and sets *error to
// "<file>: <problem>" on any unreadable or malformed file. Harmless oddities (the
// "claim" field differing from the folder name) go to `log` as warnings.
bool ReadClaim(const std::filesystem::path& claim_dir, ClaimResult* claim, std::ostream& log,
               std::string* error);

// Reads every subfolder of `in` that holds a verdict.json, in name order. Folders without one
// are skipped with a note on `log`. Fails when `in` is not a readable directory, when it holds
// no claim folder, or when any claim fails ReadClaim.
bool ReadResults(const std::filesystem::path& in, std::vector<ClaimResult>* claims,
                 std::ostream& log, std::string* error);

}  // namespace thmcheck::report
