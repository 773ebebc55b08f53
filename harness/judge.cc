// The many-seed tally (see judge.h).
#include "harness/judge.h"

#include <charconv>
#include <cmath>
#include <cstdio>
#include <map>
#include <ostream>

#include "harness/atomic_file.h"
#include "harness/errors.h"
#include "harness/schema/records_json.h"
#include "harness/verdict.h"

namespace thmcheck {
namespace {

uint64_t ParseOne(const std::string& s, const std::string& whole) {
  uint64_t v = 0;
  const auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (s.empty() || ec != std::errc() || p != s.data() + s.size())
    throw UsageError("--seeds " + whole + ": expected seeds as 1-20 or 1,3,5-8 (integers ≥ 0)");
  return v;
}

}  // namespace

std::vector<uint64_t> ParseSeedList(const std::string& text) {
  std::vector<uint64_t> seeds;
  size_t start = 0;
  while (start <= text.size()) {
    const size_t comma = text.find(',', start);
    const std::string part =
        text.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
    const size_t dash = part.find('-');
    if (dash == std::string::npos) {
      seeds.push_back(ParseOne(part, text));
    } else {
      const uint64_t lo = ParseOne(part.substr(0, dash), text);
      const uint64_t hi = ParseOne(part.substr(dash + 1), text);
      if (hi < lo || hi - lo >= 10000)
        throw UsageError("--seeds " + text + ": a range runs low-high with at most 10000 seeds");
      for (uint64_t s = lo; s <= hi; ++s) seeds.push_back(s);
    }
    if (comma == std::string::npos) break;
    start = comma + 1;
  }
  for (size_t i = 0; i < seeds.size(); ++i)
    for (size_t j = 0; j < i; ++j)
      if (seeds[i] == seeds[j])
        throw UsageError("--seeds " + text + ": seed " + std::to_string(seeds[i]) + " twice");
  return seeds;
}

SeedOutcome SummarizeVerdict(uint64_t seed, const nlohmann::json& verdict) {
  const schema::VerdictRecord v = verdict.get<schema::VerdictRecord>();
  SeedOutcome o;
  o.seed = seed;
  o.verdict = v.verdict;
  o.elapsed_s = v.context.value("elapsed_s", 0.0);
  for (const schema::Arm& arm : v.arms) {
    nlohmann::json a = {{"name", arm.name}, {"role", arm.role}, {"verdict", arm.verdict}};
    if (arm.rejected_by) a["rejected_by"] = *arm.rejected_by;
    nlohmann::json not_passed = nlohmann::json::array();
    for (const schema::Check& ch : arm.checks) {
      if ((ch.role == schema::kEvidence || ch.role == schema::kPrediction) && ch.verdict != "PASS")
        not_passed.push_back(ch.name + " " + ch.verdict);
      if (ch.role == schema::kSanity && ch.verdict == "FAIL")
        not_passed.push_back(ch.name + " FAIL (sanity)");
    }
    a["not_passed"] = not_passed;
    o.arms.push_back(std::move(a));
  }
  return o;
}

JudgeTally JudgeSeeds(const PreparedRun& run, RunOptions options,
                      const std::vector<uint64_t>& seeds, std::ostream& log) {
  JudgeTally t;
  t.claim = run.claim->id;
  t.scale = options.scale;
  const std::filesystem::path root = options.out;
  options.resume = true;
  for (uint64_t seed : seeds) {
    options.seed = seed;
    options.out = root / ("seed-" + std::to_string(seed));
    const RunOutcome r = ExecuteRun(run, options, log);
    t.seeds.push_back(SummarizeVerdict(seed, r.verdict_json));
    t.passes += r.verdict == Verdict::kPass;
    log << t.claim << " seed " << seed << ": " << VerdictName(r.verdict) << "\n";
  }
  t.needed = static_cast<int>(std::ceil(kReproduceShare * static_cast<double>(seeds.size())));
  t.reproduces = t.passes >= t.needed;
  t.meets_expected = t.reproduces == (run.claim->expected.status == ExpectedStatus::kReproduces);
  WriteFileAtomic(root / "judge.json", JudgeTallyJson(t).dump(1) + "\n");
  return t;
}

nlohmann::json JudgeTallyJson(const JudgeTally& t) {
  nlohmann::json seeds = nlohmann::json::array();
  for (const SeedOutcome& s : t.seeds)
    seeds.push_back(
        {{"seed", s.seed}, {"verdict", s.verdict}, {"arms", s.arms}, {"elapsed_s", s.elapsed_s}});
  return {{"claim", t.claim},
          {"scale", t.scale},
          {"seeds", seeds},
          {"passes", t.passes},
          {"needed", t.needed},
          {"reproduces", t.reproduces},
          {"meets_expected", t.meets_expected}};
}

void PrintJudgeTable(const JudgeTally& t, std::ostream& out) {
  out << "judge " << t.claim << ", " << t.scale << " scale, " << t.seeds.size() << " seeds\n";
  std::map<std::string, int> good;  // per arm: PASS (main) or REJECTED (control)
  std::vector<std::string> order;
  for (const SeedOutcome& s : t.seeds) {
    out << "  seed " << s.seed << "  " << s.verdict;
    char elapsed[32];
    std::snprintf(elapsed, sizeof elapsed, "%.1f", s.elapsed_s);
    out << "  (" << elapsed << " s)\n";
    for (const auto& a : s.arms) {
      const std::string name = a.at("name"), verdict = a.at("verdict");
      if (!good.count(name)) order.push_back(name), good[name] = 0;
      good[name] += verdict == "PASS" || verdict == "REJECTED" || verdict == "REPORTED";
      out << "    " << a.at("role").get<std::string>() << " " << name << ": " << verdict;
      if (a.contains("rejected_by") && !a.at("rejected_by").empty()) {
        std::string by;
        for (const auto& c : a.at("rejected_by"))
          by += (by.empty() ? "" : ", ") + c.get<std::string>();
        out << " by " << by;
      }
      if (!a.at("not_passed").empty()) {
        std::string np;
        for (const auto& c : a.at("not_passed"))
          np += (np.empty() ? "" : "; ") + c.get<std::string>();
        out << "  [" << np << "]";
      }
      out << "\n";
    }
  }
  out << "tally: PASS on " << t.passes << " of " << t.seeds.size() << " seeds (needs " << t.needed
      << ")";
  for (const std::string& name : order) out << "; " << name << " " << good[name];
  out << "\n"
      << t.claim << " " << (t.reproduces ? "reproduces" : "does not reproduce") << " at " << t.scale
      << " scale" << (t.meets_expected ? "" : " (NOT its expected status)") << "\n";
}

}  // namespace thmcheck
