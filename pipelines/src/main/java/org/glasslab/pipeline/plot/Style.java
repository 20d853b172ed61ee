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

  static void checkSize(int width, int height) {
    if (width < 50 || height < 50 || width > 10000 || height > 10000) {
      throw new IllegalArgumentException(
          "figure size " + width + "x" + height + " px must be within 50..10000");
    }
  }
}
