// Tests of the generated gnuplot text: one data block per arm, fitted lines written exactly from
// slope and intercept, titles quoted, distinct styles for main and control, and readable ticks.
#include "reports/gnuplot_script.h"

#include <gtest/gtest.h>

namespace thmcheck::report {
namespace {

PlotSpec TwoSeriesPlot() {
  PlotSpec plot;
  plot.observable = "rel_weight_change";
  plot.x = std::string("m");  // NOTE: `= "m"` trips GCC 12's false -Wrestrict at -O3
  plot.stem = "rel_weight_change_vs_m";
  plot.kind = CheckKind::kExponent;
  PlotSeries main{"main", "main", {PointAt(128, 0.08, 0.075, 0.085, 3), PointAt(512, 0.04)},
                  0,      -0.49,  0.3};
  PlotSeries control{
      "it's a control", "control", {PointAt(128, 0.5, 0.45, 0.55, 3)}, 0, 0.01, -0.7};
  plot.series = {main, control};
  plot.predicted = -0.5;
  plot.anchor_x = 128;
  plot.anchor_y = 0.08;
  return plot;
}

TEST(GnuplotScriptTest, DataHasOneBlockPerArmAndFillsMissingBars) {
  const std::string data = GnuplotData(TwoSeriesPlot());
  EXPECT_NE(data.find("128 0.080000000000000002 0.074999999999999997"), std::string::npos);
  EXPECT_NE(data.find("512 0.040000000000000001 0.040000000000000001 0.040000000000000001 NaN"),
            std::string::npos);
  EXPECT_NE(data.find("\n\n\n# arm it's a control (control)\n"), std::string::npos);
}

TEST(GnuplotScriptTest, ScriptDrawsFitsReferenceAndBothFormats) {
  const std::string gp = GnuplotScript(TwoSeriesPlot(), "ntk_closeness");
  EXPECT_NE(gp.find("fit1(x) = exp(0.29999999999999999) * x**(-0.48999999999999999)"),
            std::string::npos);
  EXPECT_NE(gp.find("reference(x) = 0.080000000000000002 * (x / 128)**(-0.5)"), std::string::npos);
  EXPECT_NE(gp.find("title 'it''s a control (control)'"), std::string::npos);
  EXPECT_NE(gp.find("title 'predicted slope -0.5'"), std::string::npos);
  EXPECT_NE(gp.find("title 'main fit: slope -0.49'"), std::string::npos);
  EXPECT_NE(gp.find("set output 'rel_weight_change_vs_m.svg'"), std::string::npos);
  EXPECT_NE(gp.find("set output 'rel_weight_change_vs_m.png'"), std::string::npos);
  // The paper figure: a column's width, 8 pt text, no title (the caption has it).
  EXPECT_NE(gp.find("set terminal pdfcairo size 3.4in,2.6in font 'sans,8'"), std::string::npos);
  EXPECT_NE(gp.find("set output 'rel_weight_change_vs_m.pdf'\nunset title"), std::string::npos);
  EXPECT_NE(gp.find("noenhanced"), std::string::npos);
  EXPECT_NE(gp.find("set xtics (128, 512)"), std::string::npos);
  // Main: blue circles, solid line; control: red squares, dashed.
  EXPECT_NE(gp.find("set style line 1 lc rgb '#1f77b4' pt 7"), std::string::npos);
  EXPECT_NE(gp.find("set style line 101 lc rgb '#1f77b4' lw 2 dt 1"), std::string::npos);
  EXPECT_NE(gp.find("set style line 2 lc rgb '#d62728' pt 5"), std::string::npos);
  EXPECT_NE(gp.find("set style line 102 lc rgb '#d62728' lw 2 dt 2"), std::string::npos);
}

PlotSpec DeclaredPlot() {
  PlotSpec plot;
  plot.declared = true;
  plot.observable = "projection error";
  plot.x = std::string("n");
  plot.stem = "proj_error_vs_n";
  plot.title = "Best predictor in the span";
  plot.log_y = false;
  PlotSeries ntk, bound;
  ntk.arm = "ntk2";
  ntk.points = {PointAt(8, 0.9, 0.85, 0.95, 3), PointAt(32, 0.4, 0.35, 0.45, 3)};
  bound.arm = "span_bound";
  bound.points = {PointAt(8, 0.8, {}, {}, 3), PointAt(32, -0.2, {}, {}, 3)};
  bound.reference = true;
  plot.series = {ntk, bound};
  plot.lines = {{"alpha^2/16", 0.005625}};
  return plot;
}

TEST(GnuplotScriptTest, DeclaredFigureDrawsCurvesReferenceAndLabelledLines) {
  const PlotSpec plot = DeclaredPlot();
  const std::string data = GnuplotData(plot);
  EXPECT_NE(data.find("\n\n\n# series span_bound (reference)\n"), std::string::npos) << data;
  const std::string gp = GnuplotScript(plot, "parity_lower_bound");
  EXPECT_NE(gp.find("set logscale x\n"), std::string::npos);
  EXPECT_EQ(gp.find("set ytics ("), std::string::npos);  // linear y: gnuplot's own ticks
  // The y range holds the negative bound, padded by 6% of the span [-0.2, 0.95].
  EXPECT_NE(gp.find("set yrange [-0.26900000000000002:"), std::string::npos) << gp;
  EXPECT_NE(gp.find("index 0 using 1:2:3:4 with yerrorlines ls 1 title 'ntk2'"), std::string::npos);
  EXPECT_NE(gp.find("index 1 using 1:2 with linespoints ls 2 title 'span_bound'"),
            std::string::npos);
  EXPECT_NE(gp.find("set style line 2 lc rgb '#404040' pt 2 lw 2 dt 2"), std::string::npos);
  EXPECT_NE(gp.find("0.0056249999999999998 with lines ls 201 title 'alpha^2/16 = 0.00562'"),
            std::string::npos)
      << gp;
  EXPECT_NE(gp.find("set title 'Best predictor in the span (parity_lower_bound)'"),
            std::string::npos);
}

TEST(GnuplotScriptTest, LogTicksAreReadableAtEveryScale) {
  EXPECT_EQ(LogTicks(0.5, 5000), (std::vector<double>{1, 10, 100, 1000}));
  EXPECT_EQ(LogTicks(0.03, 0.7), (std::vector<double>{0.05, 0.1, 0.2, 0.5}));
  const std::vector<double> narrow = LogTicks(0.034, 0.095);  // within one decade
  ASSERT_GE(narrow.size(), 3u);
  EXPECT_LE(narrow.size(), 10u);
  for (const double t : narrow) {
    EXPECT_GE(t, 0.034);
    EXPECT_LE(t, 0.095);
  }
}

}  // namespace
}  // namespace thmcheck::report
