package org.glasslab.md;

/**
 * A radially symmetric pair kernel between particles of diameters {@code di} and {@code dj}: the
 * bottom layer under {@link PairForces}, which loops over a {@link NeighbourList}. Integrators and
 * thermostats never see the kernel, so adding a potential touches nothing else.
 *
 * <p>Convention: a pair interacts if and only if {@code r^2 < cutoffSquared(di, dj)} (strict).
 * Outside that range {@link #forceOverR} and {@link #energy} return exactly 0. Reduced units
 * (epsilon = 1, lengths in mean diameters).
 */
public interface PairPotential {

  /** Short name written into provenance, e.g. {@code "wca"}. */
  String name();

  /** Squared interaction range of a pair with diameters {@code di}, {@code dj} [length^2]. */
  double cutoffSquared(double di, double dj);

  /** Interaction range of a pair [length]: {@code sqrt(cutoffSquared(di, dj))}. */
  default double cutoff(double di, double dj) {
    return Math.sqrt(cutoffSquared(di, dj));
  }

  /**
   * The largest interaction range over any pair whose diameters are at most {@code maxDiameter}
   * [length]; the neighbour list is built with this range plus the skin.
   */
  double maxCutoff(double maxDiameter);

  /**
   * {@code -U'(r)/r} at squared distance {@code r2} [energy/length^2]; 0 when {@code r2} is at or
   * beyond the cutoff. The force on particle i from j is {@code forceOverR * (r_i - r_j)}.
   */
  double forceOverR(double r2, double di, double dj);

  /**
   * Pair energy {@code U(r)} at squared distance {@code r2} [energy]; 0 at or beyond the cutoff.
   */
  double energy(double r2, double di, double dj);
}
