// Model selection for SGD-trained ResNets (resnet3.h): the best of several runs, screened on
// validation data. Every candidate setting (W's init scale, batch size, step η) × `restarts`
// independent inits and SGD orders is trained for the first kScreenAt of the epochs; the run with
// the lowest validation error is trained to the end, the others dropped. With screen_keep = K ≥ 1
// the screen has two stages: every run is trained to kPruneAt of the epochs and only the K lowest
// on validation go on to kScreenAt (a run continues where it stopped, so a kept run's bytes are
// those of the one-stage screen, and K ≥ all runs is that screen).
// Why restarts: a result that holds with high probability over the init (arXiv 1905.10337 Thm 1)
// is checked on the run a learner would keep; why a grid: the paper chose η and weight decay per
// width on test error (§7), here the choice is made on validation, like a kernel's ridge. Batch
// sizes differ in steps per epoch, so the screen compares them at equal epochs. The pilots behind
// kScreenAt and kPruneAt: docs/claims/alpha_separation.md and its notes.
// Legend: E epochs, R restarts, K screen_keep, η the step at kLrBatch samples per step.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include <Eigen/Core>

#include "harness/rng.h"
#include "learners/resnet3.h"

namespace thmcheck {

// One setting a screen tries: W's init scale, the mini-batch size and the step size η (declared
// per kLrBatch samples; a batch B steps η·B/kLrBatch, the linear scaling rule).
struct ScreenCandidate {
  double w_scale;
  int batch;
  double lr;
};

struct ScreenOptions {
  std::vector<ScreenCandidate> candidates;  // the grid, in the order runs are numbered
  int restarts = 1;                         // R runs per candidate (independent init and order)
  int epochs = 1;                           // E
  int screen_keep = 0;                      // K ≥ 1: two stages; 0 (or K ≥ all runs): one
  double weight_decay = 0.0;
  double decay_at = 0.5;         // the ÷10 step decay at this fraction of E
  double second_lr_scale = 1.0;  // block 2 steps at this multiple of η (0 freezes it)

  // False, with *error saying what is wrong, for no candidate, R < 1, E < 1, a batch < 1, K < 0.
  bool IsValid(std::string* error) const;
};

// Run i's seeds: DeriveSeed(replicate, tag) for run 0 (its init is the same whatever R and the grid
// are), DeriveSeed(replicate, tag#i) for run i ≥ 1.
struct ScreenSeeds {
  uint64_t replicate = 0;
  std::string init_tag, sgd_tag;
};

struct ScreenResult {
  std::optional<ResNet3> net;  // the kept run, trained to the end; empty when it diverged
  int kept = -1;               // its run number (−1 when every run diverged in the screen)
  // Per run i screened at kScreenAt: its validation error ("screen_val_err#i"), and with two
  // stages every run's at kPruneAt ("prune_val_err#i"); ∞ for a run whose loss (or validation
  // error) went non-finite: screened out.
  std::map<std::string, double> val_errors;
  std::vector<double> epoch_loss;  // the kept run's
  std::string diverged;            // why no net, or ""
};

// Trains on (X, Y), screens on (Xv, Yv). `init` builds a run's net from its Rng and W's scale.
ScreenResult TrainBestOnValidation(const ScreenOptions& options,
                                   const std::function<ResNet3(Rng&, double w_scale)>& init,
                                   const ScreenSeeds& seeds, const Eigen::MatrixXd& X,
                                   const Eigen::MatrixXd& Y, const Eigen::MatrixXd& Xv,
                                   const Eigen::MatrixXd& Yv);

}  // namespace thmcheck
