package org.glasslab.pipeline.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Shape;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import org.glasslab.data.Box;
import org.glasslab.data.Configuration;

/**
 * A particle snapshot: every particle drawn as a disk of its true diameter in the periodic box
 * (disks crossing an edge also appear on the opposite side), coloured by a per-particle field with
 * a colour bar, with optional arrows (e.g. non-affine displacement vectors). The y axis points up.
 * Build with {@link #builder}.
 */
public final class Snapshot implements Figure {
  private final Box box;
  private final double[] positions;
  private final double[] diameters;
  private final double[] field;
  private final String fieldLabel;
  private final ColorMap map;
  private final double[] arrows;
  private final double arrowScale;
  private final String title;
  private final int width;
  private final int height;
  private final double scale;

  private static final int MARGIN = 12;
  private static final int TOP = 32;
  private static final int BAR = 100;

  private Snapshot(Builder b) {
    this.box = b.box;
    this.positions = b.positions;
    this.diameters = b.diameters;
    this.field = b.field;
    this.fieldLabel = b.fieldLabel;
    this.map = b.field == null ? null : b.map != null ? b.map : ColorMap.viridisFor(b.field);
    this.arrows = b.arrows;
    this.arrowScale = b.arrowScale;
    this.title = b.title;
    this.scale = b.boxPixels / Math.max(box.lx(), box.ly());
    this.width = (int) Math.ceil(box.lx() * scale) + 2 * MARGIN + (field == null ? 0 : BAR);
    this.height = (int) Math.ceil(box.ly() * scale) + TOP + MARGIN;
  }

  /**
   * A builder for a snapshot of N particles.
   *
   * @param positions wrapped positions [2N] (x0,y0,...) [length]; not modified
   * @param diameters diameters [N] [length]; not modified
   */
  public static Builder builder(Box box, double[] positions, double[] diameters) {
    return new Builder(box, positions, diameters);
  }

  /** A builder for a snapshot of configuration {@code c}. */
  public static Builder builder(Configuration c) {
    return new Builder(c.box(), c.positions(), c.diameters());
  }

  /** Collects the field, arrows and options. */
  public static final class Builder {
    private final Box box;
    private final double[] positions;
    private final double[] diameters;
    private double[] field;
    private String fieldLabel = "";
    private ColorMap map;
    private double[] arrows;
    private double arrowScale = 1;
    private String title = "";
    private int boxPixels = 600;

    Builder(Box box, double[] positions, double[] diameters) {
      int n = diameters.length;
      if (positions.length != 2 * n) {
        throw new IllegalArgumentException(
            "positions have " + positions.length + " values, expected 2N = " + 2 * n);
      }
      this.box = box;
      this.positions = positions.clone();
      this.diameters = diameters.clone();
    }

    /** Colours the disks by {@code values} [N] (not modified), colour bar titled {@code label}. */
    public Builder field(double[] values, String label) {
      if (values.length != diameters.length) {
        throw new IllegalArgumentException(
            "field has " + values.length + " values for " + diameters.length + " particles");
      }
      field = values.clone();
      fieldLabel = label;
      return this;
    }

    /** The colour map (default viridis over the field's range). */
    public Builder colorMap(ColorMap m) {
      map = m;
      return this;
    }

    /**
     * Draws an arrow from each particle along {@code vectors} [2N] [length] times {@code scale}
     * (not modified).
     */
    public Builder arrows(double[] vectors, double scale) {
      if (vectors.length != positions.length) {
        throw new IllegalArgumentException(
            "arrows have " + vectors.length + " values, expected 2N = " + positions.length);
      }
      if (!(scale > 0)) {
        throw new IllegalArgumentException("arrow scale must be positive, got " + scale);
      }
      arrows = vectors.clone();
      arrowScale = scale;
      return this;
    }

    /** Figure title. */
    public Builder title(String t) {
      title = t;
      return this;
    }

    /** Pixels across the longer box edge (default 600). */
    public Builder boxPixels(int px) {
      Style.checkSize(px, px);
      boxPixels = px;
      return this;
    }

    /** The figure. */
    public Snapshot build() {
      return new Snapshot(this);
    }
  }

  @Override
  public int width() {
    return width;
  }

  @Override
  public int height() {
    return height;
  }

  private double px(double x) {
    return MARGIN + x * scale;
  }

  private double py(double y) {
    return TOP + (box.ly() - y) * scale;
  }

  @Override
  public void paint(Graphics2D g) {
    g.setColor(Color.BLACK);
    g.setFont(Style.TITLE);
    g.drawString(title, MARGIN, 22f);
    Rectangle2D frame =
        new Rectangle2D.Double(px(0), py(box.ly()), box.lx() * scale, box.ly() * scale);
    Shape oldClip = g.getClip();
    g.clip(frame);
    int n = diameters.length;
    double lx = box.lx();
    double ly = box.ly();
    boolean outline = 0.5 * scale > 3;
    g.setStroke(new BasicStroke(0.6f));
    for (int i = 0; i < n; i++) {
      double r = diameters[i] / 2;
      Color fill = field == null ? new Color(170, 170, 170) : map.color(field[i]);
      double x0 = positions[2 * i];
      double y0 = positions[2 * i + 1];
      for (int sx = -1; sx <= 1; sx++) {
        double x = x0 + sx * lx;
        if (x + r < 0 || x - r > lx) {
          continue;
        }
        for (int sy = -1; sy <= 1; sy++) {
          double y = y0 + sy * ly;
          if (y + r < 0 || y - r > ly) {
            continue;
          }
          Ellipse2D disk = new Ellipse2D.Double(px(x - r), py(y + r), 2 * r * scale, 2 * r * scale);
          g.setColor(fill);
          g.fill(disk);
          if (outline) {
            g.setColor(new Color(60, 60, 60));
            g.draw(disk);
          }
        }
      }
    }
    if (arrows != null) {
      g.setColor(Color.BLACK);
      g.setStroke(new BasicStroke(1.2f));
      for (int i = 0; i < n; i++) {
        double x = positions[2 * i];
        double y = positions[2 * i + 1];
        double dx = arrows[2 * i] * arrowScale;
        double dy = arrows[2 * i + 1] * arrowScale;
        double len = Math.hypot(dx, dy) * scale;
        if (!(len > 1)) {
          continue;
        }
        double x1 = px(x);
        double y1 = py(y);
        double x2 = px(x + dx);
        double y2 = py(y + dy);
        g.draw(new Line2D.Double(x1, y1, x2, y2));
        double head = Math.min(6, 0.4 * len);
        double ang = Math.atan2(y2 - y1, x2 - x1);
        Path2D.Double tip = new Path2D.Double();
        tip.moveTo(x2, y2);
        tip.lineTo(x2 - head * Math.cos(ang - 0.4), y2 - head * Math.sin(ang - 0.4));
        tip.lineTo(x2 - head * Math.cos(ang + 0.4), y2 - head * Math.sin(ang + 0.4));
        tip.closePath();
        g.fill(tip);
      }
    }
    g.setClip(oldClip);
    g.setColor(Color.DARK_GRAY);
    g.setStroke(new BasicStroke(1f));
    g.draw(frame);
    if (field != null) {
      double bx = px(lx) + 20;
      ColorBar.draw(g, map, fieldLabel, bx, TOP + 20, 16, ly * scale - 30);
    }
  }
}
