// Selects a claim's plots from its arms and checks; see plot_spec.h.
// Grouping key is (observable, x): the same observable swept over two different parameters is
// two plots, since one x axis cannot show both.
#include "reports/plot_spec.h"

#include <algorithm>
#include <cmath>
#include <set>

#include "reports/format.h"

namespace thmcheck::report {
namespace {

// Arms in plotting order: role "main" first, the rest as in verdict.json.
std::vector<const Arm*> ArmsMainFirst(const ClaimResult& claim) {
  std::vector<const Arm*> arms;
  for (const Arm& arm : claim.arms) arms.push_back(&arm);
  std::stable_partition(arms.begin(), arms.end(), [](const Arm* a) { return a->role == "main"; });
  return arms;
}

// The drawable points of `points`, sorted by x; the others are counted in `dropped`.
PlotSeries SeriesOf(std::string name, std::string role, const std::vector<SweepPoint>& points,
                    bool log_x, bool log_y) {
  PlotSeries series;
  series.arm = std::move(name);
  series.role = std::move(role);
  for (const SweepPoint& p : points) {
    // NOTE: log axes cannot show x <= 0 or y <= 0; such points are counted and reported in the
    // caption rather than silently vanishing.
    if ((!log_x || PointX(p) > 0) && p.mean && (!log_y || *p.mean > 0)) {
      series.points.push_back(p);
    } else {
      ++series.dropped;
    }
  }
  std::sort(series.points.begin(), series.points.end(),
            [](const SweepPoint& a, const SweepPoint& b) { return PointX(a) < PointX(b); });
  return series;
}

// A stem not yet in `stems` (two names may sanitize alike: "a.b" and "a_b"), then recorded.
std::string UniqueStem(const std::string& name, std::set<std::string>* stems) {
  std::string stem = FileStem(name);
  for (int i = 2; stems->count(stem) > 0; ++i) stem = FileStem(name) + "_" + std::to_string(i);
  stems->insert(stem);
  return stem;
}

PlotSpec DeclaredPlot(const ClaimFigure& figure, std::set<std::string>* stems) {
  PlotSpec plot;
  plot.declared = true;
  plot.observable = figure.y_label;
  plot.x = figure.x;
  plot.title = figure.title;
  plot.arms = figure.Arms();
  plot.log_x = figure.log_x;
  plot.log_y = figure.log_y;
  plot.diverged = figure.diverged;
  plot.stem = UniqueStem(figure.name, stems);
  for (const FigureSeries& s : figure.series) {
    PlotSeries series = SeriesOf(s.label, "", s.points, figure.log_x, figure.log_y);
    series.reference = s.reference;
    plot.unusable += s.unusable;
    plot.series.push_back(std::move(series));
  }
  for (const FigureLine& line : figure.lines) {
    if (line.value && std::isfinite(*line.value) && (!figure.log_y || *line.value > 0))
      plot.lines.push_back({line.label, *line.value});
  }
  return plot;
}

bool Drawable(const PlotSpec& plot) {
  return std::any_of(plot.series.begin(), plot.series.end(),
                     [](const PlotSeries& s) { return !s.points.empty(); });
}

}  // namespace

std::string AxesName(const PlotSpec& plot) {
  if (plot.log_x && plot.log_y) return "log-log";
  if (plot.log_x) return "log x, linear y";
  return plot.log_y ? "linear x, log y" : "linear axes";
}

int PlotSpec::Dropped() const {
  int dropped = 0;
  for (const PlotSeries& s : series) dropped += s.dropped;
  return dropped;
}

std::vector<PlotSpec> CollectPlots(const ClaimResult& claim) {
  const std::vector<const Arm*> arms = ArmsMainFirst(claim);
  // Keys in first-appearance order; a plot exists only if some arm has a fitted line.
  std::vector<std::pair<std::string, std::string>> keys;
  for (const Arm* arm : arms) {
    for (const Check& check : arm->checks) {
      const auto key = std::make_pair(check.observable, check.x);
      if (check.HasLine() && std::find(keys.begin(), keys.end(), key) == keys.end()) {
        keys.push_back(key);
      }
    }
  }
  std::vector<PlotSpec> plots;
  std::set<std::string> stems;
  for (const ClaimFigure& figure : claim.figures) {
    PlotSpec plot = DeclaredPlot(figure, &stems);
    if (Drawable(plot)) plots.push_back(std::move(plot));
  }
  for (const auto& [observable, x] : keys) {
    PlotSpec plot;
    plot.observable = observable;
    plot.x = x;
    plot.stem = UniqueStem(observable + (x.empty() ? "" : "_vs_" + x), &stems);
    for (const Arm* arm : arms) {
      // An arm contributes at most one series per plot: its first check of this observable.
      const auto it = std::find_if(arm->checks.begin(), arm->checks.end(), [&](const Check& c) {
        return c.observable == observable && c.x == x && !c.Points().empty();
      });
      if (it == arm->checks.end()) continue;
      PlotSeries series = SeriesOf(arm->name, arm->role, it->Points(), true, true);
      if (it->HasLine()) {
        series.slope = it->fit->slope;
        series.intercept = it->fit->intercept;
      }
      if (plot.series.empty()) {
        // The first series is the main arm's when there is one: it carries the prediction.
        plot.kind = it->kind;
        plot.predicted = it->predicted;
        if (!series.points.empty()) {
          plot.anchor_x = PointX(series.points.front());
          plot.anchor_y = series.points.front().mean;
        }
      }
      plot.series.push_back(std::move(series));
    }
    if (!plot.predicted || !plot.anchor_x) plot.predicted.reset();
    // A plot with nothing drawable would only make gnuplot fail on an empty range.
    if (Drawable(plot)) plots.push_back(std::move(plot));
  }
  return plots;
}

}  // namespace thmcheck::report
