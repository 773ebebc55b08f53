// Writes the .dat and .gp text of a plot; see gnuplot_script.h for the contract and styles.
// Ranges and ticks are computed here rather than left to gnuplot's autoscale: autoscale rounds a
// log axis out to whole decades, which squeezes a sweep over one factor of four into a sliver.
// Numbers are written with %.17g so a script reproduces the fitted line exactly.
#include "reports/gnuplot_script.h"

#include <algorithm>
#include <cmath>
#include <sstream>

#include <fmt/format.h>

#include "reports/escape.h"
#include "reports/format.h"
#include "reports/plot_style.h"

namespace thmcheck::report {
namespace {

// The PDF's size: 3.4 in is a column of the common two-column templates (3.25–3.5 in).
constexpr const char* kPaperSize = "3.4in,2.6in";
// Padding around the data on log axes, as a factor; keeps end points off the frame.
constexpr double kXPad = 1.15;
constexpr double kMinYPad = 1.1;
// Padding on linear axes, as a fraction of the data's span.
constexpr double kLinearXPad = 0.04;
constexpr double kLinearYPad = 0.06;
// A declared figure's reference series (a bound recorded per cell): dark grey, dashed.
constexpr const char* kReferenceColour = "#404040";

// The extent of what is drawn on one axis; a log axis sees positive finite values only.
struct Range {
  explicit Range(bool log_axis) : log(log_axis) {}
  void See(double v) {
    if (std::isfinite(v) && (!log || v > 0)) lo = std::min(lo, v), hi = std::max(hi, v);
  }
  // Pads by a factor (log) or a fraction of the span (linear); a single value gets some width.
  void Pad(double factor, double fraction) {
    if (log) {
      if (lo == hi) lo /= 2, hi *= 2;
      lo /= factor, hi *= factor;
      return;
    }
    const double span = hi > lo ? hi - lo : std::max(std::abs(lo), 1.0);
    lo -= fraction * span, hi += fraction * span;
  }
  bool log;
  double lo = INFINITY, hi = -INFINITY;
};

// Text for a '#' comment: control characters (a newline would end the comment) become spaces.
std::string CommentText(const std::string& text) {
  std::string out = text;
  for (char& c : out) {
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7F) c = ' ';
  }
  return out;
}

double PowerLaw(const PlotSeries& s, double x) {
  return std::exp(*s.intercept) * std::pow(x, *s.slope);
}

ArmStyle StyleOf(const PlotSpec& plot, size_t i) {
  const bool main = plot.series[i].role == "main";
  if (main) return kMainStyle;
  // Count controls before i so the n-th non-main arm always gets the n-th control style.
  size_t n = 0;
  for (size_t j = 0; j < i; ++j) n += plot.series[j].role != "main";
  return ControlStyle(n);
}

std::string Num(double value) { return GnuplotNumber(value); }

}  // namespace

std::string GnuplotNumber(double value) { return fmt::format("{:.17g}", value); }

std::string TicsCommand(std::string_view axis, const std::vector<double>& ticks) {
  return fmt::format("set {}tics ({:.6g})\n", axis, fmt::join(ticks, ", "));
}

std::vector<double> LogTicks(double lo, double hi) {
  std::vector<double> ticks;
  const double decades = std::log10(hi / lo);
  const int e_lo = static_cast<int>(std::floor(std::log10(lo)));
  const int e_hi = static_cast<int>(std::ceil(std::log10(hi)));
  if (decades >= 3) {
    const int step = std::max(1, (e_hi - e_lo + 7) / 8);  // at most about 8 labels
    for (int e = e_lo; e <= e_hi; e += step) {
      const double t = std::pow(10.0, e);
      if (t >= lo && t <= hi) ticks.push_back(t);
    }
    return ticks;
  }
  for (int e = e_lo; e <= e_hi; ++e) {
    for (const double m : {1.0, 2.0, 5.0}) {
      const double t = m * std::pow(10.0, e);
      if (t >= lo && t <= hi) ticks.push_back(t);
    }
  }
  if (ticks.size() >= 3) return ticks;
  // Evenly spaced: the largest 1-2-5 step that still gives at least three ticks.
  ticks.clear();
  double step = std::pow(10.0, std::floor(std::log10(hi - lo)));
  for (const double divisor : {2.0, 2.5, 2.0, 2.0, 2.5, 2.0}) {  // 1, .5, .2, .1, .05, .02, .01
    if (std::floor(hi / step) - std::ceil(lo / step) + 1 >= 3) break;
    step /= divisor;
  }
  for (double k = std::ceil(lo / step); k * step <= hi * (1 + 1e-12); k += 1) {
    ticks.push_back(k * step);
  }
  return ticks;
}

std::string GnuplotData(const PlotSpec& plot) {
  std::ostringstream out;
  const char* unit = plot.declared ? "series" : "arm";
  out << "# " << CommentText(plot.observable) << " against " << CommentText(plot.x)
      << "; one block per " << unit << " (gnuplot `index i`); columns: x mean lo hi n\n";
  int block = 0;
  for (const PlotSeries& s : plot.series) {
    if (s.points.empty()) continue;
    if (block++ > 0) out << "\n\n";
    out << "# " << unit << " " << CommentText(s.arm);
    if (!s.role.empty()) out << " (" << CommentText(s.role) << ")";
    out << (s.reference ? " (reference)" : "") << "\n";
    for (const SweepPoint& p : s.points) {
      out << Num(PointX(p)) << ' ' << Num(*p.mean) << ' ' << Num(p.lo.value_or(*p.mean)) << ' '
          << Num(p.hi.value_or(*p.mean)) << ' ' << (p.n ? std::to_string(*p.n) : "NaN") << '\n';
    }
  }
  return out.str();
}

std::string GnuplotScript(const PlotSpec& plot, const std::string& claim_id) {
  // Extents of everything drawn, to set ranges and ticks.
  Range x_range(plot.log_x), y_range(plot.log_y);
  std::vector<double> sweep_x;
  for (const PlotSeries& s : plot.series) {
    for (const SweepPoint& p : s.points) {
      x_range.See(PointX(p));
      sweep_x.push_back(PointX(p));
      y_range.See(*p.mean);
      if (p.lo && !s.reference) y_range.See(*p.lo);
      if (p.hi && !s.reference) y_range.See(*p.hi);
    }
  }
  for (const PlotSeries& s : plot.series) {
    if (!s.slope || s.points.empty()) continue;
    y_range.See(PowerLaw(s, PointX(s.points.front())));
    y_range.See(PowerLaw(s, PointX(s.points.back())));
  }
  auto reference = [&](double x) {
    return *plot.anchor_y * std::pow(x / *plot.anchor_x, *plot.predicted);
  };
  if (plot.predicted) y_range.See(reference(x_range.lo)), y_range.See(reference(x_range.hi));
  for (const PlotLine& line : plot.lines) y_range.See(line.value);
  x_range.Pad(kXPad, kLinearXPad);
  y_range.Pad(std::max(kMinYPad, std::pow(y_range.hi / y_range.lo, 0.06)), kLinearYPad);
  std::sort(sweep_x.begin(), sweep_x.end());
  sweep_x.erase(std::unique(sweep_x.begin(), sweep_x.end()), sweep_x.end());

  const std::string stem = plot.stem;
  const std::string logscale = std::string(plot.log_x ? "x" : "") + (plot.log_y ? "y" : "");
  std::ostringstream gp;
  gp << "# thmcheck plot for claim " << CommentText(claim_id) << ": "
     << CommentText(plot.observable) << " against " << CommentText(plot.x) << ", " << AxesName(plot)
     << ".\n"
     << "# Regenerate " << stem << ".{svg,png,pdf} in this folder with:  gnuplot " << stem
     << ".gp\n"
     << "# Data: " << stem << ".dat, one block per " << (plot.declared ? "series" : "arm")
     << ": x mean lo hi n (bars are lo..hi).\n";
  if (!plot.declared)
    gp << "# Fitted lines: y = exp(intercept) * x**slope (intercept on the natural-log scale).\n";
  gp << "set encoding utf8\n"
     << (logscale.empty() ? "" : "set logscale " + logscale + "\n") << "set xrange ["
     << Num(x_range.lo) << ":" << Num(x_range.hi) << "]\n"
     << "set yrange [" << Num(y_range.lo) << ":" << Num(y_range.hi) << "]\n";
  if (sweep_x.size() <= 10)
    gp << TicsCommand("x", sweep_x);
  else if (plot.log_x)
    gp << TicsCommand("x", LogTicks(x_range.lo, x_range.hi));
  if (plot.log_y) gp << TicsCommand("y", LogTicks(y_range.lo, y_range.hi));
  gp << "set format x '%g'\nset format y '%g'\n"
     << "set grid xtics ytics lc rgb '#dddddd' lw 1 dt 1\n"
     << "set key below maxrows " << (plot.declared ? 4 : 3)
     << " samplen 3 height 1\n"  // height: keeps the key off the x label
     << "set xlabel " << GnuplotQuote(plot.x) << "\n"
     << "set ylabel " << GnuplotQuote(plot.observable) << "\n"
     << "set title "
     << GnuplotQuote((plot.declared && !plot.title.empty() ? plot.title
                                                           : plot.observable + " vs " + plot.x) +
                     " (" + claim_id + ")")
     << "\n";

  std::vector<std::string> elements;
  int block = 0;
  size_t drawn_series = 0;  // a declared figure's non-reference series so far: its style index
  for (size_t i = 0; i < plot.series.size(); ++i) {
    const PlotSeries& s = plot.series[i];
    const int points_ls = static_cast<int>(i) + 1, line_ls = static_cast<int>(i) + 101;
    if (s.reference) {
      gp << "set style line " << points_ls << " lc rgb '" << kReferenceColour
         << "' pt 2 lw 2 dt 2\n";
      if (!s.points.empty()) {
        elements.push_back("'" + stem + ".dat' index " + std::to_string(block++) +
                           " using 1:2 with linespoints ls " + std::to_string(points_ls) +
                           " title " + GnuplotQuote(s.arm));
      }
      continue;
    }
    const ArmStyle style = plot.declared ? FigureSeriesStyle(drawn_series++) : StyleOf(plot, i);
    // No `ps` here: the point size is set per terminal (`set pointsize`) below.
    gp << "set style line " << points_ls << " lc rgb '" << style.colour << "' pt "
       << style.point_type << " lw 1.5 dt 1\n"
       << "set style line " << line_ls << " lc rgb '" << style.colour << "' lw 2 dt " << style.dash
       << "\n";
    const bool plain = s.role.empty() || s.role == "main";
    const std::string label = s.arm + (plain ? "" : " (" + s.role + ")");
    if (!s.points.empty()) {
      // A declared figure joins its means: its series are curves, with no fitted line to follow.
      elements.push_back("'" + stem + ".dat' index " + std::to_string(block++) +
                         " using 1:2:3:4 with " + (plot.declared ? "yerrorlines" : "yerrorbars") +
                         " ls " + std::to_string(points_ls) + " title " + GnuplotQuote(label));
    }
    if (s.slope) {
      const std::string f = "fit" + std::to_string(i + 1);
      gp << f << "(x) = exp(" << Num(*s.intercept) << ") * x**(" << Num(*s.slope) << ")\n";
      const double from = s.points.empty() ? x_range.lo : PointX(s.points.front());
      const double to = s.points.empty() ? x_range.hi : PointX(s.points.back());
      elements.push_back("[x=" + Num(from) + ":" + Num(to) + "] " + f + "(x) with lines ls " +
                         std::to_string(line_ls) + " title " +
                         GnuplotQuote(s.arm + " fit: slope " + FormatNumber(s.slope)));
    }
  }
  if (plot.predicted) {
    gp << "set style line 100 lc rgb '#000000' lw 1.5 dt 3\n"
       << "reference(x) = " << Num(*plot.anchor_y) << " * (x / " << Num(*plot.anchor_x) << ")**("
       << Num(*plot.predicted) << ")\n";
    const std::string what = plot.kind == CheckKind::kExponentBound ? "bound" : "predicted";
    elements.push_back("reference(x) with lines ls 100 title " +
                       GnuplotQuote(what + " slope " + FormatNumber(plot.predicted)));
  }
  for (size_t j = 0; j < plot.lines.size(); ++j) {
    // Black, a dash pattern per line (dt 3, 4, 5, ...): told apart without colour.
    const std::string ls = std::to_string(201 + j);
    gp << "set style line " << ls << " lc rgb '#000000' lw 1.5 dt " << 3 + j % 3 << "\n";
    elements.push_back(
        Num(plot.lines[j].value) + " with lines ls " + ls + " title " +
        GnuplotQuote(plot.lines[j].label + " = " + FormatNumber(plot.lines[j].value)));
  }
  std::string plot_command = "plot ";
  for (size_t i = 0; i < elements.size(); ++i) {
    plot_command += (i ? ", \\\n     " : "") + elements[i];
  }
  gp << "set pointsize 1.2\n"
     << "set terminal svg size 760,520 font 'sans-serif,13' noenhanced background '#ffffff'\n"
     << "set output '" << stem << ".svg'\n"
     << plot_command << "\n"
     << "set terminal pngcairo size 760,520 font 'sans-serif,10' noenhanced background '#ffffff'\n"
     << "set output '" << stem << ".png'\nreplot\n"
     << "# Paper figure: " << kPaperSize << ", the width of one column of a two-column paper, so\n"
     << "# it is placed at 100% and its 8 pt text matches a caption's; the caption has the title.\n"
     << "set terminal pdfcairo size " << kPaperSize << " font 'sans,8' noenhanced\n"
     << "set output '" << stem << ".pdf'\nunset title\nset pointsize 0.55\n"
     << "set key below maxrows 4 samplen 2 spacing 0.9 font ',7'\n"
     << "replot\nunset output\n";
  return gp.str();
}

}  // namespace thmcheck::report
