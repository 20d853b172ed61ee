package org.glasslab.data;

import java.util.Arrays;

/**
 * A named per-frame series, e.g. the potential energy or the stress tensor along a trajectory,
 * stored as H5MD {@code /observables/<name>/{value,step,time}}.
 *
 * @param name observable name (H5MD path component, no '/')
 * @param steps [T] MD steps
 * @param times [T] times [time]
 * @param values [T][C] values, C components per frame (C = 1 for scalars)
 */
public record TimeSeries(String name, long[] steps, double[] times, double[][] values) {

  /** Validates shapes; arrays are copied. */
  public TimeSeries {
    if (name == null || name.isEmpty() || name.contains("/")) {
      throw new IllegalArgumentException("observable name must be non-empty without '/': " + name);
    }
    if (steps.length != times.length || steps.length != values.length) {
      throw new IllegalArgumentException(
          "observable "
              + name
              + ": steps, times and values must have the same length, got "
              + steps.length
              + ", "
              + times.length
              + ", "
              + values.length);
    }
    int c = values.length == 0 ? 1 : values[0].length;
    double[][] copy = new double[values.length][];
    for (int t = 0; t < values.length; t++) {
      if (values[t].length != c) {
        throw new IllegalArgumentException(
            "observable " + name + ": frame " + t + " has " + values[t].length + " components");
      }
      copy[t] = values[t].clone();
    }
    steps = steps.clone();
    times = times.clone();
    values = copy;
  }

  /** A scalar series. */
  public static TimeSeries scalar(String name, long[] steps, double[] times, double[] values) {
    double[][] v = new double[values.length][];
    for (int t = 0; t < values.length; t++) {
      v[t] = new double[] {values[t]};
    }
    return new TimeSeries(name, steps, times, v);
  }

  /** Number of components per frame. */
  public int components() {
    return values.length == 0 ? 1 : values[0].length;
  }

  /** Component {@code c} of every frame [T]. */
  public double[] component(int c) {
    double[] out = new double[values.length];
    for (int t = 0; t < values.length; t++) {
      out[t] = values[t][c];
    }
    return out;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TimeSeries s
        && name.equals(s.name)
        && Arrays.equals(steps, s.steps)
        && Arrays.equals(times, s.times)
        && Arrays.deepEquals(values, s.values);
  }

  @Override
  public int hashCode() {
    return name.hashCode() * 31 + Arrays.hashCode(steps);
  }

  @Override
  public String toString() {
    return "TimeSeries[" + name + ", T=" + steps.length + ", C=" + components() + "]";
  }
}
