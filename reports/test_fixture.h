// Test-only helpers for the reports/ tests (header-only, so it joins no library): a scratch
// directory removed after the test, and a small hand-written results directory — one claim,
// a main arm and a control arm, two exponent checks each plus one mean_bound check, seven cell
// files (one diverged). The numbers are plausible for NTK closeness (slope ≈ -1/2 in m) but
// nothing depends on their values except the assertions that quote them.
#pragma once

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>

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
  "verdict": "PASS", "future_field": {"ignored": true},
  "arms": [
    {"name": "main", "role": "main", "condition": "NTK scaling", "verdict": "PASS",
     "checks": [
      {"observable": "rel_weight_change", "kind": "exponent", "x": "m", "estimate": -0.49,
       "ci": [-0.53, -0.46], "ci95": [-0.55, -0.44], "predicted": -0.5, "band": [-0.6, -0.4],
       "verdict": "PASS", "tolerance": "±0.1: finite-size allowance from a pilot run",
       "fit": {"slope": -0.49, "intercept": -0.15, "r2": 0.998, "worst_residual": 0.02,
               "excluded": 0, "points": [
         {"x": 128, "mean": 0.08, "lo": 0.075, "hi": 0.085, "n": 3},
         {"x": 256, "mean": 0.057, "lo": 0.054, "hi": 0.060, "n": 3},
         {"x": 512, "mean": 0.040, "lo": 0.038, "hi": 0.042, "n": 3}]}},
      {"observable": "train_loss", "kind": "mean_bound", "x": "m", "estimate": 0.001,
       "ci": [0.0008, 0.0012], "ci95": null, "predicted": null, "band": [null, 0.01],
       "verdict": "PASS", "tolerance": "loss below 1e-2",
       "points": [{"x": 128, "mean": 0.0012, "lo": 0.001, "hi": 0.0014, "n": 3}]}]},
    {"name": "mean_field", "role": "control", "condition": "mean-field scaling",
     "verdict": "REJECTED",
     "checks": [
      {"observable": "rel_weight_change", "kind": "exponent", "x": "m", "estimate": 0.01,
       "ci": [-0.03, 0.05], "ci95": [-0.05, 0.07], "predicted": -0.5, "band": [-0.6, -0.4],
       "verdict": "REJECTED", "tolerance": "same band as main",
       "fit": {"slope": 0.01, "intercept": -0.74, "r2": 0.2, "points": [
         {"x": 128, "mean": 0.50, "lo": 0.45, "hi": 0.55, "n": 3},
         {"x": 256, "mean": 0.49, "lo": 0.45, "hi": 0.53, "n": 3},
         {"x": 512, "mean": 0.51, "lo": 0.47, "hi": 0.55, "n": 3}]}}]}],
  "cells": ["cells/a1.json", "cells/a2.json", "cells/a3.json",
            "cells/b1.json", "cells/b2.json", "cells/b3.json", "cells/b4.json"],
  "context": {"commit": "abc123", "compiler": "GNU 12.2.0", "elapsed_s": 41.2, "threads": 2,
              "command": "thmcheck run ntk_closeness --scale quick --seed 1"}
})json");
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

}  // namespace thmcheck::test
