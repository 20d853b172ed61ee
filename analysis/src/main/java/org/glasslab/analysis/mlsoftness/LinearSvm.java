package org.glasslab.analysis.mlsoftness;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;
import org.apache.commons.math3.stat.StatUtils;
import org.glasslab.data.random.Rng;
import smile.classification.SVM;
import smile.math.MathEx;
import smile.math.kernel.LinearKernel;

/**
 * Training of the linear SVM behind the machine-learned softness, with Smile's {@link SVM} (LASVM
 * solver, linear kernel): standardisation of every feature to zero mean and unit variance on the
 * training set, the soft-margin C chosen from a grid by cross-validated accuracy, and the
 * hyperplane w = Σ α_k v_k, b read from the fitted kernel machine.
 *
 * <p>Cross-validation folds are the sample groups (trajectories: leave one trajectory out) when
 * there are at least two groups, otherwise {@value #RANDOM_FOLDS} random folds. Ties in accuracy go
 * to the smaller C (the wider margin). Samples are shuffled with the given seed before every fit
 * and Smile's own generator ({@link MathEx#setSeed}, used by LASVM's passes) is seeded from it on
 * the calling thread, so a seed gives the same model.
 */
public final class LinearSvm {
  /** Folds when the samples form a single group. */
  public static final int RANDOM_FOLDS = 5;

  /** LASVM convergence tolerance. */
  static final double TOLERANCE = 1e-3;

  /** LASVM passes over the data. */
  static final int EPOCHS = 2;

  private LinearSvm() {}

  /**
   * Cross-validated accuracy of one C.
   *
   * @param c the soft-margin parameter
   * @param accuracy mean accuracy over folds
   * @param spread standard deviation of the fold accuracies
   * @param folds accuracy of each fold (group order, or random fold order)
   */
  public record CvPoint(double c, double accuracy, double spread, double[] folds) {}

  /**
   * A trained hyperplane with its cross-validation.
   *
   * @param mean [F] feature means
   * @param scale [F] feature standard deviations (1 for a constant feature)
   * @param weights [F] w in standardised units
   * @param bias b
   * @param c the chosen C
   * @param cv one point per C of the grid
   * @param trainingAccuracy accuracy of the final model on its own training samples
   */
  public record Fit(
      double[] mean,
      double[] scale,
      double[] weights,
      double bias,
      double c,
      List<CvPoint> cv,
      double trainingAccuracy) {

    /** Signed distance (w·z + b)/|w| of raw features x [F]. */
    public double distance(double[] x) {
      double d = bias;
      double n = 0;
      for (int k = 0; k < x.length; k++) {
        d += weights[k] * (x[k] - mean[k]) / scale[k];
        n += weights[k] * weights[k];
      }
      return d / Math.sqrt(n);
    }
  }

  /**
   * Trains on labelled samples.
   *
   * @param x [samples][F] raw features; not modified
   * @param label [samples] 1 rearranging, 0 not
   * @param group [samples] trajectory of each sample (folds of the cross-validation)
   * @param cGrid candidate C values, positive
   * @param seed shuffling and Smile seed
   * @throws IllegalArgumentException if a class is missing or the grid is empty
   */
  public static Fit train(double[][] x, int[] label, int[] group, double[] cGrid, long seed) {
    if (cGrid.length == 0) {
      throw new IllegalArgumentException("the C grid is empty");
    }
    for (double c : cGrid) {
      if (!(c > 0) || !Double.isFinite(c)) {
        throw new IllegalArgumentException("SVM C values must be positive, got " + c);
      }
    }
    int n = x.length;
    int pos = 0;
    for (int y : label) {
      pos += y == 1 ? 1 : 0;
    }
    if (pos == 0 || pos == n) {
      throw new IllegalArgumentException(
          "training needs both classes, got " + pos + " rearranging of " + n + " samples");
    }
    int[] fold = folds(group, n, seed);
    int nf = Arrays.stream(fold).max().orElse(0) + 1;
    List<CvPoint> cv = new ArrayList<>();
    CvPoint best = null;
    for (double c : cGrid) {
      double[] acc = new double[nf];
      for (int k = 0; k < nf; k++) {
        int kk = k;
        boolean[] train = new boolean[n];
        for (int i = 0; i < n; i++) {
          train[i] = fold[i] != kk;
        }
        Fit f = fitOn(x, label, train, c, seed);
        int right = 0;
        int total = 0;
        for (int i = 0; i < n; i++) {
          if (!train[i]) {
            total++;
            right += (f.distance(x[i]) > 0) == (label[i] == 1) ? 1 : 0;
          }
        }
        acc[k] = total == 0 ? Double.NaN : (double) right / total;
      }
      double mean = StatUtils.mean(acc);
      double spread = nf > 1 ? Math.sqrt(StatUtils.variance(acc, mean)) : 0;
      CvPoint p = new CvPoint(c, mean, spread, acc);
      cv.add(p);
      if (best == null || p.accuracy() > best.accuracy()) {
        best = p;
      }
    }
    boolean[] all = new boolean[n];
    Arrays.fill(all, true);
    Fit f = fitOn(x, label, all, best.c(), seed);
    return new Fit(f.mean, f.scale, f.weights, f.bias, best.c(), cv, accuracy(f, x, label));
  }

  /** Fraction of samples on their label's side of the hyperplane. */
  public static double accuracy(Fit f, double[][] x, int[] label) {
    int right = 0;
    for (int i = 0; i < x.length; i++) {
      right += (f.distance(x[i]) > 0) == (label[i] == 1) ? 1 : 0;
    }
    return (double) right / x.length;
  }

  private static int[] folds(int[] group, int n, long seed) {
    TreeSet<Integer> groups = new TreeSet<>();
    for (int g : group) {
      groups.add(g);
    }
    int[] fold = new int[n];
    if (groups.size() >= 2) {
      List<Integer> order = new ArrayList<>(groups);
      for (int i = 0; i < n; i++) {
        fold[i] = order.indexOf(group[i]);
      }
      return fold;
    }
    int[] perm = permutation(n, new Rng(Rng.deriveSeed(seed, 1)));
    for (int k = 0; k < n; k++) {
      fold[perm[k]] = k % RANDOM_FOLDS;
    }
    return fold;
  }

  private static int[] permutation(int n, Rng rng) {
    int[] p = new int[n];
    for (int i = 0; i < n; i++) {
      p[i] = i;
    }
    for (int i = n - 1; i > 0; i--) {
      int j = rng.nextInt(i + 1);
      int t = p[i];
      p[i] = p[j];
      p[j] = t;
    }
    return p;
  }

  /** Standardise on the selected samples, shuffle, fit with Smile, read the hyperplane. */
  private static Fit fitOn(double[][] x, int[] label, boolean[] use, double c, long seed) {
    int f = x[0].length;
    int m = 0;
    for (boolean u : use) {
      m += u ? 1 : 0;
    }
    double[] mean = new double[f];
    double[] scale = new double[f];
    for (int i = 0; i < x.length; i++) {
      if (use[i]) {
        for (int k = 0; k < f; k++) {
          mean[k] += x[i][k];
        }
      }
    }
    for (int k = 0; k < f; k++) {
      mean[k] /= m;
    }
    for (int i = 0; i < x.length; i++) {
      if (use[i]) {
        for (int k = 0; k < f; k++) {
          double d = x[i][k] - mean[k];
          scale[k] += d * d;
        }
      }
    }
    for (int k = 0; k < f; k++) {
      double sd = Math.sqrt(scale[k] / m);
      scale[k] = sd > 1e-12 * Math.max(1, Math.abs(mean[k])) ? sd : 1.0;
    }
    int[] idx = new int[m];
    for (int i = 0, j = 0; i < x.length; i++) {
      if (use[i]) {
        idx[j++] = i;
      }
    }
    int[] perm = permutation(m, new Rng(Rng.deriveSeed(seed, 2, Double.doubleToLongBits(c))));
    double[][] z = new double[m][f];
    int[] y = new int[m];
    for (int j = 0; j < m; j++) {
      int i = idx[perm[j]];
      for (int k = 0; k < f; k++) {
        z[j][k] = (x[i][k] - mean[k]) / scale[k];
      }
      y[j] = label[i] == 1 ? 1 : -1;
    }
    MathEx.setSeed(Rng.deriveSeed(seed, 3));
    SVM<double[]> svm = SVM.fit(z, y, new LinearKernel(), c, TOLERANCE, EPOCHS);
    double[] w = new double[f];
    double[][] v = svm.vectors();
    double[] a = svm.weights();
    for (int s = 0; s < v.length; s++) {
      for (int k = 0; k < f; k++) {
        w[k] += a[s] * v[s][k];
      }
    }
    double b = svm.intercept();
    // Smile's score is w·z + b for the linear kernel; check the reading on one sample
    double direct = b;
    for (int k = 0; k < f; k++) {
      direct += w[k] * z[0][k];
    }
    assert Math.abs(direct - svm.score(z[0])) <= 1e-9 * (1 + Math.abs(direct))
        : "hyperplane read from Smile disagrees with its score";
    return new Fit(mean, scale, w, b, c, List.of(), Double.NaN);
  }
}
