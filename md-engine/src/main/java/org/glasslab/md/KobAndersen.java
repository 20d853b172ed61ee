package org.glasslab.md;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The 2D binary Kob–Andersen-type Lennard-Jones mixture: {@code U(r) = 4 eps_ab [(s_ab/r)^12 -
 * (s_ab/r)^6] - U_c,ab} for {@code r < c s_ab}, shifted to 0 at the cutoff (LAMMPS {@code
 * pair_modify shift yes}), with eps_AA = 1, eps_AB = 1.5, eps_BB = 0.5, s_AA = 1, s_AB = 0.8, s_BB
 * = 0.88 (non-additive) and c = 2.5 by default. The standard 2D composition is A:B = 65:35 ({@link
 * #sampleDiameters}).
 *
 * <p>Species are recognised from the particle diameter: {@value #DIAMETER_A} is A, {@value
 * #DIAMETER_B} is B, each within an absolute {@value #DIAMETER_TOLERANCE} (so float32 storage still
 * matches); any other diameter is refused with an {@link IllegalArgumentException} naming it. The
 * diameter only labels the species; interaction ranges come from s_ab. Registry spec {@code ka} or
 * {@code ka:cutoff=C}.
 *
 * @param cutoff c, the cutoff in units of s_ab, finite and &gt; 1
 */
public record KobAndersen(double cutoff) implements PairPotential {
  /** Diameter that marks species A. */
  public static final double DIAMETER_A = 1.0;

  /** Diameter that marks species B. */
  public static final double DIAMETER_B = 0.88;

  /** Absolute tolerance of the diameter-to-species match. */
  public static final double DIAMETER_TOLERANCE = 1e-6;

  /** Default cutoff in units of s_ab. */
  public static final double DEFAULT_CUTOFF = 2.5;

  /** Fraction of A particles in {@link #sampleDiameters} (65:35). */
  public static final double FRACTION_A = 0.65;

  // pair tables indexed by species(a) + species(b): 0 = AA, 1 = AB, 2 = BB
  private static final double[] EPS = {1.0, 1.5, 0.5};
  private static final double[] SIGMA = {1.0, 0.8, 0.88};

  /** Validates the cutoff. */
  public KobAndersen {
    if (!(cutoff > 1.0) || !Double.isFinite(cutoff)) {
      throw new IllegalArgumentException(
          "ka cutoff must be finite and > 1 (in units of sigma_ab), got " + cutoff);
    }
  }

  /**
   * The species of a particle of diameter {@code d}: 0 (A) or 1 (B).
   *
   * @throws IllegalArgumentException for any other diameter
   */
  public static int species(double d) {
    if (Math.abs(d - DIAMETER_A) <= DIAMETER_TOLERANCE) {
      return 0;
    }
    if (Math.abs(d - DIAMETER_B) <= DIAMETER_TOLERANCE) {
      return 1;
    }
    throw new IllegalArgumentException(
        "potential ka: particle diameter "
            + d
            + " is neither "
            + DIAMETER_A
            + " (species A) nor "
            + DIAMETER_B
            + " (species B); the Kob-Andersen mixture needs exactly these two diameters");
  }

  /** eps_ab of the pair type {@code species(a) + species(b)}. */
  public static double epsilon(int pairType) {
    return EPS[pairType];
  }

  /** s_ab of the pair type {@code species(a) + species(b)}. */
  public static double sigma(int pairType) {
    return SIGMA[pairType];
  }

  @Override
  public String name() {
    return "ka";
  }

  @Override
  public Map<String, Double> parameters() {
    Map<String, Double> m = new LinkedHashMap<>();
    m.put("cutoff", cutoff);
    return m;
  }

  @Override
  public double cutoffSquared(double di, double dj) {
    double rc = cutoff * SIGMA[species(di) + species(dj)];
    return rc * rc;
  }

  @Override
  public double maxCutoff(double maxDiameter) {
    return cutoff * SIGMA[0];
  }

  @Override
  public double forceOverR(double r2, double di, double dj) {
    int t = species(di) + species(dj);
    double s = SIGMA[t];
    double rc = cutoff * s;
    if (r2 >= rc * rc) {
      return 0.0;
    }
    double ir2 = 1.0 / r2;
    return LjKernel.forceOverR(s * s * ir2, ir2, EPS[t]);
  }

  @Override
  public double energy(double r2, double di, double dj) {
    int t = species(di) + species(dj);
    double s = SIGMA[t];
    double rc = cutoff * s;
    if (r2 >= rc * rc) {
      return 0.0;
    }
    return LjKernel.energy(s * s / r2, EPS[t]) - LjKernel.shift(cutoff, EPS[t]);
  }

  @Override
  public double secondDerivative(double r2, double di, double dj) {
    int t = species(di) + species(dj);
    double s = SIGMA[t];
    double rc = cutoff * s;
    if (r2 >= rc * rc) {
      return 0.0;
    }
    double ir2 = 1.0 / r2;
    return LjKernel.secondDerivative(s * s * ir2, ir2, EPS[t]);
  }

  /** The 65:35 composition: the first {@code round(0.65 n)} particles A, the rest B. */
  @Override
  public double[] sampleDiameters(int n) {
    double[] d = new double[n];
    int na = (int) Math.round(FRACTION_A * n);
    Arrays.fill(d, 0, na, DIAMETER_A);
    Arrays.fill(d, na, n, DIAMETER_B);
    return d;
  }
}
