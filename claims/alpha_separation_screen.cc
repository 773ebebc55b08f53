// TrainBest of claim `alpha_separation`: the cell's parameters as a screen's options, and the
// screen's result as the cell's record (alpha_separation_screen.h).
#include "claims/alpha_separation_screen.h"

#include <utility>

namespace thmcheck {

std::vector<ScreenCandidate> Candidates(const CellParams& p) {
  std::vector<ScreenCandidate> out;
  for (double w : p.RealList("w_scales"))
    for (int b : p.IntList("batches"))
      for (double lr : p.RealList("lrs")) out.push_back({w, b, lr});
  return out;
}

std::optional<ResNet3> TrainBest(const std::string& learner, const CellParams& p,
                                 const std::function<ResNet3(Rng&, double w_scale)>& init,
                                 double second_lr_scale, const char* init_tag, const char* sgd_tag,
                                 uint64_t replicate, const Eigen::MatrixXd& X,
                                 const Eigen::MatrixXd& Y, const Eigen::MatrixXd& Xv,
                                 const Eigen::MatrixXd& Yv, CellOutcome* o) {
  ScreenOptions options;
  options.candidates = Candidates(p);
  options.restarts = p.Int("restarts");
  options.epochs = p.Int("epochs");
  options.screen_keep = p.Int("screen_keep");
  options.weight_decay = p.Real("weight_decay");
  options.decay_at = p.Real("decay_at");
  options.second_lr_scale = second_lr_scale;
  ScreenResult r =
      TrainBestOnValidation(options, init, {replicate, init_tag, sgd_tag}, X, Y, Xv, Yv);
  for (const auto& [name, value] : r.val_errors) o->observables[learner + "." + name] = value;
  const auto diverged = [&]() {
    o->observables[learner + ".diverged"] = 1;
    o->note += (o->note.empty() ? "" : "; ") + learner + ": " + r.diverged;
    return std::nullopt;
  };
  if (r.kept < 0) return diverged();
  o->observables[learner + ".restart"] = r.kept;
  const std::vector<ScreenCandidate>& grid = options.candidates;
  if (grid.size() > 1) {  // only then: a one-setting learner's cells keep their observables
    const ScreenCandidate& c = grid[r.kept / options.restarts];
    o->observables[learner + ".w_scale"] = c.w_scale;
    o->observables[learner + ".batch"] = c.batch;
    o->observables[learner + ".lr"] = c.lr;
  }
  o->series[learner + ".epoch_loss"] = r.epoch_loss;
  if (!r.net) return diverged();
  o->observables[learner + ".diverged"] = 0;
  return std::move(*r.net);
}

}  // namespace thmcheck
