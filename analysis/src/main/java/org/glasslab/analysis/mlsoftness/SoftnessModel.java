package org.glasslab.analysis.mlsoftness;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A trained machine-learned softness: the feature definitions, the standardisation and the linear
 * SVM hyperplane. Softness is the signed distance of a particle's standardised features z_k = (x_k
 * − mean_k) / scale_k to the hyperplane, {@code S = (w·z + b) / |w|}, positive on the rearranging
 * side (Cubuk et al. 2015). Applying a model to features of other definitions is refused.
 *
 * @param features the structure-function definitions the model was trained on
 * @param mean [F] training mean of each feature
 * @param scale [F] training standard deviation of each feature (1 where the feature is constant)
 * @param weights [F] hyperplane normal w in standardised units
 * @param bias hyperplane offset b
 * @param c the SVM soft-margin parameter C chosen by cross-validation
 * @param provenance how the model was trained (labels, thresholds, trajectories, accuracies), in
 *     insertion order, JSON-ready values
 */
public record SoftnessModel(
    StructureFunctions features,
    double[] mean,
    double[] scale,
    double[] weights,
    double bias,
    double c,
    Map<String, Object> provenance) {

  /** Validates and copies. */
  public SoftnessModel {
    int f = features.count();
    if (mean.length != f || scale.length != f || weights.length != f) {
      throw new IllegalArgumentException(
          "model arrays must have one value per feature ("
              + f
              + "), got mean "
              + mean.length
              + ", scale "
              + scale.length
              + ", weights "
              + weights.length);
    }
    mean = mean.clone();
    scale = scale.clone();
    weights = weights.clone();
    provenance = new LinkedHashMap<>(provenance);
    double norm = 0;
    for (double w : weights) {
      norm += w * w;
    }
    if (!(norm > 0) || !Double.isFinite(norm) || !Double.isFinite(bias)) {
      throw new IllegalArgumentException("model hyperplane must be finite with a nonzero normal");
    }
  }

  @Override
  public double[] mean() {
    return mean.clone();
  }

  @Override
  public double[] scale() {
    return scale.clone();
  }

  @Override
  public double[] weights() {
    return weights.clone();
  }

  @Override
  public Map<String, Object> provenance() {
    return new LinkedHashMap<>(provenance);
  }

  /** |w|. */
  public double norm() {
    double s = 0;
    for (double w : weights) {
      s += w * w;
    }
    return Math.sqrt(s);
  }

  /**
   * Refuses other feature definitions.
   *
   * @throws IllegalArgumentException naming the difference
   */
  public void requireFeatures(StructureFunctions other) {
    if (!features.equals(other)) {
      throw new IllegalArgumentException(
          "the model was trained on other feature definitions ("
              + differences(features, other)
              + "); compute features with the model's definitions");
    }
  }

  /** The fields in which two definitions differ, "name model-value, requested other-value". */
  static String differences(StructureFunctions m, StructureFunctions o) {
    java.util.List<String> d = new java.util.ArrayList<>();
    diff(d, "mu", Arrays.toString(m.mus()), Arrays.toString(o.mus()));
    diff(d, "L", Double.toString(m.width()), Double.toString(o.width()));
    diff(d, "xi", Arrays.toString(m.xis()), Arrays.toString(o.xis()));
    diff(d, "lambda", Arrays.toString(m.lambdas()), Arrays.toString(o.lambdas()));
    diff(d, "zeta", Arrays.toString(m.zetas()), Arrays.toString(o.zetas()));
    diff(
        d,
        "angular cutoff",
        Double.toString(m.angularCutoff()),
        Double.toString(o.angularCutoff()));
    return String.join("; ", d);
  }

  private static void diff(java.util.List<String> out, String name, String model, String asked) {
    if (!model.equals(asked)) {
      out.add(name + " " + model + " in the model, " + asked + " requested");
    }
  }

  /**
   * Softness of every particle from its features.
   *
   * @param x [N * F] features in {@link StructureFunctions#names} order; not modified
   * @param out [N] softness, or null
   * @return {@code out} (or a new array)
   */
  public double[] softness(double[] x, double[] out) {
    int f = weights.length;
    int n = x.length / f;
    double[] s = out == null ? new double[n] : out;
    double inv = 1.0 / norm();
    for (int i = 0; i < n; i++) {
      double d = bias;
      for (int k = 0; k < f; k++) {
        d += weights[k] * (x[i * f + k] - mean[k]) / scale[k];
      }
      s[i] = d * inv;
    }
    return s;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SoftnessModel m
        && features.equals(m.features)
        && Arrays.equals(mean, m.mean)
        && Arrays.equals(scale, m.scale)
        && Arrays.equals(weights, m.weights)
        && bias == m.bias
        && c == m.c;
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(weights) * 31 + Double.hashCode(bias);
  }
}
