// `--set` parsing and validation: every bad value is a UsageError naming the key and what is
// allowed; good values parse to the declared type.
#include "harness/params.h"

#include <gtest/gtest.h>

#include "harness/errors.h"

namespace thmcheck {
namespace {

std::vector<ParamSpec> Specs() {
  return {IntParam("d", 1, 1000, "input dim").Defaults(10, 10),
          IntListParam("widths", 16, 65536, 3, true, "widths")
              .Defaults({128, 256, 512}, {128, 256, 512}),
          RealParam("eta_factor", 1e-3, 1.9, "step").Defaults(1.0, 1.0),
          ChoiceParam("activation", {"relu", "tanh"}, "σ").Defaults("relu", "relu")};
}

std::string ErrorOf(const std::string& key, const std::string& value) {
  try {
    ResolveParams(Specs(), "quick", {{key, value}});
  } catch (const UsageError& e) {
    return e.what();
  }
  return "";
}

TEST(ParamsTest, DefaultsAndOverrides) {
  const nlohmann::json p =
      ResolveParams(Specs(), "quick", {{"d", "5"}, {"widths", "16,32,64,128"}});
  EXPECT_EQ(p["d"], 5);
  EXPECT_EQ(p["widths"], nlohmann::json({16, 32, 64, 128}));
  EXPECT_EQ(p["eta_factor"], 1.0);
  EXPECT_EQ(p["activation"], "relu");
}

TEST(ParamsTest, BadValuesNameTheKeyAndTheAllowedRange) {
  EXPECT_NE(ErrorOf("d", "0").find("'d' must be an integer in [1, 1000]"), std::string::npos);
  EXPECT_NE(ErrorOf("widths", "-4").find("widths"), std::string::npos);
  EXPECT_NE(ErrorOf("widths", "-4").find("[16, 65536]"), std::string::npos);
  EXPECT_NE(ErrorOf("eta_factor", "abc").find("'abc' is not a finite number"), std::string::npos);
  EXPECT_NE(ErrorOf("eta_factor", "nan").find("eta_factor"), std::string::npos);
  EXPECT_NE(ErrorOf("d", "3.5").find("not an integer"), std::string::npos);
  EXPECT_NE(ErrorOf("d", "").find("not an integer"), std::string::npos);
  EXPECT_NE(ErrorOf("widths", "64,32,128").find("strictly increasing"), std::string::npos);
  EXPECT_NE(ErrorOf("widths", "64,128").find("≥ 3"), std::string::npos);
  EXPECT_NE(ErrorOf("widths", "64,,128").find("not an integer"), std::string::npos);
  EXPECT_NE(ErrorOf("activation", "sigmoid").find("relu|tanh"), std::string::npos);
  EXPECT_NE(ErrorOf("depth", "3").find("unknown key 'depth'"), std::string::npos);
}

TEST(ParamsTest, SmokeScaleFallsBackToQuickPerParameter) {
  std::vector<ParamSpec> specs = Specs();
  specs[1] = specs[1].Smoke({16, 32, 64});
  const nlohmann::json p = ResolveParams(specs, kSmokeScale, {});
  EXPECT_EQ(p["widths"], nlohmann::json({16, 32, 64}));  // declared smoke default
  EXPECT_EQ(p["d"], 10);                                 // no smoke default: the quick one
  EXPECT_EQ(*specs[1].DefaultAt("quick"), nlohmann::json({128, 256, 512}));
  EXPECT_EQ(specs[0].DefaultAt("nightly"), nullptr);
}

TEST(ParamsTest, CellParamsReadTypedValues) {
  CellParams p({{"m", 128}, {"eta", 0.5}, {"act", "relu"}, {"ws", {1, 2}}});
  EXPECT_EQ(p.Int("m"), 128);
  EXPECT_EQ(p.Real("m"), 128.0);
  EXPECT_EQ(p.Real("eta"), 0.5);
  EXPECT_EQ(p.Str("act"), "relu");
  EXPECT_EQ(p.IntList("ws"), (std::vector<long>{1, 2}));
}

}  // namespace
}  // namespace thmcheck
