// The in-memory form of one results directory, as the report sees it: a claim's verdict.json and
// its cell files, as the records of harness/schema (the one definition of the result format),
// plus what only the report needs: the claim's folder name and each cell's file path. Plain data,
// filled by results_reader.cc and read by the page and plot writers.
#pragma once

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

}  // namespace thmcheck::report
