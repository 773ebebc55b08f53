// Parsing and validation of declared parameters (see params.h).
#include "harness/params.h"

#include <charconv>
#include <cmath>
#include <sstream>

#include "harness/contract.h"
#include "harness/errors.h"

namespace thmcheck {
namespace {

std::string Num(double v) {
  std::ostringstream os;
  os << v;
  return os.str();
}

std::string Range(const ParamSpec& s) {
  const bool lo = std::isfinite(s.min), hi = std::isfinite(s.max);
  if (lo && hi) return " in [" + Num(s.min) + ", " + Num(s.max) + "]";
  if (lo) return " ≥ " + Num(s.min);
  if (hi) return " ≤ " + Num(s.max);
  return "";
}

// Whole-string parses: "12x", "", " 3" and "1e400" are all rejected.
bool ParseInt(const std::string& t, long* out) {
  const char* end = t.data() + t.size();
  auto [p, ec] = std::from_chars(t.data(), end, *out);
  return ec == std::errc() && p == end && !t.empty();
}
bool ParseReal(const std::string& t, double* out) {
  const char* end = t.data() + t.size();
  auto [p, ec] = std::from_chars(t.data(), end, *out);
  return ec == std::errc() && p == end && !t.empty() && std::isfinite(*out);
}

std::vector<std::string> SplitCommas(const std::string& text) {
  std::vector<std::string> parts;
  std::string cur;
  for (char c : text) {
    if (c == ',') {
      parts.push_back(cur);
      cur.clear();
    } else {
      cur += c;
    }
  }
  parts.push_back(cur);
  return parts;
}

bool IsList(ParamType t) { return t == ParamType::kIntList || t == ParamType::kRealList; }
bool IsIntType(ParamType t) { return t == ParamType::kInt || t == ParamType::kIntList; }

}  // namespace

ParamSpec ParamSpec::Defaults(nlohmann::json quick, nlohmann::json full) const {
  ParamSpec s = *this;
  s.defaults[kQuickScale] = std::move(quick);
  s.defaults["full"] = std::move(full);
  return s;
}

ParamSpec ParamSpec::Smoke(nlohmann::json smoke) const {
  ParamSpec s = *this;
  s.defaults[kSmokeScale] = std::move(smoke);
  return s;
}

const nlohmann::json* ParamSpec::DefaultAt(const std::string& scale) const {
  auto it = defaults.find(scale);
  if (it == defaults.end() && scale == kSmokeScale) it = defaults.find(kQuickScale);
  return it == defaults.end() ? nullptr : &it->second;
}

namespace {
ParamSpec Make(std::string name, ParamType type, double min, double max, std::string help) {
  ParamSpec s;
  s.name = std::move(name);
  s.type = type;
  s.min = min;
  s.max = max;
  s.help = std::move(help);
  return s;
}
}  // namespace

ParamSpec IntParam(std::string name, double min, double max, std::string help) {
  return Make(std::move(name), ParamType::kInt, min, max, std::move(help));
}
ParamSpec RealParam(std::string name, double min, double max, std::string help) {
  return Make(std::move(name), ParamType::kReal, min, max, std::move(help));
}
ParamSpec ChoiceParam(std::string name, std::vector<std::string> choices, std::string help) {
  ParamSpec s = Make(std::move(name), ParamType::kString, 0, 0, std::move(help));
  s.choices = std::move(choices);
  return s;
}
ParamSpec IntListParam(std::string name, double min, double max, int min_count, bool increasing,
                       std::string help) {
  ParamSpec s = Make(std::move(name), ParamType::kIntList, min, max, std::move(help));
  s.min_count = min_count;
  s.increasing = increasing;
  return s;
}
ParamSpec RealListParam(std::string name, double min, double max, int min_count, bool increasing,
                        std::string help) {
  ParamSpec s = Make(std::move(name), ParamType::kRealList, min, max, std::move(help));
  s.min_count = min_count;
  s.increasing = increasing;
  return s;
}

std::string ParamSpec::Allowed() const {
  switch (type) {
    case ParamType::kInt:
      return "an integer" + Range(*this);
    case ParamType::kReal:
      return "a finite number" + Range(*this);
    case ParamType::kString: {
      if (choices.empty()) return "a string";
      std::string s = "one of ";
      for (size_t i = 0; i < choices.size(); ++i) s += (i ? "|" : "") + choices[i];
      return s;
    }
    case ParamType::kIntList:
    case ParamType::kRealList: {
      std::string s = "a comma-separated list of ≥ " + std::to_string(min_count) +
                      (increasing ? " strictly increasing " : " ") +
                      (type == ParamType::kIntList ? "integers" : "numbers") + Range(*this);
      return s;
    }
  }
  return "";
}

std::string ValidateParam(const ParamSpec& spec, const nlohmann::json& v) {
  auto check_number = [&](const nlohmann::json& x) -> std::string {
    if (!x.is_number()) return "not a number";
    if (IsIntType(spec.type) && !x.is_number_integer()) return "not an integer";
    const double d = x.get<double>();
    if (!std::isfinite(d)) return "not finite";
    if (d < spec.min || d > spec.max) return Num(d) + " is out of range";
    return "";
  };
  if (spec.type == ParamType::kString) {
    if (!v.is_string()) return "not a string";
    if (spec.choices.empty()) return "";
    for (const auto& c : spec.choices)
      if (c == v.get<std::string>()) return "";
    return "'" + v.get<std::string>() + "' is not an allowed value";
  }
  if (!IsList(spec.type)) return check_number(v);
  if (!v.is_array()) return "not a list";
  if (static_cast<int>(v.size()) < spec.min_count)
    return "has " + std::to_string(v.size()) + " elements";
  for (size_t i = 0; i < v.size(); ++i) {
    if (std::string e = check_number(v[i]); !e.empty())
      return "element " + std::to_string(i + 1) + ": " + e;
    if (spec.increasing && i > 0 && !(v[i].get<double>() > v[i - 1].get<double>()))
      return "is not strictly increasing";
  }
  return "";
}

nlohmann::json ParseParam(const ParamSpec& spec, const std::string& text) {
  auto fail = [&](const std::string& why) -> UsageError {
    return UsageError("--set " + spec.name + "=" + text + ": " + why + "; '" + spec.name +
                      "' must be " + spec.Allowed());
  };
  auto parse_one = [&](const std::string& t) -> nlohmann::json {
    if (IsIntType(spec.type)) {
      long v;
      if (!ParseInt(t, &v)) throw fail("'" + t + "' is not an integer");
      return v;
    }
    double v;
    if (!ParseReal(t, &v)) throw fail("'" + t + "' is not a finite number");
    return v;
  };
  nlohmann::json value;
  if (spec.type == ParamType::kString) {
    value = text;
  } else if (IsList(spec.type)) {
    value = nlohmann::json::array();
    for (const auto& part : SplitCommas(text)) value.push_back(parse_one(part));
  } else {
    value = parse_one(text);
  }
  if (std::string why = ValidateParam(spec, value); !why.empty()) throw fail(why);
  return value;
}

nlohmann::json ResolveParams(const std::vector<ParamSpec>& specs, const std::string& scale,
                             const std::vector<std::pair<std::string, std::string>>& sets) {
  nlohmann::json params = nlohmann::json::object();
  for (const auto& s : specs) {
    const nlohmann::json* value = s.DefaultAt(scale);
    THM_CHECK_MSG(value, "parameter " << s.name << " has no default for " << scale);
    const std::string why = ValidateParam(s, *value);
    THM_CHECK_MSG(why.empty(), "default of " << s.name << " at " << scale << ": " << why);
    params[s.name] = *value;
  }
  for (const auto& [key, text] : sets) {
    const ParamSpec* spec = nullptr;
    for (const auto& s : specs)
      if (s.name == key) spec = &s;
    if (!spec) {
      std::string known;
      for (const auto& s : specs) known += (known.empty() ? "" : ", ") + s.name;
      throw UsageError("--set " + key + "=" + text + ": unknown key '" + key +
                       "'; this claim declares: " + known);
    }
    params[key] = ParseParam(*spec, text);
  }
  return params;
}

const nlohmann::json& CellParams::At(const std::string& key) const {
  THM_CHECK_MSG(values_.contains(key), "cell has no parameter '" << key << "': " << values_.dump());
  return values_.at(key);
}
long CellParams::Int(const std::string& key) const {
  const auto& v = At(key);
  THM_CHECK_MSG(v.is_number_integer(), key << " is not an integer: " << v.dump());
  return v.get<long>();
}
double CellParams::Real(const std::string& key) const {
  const auto& v = At(key);
  THM_CHECK_MSG(v.is_number(), key << " is not a number: " << v.dump());
  return v.get<double>();
}
std::string CellParams::Str(const std::string& key) const {
  const auto& v = At(key);
  THM_CHECK_MSG(v.is_string(), key << " is not a string: " << v.dump());
  return v.get<std::string>();
}
std::vector<long> CellParams::IntList(const std::string& key) const {
  return At(key).get<std::vector<long>>();
}
std::vector<double> CellParams::RealList(const std::string& key) const {
  return At(key).get<std::vector<double>>();
}

}  // namespace thmcheck
