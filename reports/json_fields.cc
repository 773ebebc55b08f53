// Typed, path-aware field access for the result files; see json_fields.h for the contract.
// Type names in messages are nlohmann's ("string", "number", "null", "array", "object",
// "boolean"), so a message reads "expected a number, got string".
#include "reports/json_fields.h"

#include <cmath>
#include <fstream>
#include <sstream>
#include <limits>

namespace thmcheck::report {
namespace {

using nlohmann::json;

std::string Got(const json& value) { return std::string(", got ") + value.type_name(); }

}  // namespace

bool ParseJsonFile(const std::filesystem::path& file, json* out, std::string* error) {
  std::ifstream stream(file, std::ios::binary);
  if (!stream) {
    *error = file.string() + ": cannot open for reading";
    return false;
  }
  std::ostringstream text;
  text << stream.rdbuf();
  if (stream.bad()) {
    *error = file.string() + ": read error";
    return false;
  }
  // NOTE: nlohmann reports the line and column of a syntax error only through its exception;
  // it is caught right here and turned into a message, so no exception leaves this file.
  try {
    *out = json::parse(text.str());
  } catch (const json::parse_error& e) {
    *error = file.string() + ": not valid JSON: " + e.what();
    return false;
  }
  if (!out->is_object()) {
    *error = file.string() + ": expected a JSON object at the top level, got " + out->type_name();
    return false;
  }
  return true;
}


std::string FieldPath(const std::string& where, std::string_view key) {
  return where.empty() ? std::string(key) : where + "." + std::string(key);
}

std::string IndexPath(const std::string& where, size_t i) {
  return where + "[" + std::to_string(i) + "]";
}

void FieldReader::Fail(const std::string& where, const std::string& what) {
  if (error_.empty()) error_ = (where.empty() ? "" : where + ": ") + what;
}

const json* FieldReader::Find(const json& obj, std::string_view key, const std::string& where,
                              Need need) {
  if (!ok()) return nullptr;
  if (!obj.is_object()) {
    Fail(where, std::string("expected an object") + Got(obj));
    return nullptr;
  }
  const auto it = obj.find(key);
  if (it == obj.end() || it->is_null()) {
    if (need == Need::kRequired) Fail(FieldPath(where, key), "required field is missing or null");
    return nullptr;
  }
  return &*it;
}

std::string FieldReader::String(const json& obj, std::string_view key, const std::string& where,
                                Need need) {
  const json* value = Find(obj, key, where, need);
  if (value == nullptr) return "";
  if (!value->is_string()) {
    Fail(FieldPath(where, key), "expected a string" + Got(*value));
    return "";
  }
  return value->get<std::string>();
}

std::optional<double> FieldReader::Number(const json& obj, std::string_view key,
                                          const std::string& where, Need need) {
  const json* value = Find(obj, key, where, need);
  if (value == nullptr) return std::nullopt;
  if (!value->is_number()) {
    Fail(FieldPath(where, key), "expected a number or null" + Got(*value));
    return std::nullopt;
  }
  return value->get<double>();
}

std::optional<int> FieldReader::Integer(const json& obj, std::string_view key,
                                        const std::string& where, Need need) {
  const std::optional<double> number = Number(obj, key, where, need);
  if (!number) return std::nullopt;
  // Integers may arrive as 3.0 from writers that only know doubles; 3.5 is an error.
  if (std::trunc(*number) != *number || std::fabs(*number) > std::numeric_limits<int>::max()) {
    Fail(FieldPath(where, key), "expected an integer, got " + obj.at(key).dump());
    return std::nullopt;
  }
  return static_cast<int>(*number);
}

std::optional<bool> FieldReader::Bool(const json& obj, std::string_view key,
                                      const std::string& where, Need need) {
  const json* value = Find(obj, key, where, need);
  if (value == nullptr) return std::nullopt;
  if (!value->is_boolean()) {
    Fail(FieldPath(where, key), "expected true or false" + Got(*value));
    return std::nullopt;
  }
  return value->get<bool>();
}

std::string FieldReader::Text(const json& obj, std::string_view key, const std::string& where,
                              Need need) {
  const json* value = Find(obj, key, where, need);
  if (value == nullptr) return "";
  if (value->is_string()) return value->get<std::string>();
  if (value->is_number_integer()) return value->dump();
  Fail(FieldPath(where, key), "expected a string or an integer" + Got(*value));
  return "";
}

Interval FieldReader::Pair(const json& obj, std::string_view key, const std::string& where) {
  Interval interval;
  const json* value = Find(obj, key, where, Need::kOptional);
  if (value == nullptr) return interval;
  const std::string path = FieldPath(where, key);
  if (!value->is_array() || value->size() != 2) {
    Fail(path, "expected [lo, hi] (two numbers or nulls)" +
                   (value->is_array() ? ", got " + std::to_string(value->size()) + " elements"
                                      : Got(*value)));
    return interval;
  }
  for (size_t i = 0; i < 2; ++i) {
    const json& side = (*value)[i];
    if (side.is_null()) continue;  // an open side
    if (!side.is_number()) {
      Fail(IndexPath(path, i), "expected a number or null" + Got(side));
      return interval;
    }
    (i == 0 ? interval.lo : interval.hi) = side.get<double>();
  }
  interval.present = true;
  return interval;
}

const json* FieldReader::Array(const json& obj, std::string_view key, const std::string& where,
                               Need need) {
  const json* value = Find(obj, key, where, need);
  if (value != nullptr && !value->is_array()) {
    Fail(FieldPath(where, key), "expected an array" + Got(*value));
    return nullptr;
  }
  return value;
}

const json* FieldReader::Object(const json& obj, std::string_view key, const std::string& where,
                                Need need) {
  const json* value = Find(obj, key, where, need);
  if (value != nullptr && !value->is_object()) {
    Fail(FieldPath(where, key), "expected an object" + Got(*value));
    return nullptr;
  }
  return value;
}

std::optional<std::vector<std::string>> FieldReader::Strings(const json& obj, std::string_view key,
                                                             const std::string& where, Need need) {
  const json* array = Array(obj, key, where, need);
  if (array == nullptr) return std::nullopt;
  std::vector<std::string> out;
  for (size_t i = 0; i < array->size(); ++i) {
    if (!(*array)[i].is_string()) {
      Fail(IndexPath(FieldPath(where, key), i), "expected a string" + Got((*array)[i]));
      return std::nullopt;
    }
    out.push_back((*array)[i].get<std::string>());
  }
  return out;
}

}  // namespace thmcheck::report
