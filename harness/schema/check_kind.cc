// Check kinds by name (see check_kind.h).
#include "harness/schema/check_kind.h"

namespace thmcheck::schema {
namespace {

constexpr CheckKind kKinds[] = {CheckKind::kExponent,   CheckKind::kExponentBound,
                                CheckKind::kMeanBound,  CheckKind::kPairedDifference,
                                CheckKind::kProportion, CheckKind::kCrossArm,
                                CheckKind::kStatus};

}  // namespace

const char* CheckKindName(CheckKind k) {
  switch (k) {
    case CheckKind::kExponent:
      return "exponent";
    case CheckKind::kExponentBound:
      return "exponent_bound";
    case CheckKind::kMeanBound:
      return "mean_bound";
    case CheckKind::kPairedDifference:
      return "paired_difference";
    case CheckKind::kProportion:
      return "proportion";
    case CheckKind::kCrossArm:
      return "cross_arm";
    case CheckKind::kStatus:
      return "status";
  }
  return "?";
}

std::optional<CheckKind> CheckKindFromName(std::string_view name) {
  for (CheckKind k : kKinds)
    if (name == CheckKindName(k)) return k;
  return std::nullopt;
}

}  // namespace thmcheck::schema
