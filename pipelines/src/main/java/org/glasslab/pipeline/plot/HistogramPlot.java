package org.glasslab.pipeline.plot;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.glasslab.data.stats.Histogram;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Overlaid histograms on common bins, drawn as step outlines: distributions before/after an
 * avalanche or across temperatures. Normalised as probability densities (area 1) unless {@link
 * Builder#counts()}.
 */
public final class HistogramPlot {
  private HistogramPlot() {}

  /** A builder with {@code bins} equal bins over the range of all samples. */
  public static Builder builder(String title, String xLabel, int bins) {
    return new Builder(title, xLabel, bins);
  }

  /** Collects samples and options. */
  public static final class Builder extends XyBuilder<Builder> {
    private final int bins;
    private boolean density = true;
    private boolean logY;
    private double lo = Double.NaN;
    private double hi = Double.NaN;
    private final List<Object[]> sets = new ArrayList<>();

    Builder(String title, String xLabel, int bins) {
      super(title, xLabel, "", 640, 400);
      if (bins < 1 || bins > 100000) {
        throw new IllegalArgumentException("bins must be in 1..100000, got " + bins);
      }
      this.bins = bins;
    }

    /** Adds a sample set (non-finite values are ignored); not modified. */
    public Builder samples(String name, double[] values) {
      sets.add(new Object[] {name, values.clone()});
      return this;
    }

    /** Counts instead of densities. */
    public Builder counts() {
      density = false;
      return this;
    }

    /** Logarithmic y axis (empty bins are dropped). */
    public Builder logY(boolean on) {
      logY = on;
      return this;
    }

    /** Fixed bin range [lo, hi) instead of the data range. */
    public Builder range(double lo, double hi) {
      if (!(hi > lo)) {
        throw new IllegalArgumentException("empty histogram range [" + lo + ", " + hi + ")");
      }
      this.lo = lo;
      this.hi = hi;
      return this;
    }

    /** The figure. */
    public Figure build() {
      if (sets.isEmpty()) {
        throw new IllegalArgumentException("histogram '" + title + "' has no samples");
      }
      double a = lo;
      double b = hi;
      if (Double.isNaN(a)) {
        double[][] all = sets.stream().map(s -> (double[]) s[1]).toArray(double[][]::new);
        if (Arrays.stream(all).flatMapToDouble(Arrays::stream).noneMatch(Double::isFinite)) {
          throw new IllegalArgumentException("histogram '" + title + "' has no finite sample");
        }
        double[] r = Histogram.range(all);
        a = r[0];
        b = r[1];
      }
      double w = (b - a) / bins;
      XYChart c = newChart(density ? "probability density" : "count");
      c.getStyler().setYAxisLogarithmic(logY);
      c.getStyler().setLegendVisible(sets.size() > 1);
      double ymax = 0;
      for (Object[] s : sets) {
        Histogram h = Histogram.of((double[]) s[1], a, b, bins);
        List<Double> xs = new ArrayList<>();
        List<Double> ys = new ArrayList<>();
        for (int k = 0; k < bins; k++) {
          double y = density ? h.density(k) : h.count(k);
          if (logY && !(y > 0)) {
            continue;
          }
          xs.add(a + k * w);
          ys.add(y);
          xs.add(a + (k + 1) * w);
          ys.add(y);
        }
        if (xs.isEmpty()) {
          continue;
        }
        for (double y : ys) {
          ymax = Math.max(ymax, y);
        }
        XYSeries series = c.addSeries((String) s[0], xs, ys);
        series.setMarker(SeriesMarkers.NONE);
      }
      Style.axes(c, a, b, 0, ymax, false, logY);
      return new ChartFigure(c);
    }
  }
}
