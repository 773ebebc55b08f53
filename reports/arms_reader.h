// Reads verdict.json's "arms" (each arm's checks, fits and sweep points) and "arms_not_run" into
// Arm and ArmNotRun values; split from results_reader.cc, which reads the rest of the file. Fields
// added by later harnesses (a check's name, role, why, excluded cells; a control's against and
// rejected_by) are optional, so older files still read, but a present field of the wrong type is
// an error like any other (json_fields.h).
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "reports/json_fields.h"
#include "reports/results.h"

namespace thmcheck::report {

// obj["points"] (absent or null: none), each placed by "x" or by a one-axis grid point "at".
std::vector<SweepPoint> ReadPoints(FieldReader& r, const nlohmann::json& obj,
                                   const std::string& where);

// root["arms"] (required) and root["arms_not_run"] (optional).
std::vector<Arm> ReadArms(FieldReader& r, const nlohmann::json& root);
std::vector<ArmNotRun> ReadArmsNotRun(FieldReader& r, const nlohmann::json& root);

}  // namespace thmcheck::report
