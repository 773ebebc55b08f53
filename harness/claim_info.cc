// Claim descriptions for `list` and `--version` (see claim_info.h).
#include "harness/claim_info.h"

#include <cmath>
#include <cstdio>
#include <ostream>

#include "harness/build_info.h"
#include "harness/claim_validation.h"
#include "harness/schema/citation_format.h"
#include "harness/schema/records_json.h"

namespace thmcheck {
namespace {

const char* TypeName(ParamType t) {
  switch (t) {
    case ParamType::kInt:
      return "int";
    case ParamType::kReal:
      return "real";
    case ParamType::kString:
      return "string";
    case ParamType::kIntList:
      return "int list";
    case ParamType::kRealList:
      return "real list";
  }
  return "?";
}

nlohmann::json ParamJson(const ClaimSpec& c, const ParamSpec& p) {
  nlohmann::json defaults = nlohmann::json::object();
  for (const auto& scale : c.scales)
    if (const nlohmann::json* v = p.DefaultAt(scale)) defaults[scale] = *v;
  return {{"name", p.name},
          {"type", TypeName(p.type)},
          {"allowed", p.Allowed()},
          {"help", p.help},
          {"defaults", defaults}};
}

// verdict.json's citation record without "also" (ClaimDetailJson adds it): `list --json` keys.
nlohmann::json CitationWithoutAlso(const Citation& c) {
  nlohmann::json j = c;
  j.erase("also");
  return j;
}

nlohmann::json Bound(double v) { return std::isfinite(v) ? nlohmann::json(v) : nlohmann::json(); }

nlohmann::json CheckJson(const CheckSpec& s) {
  nlohmann::json j = {{"name", CheckName(s)},       {"kind", CheckKindName(s.kind)},
                      {"observable", s.observable}, {"band", {Bound(s.lo), Bound(s.hi)}},
                      {"predicted", s.predicted},   {"tolerance", s.tolerance},
                      {"sanity", s.sanity}};
  if (!s.x.empty()) j["x"] = s.x;
  if (!s.versus_arm.empty()) j["versus_arm"] = s.versus_arm;
  return j;
}

// "[0.9, +∞)", "(−∞, −0.4]", "[−0.6, −0.4]". Built by appends: GCC 12 warns falsely
// (-Wrestrict) on "[" + std::string.
std::string BandText(const CheckSpec& s) {
  const auto num = [](double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%g", v);
    return std::string(buf);
  };
  std::string text = std::isfinite(s.lo) ? "[" : "(−∞";
  if (std::isfinite(s.lo)) text.append(num(s.lo));
  text.append(", ");
  text.append(std::isfinite(s.hi) ? num(s.hi) + "]" : "+∞)");
  return text;
}

std::string DefaultText(const nlohmann::json* v) {
  if (v == nullptr) return "-";
  return v->is_string() ? v->get<std::string>() : v->dump();
}

}  // namespace

nlohmann::json ClaimListJson(const std::vector<ClaimSpec>& claims) {
  nlohmann::json list = nlohmann::json::array();
  for (const auto& c : claims) {
    nlohmann::json params = nlohmann::json::array();
    for (const auto& p : c.params) params.push_back(ParamJson(c, p));
    list.push_back(
        {{"id", c.id},
         {"title", c.title},
         {"protocol", c.protocol},
         {"citation", CitationWithoutAlso(c.citation)},
         {"scales", c.scales},
         {"expected",
          {{"status", ExpectedStatusName(c.expected.status)}, {"reason", c.expected.reason}}},
         {"parameters", params}});
  }
  return list;
}

nlohmann::json ClaimDetailJson(const ClaimSpec& c) {
  nlohmann::json j = ClaimListJson({c}).at(0);
  j["statement"] = c.statement;
  j["citation"]["also"] = c.citation.also;
  nlohmann::json arms = nlohmann::json::array();
  for (const ArmSpec& a : c.arms) {
    nlohmann::json axes = nlohmann::json::array(), checks = nlohmann::json::array();
    for (const Axis& ax : a.axes) axes.push_back({{"name", ax.name}, {"from", ax.from}});
    for (const CheckSpec& s : a.checks) checks.push_back(CheckJson(s));
    nlohmann::json arm = {{"name", a.name},
                          {"role", ArmRoleName(a.role)},
                          {"condition", a.condition},
                          {"overrides", a.overrides},
                          {"axes", axes},
                          {"checks", checks}};
    if (!a.own_params.empty()) arm["own_params"] = a.own_params;
    if (!a.replicates_from.empty()) arm["replicates_from"] = a.replicates_from;
    if (const auto it = c.arm_switches.find(a.name); it != c.arm_switches.end())
      arm["enabled_by"] = it->second;
    if (a.role == ArmRole::kControl) {
      arm["against"] = AgainstArm(c, a).name;
      nlohmann::json must_fail = nlohmann::json::array();
      for (const MustFail& m : a.must_fail)
        must_fail.push_back({{"check", m.check}, {"why", m.why}});
      arm["must_fail"] = must_fail;
    }
    arms.push_back(std::move(arm));
  }
  j["arms"] = arms;
  return j;
}

void PrintClaimSummaries(const std::vector<ClaimSpec>& claims, std::ostream& out) {
  for (const auto& c : claims) {
    out << c.id << "  " << c.title << "\n    " << c.citation.authors << " ("
        << c.citation.year.value_or(0) << ")" << cite::ArxivWords(c.citation.arxiv) << ", "
        << c.citation.theorem << "\n    protocol " << c.protocol
        << ", expected: " << ExpectedStatusName(c.expected.status) << "; parameters:";
    for (const auto& p : c.params) out << " " << p.name;
    out << "\n";
  }
  out << "`thmcheck list CLAIM` describes one claim: parameters with ranges and defaults, arms "
         "and checks.\n";
}

void PrintClaimDetail(const ClaimSpec& c, std::ostream& out) {
  out << c.id << ": " << c.title << "\n  protocol " << c.protocol
      << "; expected: " << ExpectedStatusName(c.expected.status)
      << (c.expected.reason.empty() ? "" : " (" + c.expected.reason + ")") << "\n\n  "
      << c.statement << "\n\n  " << c.citation.authors << " (" << c.citation.year.value_or(0)
      << "), " << c.citation.title << cite::ArxivWords(c.citation.arxiv) << ", "
      << c.citation.theorem;
  if (!c.citation.venue.empty()) out << "; " << c.citation.venue;
  out << "\n";
  for (const std::string& also : c.citation.also) out << "  also: " << also << "\n";
  out << "\nparameters (--set KEY=VALUE; defaults per scale";
  for (const std::string& scale : c.scales)
    out << (scale == c.scales.front() ? ": " : " | ") << scale;
  out << ")\n";
  for (const ParamSpec& p : c.params) {
    out << "  " << p.name << "  (" << TypeName(p.type) << ", " << p.Allowed() << ")  ";
    for (const std::string& scale : c.scales)
      out << (scale == c.scales.front() ? "" : " | ") << DefaultText(p.DefaultAt(scale));
    out << "\n      " << p.help << "\n";
  }
  out << "\narms\n";
  for (const ArmSpec& a : c.arms) {
    out << "  " << a.name << " (" << ArmRoleName(a.role);
    if (a.role == ArmRole::kControl) out << ", against " << AgainstArm(c, a).name;
    if (const auto it = c.arm_switches.find(a.name); it != c.arm_switches.end())
      out << "; runs when --set " << it->second << "=1";
    out << "): " << a.condition << "\n";
    if (!a.overrides.empty()) out << "      sets " << a.overrides.dump() << "\n";
    for (const Axis& ax : a.axes) out << "      sweeps " << ax.name << " over " << ax.from << "\n";
    for (const MustFail& m : a.must_fail)
      out << "      must FAIL " << m.check << ": " << m.why << "\n";
    for (const CheckSpec& s : a.checks) {
      const char* role = s.sanity ? "sanity" : a.role == ArmRole::kControl ? "predicts" : "check";
      out << "      " << role << " " << CheckName(s) << ": " << CheckKindName(s.kind)
          << (s.x.empty() ? "" : " in " + s.x) << ", band " << BandText(s) << " — " << s.tolerance
          << "\n";
    }
  }
}

void PrintVersion(const std::vector<ClaimSpec>& claims, std::ostream& out) {
  out << "thmcheck " << SuiteVersion() << " (commit " << BuildCommit() << ", " << BuildCommitDate()
      << "; " << BuildCompiler() << ")\n";
  for (const ClaimSpec& c : claims)
    out << "  " << c.id << " protocol " << c.protocol << " ("
        << ExpectedStatusName(c.expected.status) << ")\n";
}

}  // namespace thmcheck
