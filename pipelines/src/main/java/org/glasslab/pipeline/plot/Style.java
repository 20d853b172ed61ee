package org.glasslab.pipeline.plot;

import java.awt.Color;
import java.awt.Font;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.style.Styler;

/** Shared look of GlassLab's charts: white background, readable fonts, a fixed colour cycle. */
final class Style {
  /** Series colours (colour-blind friendly, Okabe–Ito). */
  static final Color[] CYCLE = {
    new Color(0, 114, 178),
    new Color(213, 94, 0),
    new Color(0, 158, 115),
    new Color(204, 121, 167),
    new Color(230, 159, 0),
    new Color(86, 180, 233),
    new Color(0, 0, 0),
    new Color(240, 228, 66)
  };

  static final Font TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 14);
  static final Font LABEL = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
  static final Font SMALL = new Font(Font.SANS_SERIF, Font.PLAIN, 10);

  private Style() {}

  static void apply(XYChart c) {
    Styler s = c.getStyler();
    s.setChartBackgroundColor(Color.WHITE);
    s.setPlotBackgroundColor(Color.WHITE);
    s.setPlotBorderColor(Color.DARK_GRAY);
    s.setChartTitleBoxVisible(false);
    s.setChartTitleFont(TITLE);
    s.setLegendFont(SMALL);
    s.setLegendBorderColor(Color.LIGHT_GRAY);
    s.setSeriesColors(CYCLE);
    s.setAntiAlias(true);
    c.getStyler().setAxisTitleFont(LABEL);
    c.getStyler().setAxisTickLabelsFont(SMALL);
    c.getStyler().setPlotGridLinesColor(new Color(230, 230, 230));
  }

  /**
   * A tick-label pattern for a linear axis over [lo, hi]: optional decimals ('#', no trailing
   * zeros) enough for ticks a hundredth of the span apart (XChart picks the spacing from the plot
   * size, so too few decimals would round ticks at 0.15 steps to 0.1, 0.2), scientific only for
   * magnitudes above 1e5 or below 1e-3; never XChart's own choice, which printed 0.3 as {@code
   * 2.999999999999999E-1} on a narrow range.
   */
  static String pattern(double lo, double hi) {
    double mag = Math.max(Math.abs(lo), Math.abs(hi));
    if (!(mag > 0) || !Double.isFinite(mag)) {
      return "0.###";
    }
    if (mag >= 1e5 || mag < 1e-3) {
      return "0.##E0";
    }
    double span = hi - lo;
    double step = span > 0 ? span / 100 : mag / 100;
    int d = (int) Math.max(0, Math.min(6, Math.ceil(-Math.log10(step))));
    return d == 0 ? "0" : "0." + "#".repeat(d);
  }

  /**
   * Linear axes of {@code c} for data over [xlo, xhi] x [ylo, yhi]: tick patterns from {@link
   * #pattern}, and a y range widened to +-1 % (at least 1e-12) around a constant series, so that a
   * flat line (e.g. the isokinetic temperature) sits mid-plot with readable ticks.
   */
  static void axes(
      XYChart c, double xlo, double xhi, double ylo, double yhi, boolean logX, boolean logY) {
    if (!(xlo <= xhi) || !(ylo <= yhi)) {
      return;
    }
    if (!logX) {
      c.getStyler().setXAxisDecimalPattern(pattern(xlo, xhi));
    }
    if (!logY) {
      double mag = Math.max(Math.abs(ylo), Math.abs(yhi));
      if (yhi - ylo <= 1e-9 * mag || yhi == ylo) {
        double pad = Math.max(0.01 * mag, 1e-12);
        ylo -= pad;
        yhi += pad;
        c.getStyler().setYAxisMin(ylo);
        c.getStyler().setYAxisMax(yhi);
      }
      c.getStyler().setYAxisDecimalPattern(pattern(ylo, yhi));
    }
  }

  static void checkSize(int width, int height) {
    if (width < 50 || height < 50 || width > 10000 || height > 10000) {
      throw new IllegalArgumentException(
          "figure size " + width + "x" + height + " px must be within 50..10000");
    }
  }
}
