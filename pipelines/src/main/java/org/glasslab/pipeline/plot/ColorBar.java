package org.glasslab.pipeline.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;

/** Draws a vertical colour bar with five tick labels and a title, for heatmaps and snapshots. */
final class ColorBar {
  private ColorBar() {}

  /** Draws the bar in the rectangle (x, y, w, h) [px] with tick labels to its right. */
  static void draw(
      Graphics2D g, ColorMap map, String label, double x, double y, double w, double h) {
    int steps = 64;
    for (int k = 0; k < steps; k++) {
      double v = map.min() + (map.max() - map.min()) * (k + 0.5) / steps;
      g.setColor(map.color(v));
      double y0 = y + h - (k + 1) * h / steps;
      g.fill(new Rectangle2D.Double(x, y0, w, h / steps + 0.5));
    }
    g.setColor(Color.DARK_GRAY);
    g.setStroke(new BasicStroke(1f));
    g.draw(new Rectangle2D.Double(x, y, w, h));
    g.setFont(Style.SMALL);
    for (int t = 0; t <= 4; t++) {
      double v = map.min() + (map.max() - map.min()) * t / 4.0;
      double ty = y + h - h * t / 4.0;
      g.draw(new java.awt.geom.Line2D.Double(x + w, ty, x + w + 3, ty));
      g.drawString(format(v), (float) (x + w + 5), (float) (ty + 4));
    }
    if (label != null && !label.isEmpty()) {
      g.setFont(Style.LABEL);
      g.drawString(label, (float) x, (float) (y - 6));
    }
  }

  static String format(double v) {
    double a = Math.abs(v);
    if (v == 0) {
      return "0";
    }
    if (a >= 1e4 || a < 1e-3) {
      return String.format(java.util.Locale.ROOT, "%.2e", v);
    }
    return String.format(java.util.Locale.ROOT, a >= 100 ? "%.0f" : a >= 10 ? "%.1f" : "%.3f", v);
  }
}
