package org.glasslab.epm.coarsegrain;

/** Coarse-graining kernel from particles to lattice cells. */
public enum Kernel {
  /** Cell binning: a particle contributes with weight 1 to the cell that contains it. */
  CELL,
  /**
   * Periodic Gaussian of standard deviation w around each cell centre (minimum-image distance,
   * truncated at 3w): a particle contributes {@code exp(-d^2 / 2w^2)} to every cell within 3w.
   */
  GAUSSIAN
}
