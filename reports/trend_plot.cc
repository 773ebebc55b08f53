// Writes the trend plots' .dat and .gp text; see history_report.h. As in gnuplot_script.cc, ranges
// and ticks are computed here (autoscale would round a log axis out to whole decades) and every
// text from a result file goes through GnuplotQuote with enhanced text off.
#include "reports/history_report.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <sstream>

#include "reports/format.h"
#include "reports/gnuplot_script.h"
#include "reports/html_page.h"

namespace thmcheck::report {
namespace {

// Series colours and point types for the benchmarks of one family (Tableau 10 hues).
constexpr const char* kColours[] = {"#1f77b4", "#ff7f0e", "#2ca02c", "#d62728",
                                    "#9467bd", "#8c564b", "#e377c2", "#17becf"};
constexpr int kPointTypes[] = {7, 5, 9, 13, 11, 15, 7, 5};
constexpr int kMaxRunLabels = 12;  // x labels beyond this are thinned out, so they stay legible
constexpr double kBandHalfWidth = 0.45;  // a run's band spans run ± this on the x axis

// A flagged point's red ring: drawn where its block's 5th column is 1.
constexpr const char* kRingColumns = "1:($5 > 0 ? $2 : 1/0)";
constexpr const char* kRing = "points pt 6 ps 2.6 lw 2 lc rgb '#cf222e'";

// The script up to its y axis: what it draws (`subject`), how to run it, and the x axis of runs
// labelled with `labels`, thinned to about kMaxRunLabels (the latest always labelled).
std::string Preamble(const std::string& subject, const std::string& stem,
                     const std::vector<std::string>& labels, const std::string& title,
                     const std::string& ylabel) {
  const size_t runs = labels.size();
  const size_t step = std::max<size_t>(1, (runs + kMaxRunLabels - 1) / kMaxRunLabels);
  std::vector<std::string> ticks;
  for (size_t i = 0; i < runs; ++i) {
    if (i % step == 0 || i + 1 == runs)
      ticks.push_back(GnuplotQuote(labels[i]) + " " + std::to_string(i));
  }
  // No x label: it would collide with the key below; the pages say "x: run (month-day, commit)".
  return fmt::format(
      "# thmcheck trend plot: {0} over nightly runs.\n"
      "# Regenerate {1}.{{svg,png}} in this folder with:  gnuplot {1}.gp\n"
      "set encoding utf8\nset xrange [-0.5:{2}]\n"
      "set xtics rotate by -40 font ',9' ({3})\n"
      "set grid xtics ytics lc rgb '#dddddd' lw 1 dt 1\n"
      "set key below maxrows 3 samplen 3\n"
      "set ylabel {4}\nset title {5}\n",
      subject, stem, GnuplotNumber(runs - 0.5), fmt::join(ticks, ", "), GnuplotQuote(ylabel),
      GnuplotQuote(title));
}

// The display unit for times whose largest value is `max_ns`: name and nanoseconds per unit.
std::pair<std::string, double> TimeUnit(double max_ns) {
  if (max_ns >= 1e9) return {"s", 1e9};
  if (max_ns >= 1e6) return {"ms", 1e6};
  if (max_ns >= 1e3) return {"\u00b5s", 1e3};
  return {"ns", 1.0};
}

// The part of a benchmark's name after its family ("n:20/m:256"), or the name when none is left.
std::string SeriesName(const std::string& family, const std::string& name) {
  if (name.size() > family.size() + 1 && name.compare(0, family.size(), family) == 0) {
    return name.substr(family.size() + 1);
  }
  return name;
}

}  // namespace

std::vector<std::string> RunLabels(const std::vector<HistoryRun>& runs) {
  std::vector<std::string> labels;
  for (const HistoryRun& run : runs) {
    const std::string day = run.date.size() >= 10 ? run.date.substr(5, 5) : run.date;
    labels.push_back(day + " " + run.commit.substr(0, 7));
  }
  return labels;
}

TrendFiles BenchmarkFamilyPlot(const std::string& family,
                               const std::vector<const BenchmarkTrend*>& trends,
                               const std::vector<std::string>& run_labels,
                               const std::string& stem) {
  double lo = INFINITY, hi = -INFINITY;
  bool any_flag = false;
  for (const BenchmarkTrend* t : trends) {
    for (const BenchmarkPoint& p : t->points) {
      lo = std::min(lo, p.best_ns), hi = std::max(hi, p.worst_ns);
      any_flag = any_flag || p.flagged;
    }
  }
  if (!(lo > 0)) lo = 1, hi = 10;
  if (lo == hi) lo /= 2, hi *= 2;
  const auto [unit, per_unit] = TimeUnit(hi);
  lo = lo / per_unit / 1.15, hi = hi / per_unit * 1.15;

  std::ostringstream data;
  data << "# " << family << ": one block per benchmark; columns: run fastest fastest slowest "
       << "flagged (" << unit << " of CPU time per iteration over the run's repetitions)\n";
  std::vector<std::string> elements;
  for (size_t i = 0; i < trends.size(); ++i) {
    if (i > 0) data << "\n\n";
    data << "# " << trends[i]->name << "\n";
    for (const BenchmarkPoint& p : trends[i]->points) {
      data << fmt::format("{} {} {} {} {}\n", p.run, GnuplotNumber(p.best_ns / per_unit),
                          GnuplotNumber(p.best_ns / per_unit), GnuplotNumber(p.worst_ns / per_unit),
                          p.flagged ? 1 : 0);
    }
  }
  std::ostringstream gp;
  gp << Preamble("benchmark family " + family, stem, run_labels, family,
                 "CPU time per iteration (" + unit + "): fastest repetition, bar to slowest")
     << fmt::format("set logscale y\nset yrange [{}:{}]\n", GnuplotNumber(lo), GnuplotNumber(hi))
     << TicsCommand("y", LogTicks(lo, hi)) << "set format y '%g'\n";
  for (size_t i = 0; i < trends.size(); ++i) {
    const size_t k = i % std::size(kColours);
    gp << StyleLine(i + 1, kColours[k], fmt::format("pt {} lw 1.5", kPointTypes[k]));
    elements.push_back(DataElement(stem, i, "1:2:3:4",
                                   fmt::format("yerrorlines ls {} title {}", i + 1,
                                               GnuplotQuote(SeriesName(family, trends[i]->name)))));
  }
  for (size_t i = 0; any_flag && i < trends.size(); ++i) {
    elements.push_back(DataElement(
        stem, i, kRingColumns,
        fmt::format("{} {}", kRing, i == 0 ? "title 'flagged: slower than allowed'" : "notitle")));
  }
  gp << PlotCommands(stem, elements, "1.1", 480, 12) << "unset output\n";
  return {data.str(), gp.str()};
}

TrendFiles EstimatePlot(const ClaimTrend& series, const std::string& check,
                        const std::vector<std::string>& run_labels, const std::string& stem) {
  std::vector<const EstimateTrend*> arms;
  for (const EstimateTrend& e : series.estimates) {
    if (e.name == check) arms.push_back(&e);
  }
  double lo = INFINITY, hi = -INFINITY;
  auto see = [&](const std::optional<double>& v) {
    if (v && std::isfinite(*v)) lo = std::min(lo, *v), hi = std::max(hi, *v);
  };
  const EstimateTrend* main = nullptr;
  bool any_outside = false;
  for (const EstimateTrend* e : arms) {
    // The band shown is the first main-arm evidence check's: the band the theorem allows.
    if (e->MainEvidence() && main == nullptr) main = e;
    for (const EstimatePoint& p : e->points) {
      see(p.estimate), see(p.ci.lo), see(p.ci.hi);
      if (e == main) see(p.band.lo), see(p.band.hi);
      any_outside = any_outside || p.outside_band;
    }
  }
  if (!std::isfinite(lo)) lo = -1, hi = 1;
  if (lo == hi) lo -= 0.5, hi += 0.5;
  const double pad = 0.08 * (hi - lo);
  lo -= pad, hi += pad;

  std::ostringstream data;
  data << "# " << series.claim << " " << check << " over nightly runs; block 0: the main "
       << "arm's band (x lo hi); then one block per arm: run estimate lo90 hi90 outside_band\n";
  data << "# band\n";
  bool band = false;
  for (const EstimatePoint& p : main ? main->points : std::vector<EstimatePoint>{}) {
    if (!p.band.present) continue;
    band = true;
    for (const double dx : {-kBandHalfWidth, kBandHalfWidth}) {
      data << fmt::format("{} {} {}\n", GnuplotNumber(p.run + dx),
                          GnuplotNumber(p.band.lo.value_or(lo)),
                          GnuplotNumber(p.band.hi.value_or(hi)));
    }
  }
  if (!band) data << "NaN NaN NaN\n";  // keeps block numbering fixed
  std::ostringstream gp;
  const std::string title = series.claim + " (protocol " +
                            (series.protocol ? std::to_string(*series.protocol) : "?") + ", " +
                            series.scale + "): " + check;
  gp << Preamble(title, stem, run_labels, title,
                 (arms.empty() ? std::string("estimate") : arms.front()->kind) +
                     " estimate, 90% interval")
     << fmt::format("set yrange [{}:{}]\n", GnuplotNumber(lo), GnuplotNumber(hi));
  std::vector<std::string> elements;
  if (band) {
    elements.push_back(DataElement(stem, 0, "1:2:3",
                                   "filledcurves fc rgb '#dafbe1' fs solid 1.0 border lc rgb "
                                   "'#1a7f37' title 'band (main arm)'"));
  }
  size_t controls = 0;
  for (size_t i = 0; i < arms.size(); ++i) {
    data << "\n\n# arm " << arms[i]->arm << " (" << arms[i]->role << ")\n";
    for (const EstimatePoint& p : arms[i]->points) {
      if (!p.estimate) continue;
      data << fmt::format("{} {} {} {} {}\n", p.run, GnuplotNumber(*p.estimate),
                          GnuplotNumber(p.ci.lo.value_or(*p.estimate)),
                          GnuplotNumber(p.ci.hi.value_or(*p.estimate)), p.outside_band ? 1 : 0);
    }
    const ArmStyle style = arms[i]->role == "main" ? kMainStyle : ControlStyle(controls++);
    gp << StyleLine(i + 1, style.colour,
                    fmt::format("pt {} lw 1.5 dt {}", style.point_type, style.dash));
    // "large_step (control, must fail)": what the series is, when it is not main-arm evidence.
    std::string what = arms[i]->role == "main" ? "" : arms[i]->role;
    if (arms[i]->check_role != kEvidence)
      what += (what.empty() ? "" : ", ") + RoleText(arms[i]->check_role);
    const std::string label = arms[i]->arm + (what.empty() ? "" : " (" + what + ")");
    elements.push_back(
        DataElement(stem, i + 1, "1:2:3:4",
                    fmt::format("yerrorlines ls {} title {}", i + 1, GnuplotQuote(label))));
    if (arms[i]->MainEvidence() && any_outside)
      elements.push_back(DataElement(stem, i + 1, kRingColumns,
                                     fmt::format("{} title 'outside its band'", kRing)));
  }
  gp << PlotCommands(stem, elements, "1.1", 480, 12) << "unset output\n";
  return {data.str(), gp.str()};
}

}  // namespace thmcheck::report
