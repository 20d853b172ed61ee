package org.glasslab.epm.coarsegrain;

/**
 * Options of the particle → lattice coarse graining.
 *
 * @param gridSize L: the box is cut into L x L cells of size (Lx/L) x (Ly/L) [length]
 * @param kernel weighting of particles (cell binning or Gaussian)
 * @param width Gaussian standard deviation w [length] (ignored for {@link Kernel#CELL}); a natural
 *     choice is half the cell size
 */
public record CoarseGrainOptions(int gridSize, Kernel kernel, double width) {
  /** Validates the options. */
  public CoarseGrainOptions {
    if (gridSize < 1) {
      throw new IllegalArgumentException("grid size L must be positive, got " + gridSize);
    }
    if (kernel == null) {
      throw new IllegalArgumentException("kernel must be set (CELL or GAUSSIAN)");
    }
    if (kernel == Kernel.GAUSSIAN && (!(width > 0) || !Double.isFinite(width))) {
      throw new IllegalArgumentException(
          "Gaussian width must be finite and positive, got " + width);
    }
  }

  /** Cell binning on an L x L grid. */
  public static CoarseGrainOptions cells(int gridSize) {
    return new CoarseGrainOptions(gridSize, Kernel.CELL, 0);
  }
}
