// Typed, path-aware field access for the result files (verdict.json, cells/*.json).
// The report must refuse a malformed file with a message naming the field and what was wrong
// (docs/house_rules.md "Errors"), and must tolerate fields it does not know. FieldReader keeps the
// first problem it meets, with a JSON path to it ("arms[1].checks[0].ci"); after that every
// accessor returns a default, so a reader can be written top to bottom and checked once at the
// end.
#pragma once

#include <nlohmann/json.hpp>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "reports/results.h"

namespace thmcheck::report {

// Reads and parses a result file whose top level must be a JSON object; on failure sets *error
// to "<file>: <problem>" (cannot open, read error, not valid JSON, not an object).
bool ParseJsonFile(const std::filesystem::path& file, nlohmann::json* out, std::string* error);

enum class Need { kRequired, kOptional };

class FieldReader {
 public:
  bool ok() const { return error_.empty(); }
  const std::string& error() const { return error_; }

  // Records a problem at `where` unless one is already recorded.
  void Fail(const std::string& where, const std::string& what);

  // Each accessor reads obj[key]; `where` is obj's own path ("" for the root). An optional field
  // may be absent or null; a present, non-null field of the wrong type is always an error.
  std::string String(const nlohmann::json& obj, std::string_view key, const std::string& where,
                     Need need);
  std::optional<double> Number(const nlohmann::json& obj, std::string_view key,
                               const std::string& where, Need need);
  std::optional<int> Integer(const nlohmann::json& obj, std::string_view key,
                             const std::string& where, Need need);
  std::optional<bool> Bool(const nlohmann::json& obj, std::string_view key,
                           const std::string& where, Need need);
  // A string or an integer, returned as text (seeds are written both ways).
  std::string Text(const nlohmann::json& obj, std::string_view key, const std::string& where,
                   Need need);
  // [lo, hi] with either side a number or null.
  Interval Pair(const nlohmann::json& obj, std::string_view key, const std::string& where);
  // Returns nullptr when absent/null (optional) or on error.
  const nlohmann::json* Array(const nlohmann::json& obj, std::string_view key,
                              const std::string& where, Need need);
  const nlohmann::json* Object(const nlohmann::json& obj, std::string_view key,
                               const std::string& where, Need need);
  // An array of strings; std::nullopt when absent/null (optional) or on error.
  std::optional<std::vector<std::string>> Strings(const nlohmann::json& obj, std::string_view key,
                                                  const std::string& where, Need need);

 private:
  // Looks obj[key] up; nullptr when absent or null (an error when required).
  const nlohmann::json* Find(const nlohmann::json& obj, std::string_view key,
                             const std::string& where, Need need);

  std::string error_;
};

// "where.key" (or "key" at the root) and "where[i]": the paths used in error messages.
std::string FieldPath(const std::string& where, std::string_view key);
std::string IndexPath(const std::string& where, size_t i);

// Calls read(element, path) on each element of the array obj[key] ("where.key[i]"), in order,
// until a problem is recorded.
template <class Read>
void ForEachElement(FieldReader& r, const nlohmann::json& obj, std::string_view key,
                    const std::string& where, Need need, Read read) {
  const nlohmann::json* array = r.Array(obj, key, where, need);
  for (size_t i = 0; array != nullptr && i < array->size() && r.ok(); ++i)
    read((*array)[i], IndexPath(FieldPath(where, key), i));
}

}  // namespace thmcheck::report
