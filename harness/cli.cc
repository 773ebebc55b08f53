// Command-line parsing and dispatch (see cli.h).
#include "harness/cli.h"

#include <unistd.h>
#include <charconv>
#include <cstdlib>
#include <iostream>
#include <set>

#include <CLI/CLI.hpp>

#include "harness/citation.h"
#include "harness/claim_info.h"
#include "harness/errors.h"
#include "harness/judge.h"
#include "harness/parallel.h"
#include "harness/runner.h"
#include "harness/shard.h"
#include "harness/table.h"

namespace thmcheck {
namespace {

const ClaimSpec& FindClaim(const std::vector<ClaimSpec>& claims, const std::string& id) {
  for (const auto& c : claims)
    if (c.id == id) return c;
  std::string known;
  for (const auto& c : claims) known += (known.empty() ? "" : ", ") + c.id;
  throw UsageError("unknown claim '" + id + "'; known claims: " + known);
}

// "KEY=VALUE" → (KEY, VALUE).
std::pair<std::string, std::string> SplitSet(const std::string& s) {
  const auto eq = s.find('=');
  if (eq == std::string::npos || eq == 0)
    throw UsageError("--set " + s + ": expected KEY=VALUE (lists as 1,2,3)");
  return {s.substr(0, eq), s.substr(eq + 1)};
}

// Every --set as (KEY, VALUE); a key given twice is refused (the last would silently win).
std::vector<std::pair<std::string, std::string>> ParseSets(const std::vector<std::string>& sets) {
  std::vector<std::pair<std::string, std::string>> parsed;
  for (const auto& s : sets) {
    auto kv = SplitSet(s);
    for (const auto& [key, value] : parsed)
      if (key == kv.first)
        throw UsageError("--set " + key + " is given twice (" + value + ", then " + kv.second +
                         "): give each key once");
    parsed.push_back(std::move(kv));
  }
  return parsed;
}

uint64_t ParseSeed(const std::string& s) {
  uint64_t v = 0;
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || p != s.data() + s.size() || s.empty())
    throw UsageError("--seed " + s + ": must be an integer in [0, 2^64 - 1]");
  return v;
}

// The output folder must be a directory we can create or write into, checked before anything
// runs. NOTE: access() ignores permission bits for root, but not a read-only file system, and a
// regular file on the path is caught by the is_directory tests.
// `flag` (--out, --report) names the option in the message.
void CheckWritable(const std::filesystem::path& out, const std::string& flag = "--out") {
  const std::string allowed = "; " + flag + " must name a writable directory (created if missing)";
  std::error_code ec;
  std::filesystem::path p = std::filesystem::absolute(out, ec);
  while (!p.empty() && !std::filesystem::exists(p, ec) && p != p.parent_path()) p = p.parent_path();
  if (!std::filesystem::is_directory(p, ec))
    throw UsageError(flag + " " + out.string() + ": " + p.string() + " is not a directory" +
                     allowed);
  if (::access(p.c_str(), W_OK | X_OK) != 0)
    throw UsageError(flag + " " + out.string() + ": " + p.string() + " is not writable" + allowed);
}

std::string CommandLine(int argc, const char* const* argv) {
  std::string s;
  for (int i = 0; i < argc; ++i) {
    if (i > 0) s += ' ';
    s += argv[i];
  }
  return s;
}

// `list`: every claim in a line or two; `list CLAIM…`: each named claim's whole declaration.
int CmdList(const std::vector<ClaimSpec>& claims, const std::vector<std::string>& ids, bool json) {
  if (ids.empty()) {
    if (json)
      std::cout << ClaimListJson(claims).dump(2) << "\n";
    else
      PrintClaimSummaries(claims, std::cout);
    return kExitPass;
  }
  std::vector<const ClaimSpec*> chosen;
  for (const auto& id : ids) chosen.push_back(&FindClaim(claims, id));  // all known, or exit 2
  nlohmann::json details = nlohmann::json::array();
  for (const ClaimSpec* c : chosen) {
    if (json) {
      details.push_back(ClaimDetailJson(*c));
    } else {
      PrintClaimDetail(*c, std::cout);
      std::cout << "\n";
    }
  }
  if (json) std::cout << details.dump(2) << "\n";
  return kExitPass;
}

int CmdRun(const std::vector<ClaimSpec>& claims, const std::vector<std::string>& ids, bool all,
           const std::string& seed, const std::string& shard, const std::vector<std::string>& sets,
           const std::filesystem::path& report_dir, const CliHooks& hooks, RunOptions options) {
  if (all == !ids.empty()) throw UsageError("run: name one or more claims, or --all (not both)");
  options.seed = ParseSeed(seed);
  const Shard chosen_shard = ResolveShard(shard);
  options.shard_index = chosen_shard.index;
  options.shard_count = chosen_shard.count;
  std::vector<const ClaimSpec*> chosen;
  if (all)
    for (const auto& c : claims) chosen.push_back(&c);
  else
    for (const auto& id : ids) chosen.push_back(&FindClaim(claims, id));
  const std::vector<std::pair<std::string, std::string>> parsed = ParseSets(sets);
  // With several claims a key applies to those that declare it; a key none declares is an error.
  for (const auto& [key, value] : parsed) {
    bool declared = false;
    for (const ClaimSpec* c : chosen)
      for (const auto& p : c->params) declared |= p.name == key;
    if (!declared && chosen.size() > 1)
      throw UsageError("--set " + key + "=" + value + ": no claim being run declares '" + key +
                       "'");
  }
  CheckWritable(options.out);
  const bool report = !report_dir.empty();
  if (report) {
    if (options.shard_count > 1)
      throw UsageError(
          "--report with --shard: a shard writes no verdict; run the final --resume "
          "with --report");
    if (!hooks.report) throw UsageError("--report: this build has no report writer");
    CheckWritable(report_dir, "--report");
  }
  options.live_progress = ::isatty(STDERR_FILENO) && !options.quiet;
  // Phase 1: validate everything; no file is written unless every claim is valid.
  std::vector<PreparedRun> runs;
  for (const ClaimSpec* c : chosen) {
    RunOptions own = options;
    own.sets.clear();
    for (const auto& kv : parsed) {
      bool declared = false;
      for (const auto& p : c->params) declared |= p.name == kv.first;
      if (declared || chosen.size() == 1) own.sets.push_back(kv);
    }
    try {
      runs.push_back(PrepareRun(*c, own));
    } catch (const UsageError& e) {
      // Every --set error names the claim it belongs to: under --all one key (n) may mean
      // different things, with different ranges, in two claims.
      const std::string what = e.what();
      throw UsageError(what.starts_with(c->id + ": ") ? what : c->id + ": " + what);
    }
  }
  // Phase 2: run. Exit 0 when every claim meets its expected status (ClaimSpec::expected).
  bool all_expected = true;
  for (const auto& run : runs) {
    const RunOutcome r = ExecuteRun(run, options, std::cerr);
    if (options.shard_count > 1) {
      std::cout << run.claim->id << " shard " << options.shard_index << "/" << options.shard_count
                << ": " << r.cells_computed << " cells computed, " << r.cells_reused
                << " reused; run again without --shard, with --resume, for the verdict\n";
      continue;
    }
    PrintVerdictTable(r.verdict_json, std::cout);
    std::cout << "results: " << (options.out / run.claim->id / "verdict.json").string() << " and "
              << (options.out / run.claim->id / "cells").string() << "/\n\n";
    all_expected &= r.meets_expected;
  }
  if (report && options.shard_count == 1) {
    // The hook prints the report's index path. The verdicts are written by now, so a report that
    // cannot be written is a failure midway (exit 3), not a usage error: `thmcheck report` redoes
    // it.
    if (hooks.report(options.out, report_dir, "", std::cerr) != kExitPass) return kExitError;
  }
  return all_expected ? kExitPass : kExitNotPass;
}

// `judge CLAIM --seeds 1-20`: one claim over many seeds, into OUT/<claim>/seed-S, then the tally.
int CmdJudge(const std::vector<ClaimSpec>& claims, const std::string& id, const std::string& seeds,
             const std::vector<std::string>& sets, RunOptions options) {
  const ClaimSpec& claim = FindClaim(claims, id);
  const std::vector<uint64_t> seed_list = ParseSeedList(seeds);
  options.sets = ParseSets(sets);
  options.out = options.out / claim.id;
  CheckWritable(options.out);
  options.quiet = true;
  const PreparedRun run = PrepareRun(claim, options);  // validates before anything runs
  for (uint64_t seed : seed_list) {
    RunOptions own = options;
    own.out = options.out / ("seed-" + std::to_string(seed));
    PrepareRun(claim, own);  // another protocol's cells in a seed folder: refused up front
  }
  const JudgeTally tally = JudgeSeeds(run, options, seed_list, std::cerr);
  PrintJudgeTable(tally, std::cout);
  return tally.meets_expected ? kExitPass : kExitNotPass;
}

}  // namespace

int RunCli(int argc, const char* const* argv, const std::vector<ClaimSpec>& claims,
           const CliHooks& hooks) {
  CLI::App app{"thmcheck: checks theorems about over-parameterized networks against measurements"};
  app.require_subcommand(0, 1);
  bool version = false;
  app.add_flag("--version", version,
               "Print the suite version, its commit and each claim's protocol");

  auto* list = app.add_subcommand("list", "List every claim: id, title, citation, parameters");
  bool list_json = false;
  std::vector<std::string> list_ids;
  list->add_option("claims", list_ids, "Claim ids: describe each (parameters, arms, checks)");
  list->add_flag("--json", list_json, "Machine-readable output");

  auto* run = app.add_subcommand("run", "Run claims and print their verdicts");
  std::vector<std::string> ids, sets;
  bool all = false;
  std::string seed = "1", shard;
  RunOptions options;
  options.threads = DefaultThreads();
  run->add_option("claims", ids, "Claim ids");
  run->add_flag("--all", all, "Run every claim");
  run->add_option("--scale", options.scale,
                  "smoke (seconds, any verdict), quick (ctest, minutes) or full (nightly)");
  run->add_option("--seed", seed, "Base seed; cell seeds derive from it, the claim and the cell");
  run->add_option("--set", sets, "KEY=VALUE: override a declared parameter (lists as 1,2,3)");
  run->add_option("--out", options.out, "Results directory (default results/)");
  std::filesystem::path run_report;
  run->add_option("--report", run_report,
                  "Also write the report of --out's results to this folder after the run (the "
                  "exit code stays the verdicts')");
  run->add_option("--threads", options.threads, "Cells run in parallel (default: cores)")
      ->check(CLI::Range(1, 1024));
  run->add_flag("--resume", options.resume,
                "Reuse stored cells; recompute missing or corrupt ones");
  run->add_flag("--quiet", options.quiet, "No progress on stderr");
  run->add_option("--shard", shard,
                  "I/N: compute only cells i ≡ I (mod N), no verdict (default from Slurm "
                  "SLURM_ARRAY_TASK_ID/COUNT or Kubernetes JOB_COMPLETION_INDEX/"
                  "THMCHECK_SHARD_COUNT; 0/1 = whole sweep)");

  auto* judge = app.add_subcommand(
      "judge", "Run one claim over many seeds and tally its verdicts (does it reproduce?)");
  std::string judge_id, judge_seeds = "1-20";
  std::vector<std::string> judge_sets;
  RunOptions judge_options;
  judge_options.threads = DefaultThreads();
  judge_options.out = "judge";
  judge->add_option("claim", judge_id, "Claim id")->required();
  judge->add_option("--seeds", judge_seeds, "Seeds: 1-20 (default), or a list as 1,3,5-8");
  judge->add_option("--scale", judge_options.scale, "smoke, quick (default) or full");
  judge->add_option("--set", judge_sets, "KEY=VALUE: override a declared parameter");
  judge->add_option("--out", judge_options.out,
                    "Results directory (default judge/): OUT/<claim>/seed-S/ and judge.json");
  judge->add_option("--threads", judge_options.threads, "Cells run in parallel (default: cores)")
      ->check(CLI::Range(1, 1024));

  auto* report = app.add_subcommand("report", "Write an HTML report from a results directory");
  std::filesystem::path report_in = "results", report_out = "report", report_history;
  report->add_option("--in", report_in, "Results directory (default results/)");
  report->add_option("--out", report_out, "Report directory (default report/)");
  report->add_option("--history", report_history, "Nightly history records: add trend pages");

  auto* cite = app.add_subcommand("cite", "Print how to cite a claim test and its theorem");
  std::string cite_id, cite_format = "bibtex";
  cite->add_option("claim", cite_id, "Claim id")->required();
  cite->add_option("--format", cite_format, "bibtex (default), cff or text");

  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    app.exit(e);
    return kExitUsage;
  }
  try {
    if (version) {
      PrintVersion(claims, std::cout);
      return kExitPass;
    }
    if (app.get_subcommands().empty())
      throw UsageError("name a command: list, run, judge, report or cite (or --version, --help)");
    if (*list) return CmdList(claims, list_ids, list_json);
    if (*run) {
      options.command = CommandLine(argc, argv);
      return CmdRun(claims, ids, all, seed, shard, sets, run_report, hooks, options);
    }
    if (*judge) {
      judge_options.command = CommandLine(argc, argv);
      return CmdJudge(claims, judge_id, judge_seeds, judge_sets, judge_options);
    }
    if (*cite) {
      const CiteFormat format = ParseCiteFormat(cite_format);
      std::cout << FormatCitation(FindClaim(claims, cite_id), format);
      return kExitPass;
    }
    if (*report) {
      if (!hooks.report) throw UsageError("report: this build has no report writer");
      return hooks.report(report_in, report_out, report_history, std::cerr);
    }
  } catch (const UsageError& e) {
    std::cerr << "thmcheck: " << e.what() << "\n";
    return kExitUsage;
  } catch (const std::exception& e) {
    // An environment failure mid-run (disk full, folder removed): the cells already written are
    // complete and checksummed, so `--resume` continues from them.
    std::cerr << "thmcheck: error: " << e.what() << "\nthmcheck: cells written so far are kept; "
              << "fix the cause and rerun with --resume\n";
    return kExitError;
  }
  return kExitUsage;
}

}  // namespace thmcheck
