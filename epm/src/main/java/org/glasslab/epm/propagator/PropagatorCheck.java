package org.glasslab.epm.propagator;

/**
 * Measured conventions of a propagator (spec §7 items 1–2), checkable at run time.
 *
 * @param selfTerm worst G_θ(0) over the tested angles (should be -1)
 * @param sum worst sum_r G_θ(r) over the tested angles
 * @param expectedSum the sum the convention prescribes (0 or -1)
 * @param maxLineSumDeviation largest |row or column sum - expectedSum/L| over the tested angles
 *     (fixed orientation imposed stress only; NaN where not applicable)
 */
public record PropagatorCheck(
    double selfTerm, double sum, double expectedSum, double maxLineSumDeviation) {

  /** Whether self term and sum rule hold to {@code tol}. */
  public boolean holds(double tol) {
    return Math.abs(selfTerm + 1.0) <= tol && Math.abs(sum - expectedSum) <= tol;
  }
}
