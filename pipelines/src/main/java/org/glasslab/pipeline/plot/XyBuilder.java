package org.glasslab.pipeline.plot;

import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;

/**
 * Common part of the XChart-based plot builders: title, axis labels and size in pixels.
 *
 * @param <B> the concrete builder, returned by the chained setters
 */
public abstract class XyBuilder<B extends XyBuilder<B>> {
  final String title;
  final String xLabel;
  final String yLabel;
  int width;
  int height;

  XyBuilder(String title, String xLabel, String yLabel, int width, int height) {
    this.title = title;
    this.xLabel = xLabel;
    this.yLabel = yLabel;
    this.width = width;
    this.height = height;
  }

  /** Figure size [px]. */
  @SuppressWarnings("unchecked")
  public B size(int w, int h) {
    Style.checkSize(w, h);
    width = w;
    height = h;
    return (B) this;
  }

  /** An empty chart with this builder's title, labels, size and GlassLab's style. */
  XYChart newChart(String yAxisTitle) {
    XYChart c =
        new XYChartBuilder()
            .width(width)
            .height(height)
            .title(title)
            .xAxisTitle(xLabel)
            .yAxisTitle(yAxisTitle)
            .build();
    Style.apply(c);
    return c;
  }
}
