package org.glasslab.pipeline.plot;

import java.awt.Graphics2D;
import org.knowm.xchart.internal.chartpart.Chart;

/** An XChart chart as a {@link Figure} (its own width and height). */
public record ChartFigure(Chart<?, ?> chart) implements Figure {
  @Override
  public int width() {
    return chart.getWidth();
  }

  @Override
  public int height() {
    return chart.getHeight();
  }

  @Override
  public void paint(Graphics2D g) {
    chart.paint(g, chart.getWidth(), chart.getHeight());
  }
}
