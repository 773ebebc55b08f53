// The network learner of claim `alpha_separation` (claims/alpha_separation.cc): the best of
// several SGD runs of a ResNet (or the two-layer net), screened on validation (TrainBest), over a
// declared grid of W's init scale, batch size and η. Legend: E epochs, R = `restarts`,
// K = `screen_keep`, η the step at kLrBatch samples per step (alpha_separation_screen.cc).
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

namespace thmcheck {

// One setting of the SGD-trained nets that TrainBest tries: W's init scale, the mini-batch size
// and the step size η (declared per kLrBatch samples).
struct Candidate {
  double w_scale;
  int batch;
  double lr;
};

// The grid w_scales × batches × lrs (w_scale outermost), as declared in the cell's parameters.
std::vector<Candidate> Candidates(const CellParams& p);

// The learner "best of the screened runs": every candidate setting (Candidates: the declared grid
// of W's init scale, batch size and η; one setting by default) × p.Int("restarts") independent
// inits (`init_tag`) and SGD orders (`sgd_tag`), per replicate (paired across α and arms), each
// trained for the first kScreenAt of the epochs; the run with the lowest validation error (the
// data the kernels' ridge is chosen on) is trained to the end, the others dropped. With
// p.Int("screen_keep") = K ≥ 1 the screen has two stages: every run is trained to kPruneAt of the
// epochs and only the K lowest on validation go on to kScreenAt (a run continues where it stopped,
// so a kept run's bytes are those of the one-stage screen, and K ≥ all runs is that screen). Why
// restarts: Thm 1 holds with high probability over the init; at m = 256 about one run in 8 stalls
// with one output group of G half learned (pilot: 4 of 31 runs ended with φ < 0.9; 7 other inits
// on one stalled run's samples all learned), and R runs all stall with about that probability to
// the R-th power. Why a grid: the paper chose η and weight decay per width on test error (§7);
// here the choice is made on validation, like the kernels' ridge; batch sizes differ in steps per
// epoch, so the screen compares them at equal epochs (equal passes over the data). Records
// L.restart (the run kept), L.w_scale, L.batch and L.lr (its setting), L.screen_val_err#i for
// every run screened at kScreenAt and, with two stages, L.prune_val_err#i for every run (∞ for a
// run whose loss went non-finite: screened out) and L.diverged (0, or 1 with nullopt returned and
// the cell's note saying why, when every run or the kept one did; the cell itself stays ok).
// Trains on (X, Y), screens on (Xv, Yv).
std::optional<ResNet3> TrainBest(const std::string& learner, const CellParams& p,
                                 const std::function<ResNet3(Rng&, double w_scale)>& init,
                                 double second_lr_scale, const char* init_tag, const char* sgd_tag,
                                 uint64_t replicate, const Eigen::MatrixXd& X,
                                 const Eigen::MatrixXd& Y, const Eigen::MatrixXd& Xv,
                                 const Eigen::MatrixXd& Yv, CellOutcome* o);

}  // namespace thmcheck
