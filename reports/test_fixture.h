// Test-only helpers for the reports/ tests (header-only, so it joins no library): a scratch
// directory removed after the test, and a small hand-written results directory — one claim in the
// shape harness/verdict.cc and runner.cc write (verdict_reason, expected; each check's name and
// role): a main arm with an exponent and a mean_bound check (evidence); a control arm, REJECTED
// by its must-fail row of the main arm's exponent check, with one prediction of its own; seven
// cell files (one diverged). LegacyFixtureVerdict() is the same claim as files written before
// roles existed. The numbers are plausible for NTK closeness (slope ≈ -1/2 in m) but nothing
// depends on their values except the assertions that quote them.
#pragma once

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>

#include "reports/results_reader.h"

namespace thmcheck::test {

namespace fs = std::filesystem;

// A fresh directory under the GoogleTest temp dir, named after the running test.
class ScratchDir {
 public:
  ScratchDir() {
    const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
    path_ = fs::path(::testing::TempDir()) /
            ("thmcheck_reports_" + std::string(info->test_suite_name()) + "_" + info->name() + "_" +
             std::to_string(::getpid()));
    fs::remove_all(path_);
    fs::create_directories(path_);
  }
  ~ScratchDir() {
    std::error_code ec;
    fs::remove_all(path_, ec);
  }
  ScratchDir(const ScratchDir&) = delete;
  ScratchDir& operator=(const ScratchDir&) = delete;
  const fs::path& path() const { return path_; }

 private:
  fs::path path_;
};

inline void WriteText(const fs::path& path, const std::string& text) {
  fs::create_directories(path.parent_path());
  std::ofstream(path, std::ios::binary) << text;
}

inline std::string ReadText(const fs::path& path) {
  std::ifstream stream(path, std::ios::binary);
  std::ostringstream text;
  text << stream.rdbuf();
  return text.str();
}

inline nlohmann::json FixtureVerdict() {
  return nlohmann::json::parse(R"json({
  "claim": "ntk_closeness", "title": "Wide nets stay near their linearization", "protocol": 1,
  "citation": {"authors": "S. S. Du, X. Zhai, B. Póczos, A. Singh", "year": 2018,
    "title": "Gradient descent provably optimizes over-parameterized neural networks",
    "arxiv": "1810.02054", "theorem": "Remark 3.1", "venue": "ICLR 2019"},
  "statement": "Under NTK scaling the relative weight change is O(m^{-1/2}).",
  "scale": "quick", "seed": 1, "params": {"n": 20, "widths": [128, 256, 512]},
  "verdict": "PASS", "verdict_reason": "", "future_field": {"ignored": true},
  "expected": {"status": "reproduces", "reason": "", "met": true},
  "arms": [
    {"name": "main", "role": "main", "condition": "NTK scaling", "verdict": "PASS",
     "checks": [
      {"name": "rel_weight_change", "role": "evidence", "reason": "",
       "excluded": {"diverged": 0, "unusable": 0},
       "observable": "rel_weight_change", "kind": "exponent", "x": "m", "estimate": -0.49,
       "ci": [-0.53, -0.46], "ci95": [-0.55, -0.44], "predicted": -0.5, "band": [-0.6, -0.4],
       "verdict": "PASS", "tolerance": "±0.1: finite-size allowance from a pilot run",
       "fit": {"slope": -0.49, "intercept": -0.15, "r2": 0.998, "worst_residual": 0.02,
               "excluded": 0, "points": [
         {"x": 128, "mean": 0.08, "lo": 0.075, "hi": 0.085, "n": 3},
         {"x": 256, "mean": 0.057, "lo": 0.054, "hi": 0.060, "n": 3},
         {"x": 512, "mean": 0.040, "lo": 0.038, "hi": 0.042, "n": 3}]}},
      {"name": "train_loss", "role": "evidence", "reason": "decided at {\"m\":128}",
       "excluded": {"diverged": 0, "unusable": 0},
       "observable": "train_loss", "kind": "mean_bound", "x": "m", "estimate": 0.001,
       "ci": [0.0008, 0.0012], "ci95": null, "predicted": null, "band": [null, 0.01],
       "verdict": "PASS", "tolerance": "loss below 1e-2",
       "points": [{"x": 128, "mean": 0.0012, "lo": 0.001, "hi": 0.0014, "n": 3}]}]},
    {"name": "mean_field", "role": "control", "condition": "mean-field scaling",
     "verdict": "REJECTED", "against": "main", "rejected_by": ["rel_weight_change"],
     "checks": [
      {"name": "rel_weight_change", "role": "must_fail",
       "why": "1/m output scaling: each weight moves O(1) at every width",
       "observable": "rel_weight_change", "kind": "exponent", "x": "m", "estimate": 0.01,
       "ci": [-0.03, 0.05], "ci95": [-0.05, 0.07], "predicted": -0.5, "band": [-0.6, -0.4],
       "verdict": "FAIL", "tolerance": "same band as main", "reason": "",
       "excluded": {"diverged": 0, "unusable": 0},
       "fit": {"slope": 0.01, "intercept": -0.74, "r2": 0.2, "replicate_slope": 0.012,
               "replicate_slopes": 3, "rep90": [-0.03, 0.05], "points": [
         {"x": 128, "mean": 0.50, "lo": 0.45, "hi": 0.55, "n": 3},
         {"x": 256, "mean": 0.49, "lo": 0.45, "hi": 0.53, "n": 3},
         {"x": 512, "mean": 0.51, "lo": 0.47, "hi": 0.55, "n": 3}]}},
      {"name": "train_loss small", "role": "prediction", "observable": "train_loss",
       "kind": "mean_bound", "x": "m", "estimate": 0.002, "ci": [0.001, 0.003], "ci95": null,
       "predicted": null, "band": [null, 0.01], "verdict": "PASS",
       "tolerance": "the mean-field run converges too", "reason": "decided at {\"m\":128}",
       "excluded": {"diverged": 0, "unusable": 0},
       "points": [{"x": 128, "mean": 0.002, "lo": 0.001, "hi": 0.003, "n": 3}]}]}],
  "cells": ["cells/a1.json", "cells/a2.json", "cells/a3.json",
            "cells/b1.json", "cells/b2.json", "cells/b3.json", "cells/b4.json"],
  "context": {"commit": "abc123", "compiler": "GNU 12.2.0", "elapsed_s": 41.2, "threads": 2,
              "command": "thmcheck run ntk_closeness --scale quick --seed 1"}
})json");
}

// The fixture claim as a harness wrote it before checks had names and roles, controls named what
// rejected them, and claims had an expected status: those fields removed, and the control's check
// judged with the control's own verdict words, as it then was.
inline nlohmann::json LegacyFixtureVerdict() {
  nlohmann::json v = FixtureVerdict();
  v.erase("verdict_reason");
  v.erase("expected");
  for (auto& arm : v["arms"]) {
    arm.erase("against");
    arm.erase("rejected_by");
    for (auto& check : arm["checks"]) {
      for (const char* key : {"name", "role", "why", "reason", "excluded", "sanity"})
        check.erase(key);
      if (check.contains("fit"))
        for (const char* key : {"replicate_slope", "replicate_slopes", "rep90"})
          check["fit"].erase(key);
    }
  }
  v["arms"][1]["checks"].erase(1);  // the prediction: controls had none
  v["arms"][1]["checks"][0]["verdict"] = "REJECTED";
  return v;
}

inline nlohmann::json FixtureCell(const std::string& arm, int m, const std::string& status,
                                  double value) {
  nlohmann::json cell = {{"claim", "ntk_closeness"},
                         {"protocol", 1},
                         {"arm", arm},
                         {"params", {{"n", 20}, {"m", m}}},
                         {"replicate", 0},
                         {"seed", "18446744073709551557"},
                         {"status", status},
                         {"observables", {{"rel_weight_change", value}, {"train_loss", 0.001}}},
                         {"note", ""}};
  if (status == "diverged") {
    cell["observables"]["rel_weight_change"] = nullptr;
    cell["note"] = "loss became non-finite at step 812";
    cell["replicate"] = 1;
  }
  return cell;
}

// Writes IN/ntk_closeness/{verdict.json,cells/*.json}; returns IN.
inline fs::path WriteFixture(const fs::path& root,
                             const nlohmann::json& verdict = FixtureVerdict()) {
  const fs::path in = root / "in";
  const fs::path claim = in / "ntk_closeness";
  WriteText(claim / "verdict.json", verdict.dump(2));
  const int widths[] = {128, 256, 512};
  const char* main_files[] = {"a1.json", "a2.json", "a3.json"};
  const char* control_files[] = {"b1.json", "b2.json", "b3.json"};
  for (int i = 0; i < 3; ++i) {
    WriteText(claim / "cells" / main_files[i],
              FixtureCell("main", widths[i], "ok", 0.08 / (i + 1)).dump());
    WriteText(claim / "cells" / control_files[i],
              FixtureCell("mean_field", widths[i], "ok", 0.5).dump());
  }
  WriteText(claim / "cells" / "b4.json", FixtureCell("mean_field", 512, "diverged", 0).dump());
  return in;
}

// The fixture claim with `verdict` as its verdict.json, written to a scratch folder and read back
// by the report's reader (a failure to read is a test failure).
inline report::ClaimResult ReadFixtureClaim(const nlohmann::json& verdict) {
  ScratchDir dir;
  const fs::path in = WriteFixture(dir.path(), verdict);
  report::ClaimResult claim;
  std::ostringstream log;
  std::string error;
  EXPECT_TRUE(report::ReadClaim(in / "ntk_closeness", &claim, log, &error)) << error;
  return claim;
}

}  // namespace thmcheck::test
