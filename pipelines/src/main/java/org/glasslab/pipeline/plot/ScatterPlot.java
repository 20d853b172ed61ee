package org.glasslab.pipeline.plot;

import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** Scatter plots of one per-particle quantity against another, one colour per set. */
public final class ScatterPlot {
  private ScatterPlot() {}

  /** A builder for a scatter plot with axis labels (units in brackets). */
  public static Builder builder(String title, String xLabel, String yLabel) {
    return new Builder(title, xLabel, yLabel);
  }

  /** Collects point sets and options. */
  public static final class Builder extends XyBuilder<Builder> {
    private int markerSize = 4;
    private final List<Object[]> sets = new ArrayList<>();

    Builder(String title, String xLabel, String yLabel) {
      super(title, xLabel, yLabel, 560, 480);
    }

    /** Marker diameter [px]. */
    public Builder markerSize(int px) {
      markerSize = Math.max(1, px);
      return this;
    }

    /** Adds points (x[i], y[i]); pairs with a non-finite value are dropped; not modified. */
    public Builder points(String name, double[] x, double[] y) {
      if (x.length != y.length) {
        throw new IllegalArgumentException(
            "points '" + name + "': " + x.length + " x values but " + y.length + " y values");
      }
      List<Double> xs = new ArrayList<>();
      List<Double> ys = new ArrayList<>();
      for (int i = 0; i < x.length; i++) {
        if (Double.isFinite(x[i]) && Double.isFinite(y[i])) {
          xs.add(x[i]);
          ys.add(y[i]);
        }
      }
      sets.add(new Object[] {name, xs, ys});
      return this;
    }

    /** The figure. */
    @SuppressWarnings("unchecked")
    public Figure build() {
      XYChart c = newChart(yLabel);
      c.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
      c.getStyler().setMarkerSize(markerSize);
      c.getStyler().setLegendVisible(sets.size() > 1);
      boolean any = false;
      double[] range = {
        Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY,
        Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY
      };
      for (Object[] s : sets) {
        List<Double> xs = (List<Double>) s[1];
        if (xs.isEmpty()) {
          continue;
        }
        any = true;
        for (int i = 0; i < xs.size(); i++) {
          double y = ((List<Double>) s[2]).get(i);
          range[0] = Math.min(range[0], xs.get(i));
          range[1] = Math.max(range[1], xs.get(i));
          range[2] = Math.min(range[2], y);
          range[3] = Math.max(range[3], y);
        }
        XYSeries series = c.addSeries((String) s[0], xs, (List<Double>) s[2]);
        series.setMarker(SeriesMarkers.CIRCLE);
      }
      if (!any) {
        throw new IllegalArgumentException("scatter plot '" + title + "' has no finite point");
      }
      Style.axes(c, range[0], range[1], range[2], range[3], false, false);
      return new ChartFigure(c);
    }
  }
}
