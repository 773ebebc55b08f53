// Writes the trend plots' .dat and .gp text; see trend_plot.h. As in gnuplot_script.cc, ranges and
// ticks are computed here (autoscale would round a log axis out to whole decades) and every text
// from a result file goes through GnuplotQuote with enhanced text off.
#include "reports/trend_plot.h"

#include <algorithm>
#include <cmath>
#include <sstream>

#include "reports/escape.h"
#include "reports/format.h"
#include "reports/gnuplot_script.h"
#include "reports/plot_style.h"
#include "reports/verdict_summary.h"

namespace thmcheck::report {
namespace {

// Series colours and point types for the benchmarks of one family (Tableau 10 hues).
constexpr const char* kColours[] = {"#1f77b4", "#ff7f0e", "#2ca02c", "#d62728",
                                    "#9467bd", "#8c564b", "#e377c2", "#17becf"};
constexpr int kPointTypes[] = {7, 5, 9, 13, 11, 15, 7, 5};
constexpr int kMaxRunLabels = 12;  // x labels beyond this are thinned out, so they stay legible
constexpr double kBandHalfWidth = 0.45;  // a run's band spans run ± this on the x axis

std::string Num(double value) { return GnuplotNumber(value); }

std::string Preamble(size_t runs, const std::vector<std::string>& labels, const std::string& title,
                     const std::string& ylabel) {
  std::ostringstream gp;
  gp << "set encoding utf8\nset xrange [-0.5:" << Num(runs - 0.5) << "]\n";
  const size_t step = std::max<size_t>(1, (runs + kMaxRunLabels - 1) / kMaxRunLabels);
  gp << "set xtics rotate by -40 font ',9' (";
  bool first = true;
  for (size_t i = 0; i < runs && i < labels.size(); ++i) {
    if (i % step != 0 && i + 1 != runs) continue;
    gp << (first ? "" : ", ") << GnuplotQuote(labels[i]) << " " << i;
    first = false;
  }
  gp << ")\nset grid xtics ytics lc rgb '#dddddd' lw 1 dt 1\n"
     << "set key below maxrows 3 samplen 3\n"
     // No x label: it would collide with the key below; the pages say "x: run (month-day, commit)".
     << "set ylabel " << GnuplotQuote(ylabel) << "\nset title " << GnuplotQuote(title) << "\n";
  return gp.str();
}

std::string Outputs(const std::string& stem, const std::string& plot) {
  return "set pointsize 1.1\n"
         "set terminal svg size 760,480 font 'sans-serif,12' noenhanced background '#ffffff'\n"
         "set output '" +
         stem + ".svg'\n" + plot + "\n" +
         "set terminal pngcairo size 760,480 font 'sans-serif,10' noenhanced background '#ffffff'\n"
         "set output '" +
         stem + ".png'\nreplot\nunset output\n";
}

std::string JoinPlot(const std::vector<std::string>& elements) {
  std::string plot = "plot ";
  for (size_t i = 0; i < elements.size(); ++i) plot += (i ? ", \\\n     " : "") + elements[i];
  return plot;
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
      data << p.run << ' ' << Num(p.best_ns / per_unit) << ' ' << Num(p.best_ns / per_unit) << ' '
           << Num(p.worst_ns / per_unit) << ' ' << (p.flagged ? 1 : 0) << '\n';
    }
  }
  std::ostringstream gp;
  gp << "# thmcheck trend plot: benchmark family " << family << " over nightly runs.\n"
     << "# Regenerate " << stem << ".{svg,png} in this folder with:  gnuplot " << stem << ".gp\n"
     << Preamble(run_labels.size(), run_labels, family,
                 "CPU time per iteration (" + unit + "): fastest repetition, bar to slowest")
     << "set logscale y\nset yrange [" << Num(lo) << ":" << Num(hi) << "]\n"
     << TicsCommand("y", LogTicks(lo, hi)) << "set format y '%g'\n";
  for (size_t i = 0; i < trends.size(); ++i) {
    const size_t k = i % std::size(kColours);
    gp << "set style line " << i + 1 << " lc rgb '" << kColours[k] << "' pt " << kPointTypes[k]
       << " lw 1.5\n";
    elements.push_back("'" + stem + ".dat' index " + std::to_string(i) +
                       " using 1:2:3:4 with yerrorlines ls " + std::to_string(i + 1) + " title " +
                       GnuplotQuote(SeriesName(family, trends[i]->name)));
  }
  for (size_t i = 0; any_flag && i < trends.size(); ++i) {
    elements.push_back(
        "'" + stem + ".dat' index " + std::to_string(i) +
        " using 1:($5 > 0 ? $2 : 1/0) with points pt 6 ps 2.6 lw 2 lc rgb '#cf222e' " +
        (i == 0 ? "title 'flagged: slower than allowed'" : "notitle"));
  }
  gp << Outputs(stem, JoinPlot(elements));
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
      data << Num(p.run + dx) << ' ' << Num(p.band.lo.value_or(lo)) << ' '
           << Num(p.band.hi.value_or(hi)) << '\n';
    }
  }
  if (!band) data << "NaN NaN NaN\n";  // keeps block numbering fixed
  std::ostringstream gp;
  const std::string title = series.claim + " (protocol " +
                            (series.protocol ? std::to_string(*series.protocol) : "?") + ", " +
                            series.scale + "): " + check;
  gp << "# thmcheck trend plot: " << title << " over nightly runs.\n"
     << "# Regenerate " << stem << ".{svg,png} in this folder with:  gnuplot " << stem << ".gp\n"
     << Preamble(run_labels.size(), run_labels, title,
                 (arms.empty() ? std::string("estimate") : arms.front()->kind) +
                     " estimate, 90% interval")
     << "set yrange [" << Num(lo) << ":" << Num(hi) << "]\n";
  std::vector<std::string> elements;
  if (band) {
    elements.push_back("'" + stem +
                       ".dat' index 0 using 1:2:3 with filledcurves "
                       "fc rgb '#dafbe1' fs solid 1.0 border lc rgb '#1a7f37' "
                       "title 'band (main arm)'");
  }
  size_t controls = 0;
  for (size_t i = 0; i < arms.size(); ++i) {
    data << "\n\n# arm " << arms[i]->arm << " (" << arms[i]->role << ")\n";
    for (const EstimatePoint& p : arms[i]->points) {
      if (!p.estimate) continue;
      data << p.run << ' ' << Num(*p.estimate) << ' ' << Num(p.ci.lo.value_or(*p.estimate)) << ' '
           << Num(p.ci.hi.value_or(*p.estimate)) << ' ' << (p.outside_band ? 1 : 0) << '\n';
    }
    const ArmStyle style = arms[i]->role == "main" ? kMainStyle : ControlStyle(controls++);
    gp << "set style line " << i + 1 << " lc rgb '" << style.colour << "' pt " << style.point_type
       << " lw 1.5 dt " << style.dash << "\n";
    // "large_step (control, must fail)": what the series is, when it is not main-arm evidence.
    std::string what = arms[i]->role == "main" ? "" : arms[i]->role;
    if (arms[i]->check_role != kEvidence)
      what += (what.empty() ? "" : ", ") + RoleText(arms[i]->check_role);
    const std::string label = arms[i]->arm + (what.empty() ? "" : " (" + what + ")");
    elements.push_back("'" + stem + ".dat' index " + std::to_string(i + 1) +
                       " using 1:2:3:4 with yerrorlines ls " + std::to_string(i + 1) + " title " +
                       GnuplotQuote(label));
    if (arms[i]->MainEvidence() && any_outside) {
      elements.push_back("'" + stem + ".dat' index " + std::to_string(i + 1) +
                         " using 1:($5 > 0 ? $2 : 1/0) with points pt 6 ps 2.6 lw 2 "
                         "lc rgb '#cf222e' title 'outside its band'");
    }
  }
  gp << Outputs(stem, JoinPlot(elements));
  return {data.str(), gp.str()};
}

}  // namespace thmcheck::report
