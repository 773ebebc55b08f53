// Declared claim parameters: name, type, valid range and a default per scale. `--set KEY=VALUE`
// strings are parsed and range-checked here, before any work, so that bad input becomes a
// UsageError naming the key, the value and what is allowed (ceres' IsValid-before-work idiom).
// Resolved values live in a JSON object (sorted keys, so hashing it is deterministic).
// Scales: `smoke` (seconds; sanitizer and CI runs, any verdict), `quick` (ctest, minutes), `full`.
#pragma once

#include <limits>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "harness/contract.h"

namespace thmcheck {

inline constexpr const char* kSmokeScale = "smoke";
inline constexpr const char* kQuickScale = "quick";

enum class ParamType { kInt, kReal, kString, kIntList, kRealList };

struct ParamSpec {
  std::string name;
  ParamType type = ParamType::kReal;
  std::string help;
  double min = -std::numeric_limits<double>::infinity();  // each element, for lists
  double max = std::numeric_limits<double>::infinity();
  std::vector<std::string> choices;                // kString: the allowed values (empty = any)
  int min_count = 1;                               // lists: fewest elements
  bool increasing = false;                         // lists: strictly increasing
  std::map<std::string, nlohmann::json> defaults;  // scale name -> value

  // "integer in [16, 65536]", "list of ≥ 5 increasing integers in [16, 65536]", "one of relu|tanh".
  std::string Allowed() const;

  // Sets the defaults of the two standard scales: IntParam(...).Defaults(20, 50).
  ParamSpec Defaults(nlohmann::json quick, nlohmann::json full) const;
  // The `smoke` default: IntParam(...).Defaults(20, 50).Smoke(8). A parameter without one takes
  // its quick default at smoke scale, so only what makes a run slow needs a smoke value.
  ParamSpec Smoke(nlohmann::json smoke) const;

  // The default at `scale` (smoke falls back to quick), or nullptr when there is none.
  const nlohmann::json* DefaultAt(const std::string& scale) const;
};

// A typed choice: the values of an enum and the names they have in --set, in cell parameters and
// in result files, declared once beside the claim that uses them. ChoiceParam(name, choices,
// help) allows exactly these names; CellParams::Choice reads one back as the enum, so claim code
// compares enums, never strings.
template <class E>
struct Choices {
  std::vector<std::pair<E, std::string>> values;
  std::vector<std::string> Names() const {
    std::vector<std::string> names;
    for (const auto& [value, name] : values) names.push_back(name);
    return names;
  }
  E Of(const std::string& name) const {
    for (const auto& [value, n] : values)
      if (n == name) return value;
    THM_CHECK_MSG(false, "'" << name << "' is none of the declared choices");
    return values.front().first;
  }
};

// Declaration helpers, so claims read as a table of parameters.
ParamSpec IntParam(std::string name, double min, double max, std::string help);
ParamSpec RealParam(std::string name, double min, double max, std::string help);
ParamSpec ChoiceParam(std::string name, std::vector<std::string> choices, std::string help);
template <class E>
ParamSpec ChoiceParam(std::string name, const Choices<E>& choices, std::string help) {
  return ChoiceParam(std::move(name), choices.Names(), std::move(help));
}
ParamSpec IntListParam(std::string name, double min, double max, int min_count, bool increasing,
                       std::string help);
ParamSpec RealListParam(std::string name, double min, double max, int min_count, bool increasing,
                        std::string help);

// Parses `text` as a value of `spec` and checks its range; throws UsageError naming the key.
nlohmann::json ParseParam(const ParamSpec& spec, const std::string& text);

// Checks an already-typed value (a default, or an arm override) against the spec.
// Returns "" when valid, else the reason.
std::string ValidateParam(const ParamSpec& spec, const nlohmann::json& value);

// Defaults for `scale`, then each KEY=VALUE of `sets` applied in order. Throws UsageError for an
// unknown key, a bad value, or a spec without a default for the scale.
nlohmann::json ResolveParams(const std::vector<ParamSpec>& specs, const std::string& scale,
                             const std::vector<std::pair<std::string, std::string>>& sets);

// Read access to one sweep cell's parameters, for claim code (missing key or wrong type = CHECK).
class CellParams {
 public:
  explicit CellParams(nlohmann::json values) : values_(std::move(values)) {}
  long Int(const std::string& key) const;
  double Real(const std::string& key) const;  // accepts integers too
  std::string Str(const std::string& key) const;
  template <class E>
  E Choice(const std::string& key, const Choices<E>& choices) const {
    return choices.Of(Str(key));
  }
  std::vector<long> IntList(const std::string& key) const;
  std::vector<double> RealList(const std::string& key) const;
  bool Has(const std::string& key) const { return values_.contains(key); }
  const nlohmann::json& json() const { return values_; }

 private:
  const nlohmann::json& At(const std::string& key) const;
  nlohmann::json values_;
};

}  // namespace thmcheck
