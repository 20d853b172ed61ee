package org.glasslab.epm.propagator;

import java.util.random.RandomGenerator;

/**
 * The purely local kernel {@code G(r) = -δ_{r,0}}: a failing site releases its stress and nothing
 * else changes. Sites are then independent; used for the spec §7 checks 9 and 11 (single-site
 * Arrhenius, persistence {@code e^{-f0 t}} and χ4 = p(1-p)). Its sum is -1, i.e. the {@link
 * Convention#IMPOSED_STRAIN} sum rule.
 */
public final class LocalPropagator implements StressPropagator {
  private final int size;

  /** A local kernel on an {@code L x L} lattice. */
  public LocalPropagator(int size) {
    if (size < 1) {
      throw new IllegalArgumentException("lattice size L must be positive, got " + size);
    }
    this.size = size;
  }

  @Override
  public int size() {
    return size;
  }

  @Override
  public Convention convention() {
    return Convention.IMPOSED_STRAIN;
  }

  @Override
  public double drawAngle(RandomGenerator rng) {
    return 0.0;
  }

  @Override
  public double value(int dx, int dy, double theta) {
    return Math.floorMod(dx, size) == 0 && Math.floorMod(dy, size) == 0 ? -1.0 : 0.0;
  }

  @Override
  public double[] kernel(double theta, double[] out) {
    double[] o = out == null ? new double[size * size] : out;
    java.util.Arrays.fill(o, 0.0);
    o[0] = -1.0;
    return o;
  }

  @Override
  public void applyEvent(double[] sigma, int site, double dsigma, double theta) {
    sigma[site] -= dsigma;
  }

  @Override
  public PropagatorCheck check() {
    return new PropagatorCheck(-1.0, -1.0, -1.0, Double.NaN);
  }
}
