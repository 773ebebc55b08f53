// The screen keeps the run of least validation error among those it screened, prunes to the K
// best first with two stages, records every run's validation error, and reports a learner whose
// every run diverged instead of returning a net.
#include "learners/resnet3_screen.h"

#include <gtest/gtest.h>

#include <cmath>

namespace thmcheck {
namespace {

ResNet3 Tiny(Rng& rng, double w_scale) {
  ResNet3Options o;
  o.d = 6, o.m = 8, o.k = 2, o.w_scale = w_scale;
  return ResNet3::Init(o, rng);
}

struct Data {
  Eigen::MatrixXd x, y, xv, yv;
};

Data TinyData() {
  Rng rng(3);
  Data d{Eigen::MatrixXd(40, 6), Eigen::MatrixXd(40, 2), Eigen::MatrixXd(20, 6),
         Eigen::MatrixXd(20, 2)};
  for (Eigen::MatrixXd* m : {&d.x, &d.xv})
    for (Eigen::Index i = 0; i < m->size(); ++i) m->data()[i] = rng.Sign() / std::sqrt(6.0);
  d.y.col(0) = d.x.col(0).cwiseProduct(d.x.col(1)) * 6.0;
  d.y.col(1) = d.x.col(2) * 2.0;
  d.yv.col(0) = d.xv.col(0).cwiseProduct(d.xv.col(1)) * 6.0;
  d.yv.col(1) = d.xv.col(2) * 2.0;
  return d;
}

ScreenOptions Grid() {
  ScreenOptions o;
  o.candidates = {{0.5, 10, 0.05}, {1.0, 10, 0.1}};
  o.restarts = 2;
  o.epochs = 16;
  return o;
}

TEST(ResNet3Screen, KeepsTheLeastValidationErrorAmongTheScreenedRuns) {
  const Data d = TinyData();
  ScreenOptions o = Grid();
  o.screen_keep = 2;  // two stages: 4 runs to E/8, the 2 best on to E/4
  const ScreenResult r = TrainBestOnValidation(o, Tiny, {5, "init", "sgd"}, d.x, d.y, d.xv, d.yv);
  ASSERT_TRUE(r.net.has_value()) << r.diverged;
  int screened = 0, best = -1;
  double best_val = INFINITY;
  for (int i = 0; i < 4; ++i) {
    EXPECT_TRUE(r.val_errors.contains("prune_val_err#" + std::to_string(i))) << i;
    const auto it = r.val_errors.find("screen_val_err#" + std::to_string(i));
    if (it == r.val_errors.end()) continue;
    ++screened;
    if (it->second < best_val) best_val = it->second, best = i;
  }
  EXPECT_EQ(screened, 2);
  EXPECT_EQ(r.kept, best);
  EXPECT_EQ(r.epoch_loss.size(), 16u);
  // Same seeds, same run: the result is a function of its inputs.
  const ScreenResult again =
      TrainBestOnValidation(o, Tiny, {5, "init", "sgd"}, d.x, d.y, d.xv, d.yv);
  EXPECT_EQ(again.val_errors, r.val_errors);
}

TEST(ResNet3Screen, EveryRunDivergingIsReportedNotReturned) {
  const Data d = TinyData();
  const auto nan_init = [](Rng& rng, double w_scale) {
    const ResNet3 net = Tiny(rng, w_scale);
    ResNet3::Params q = net.params();
    q.w(0, 0) = std::nan("");
    return ResNet3::FromParameters(q, net.a(), SecondLayer::kBottleneck);
  };
  const ScreenResult r =
      TrainBestOnValidation(Grid(), nan_init, {5, "init", "sgd"}, d.x, d.y, d.xv, d.yv);
  EXPECT_FALSE(r.net.has_value());
  EXPECT_EQ(r.kept, -1);
  EXPECT_NE(r.diverged.find("every run's loss went non-finite"), std::string::npos) << r.diverged;
}

TEST(ResNet3Screen, OptionsSayWhatIsWrong) {
  std::string error;
  EXPECT_TRUE(Grid().IsValid(&error)) << error;
  ScreenOptions o = Grid();
  o.restarts = 0;
  EXPECT_FALSE(o.IsValid(&error));
  EXPECT_EQ(error, "restarts 0 < 1");
  o = Grid();
  o.candidates.clear();
  EXPECT_FALSE(o.IsValid(&error));
  EXPECT_EQ(error, "no candidate setting");
}

}  // namespace
}  // namespace thmcheck
