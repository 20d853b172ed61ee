package org.glasslab.epm.coarsegrain;

import java.util.Locale;

/**
 * One measured number with its uncertainty, or the reason there is none: every cell of the particle
 * ↔ lattice comparison table is one of these, so that no value is ever reported without its error.
 *
 * @param value the estimate (NaN unless {@link #measured()})
 * @param error its one-standard-deviation uncertainty (NaN unless {@link #measured()})
 * @param note how it was obtained, or why it is missing ("not enough data: …", "not measured: …")
 */
public record Measurement(double value, double error, String note) {
  /** Checks that a measured value has a finite error. */
  public Measurement {
    if (Double.isFinite(value) != Double.isFinite(error)) {
      throw new IllegalArgumentException(
          "a value needs a finite uncertainty (value " + value + ", error " + error + ")");
    }
    if (note == null) {
      note = "";
    }
  }

  /** A value with its uncertainty; {@code error} must be finite and ≥ 0. */
  public static Measurement of(double value, double error, String note) {
    if (!Double.isFinite(value) || !Double.isFinite(error) || error < 0) {
      return notEnoughData(
          note + " (no finite value and uncertainty: " + value + " ± " + error + ")");
    }
    return new Measurement(value, error, note);
  }

  /** No number: the data do not allow one (too few events, temperatures, replicas...). */
  public static Measurement notEnoughData(String why) {
    return new Measurement(Double.NaN, Double.NaN, "not enough data: " + why);
  }

  /** No number: the quantity was not measured in this run. */
  public static Measurement notMeasured(String why) {
    return new Measurement(Double.NaN, Double.NaN, "not measured: " + why);
  }

  /** Whether there is a value (with its error). */
  public boolean measured() {
    return Double.isFinite(value);
  }

  /**
   * The mean over replicas with its standard error (sample std / √n); not enough data for fewer
   * than two finite values.
   */
  public static Measurement replicaMean(double[] values, String note) {
    int n = 0;
    double s = 0;
    for (double v : values) {
      if (Double.isFinite(v)) {
        n++;
        s += v;
      }
    }
    if (n < 2) {
      return notEnoughData(note + ": " + n + " replica value(s), need 2 for an error");
    }
    double m = s / n;
    double ss = 0;
    for (double v : values) {
      if (Double.isFinite(v)) {
        ss += (v - m) * (v - m);
      }
    }
    return of(m, Math.sqrt(ss / (n - 1) / n), note + " (mean ± s.e. over " + n + " replicas)");
  }

  /** "value ± error" with 3 significant digits, or the note when there is no value. */
  public String text() {
    return measured()
        ? String.format(Locale.ROOT, "%.3g ± %.2g", value, error)
        : note.replaceFirst(":.*", "");
  }
}
