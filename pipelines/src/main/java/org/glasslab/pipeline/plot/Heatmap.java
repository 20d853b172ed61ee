package org.glasslab.pipeline.plot;

import java.awt.Color;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.geom.AffineTransform;
import java.awt.geom.Rectangle2D;

/**
 * A labelled matrix heatmap with the value written in each cell and a colour bar, e.g. Pearson or
 * Spearman correlation matrices between per-particle fields (range [-1, 1], diverging colours).
 *
 * @param title figure title
 * @param rowLabels labels of the rows [R]
 * @param colLabels labels of the columns [C]
 * @param values matrix [R][C] (NaN cells grey); not modified
 * @param map colour map (e.g. {@code ColorMap.diverging(-1, 1)})
 * @param barLabel colour bar title
 * @param width figure width [px]
 * @param height figure height [px]
 */
public record Heatmap(
    String title,
    String[] rowLabels,
    String[] colLabels,
    double[][] values,
    ColorMap map,
    String barLabel,
    int width,
    int height)
    implements Figure {

  /** Validates shapes. */
  public Heatmap {
    Style.checkSize(width, height);
    if (values.length == 0 || values.length != rowLabels.length) {
      throw new IllegalArgumentException(
          "heatmap has " + values.length + " rows but " + rowLabels.length + " row labels");
    }
    for (double[] row : values) {
      if (row.length != colLabels.length) {
        throw new IllegalArgumentException(
            "heatmap row has " + row.length + " cells but " + colLabels.length + " column labels");
      }
    }
  }

  /** A correlation matrix [n][n] with the same labels on both axes, colours over [-1, 1]. */
  public static Heatmap correlation(String title, String[] labels, double[][] r) {
    int px = Math.max(360, Math.min(1400, 120 + 60 * labels.length));
    return new Heatmap(title, labels, labels, r, ColorMap.diverging(-1, 1), "r", px + 110, px + 40);
  }

  @Override
  public void paint(Graphics2D g) {
    g.setFont(Style.SMALL);
    FontMetrics fm = g.getFontMetrics();
    int rowText = 0;
    for (String s : rowLabels) {
      rowText = Math.max(rowText, fm.stringWidth(s));
    }
    int colText = 0;
    for (String s : colLabels) {
      colText = Math.max(colText, fm.stringWidth(s));
    }
    double left = rowText + 16;
    double top = 36;
    double bottom = Math.min(colText, 120) + 16;
    double barW = 100;
    double gw = width - left - barW - 10;
    double gh = height - top - bottom;
    int r = values.length;
    int c = colLabels.length;
    double cw = gw / c;
    double ch = gh / r;
    g.setColor(Color.BLACK);
    g.setFont(Style.TITLE);
    g.drawString(title, (float) left, 22f);
    g.setFont(Style.SMALL);
    for (int i = 0; i < r; i++) {
      for (int j = 0; j < c; j++) {
        double v = values[i][j];
        Color col = map.color(v);
        g.setColor(col);
        Rectangle2D cell = new Rectangle2D.Double(left + j * cw, top + i * ch, cw, ch);
        g.fill(cell);
        g.setColor(Color.WHITE);
        g.draw(cell);
        if (cw > 24 && ch > 12) {
          String txt = Double.isNaN(v) ? "NaN" : String.format(java.util.Locale.ROOT, "%.2f", v);
          double lum = 0.299 * col.getRed() + 0.587 * col.getGreen() + 0.114 * col.getBlue();
          g.setColor(lum < 128 ? Color.WHITE : Color.BLACK);
          g.drawString(
              txt,
              (float) (left + j * cw + (cw - fm.stringWidth(txt)) / 2),
              (float) (top + i * ch + ch / 2 + fm.getAscent() / 2.0 - 1));
        }
      }
    }
    g.setColor(Color.BLACK);
    for (int i = 0; i < r; i++) {
      g.drawString(
          rowLabels[i],
          (float) (left - 6 - fm.stringWidth(rowLabels[i])),
          (float) (top + i * ch + ch / 2 + fm.getAscent() / 2.0 - 1));
    }
    AffineTransform saved = g.getTransform();
    for (int j = 0; j < c; j++) {
      g.setTransform(saved);
      g.translate(left + j * cw + cw / 2 + fm.getAscent() / 2.0, top + gh + 6);
      g.rotate(Math.PI / 2);
      g.drawString(colLabels[j], 0f, 0f);
    }
    g.setTransform(saved);
    ColorBar.draw(g, map, barLabel, left + gw + 20, top + 10, 16, gh - 20);
  }
}
