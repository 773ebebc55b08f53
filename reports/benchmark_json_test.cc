// Tests of the Google Benchmark JSON reader: repetitions grouped by run name in nanoseconds,
// aggregates skipped (or used when they are all there is), errored runs dropped, bad input named.
#include "reports/history_reader.h"

#include <gtest/gtest.h>

namespace thmcheck::report {
namespace {

using nlohmann::json;

json Entry(const std::string& name, const std::string& type, double cpu, const std::string& unit,
           const std::string& aggregate = "") {
  json e = {{"name", name},    {"run_name", name},     {"run_type", type},
            {"cpu_time", cpu}, {"real_time", 2 * cpu}, {"time_unit", unit}};
  if (!aggregate.empty()) e["aggregate_name"] = aggregate, e["name"] = name + "_" + aggregate;
  return e;
}

TEST(BenchmarkJsonTest, GroupsRepetitionsInNanoseconds) {
  const json root = {
      {"context", {{"host_name", "vm"}}},
      {"benchmarks",
       {Entry("BM_A/n:20", "iteration", 1.5, "us"), Entry("BM_A/n:20", "iteration", 2, "us"),
        Entry("BM_A/n:20", "aggregate", 1.75, "us", "median"),
        Entry("BM_B/relu/256", "iteration", 3, "ms")}}};
  std::vector<BenchmarkSample> samples;
  std::string error;
  ASSERT_TRUE(ParseBenchmarkJson(root, &samples, &error)) << error;
  ASSERT_EQ(samples.size(), 2u);
  EXPECT_EQ(samples[0].name, "BM_A/n:20");
  EXPECT_EQ(samples[0].family, "BM_A");
  EXPECT_EQ(samples[0].cpu_ns, (std::vector<double>{1500, 2000}));
  EXPECT_EQ(samples[0].real_ns, (std::vector<double>{3000, 4000}));
  EXPECT_EQ(samples[1].family, "BM_B/relu");
  EXPECT_EQ(samples[1].cpu_ns, (std::vector<double>{3e6}));
}

TEST(BenchmarkJsonTest, UsesTheMedianWhenOnlyAggregatesWereWrittenAndDropsErrors) {
  json errored = Entry("BM_C", "iteration", 1, "ns");
  errored["error_occurred"] = true;
  const json root = {{"benchmarks",
                      {Entry("BM_A", "aggregate", 5, "ns", "mean"),
                       Entry("BM_A", "aggregate", 4, "ns", "median"), errored}}};
  std::vector<BenchmarkSample> samples;
  std::string error;
  ASSERT_TRUE(ParseBenchmarkJson(root, &samples, &error)) << error;
  ASSERT_EQ(samples.size(), 1u);
  EXPECT_EQ(samples[0].cpu_ns, (std::vector<double>{4}));
}

TEST(BenchmarkJsonTest, NamesTheBadField) {
  std::vector<BenchmarkSample> samples;
  std::string error;
  EXPECT_FALSE(ParseBenchmarkJson(json{{"context", json::object()}}, &samples, &error));
  EXPECT_EQ(error, "key 'benchmarks' not found");
  EXPECT_FALSE(ParseBenchmarkJson({{"benchmarks", {Entry("BM_A", "iteration", 1, "fortnights")}}},
                                  &samples, &error));
  EXPECT_EQ(error, "/benchmarks/0/time_unit: \"fortnights\" is not one of ns, us, ms, s");
}

TEST(BenchmarkJsonTest, FamilyStopsAtTheFirstArgument) {
  EXPECT_EQ(BenchmarkFamily("BM_EmpiricalNtk/train_train/n:20/m:256"),
            "BM_EmpiricalNtk/train_train");
  EXPECT_EQ(BenchmarkFamily("BM_GramRbf/256"), "BM_GramRbf");
  EXPECT_EQ(BenchmarkFamily("BM_FitPowerLaw/6/5"), "BM_FitPowerLaw");
  EXPECT_EQ(BenchmarkFamily("BM_X/repeats:5"), "BM_X");
  EXPECT_EQ(BenchmarkFamily("BM_RegressionCanary/knob"), "BM_RegressionCanary/knob");
  EXPECT_EQ(BenchmarkFamily("BM_Solo"), "BM_Solo");
}

}  // namespace
}  // namespace thmcheck::report
