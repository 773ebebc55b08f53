// TrainBestOnValidation: the SGD settings, the screen's points and the rule that keeps one of the
// screened runs (resnet3_screen.h).
#include "learners/resnet3_screen.h"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <utility>

#include "harness/contract.h"

namespace thmcheck {
namespace {

// The paper's optimizer (§7): batch 50, momentum 0.9, one ÷10 step decay (`decay_at`). The
// declared η (`lrs`) is the step at kLrBatch samples per step; a batch B takes η·B/kLrBatch (the
// linear scaling rule, Goyal et al. 2017, arXiv 1706.02677: the same distance per epoch).
// Measured at N = 1000, m = 100 (w_scale 0.5, η/B = 0.04): B = 50, 10, 5 end at test err 0.6–4.2,
// 0.12–1.3, 0.06–1.4 (8, 8, 16 runs) — more, smaller steps help the narrow net
// (claims/alpha_separation_notes.md, 2026-11-23 "The build's ISA; the batch size").
constexpr int kLrBatch = 50;
constexpr double kMomentum = 0.9;
// Restart screening point (TrainBest): pilot (N = 3000, α = 0.3, 200 epochs, 13 runs) — the 4
// runs that ended with φ < 0.9 had test err/(kα²) ≥ 0.49 at epoch 50, the other 9 ≤ 0.29; at
// epoch 25 the two overlapped (0.76–2.3 vs 0.30–0.86). Cost with R runs: (R − 1)/4 + 1 of one run.
constexpr double kScreenAt = 0.25;
// Pruning point of the two-stage screen (`screen_keep` ≥ 1): every run to E/8, the best
// `screen_keep` of them on to E/4. Pilot (N = 1000, α = 0.3, 800 epochs, 6 runs per setting; notes,
// 2026-11-23 "m = 3000 at full scale"): the test error at epoch 100 ranked first the two runs that
// ended lowest in each of m = 3000 (η 4 and 5) and m = 1000 (B = 5). Across settings it separates
// less: at m = 3000 (80 runs: restarts 4 on the fig2a grid) a stable η = 4 run ranked 9th behind
// runs that had memorized the training set, so K = 8 pruned the only learner of one replicate and
// K = 16 kept it (notes, 2026-11-23 "A two-stage screen"). Cost with R runs and K kept:
// R/8 + K/8 + 3/4 of one run, against (R − 1)/4 + 1.
constexpr double kPruneAt = 0.125;

ResNet3TrainOptions TrainOptions(const ScreenOptions& s, const ScreenCandidate& c) {
  ResNet3TrainOptions t;
  t.epochs = s.epochs;
  t.batch_size = c.batch;
  t.momentum = kMomentum;
  // B/kLrBatch first: exactly 1 at B = kLrBatch, so those cells keep their bytes.
  t.lr = c.lr * (static_cast<double>(c.batch) / kLrBatch);
  t.weight_decay = s.weight_decay;
  t.second_lr_scale = s.second_lr_scale;
  t.decay_epochs = {static_cast<int>(s.decay_at * t.epochs)};
  return t;
}

// Run i's seed tags: run 0 keeps the untagged names, so its init (and the ResNet NTK's, which is
// taken at run 0's init) is the same whatever `restarts` and the grid's size are.
std::string RunTag(const std::string& tag, int i) {
  return i == 0 ? tag : tag + "#" + std::to_string(i);
}

}  // namespace

bool ScreenOptions::IsValid(std::string* error) const {
  std::string why;
  for (const ScreenCandidate& c : candidates)
    if (c.batch < 1) why = "batch " + std::to_string(c.batch) + " < 1";
  if (candidates.empty()) why = "no candidate setting";
  if (restarts < 1) why = "restarts " + std::to_string(restarts) + " < 1";
  if (epochs < 1) why = "epochs " + std::to_string(epochs) + " < 1";
  if (screen_keep < 0) why = "screen_keep " + std::to_string(screen_keep) + " < 0";
  if (error != nullptr) *error = why;
  return why.empty();
}

ScreenResult TrainBestOnValidation(const ScreenOptions& options,
                                   const std::function<ResNet3(Rng&, double w_scale)>& init,
                                   const ScreenSeeds& seeds, const Eigen::MatrixXd& X,
                                   const Eigen::MatrixXd& Y, const Eigen::MatrixXd& Xv,
                                   const Eigen::MatrixXd& Yv) {
  std::string invalid;
  THM_CHECK_MSG(options.IsValid(&invalid), invalid);
  const std::vector<ScreenCandidate>& grid = options.candidates;
  const int restarts = options.restarts;
  const int count = static_cast<int>(grid.size()) * restarts;
  const int epochs = options.epochs;
  const int screen = count == 1 ? epochs : std::max(1, static_cast<int>(kScreenAt * epochs));
  const int keep = options.screen_keep;
  const bool two_stage = keep >= 1 && keep < count;
  const int prune = two_stage ? std::max(1, static_cast<int>(kPruneAt * epochs)) : 0;
  std::vector<ResNet3Trainer> runs;
  runs.reserve(count);
  for (int i = 0; i < count; ++i) {
    const ScreenCandidate& c = grid[i / restarts];
    Rng init_rng(DeriveSeed(seeds.replicate, RunTag(seeds.init_tag, i)));
    runs.emplace_back(init(init_rng, c.w_scale), TrainOptions(options, c),
                      Rng(DeriveSeed(seeds.replicate, RunTag(seeds.sgd_tag, i))));
  }
  // Trains run i on to epoch `upto` and returns its validation error: ∞ if its loss went
  // non-finite (screened out like a bad run; only when every run did is the learner diverged).
  const auto val_err_at = [&](int i, int upto) -> double {
    ResNet3Trainer& run = runs[i];
    if (run.Run(X, Y, upto - run.result().epochs_run).diverged) return INFINITY;
    const double val = (run.net().Forward(Xv) - Yv).rowwise().squaredNorm().mean();
    return std::isnan(val) ? INFINITY : val;
  };
  ScreenResult out;
  std::vector<int> screened(count);
  std::iota(screened.begin(), screened.end(), 0);
  if (two_stage) {
    std::vector<double> val(count);
    for (int i = 0; i < count; ++i) {
      val[i] = val_err_at(i, prune);
      out.val_errors["prune_val_err#" + std::to_string(i)] = val[i];
    }
    // The K lowest (ties: the earlier run), in run order; runs at ∞ do not go on.
    std::stable_sort(screened.begin(), screened.end(),
                     [&](int a, int b) { return val[a] < val[b]; });
    screened.resize(keep);
    std::erase_if(screened, [&](int i) { return !(val[i] < INFINITY); });
    std::sort(screened.begin(), screened.end());
  }
  int best = 0;
  double best_val = INFINITY;
  for (int i : screened) {
    const double val = val_err_at(i, screen);
    out.val_errors["screen_val_err#" + std::to_string(i)] = val;
    if (val < best_val) best_val = val, best = i;  // ties: the earlier run
  }
  if (!(best_val < INFINITY)) {
    out.diverged = "every run's loss went non-finite (or its validation error did) within " +
                   std::to_string(two_stage && screened.empty() ? prune : screen) + " epochs";
    return out;
  }
  ResNet3Trainer& kept = runs[best];
  const ResNet3TrainResult& result = kept.Run(X, Y, epochs);
  out.kept = best;
  out.epoch_loss = result.epoch_loss;
  if (result.diverged) {
    out.diverged = "non-finite loss in epoch " + std::to_string(result.epochs_run + 1);
    return out;
  }
  out.net = std::move(kept).take_net();
  return out;
}

}  // namespace thmcheck
