package org.glasslab.md;

import java.util.Map;

/**
 * A radially symmetric pair kernel between particles of diameters {@code di} and {@code dj}: the
 * bottom layer under {@link PairForces}, which loops over a {@link NeighbourList}. Integrators and
 * thermostats never see the kernel, so adding a potential touches nothing else.
 *
 * <p>Convention: a pair interacts if and only if {@code r^2 < cutoffSquared(di, dj)} (strict).
 * Outside that range {@link #forceOverR}, {@link #energy} and {@link #secondDerivative} return
 * exactly 0. Reduced units (epsilon = 1, lengths in mean diameters). Implementations are built by
 * name through {@link Potentials}; a new potential is one class plus one registry line.
 */
public interface PairPotential {

  /** Registry name (see {@link Potentials}), e.g. {@code "wca"}. */
  String name();

  /**
   * The parameters that, with {@link #name()}, rebuild this potential through {@link
   * Potentials#byName} (all of them, defaults included; insertion ordered). Empty for a potential
   * without parameters.
   */
  default Map<String, Double> parameters() {
    return Map.of();
  }

  /**
   * Canonical spec string {@code name} or {@code name:key=value,...} (every parameter, {@link
   * Double#toString} values): what provenance and run metadata record, and what {@link
   * Potentials#byName} parses back to an equal potential.
   */
  default String spec() {
    return Potentials.format(name(), parameters());
  }

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

  /**
   * Second radial derivative {@code U''(r)} at squared distance {@code r2} [energy/length^2]; 0 at
   * or beyond the cutoff. With {@link #forceOverR} ({@code -U'(r)/r}) it gives the pair stiffness
   * block of the Hessian, {@code K = U'' n n^T + (U'/r)(I - n n^T)}.
   */
  double secondDerivative(double r2, double di, double dj);

  /**
   * Fixed diameters [N] for a potential that defines its own species composition (e.g. a binary
   * mixture), or {@code null} (the default) when the sample protocol draws polydisperse diameters.
   */
  default double[] sampleDiameters(int n) {
    return null;
  }
}
