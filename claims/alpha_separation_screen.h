// The network learner of claim `alpha_separation` (claims/alpha_separation.cc): the ResNet (or the
// two-layer net) selected on validation by learners/resnet3_screen.h, over the grid of W's init
// scale, batch size and η the cell's parameters declare, with its record in the cell's
// observables. Legend: E epochs, R = `restarts`, K = `screen_keep`.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include <Eigen/Core>

#include "harness/claim.h"
#include "harness/rng.h"
#include "learners/resnet3.h"
#include "learners/resnet3_screen.h"

namespace thmcheck {

// The grid w_scales × batches × lrs (w_scale outermost), as declared in the cell's parameters.
std::vector<ScreenCandidate> Candidates(const CellParams& p);

// The learner "best of the screened runs" (TrainBestOnValidation) with the cell's `epochs`,
// `restarts`, `screen_keep`, `weight_decay`, `decay_at` and grid, run i seeded from (`replicate`,
// `init_tag`/`sgd_tag` #i): paired across α and arms. Why restarts: Thm 1 holds with high
// probability over the init; at m = 256 about one run in 8 stalls with one output group of G half
// learned (pilot: 4 of 31 runs ended with φ < 0.9; 7 other inits on one stalled run's samples all
// learned), and R runs all stall with about that probability to the R-th power. Records
// L.restart (the run kept), L.w_scale, L.batch and L.lr (its setting, with a grid of more than one
// setting), L.screen_val_err#i and L.prune_val_err#i (ScreenResult) and L.diverged (0, or 1 with
// nullopt returned and the cell's note saying why, when every run or the kept one did; the cell
// itself stays ok). Trains on (X, Y), screens on (Xv, Yv).
std::optional<ResNet3> TrainBest(const std::string& learner, const CellParams& p,
                                 const std::function<ResNet3(Rng&, double w_scale)>& init,
                                 double second_lr_scale, const char* init_tag, const char* sgd_tag,
                                 uint64_t replicate, const Eigen::MatrixXd& X,
                                 const Eigen::MatrixXd& Y, const Eigen::MatrixXd& Xv,
                                 const Eigen::MatrixXd& Yv, CellOutcome* o);

}  // namespace thmcheck
