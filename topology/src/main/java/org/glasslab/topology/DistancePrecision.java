package org.glasslab.topology;

/**
 * Arithmetic used for pair distances, which are the filtration values.
 *
 * <p>{@link #DOUBLE} is the default for physics. {@link #FLOAT32} reproduces Debian ripser's
 * arithmetic bit for bit (coordinates rounded to {@code float}, differences, squares, sum and
 * square root in {@code float}, threshold compared in {@code float}), so that barcodes equal
 * ripser's exactly rather than within rounding; with it two nearly equal distances may collapse
 * into one value and a bar of length ~1e-7 can vanish.
 */
public enum DistancePrecision {
  /** 64-bit distances. */
  DOUBLE,
  /** 32-bit distances computed exactly as ripser 1.2 does for a point cloud. */
  FLOAT32
}
