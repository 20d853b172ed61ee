package org.glasslab.topology;

import java.util.Arrays;

/**
 * The persistence barcode of one homology dimension: intervals {@code [birth, death)} of the
 * Vietoris–Rips filtration, with {@code death = +infinity} for classes still alive at the
 * threshold. Only intervals of positive length are listed (as ripser and GUDHI do).
 *
 * <p>Bars are sorted by (birth, death) so that equal multisets compare equal. Arrays are copied on
 * the way in and out.
 *
 * @param dimension homology dimension (0 or 1)
 * @param births [B] birth scales [length]
 * @param deaths [B] death scales [length], {@code +infinity} for essential classes
 */
public record Barcode(int dimension, double[] births, double[] deaths) {

  /** Validates, copies and sorts the bars. */
  public Barcode {
    if (dimension < 0) {
      throw new IllegalArgumentException("dimension must be >= 0, got " + dimension);
    }
    if (births == null || deaths == null || births.length != deaths.length) {
      throw new IllegalArgumentException("births and deaths must be non-null and of equal length");
    }
    int n = births.length;
    Integer[] idx = new Integer[n];
    for (int i = 0; i < n; i++) {
      if (!(deaths[i] > births[i])) {
        throw new IllegalArgumentException(
            "bar " + i + " has death " + deaths[i] + " <= birth " + births[i]);
      }
      idx[i] = i;
    }
    double[] b0 = births;
    double[] d0 = deaths;
    Arrays.sort(
        idx,
        (a, c) -> {
          int k = Double.compare(b0[a], b0[c]);
          return k != 0 ? k : Double.compare(d0[a], d0[c]);
        });
    double[] b = new double[n];
    double[] d = new double[n];
    for (int i = 0; i < n; i++) {
      b[i] = births[idx[i]];
      d[i] = deaths[idx[i]];
    }
    births = b;
    deaths = d;
  }

  /** Number of bars. */
  public int size() {
    return births.length;
  }

  /** Birth of bar {@code i} [length]. */
  public double birth(int i) {
    return births[i];
  }

  /** Death of bar {@code i} [length] ({@code +infinity} if essential). */
  public double death(int i) {
    return deaths[i];
  }

  /** Copy of the births [B] [length]. */
  @Override
  public double[] births() {
    return births.clone();
  }

  /** Copy of the deaths [B] [length]. */
  @Override
  public double[] deaths() {
    return deaths.clone();
  }

  /** Number of bars still alive at the threshold (death {@code +infinity}). */
  public int essentialCount() {
    int c = 0;
    for (double d : deaths) {
      if (d == Double.POSITIVE_INFINITY) {
        c++;
      }
    }
    return c;
  }

  /**
   * Number of bars whose persistence {@code death - birth} is at least {@code p} [length];
   * essential bars always count.
   */
  public int countPersistenceAtLeast(double p) {
    int c = 0;
    for (int i = 0; i < births.length; i++) {
      if (deaths[i] - births[i] >= p) {
        c++;
      }
    }
    return c;
  }

  /** Number of bars born at a scale {@code <= scale} [length]. */
  public int countBornBy(double scale) {
    int c = 0;
    for (double b : births) {
      if (b <= scale) {
        c++;
      }
    }
    return c;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Barcode b
        && b.dimension == dimension
        && Arrays.equals(b.births, births)
        && Arrays.equals(b.deaths, deaths);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(births) + Arrays.hashCode(deaths) + dimension;
  }

  @Override
  public String toString() {
    return "Barcode[H" + dimension + ", " + births.length + " bars]";
  }
}
