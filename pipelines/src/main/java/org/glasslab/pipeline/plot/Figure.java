package org.glasslab.pipeline.plot;

import java.awt.Graphics2D;

/**
 * Something drawable at a fixed size in pixels with Java2D; {@link Figures} saves it as PNG
 * (raster) or SVG (vector, through VectorGraphics2D) from the same drawing code.
 */
public interface Figure {
  /** Width [px]. */
  int width();

  /** Height [px]. */
  int height();

  /** Draws the whole figure into {@code g}, whose origin is the top-left corner. */
  void paint(Graphics2D g);
}
