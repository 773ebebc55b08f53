// Writes the .dat and .gp text of a plot; see gnuplot_script.h for the contract and styles.
// Ranges and ticks are computed here rather than left to gnuplot's autoscale: autoscale rounds a
// log axis out to whole decades, which squeezes a sweep over one factor of four into a sliver.
// Numbers are written with %.17g so a script reproduces the fitted line exactly.
#include "reports/gnuplot_script.h"

#include <algorithm>
#include <cmath>
#include <sstream>

#include <fmt/format.h>

#include "reports/format.h"

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

}  // namespace

std::string GnuplotNumber(double value) { return fmt::format("{:.17g}", value); }

std::string StyleLine(size_t n, std::string_view colour, std::string_view rest) {
  return fmt::format("set style line {} lc rgb '{}' {}\n", n, colour, rest);
}

std::string DataElement(const std::string& stem, size_t block, std::string_view columns,
                        std::string_view how) {
  return fmt::format("'{}.dat' index {} using {} with {}", stem, block, columns, how);
}

std::string PlotCommands(const std::string& stem, const std::vector<std::string>& elements,
                         std::string_view pointsize, int height, int svg_font) {
  return fmt::format(
      "set pointsize {0}\n"
      "set terminal svg size 760,{1} font 'sans-serif,{2}' noenhanced background '#ffffff'\n"
      "set output '{3}.svg'\n"
      "plot {4}\n"
      "set terminal pngcairo size 760,{1} font 'sans-serif,10' noenhanced background '#ffffff'\n"
      "set output '{3}.png'\nreplot\n",
      pointsize, height, svg_font, stem, fmt::join(elements, ", \\\n     "));
}

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
      out << fmt::format("{} {} {} {} {}\n", GnuplotNumber(PointX(p)), GnuplotNumber(*p.mean),
                         GnuplotNumber(p.lo.value_or(*p.mean)),
                         GnuplotNumber(p.hi.value_or(*p.mean)), p.n ? std::to_string(*p.n) : "NaN");
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

  const std::string& stem = plot.stem;
  const std::string logscale = std::string(plot.log_x ? "x" : "") + (plot.log_y ? "y" : "");
  std::ostringstream gp;
  gp << fmt::format(
      "# thmcheck plot for claim {0}: {1} against {2}, {3}.\n"
      "# Regenerate {4}.{{svg,png,pdf}} in this folder with:  gnuplot {4}.gp\n"
      "# Data: {4}.dat, one block per {5}: x mean lo hi n (bars are lo..hi).\n",
      CommentText(claim_id), CommentText(plot.observable), CommentText(plot.x), AxesName(plot),
      stem, plot.declared ? "series" : "arm");
  if (!plot.declared)
    gp << "# Fitted lines: y = exp(intercept) * x**slope (intercept on the natural-log scale).\n";
  gp << "set encoding utf8\n"
     << (logscale.empty() ? "" : "set logscale " + logscale + "\n")
     << fmt::format("set xrange [{}:{}]\nset yrange [{}:{}]\n", GnuplotNumber(x_range.lo),
                    GnuplotNumber(x_range.hi), GnuplotNumber(y_range.lo),
                    GnuplotNumber(y_range.hi));
  if (sweep_x.size() <= 10)
    gp << TicsCommand("x", sweep_x);
  else if (plot.log_x)
    gp << TicsCommand("x", LogTicks(x_range.lo, x_range.hi));
  if (plot.log_y) gp << TicsCommand("y", LogTicks(y_range.lo, y_range.hi));
  const std::string title =
      plot.declared && !plot.title.empty() ? plot.title : plot.observable + " vs " + plot.x;
  // The key's height: keeps it off the x label.
  gp << fmt::format(
      "set format x '%g'\nset format y '%g'\nset grid xtics ytics lc rgb '#dddddd' lw 1 dt 1\n"
      "set key below maxrows {} samplen 3 height 1\nset xlabel {}\nset ylabel {}\nset title {}\n",
      plot.declared ? 4 : 3, GnuplotQuote(plot.x), GnuplotQuote(plot.observable),
      GnuplotQuote(title + " (" + claim_id + ")"));

  std::vector<std::string> elements;
  size_t block = 0;
  size_t drawn_series = 0;  // a declared figure's non-reference series so far: its style index
  for (size_t i = 0; i < plot.series.size(); ++i) {
    const PlotSeries& s = plot.series[i];
    const size_t points_ls = i + 1, line_ls = i + 101;
    if (s.reference) {
      gp << StyleLine(points_ls, kReferenceColour, "pt 2 lw 2 dt 2");
      if (!s.points.empty()) {
        elements.push_back(
            DataElement(stem, block++, "1:2",
                        fmt::format("linespoints ls {} title {}", points_ls, GnuplotQuote(s.arm))));
      }
      continue;
    }
    const ArmStyle style = plot.declared ? FigureSeriesStyle(drawn_series++) : StyleOf(plot, i);
    // No `ps` here: the point size is set per terminal (`set pointsize`) below.
    gp << StyleLine(points_ls, style.colour, fmt::format("pt {} lw 1.5 dt 1", style.point_type))
       << StyleLine(line_ls, style.colour, fmt::format("lw 2 dt {}", style.dash));
    const bool plain = s.role.empty() || s.role == "main";
    const std::string label = s.arm + (plain ? "" : " (" + s.role + ")");
    if (!s.points.empty()) {
      // A declared figure joins its means: its series are curves, with no fitted line to follow.
      elements.push_back(
          DataElement(stem, block++, "1:2:3:4",
                      fmt::format("{} ls {} title {}", plot.declared ? "yerrorlines" : "yerrorbars",
                                  points_ls, GnuplotQuote(label))));
    }
    if (s.slope) {
      gp << fmt::format("fit{}(x) = exp({}) * x**({})\n", i + 1, GnuplotNumber(*s.intercept),
                        GnuplotNumber(*s.slope));
      const double from = s.points.empty() ? x_range.lo : PointX(s.points.front());
      const double to = s.points.empty() ? x_range.hi : PointX(s.points.back());
      elements.push_back(fmt::format("[x={}:{}] fit{}(x) with lines ls {} title {}",
                                     GnuplotNumber(from), GnuplotNumber(to), i + 1, line_ls,
                                     GnuplotQuote(s.arm + " fit: slope " + FormatNumber(s.slope))));
    }
  }
  if (plot.predicted) {
    gp << StyleLine(100, "#000000", "lw 1.5 dt 3")
       << fmt::format("reference(x) = {} * (x / {})**({})\n", GnuplotNumber(*plot.anchor_y),
                      GnuplotNumber(*plot.anchor_x), GnuplotNumber(*plot.predicted));
    const std::string what = plot.kind == CheckKind::kExponentBound ? "bound" : "predicted";
    elements.push_back("reference(x) with lines ls 100 title " +
                       GnuplotQuote(what + " slope " + FormatNumber(plot.predicted)));
  }
  for (size_t j = 0; j < plot.lines.size(); ++j) {
    // Black, a dash pattern per line (dt 3, 4, 5, ...): told apart without colour.
    gp << StyleLine(201 + j, "#000000", fmt::format("lw 1.5 dt {}", 3 + j % 3));
    elements.push_back(
        fmt::format("{} with lines ls {} title {}", GnuplotNumber(plot.lines[j].value), 201 + j,
                    GnuplotQuote(plot.lines[j].label + " = " + FormatNumber(plot.lines[j].value))));
  }
  gp << PlotCommands(stem, elements, "1.2", 520, 13);
  gp << "# Paper figure: " << kPaperSize << ", the width of one column of a two-column paper, so\n"
     << "# it is placed at 100% and its 8 pt text matches a caption's; the caption has the title.\n"
     << "set terminal pdfcairo size " << kPaperSize << " font 'sans,8' noenhanced\n"
     << "set output '" << stem << ".pdf'\nunset title\nset pointsize 0.55\n"
     << "set key below maxrows 4 samplen 2 spacing 0.9 font ',7'\n"
     << "replot\nunset output\n";
  return gp.str();
}

}  // namespace thmcheck::report
