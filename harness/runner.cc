// Claim execution (see runner.h).
#include "harness/runner.h"

#include <chrono>
#include <ctime>
#include <memory>
#include <mutex>
#include <ostream>

#include "harness/atomic_file.h"
#include "harness/build_info.h"
#include "harness/claim_validation.h"
#include "harness/contract.h"
#include "harness/cross_checks.h"
#include "harness/errors.h"
#include "harness/figures.h"
#include "harness/parallel.h"
#include "harness/progress.h"
#include "harness/rng.h"
#include "harness/schema/records_json.h"
#include "harness/shared_work.h"
#include "harness/store.h"
#include "harness/sweep.h"
#include "harness/verdict.h"

namespace thmcheck {
namespace {

std::string UtcNow() {
  const std::time_t t = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

}  // namespace

nlohmann::json WithoutRunRecord(nlohmann::json verdict) {
  if (verdict.contains("context") && verdict["context"].is_object())
    for (const char* key : kRunRecordKeys) verdict["context"].erase(key);
  return verdict;
}

PreparedRun PrepareRun(const ClaimSpec& claim, const RunOptions& options) {
  bool known_scale = false;
  for (const auto& s : claim.scales) known_scale |= s == options.scale;
  if (!known_scale) {
    std::string scales;
    for (const auto& s : claim.scales) scales += (scales.empty() ? "" : "|") + s;
    throw UsageError("--scale " + options.scale + ": claim " + claim.id + " has scales " + scales);
  }
  ValidateClaimSpec(claim);  // a broken declaration aborts before any cell runs
  for (size_t arm = 0; arm < claim.arms.size(); ++arm)
    THM_CHECK_MSG(CellFunctionOf(claim, arm),
                  claim.id << ": arm " << claim.arms[arm].name << " has no cell function");
  PreparedRun run;
  run.claim = &claim;
  run.params = ResolveParams(claim.params, options.scale, options.sets);
  if (claim.validate) {
    if (std::string why = claim.validate(run.params); !why.empty())
      throw UsageError(claim.id + ": " + why);
  }
  if (std::string why = ForeignCells(options.out / claim.id, claim); !why.empty())
    throw UsageError("--out " + options.out.string() + ": " + why);
  return run;
}

RunOutcome ExecuteRun(const PreparedRun& run, const RunOptions& options, std::ostream& log) {
  const ClaimSpec& claim = *run.claim;
  const auto start = std::chrono::steady_clock::now();
  const std::string started = UtcNow();
  const std::filesystem::path dir = options.out / claim.id;
  const std::vector<Cell> cells = ExpandCells(claim, run.params, options.seed);

  // A shard runs cells i ≡ shard_index (mod shard_count): a deterministic, balanced subset.
  std::vector<size_t> selected;
  for (size_t i = 0; i < cells.size(); ++i)
    if (static_cast<int>(i % options.shard_count) == options.shard_index) selected.push_back(i);
  const bool sharded = options.shard_count > 1;

  std::vector<CellOutcome> outcomes(cells.size());
  std::vector<char> reused(cells.size(), 0);
  std::unique_ptr<SharedWorkStore> shared;
  if (claim.shared) {
    std::vector<std::pair<const nlohmann::json*, uint64_t>> uses;
    for (size_t i : selected) uses.emplace_back(&cells[i].params, cells[i].replicate_seed);
    shared = std::make_unique<SharedWorkStore>(claim.shared, uses);
  }
  std::mutex log_mu;
  const std::string label = sharded ? claim.id + " shard " + std::to_string(options.shard_index) +
                                          "/" + std::to_string(options.shard_count)
                                    : claim.id;
  Progress progress(log, label, selected.size(), options.live_progress, options.quiet);
  ParallelFor(selected.size(), options.threads, [&](size_t k) {
    const size_t i = selected[k];
    const Cell& cell = cells[i];
    const auto path = CellPath(dir, cell);
    // However the cell ends (run or reused), the last of its key frees the shared work.
    struct Release {
      SharedWorkStore* store;
      const Cell& cell;
      ~Release() {
        if (store) store->Done(cell.params, cell.replicate_seed);
      }
    } release{shared.get(), cell};
    if (options.resume) {
      std::string problem;
      if (auto stored = ReadCell(path, claim, cell, &problem)) {
        outcomes[i] = std::move(*stored);
        reused[i] = 1;
        progress.CellDone(true);
        return;
      }
      if (problem != "missing") {
        std::lock_guard<std::mutex> lock(log_mu);
        log << claim.id << ": recomputing " << path.string() << ": " << problem << "\n";
      }
    }
    CellSeeds seeds{cell.seed, cell.replicate_seed};
    if (shared) seeds.shared = [&] { return shared->Get(cell.params, cell.replicate_seed); };
    const nlohmann::json record =
        CellToJson(claim, cell, CellFunctionOf(claim, cell.arm)(CellParams(cell.params), seeds));
    WriteFileAtomic(path, record.dump(1) + "\n");
    // What the file says (e.g. ∞ stored as null reads back as NaN), as a resumed run would read it.
    outcomes[i] = OutcomeFromJson(record);
    progress.CellDone(false);
  });
  progress.Finish();

  RunOutcome result;
  for (size_t i : selected) (reused[i] ? result.cells_reused : result.cells_computed)++;
  // A shard's cells are only part of the sweep: the verdict waits for the final --resume run.
  if (sharded) return result;

  const ClaimJudgement judged = JudgeClaim(claim, run.params, cells, outcomes, options.seed);
  result.verdict = judged.verdict;
  result.meets_expected = MeetsExpected(claim.expected, judged.verdict);
  const double elapsed =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  nlohmann::json context = BuildContext();
  context["started"] = started;
  context["elapsed_s"] = elapsed;
  context["threads"] = options.threads;
  context["command"] = options.command;
  context["cells_computed"] = result.cells_computed;
  context["cells_reused"] = result.cells_reused;
  schema::VerdictRecord record;
  record.claim = claim.id;
  record.title = claim.title;
  record.protocol = claim.protocol;
  record.citation = claim.citation;
  record.statement = claim.statement;
  record.scale = options.scale;
  record.seed = std::to_string(options.seed);
  record.params = run.params;
  record.verdict = VerdictName(result.verdict);
  record.verdict_reason = judged.reason;
  record.expected = schema::Expected{ExpectedStatusName(claim.expected.status),
                                     claim.expected.reason, result.meets_expected};
  record.arms = judged.arms;
  record.arms_not_run = judged.arms_not_run;  // written when an arm was switched off
  record.figures = FigureRecords(claim, cells, outcomes, run.params);
  record.cross_checks = CrossCheckRecords(claim.cross_checks);
  record.cell_files = judged.cells;
  record.context = context;
  result.verdict_json = record;
  WriteFileAtomic(dir / "verdict.json", result.verdict_json.dump(1) + "\n");
  return result;
}

}  // namespace thmcheck
