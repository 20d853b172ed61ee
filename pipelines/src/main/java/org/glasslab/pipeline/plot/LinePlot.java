package org.glasslab.pipeline.plot;

import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.AnnotationLine;
import org.knowm.xchart.AnnotationText;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Line series against a common abscissa (typically the frame index), with optional vertical
 * markers, e.g. the paper's Fig. 1 panels (MSD, stresses, λ_min, β₁ vs frame with the avalanche
 * frame marked). Build with {@link #builder}.
 */
public final class LinePlot {
  private LinePlot() {}

  /** A builder for a chart titled {@code title} with axis labels (units in brackets). */
  public static Builder builder(String title, String xLabel, String yLabel) {
    return new Builder(title, xLabel, yLabel);
  }

  /** Most points a series is drawn with (see {@link #decimate}). */
  public static final int MAX_POINTS = 1000;

  /**
   * The points of {@code (x, y)} that a plot of at most {@code max} points shows (copies): all of
   * them when there are at most {@code max}; otherwise the first and last point and, in each of
   * {@code max / 2 - 1} equal runs of consecutive points, the lowest and highest y (in their
   * order), so every excursion of the series stays visible (min–max decimation). NaN y values count
   * as neither lowest nor highest.
   */
  static double[][] decimate(double[] x, double[] y, int max) {
    int n = x.length;
    if (n <= max) {
      return new double[][] {x.clone(), y.clone()};
    }
    int buckets = max / 2 - 1;
    double[] ox = new double[max];
    double[] oy = new double[max];
    int m = 0;
    ox[m] = x[0];
    oy[m++] = y[0];
    for (int b = 0; b < buckets; b++) {
      int from = 1 + (int) ((long) (n - 2) * b / buckets);
      int to = 1 + (int) ((long) (n - 2) * (b + 1) / buckets);
      int lo = from;
      int hi = from;
      for (int i = from; i < to; i++) {
        if (y[i] < y[lo] || Double.isNaN(y[lo])) {
          lo = i;
        }
        if (y[i] > y[hi] || Double.isNaN(y[hi])) {
          hi = i;
        }
      }
      if (to > from) {
        int a = Math.min(lo, hi);
        int c = Math.max(lo, hi);
        ox[m] = x[a];
        oy[m++] = y[a];
        if (c != a) {
          ox[m] = x[c];
          oy[m++] = y[c];
        }
      }
    }
    ox[m] = x[n - 1];
    oy[m++] = y[n - 1];
    return new double[][] {java.util.Arrays.copyOf(ox, m), java.util.Arrays.copyOf(oy, m)};
  }

  /** The powers of ten enclosing [lo, hi] (lo, hi &gt; 0), at least one decade apart. */
  static double[] decades(double lo, double hi) {
    double a = Math.pow(10, Math.floor(Math.log10(lo)));
    double b = Math.pow(10, Math.ceil(Math.log10(hi)));
    return new double[] {a, Math.max(b, 10 * a)};
  }

  /** Collects series and options. */
  public static final class Builder extends XyBuilder<Builder> {
    private boolean logX;
    private boolean logY;
    private boolean points;
    private boolean lines = true;
    private final List<Object[]> series = new ArrayList<>();
    private final List<Object[]> markers = new ArrayList<>();
    private final List<Object[]> bands = new ArrayList<>();

    Builder(String title, String xLabel, String yLabel) {
      super(title, xLabel, yLabel, 640, 400);
    }

    /**
     * Adds a series; {@code x} and {@code y} [same length] are not modified. A series longer than
     * {@link #MAX_POINTS} is drawn decimated ({@link #decimate}): a chart is 640 pixels wide, and
     * the SVG of a 20,000-point series takes about 50 MB to render.
     */
    public Builder series(String name, double[] x, double[] y) {
      if (x.length != y.length || x.length == 0) {
        throw new IllegalArgumentException(
            "series '" + name + "': x has " + x.length + " points, y " + y.length);
      }
      double[][] d = decimate(x, y, MAX_POINTS);
      series.add(new Object[] {name, d[0], d[1]});
      return this;
    }

    /**
     * An error band around the last added series: the region between its lower ends ({@code xLo},
     * {@code lo}) and upper ends ({@code xHi}, {@code hi}), filled in the series' colour (light,
     * under the lines), without a legend entry (separate abscissae, so that points a logarithmic
     * axis cannot show are left out); the arrays are not modified.
     */
    public Builder band(double[] xLo, double[] lo, double[] xHi, double[] hi) {
      if (series.isEmpty()) {
        throw new IllegalArgumentException("a band needs a series before it");
      }
      if (xLo.length != lo.length || xHi.length != hi.length) {
        throw new IllegalArgumentException(
            "band: "
                + xLo.length
                + " x for "
                + lo.length
                + " lower ends, "
                + xHi.length
                + " x for "
                + hi.length
                + " upper ends");
      }
      bands.add(new Object[] {series.size() - 1, xLo.clone(), lo.clone(), xHi.clone(), hi.clone()});
      return this;
    }

    /** A series against its index 0..n-1 (frames). */
    public Builder series(String name, double[] y) {
      double[] x = new double[y.length];
      for (int i = 0; i < x.length; i++) {
        x[i] = i;
      }
      return series(name, x, y);
    }

    /** A vertical line at abscissa {@code x} labelled {@code label} (may be empty). */
    public Builder marker(double x, String label) {
      markers.add(new Object[] {x, label});
      return this;
    }

    /** Logarithmic axes (values must be positive). */
    public Builder log(boolean x, boolean y) {
      logX = x;
      logY = y;
      return this;
    }

    /** Draws point markers as well as lines. */
    public Builder points(boolean on) {
      points = on;
      return this;
    }

    /**
     * Markers only, no connecting lines: for distributions on logarithmic bins, where empty bins
     * are left out and a line would draw probability across them.
     */
    public Builder markersOnly() {
      points = true;
      lines = false;
      return this;
    }

    /** The figure. */
    public Figure build() {
      if (series.isEmpty()) {
        throw new IllegalArgumentException("line plot '" + title + "' has no series");
      }
      XYChart c = newChart(yLabel);
      c.getStyler().setXAxisLogarithmic(logX);
      c.getStyler().setYAxisLogarithmic(logY);
      c.getStyler().setLegendVisible(series.size() > 1);
      c.getStyler().setAnnotationLineColor(new java.awt.Color(200, 0, 0));
      c.getStyler().setAnnotationLineStroke(new java.awt.BasicStroke(1.5f));
      c.getStyler().setAnnotationTextFontColor(new java.awt.Color(200, 0, 0));
      c.getStyler().setAnnotationTextFont(Style.SMALL);
      double ymax = Double.NEGATIVE_INFINITY;
      double[] range = {
        Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY,
        Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY
      };
      // bands first, so that the lines are drawn over them; each series keeps its own colour
      List<Object[]> all = new ArrayList<>();
      for (Object[] b : bands) {
        double[] xLo = (double[]) b[1];
        double[] xHi = (double[]) b[3];
        if (xLo.length + xHi.length < 3) {
          continue;
        }
        // the band's outline: along the lower ends, back along the upper ends
        double[] px = new double[xLo.length + xHi.length];
        double[] py = new double[px.length];
        for (int i = 0; i < xLo.length; i++) {
          px[i] = xLo[i];
          py[i] = ((double[]) b[2])[i];
        }
        for (int i = 0; i < xHi.length; i++) {
          px[xLo.length + i] = xHi[xHi.length - 1 - i];
          py[xLo.length + i] = ((double[]) b[4])[xHi.length - 1 - i];
        }
        all.add(new Object[] {series.get((int) b[0])[0] + " (band)", px, py, b[0]});
      }
      all.addAll(series);
      int index = 0;
      for (Object[] s : all) {
        double[] x = (double[]) s[1];
        double[] y = (double[]) s[2];
        for (int i = 0; i < y.length; i++) {
          if (logX && !(x[i] > 0) || logY && !(y[i] > 0)) {
            throw new IllegalArgumentException(
                "series '" + s[0] + "': non-positive value on a logarithmic axis at point " + i);
          }
          if (Double.isFinite(y[i])) {
            ymax = Math.max(ymax, y[i]);
          }
          if (Double.isFinite(x[i]) && Double.isFinite(y[i])) {
            range[0] = Math.min(range[0], x[i]);
            range[1] = Math.max(range[1], x[i]);
            range[2] = Math.min(range[2], y[i]);
            range[3] = Math.max(range[3], y[i]);
          }
        }
        XYSeries xs = c.addSeries((String) s[0], x, y);
        if (s.length > 3) {
          java.awt.Color col = Style.CYCLE[(int) s[3] % Style.CYCLE.length];
          java.awt.Color light =
              new java.awt.Color(col.getRed(), col.getGreen(), col.getBlue(), 60);
          xs.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.PolygonArea);
          xs.setFillColor(light);
          xs.setLineColor(light);
          xs.setLineWidth(0.5f);
          xs.setMarker(SeriesMarkers.NONE);
          xs.setShowInLegend(false);
          continue;
        }
        java.awt.Color col = Style.CYCLE[index++ % Style.CYCLE.length];
        xs.setLineColor(col);
        xs.setMarkerColor(col);
        xs.setMarker(points ? SeriesMarkers.CIRCLE : SeriesMarkers.NONE);
        if (!lines) {
          xs.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        }
      }
      Style.axes(c, range[0], range[1], range[2], range[3], logX, logY);
      // Logarithmic axes span whole decades, so that at least two decades carry a tick label.
      if (logX && range[0] <= range[1]) {
        double[] d = decades(range[0], range[1]);
        c.getStyler().setXAxisMin(d[0]);
        c.getStyler().setXAxisMax(d[1]);
      }
      if (logY && range[2] <= range[3]) {
        double[] d = decades(range[2], range[3]);
        c.getStyler().setYAxisMin(d[0]);
        c.getStyler().setYAxisMax(d[1]);
      }
      for (Object[] m : markers) {
        double x = (double) m[0];
        AnnotationLine line = new AnnotationLine(x, true, false);
        c.addAnnotation(line);
        String label = (String) m[1];
        if (label != null && !label.isEmpty() && Double.isFinite(ymax)) {
          AnnotationText t = new AnnotationText(label, x, ymax, false);
          c.addAnnotation(t);
        }
      }
      return new ChartFigure(c);
    }
  }
}
