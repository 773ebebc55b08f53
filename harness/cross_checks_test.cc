// Cross-check declarations: every field reaches verdict.json's "cross_checks" in the shape the
// report reads (reports/results_reader.cc), and the premise only when it has a label. That the
// runner writes the key only for claims declaring one is tested with the figures (figures_test.cc).
#include "harness/cross_checks.h"

#include <gtest/gtest.h>

#include "harness/schema/records_json.h"

namespace thmcheck {
namespace {

CrossCheckSpec Separation() {
  CrossCheckSpec c;
  c.title = "Cross-check";
  c.why = "the ResNet beats the level every kernel keeps";
  c.other_claim = "alpha_separation";
  c.other_arm = "main";
  c.x = "alpha";
  c.level_label = "α²/16";
  c.level_coefficient = 1.0 / 16;
  c.level_power = 2;
  c.below_label = "the ResNet";
  c.below = {"resnet.err"};
  c.above_label = "every kernel";
  c.above = {"ntk.err", "rbf.err"};
  c.show_params = {"n", "d", "k"};
  c.per_output = "k";
  return c;
}

TEST(CrossChecksTest, RecordsEveryField) {
  CrossCheckSpec c = Separation();
  c.premise = {"N ≤ C(d,k)/1000", "n", 1e-3, "d", "k"};
  const nlohmann::json expected = nlohmann::json::parse(R"json([{
    "title": "Cross-check", "why": "the ResNet beats the level every kernel keeps",
    "claim": "alpha_separation", "arm": "main", "x": "alpha",
    "level": {"label": "α²/16", "coefficient": 0.0625, "power": 2.0},
    "below": {"label": "the ResNet", "observables": ["resnet.err"]},
    "above": {"label": "every kernel", "observables": ["ntk.err", "rbf.err"]},
    "params": ["n", "d", "k"], "per_output": "k",
    "premise": {"label": "N ≤ C(d,k)/1000", "param": "n", "factor": 0.001, "choose": ["d", "k"]}
  }])json");
  EXPECT_EQ(nlohmann::json(CrossCheckRecords({c})), expected);
}

TEST(CrossChecksTest, PremiseOnlyWithALabel) {
  const nlohmann::json j = CrossCheckRecords({Separation()});
  ASSERT_EQ(j.size(), 1u);
  EXPECT_FALSE(j[0].contains("premise"));
  EXPECT_TRUE(CrossCheckRecords({}).empty());
}

TEST(CrossChecksDeathTest, ADeclarationWithoutObservablesIsAProgrammingError) {
  CrossCheckSpec c = Separation();
  c.below.clear();
  c.above.clear();
  EXPECT_DEATH(CrossCheckRecords({c}), "needs a level label and an observable");
}

}  // namespace
}  // namespace thmcheck
