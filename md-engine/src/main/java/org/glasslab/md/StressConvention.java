package org.glasslab.md;

/**
 * Prefactor of the pair virial in the stress tensor. {@link #CONSISTENT}: {@code sigma_ab = rho T
 * delta_ab + (1/A) sum_{i<j} (-U'(r)/r) r_a r_b}, the thermodynamically consistent virial stress
 * ({@code (sigma_xx + sigma_yy)/2} is the pressure {@code -dF/dA}; LAMMPS' pressure tensor has the
 * same virial part). {@link #PAPER_HALF}: the prefactor {@code 1/(2A)} printed in Jha &amp;
 * Sengupta eq. 3 over {@code i<j}, i.e. exactly half the consistent pair term (the kinetic term is
 * unchanged).
 */
public enum StressConvention {
  /** Pair term {@code (1/A) sum_{i<j}}: the default. */
  CONSISTENT(1.0),
  /** Pair term {@code (1/(2A)) sum_{i<j}} as printed in the paper's eq. 3. */
  PAPER_HALF(0.5);

  private final double factor;

  StressConvention(double factor) {
    this.factor = factor;
  }

  /** Multiplier of {@code W/A}. */
  public double factor() {
    return factor;
  }
}
