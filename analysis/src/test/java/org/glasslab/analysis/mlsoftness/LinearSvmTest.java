package org.glasslab.analysis.mlsoftness;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.glasslab.data.Box;
import org.glasslab.data.random.Rng;
import org.glasslab.testsupport.SyntheticClouds;
import org.junit.jupiter.api.Test;

/**
 * The trainer recovers a label that is a known function of structure: in glass-like polydisperse
 * clouds a particle is "soft" when its first-shell radial density G(i; 1.0) minus its angular
 * crowding Psi(i; 1.5, +1, 1) / 4 lies below the median. Trained on four clouds, the model
 * classifies a fifth, unseen cloud to at least 95 %.
 */
class LinearSvmTest {
  static final int N = 300;

  @Test
  void recoversAStructuralLabelOnAnUnseenCloud() {
    StructureFunctions sf = StructureFunctions.defaults();
    List<String> names = sf.names();
    int g = names.indexOf("G(mu=1.00)");
    int psi = names.indexOf("Psi(xi=1.50,lambda=+1,zeta=1)");
    assertTrue(g > 0 && psi > 0);
    int f = sf.count();
    List<double[]> rows = new ArrayList<>();
    List<Integer> groups = new ArrayList<>();
    List<Double> score = new ArrayList<>();
    for (int cloud = 0; cloud < 5; cloud++) {
      double[] pos = SyntheticClouds.randomSequentialAddition(N, 0.9, 0.8, 100 + cloud);
      double[] d = new double[N];
      Rng rng = new Rng(200 + cloud);
      for (int i = 0; i < N; i++) {
        d[i] = 0.85 + 0.3 * rng.nextDouble();
      }
      double[] x = sf.compute(Box.square(N, 0.9), pos, d, null);
      for (int i = 0; i < N; i++) {
        double[] row = Arrays.copyOfRange(x, i * f, (i + 1) * f);
        rows.add(row);
        groups.add(cloud);
        score.add(row[g] - 0.25 * row[psi]);
      }
    }
    double[] sorted = score.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    double median = sorted[sorted.length / 2];
    int[] label = score.stream().mapToInt(s -> s < median ? 1 : 0).toArray();
    int train = 4 * N;
    double[][] xt = rows.subList(0, train).toArray(new double[0][]);
    int[] yt = Arrays.copyOf(label, train);
    int[] gt = groups.subList(0, train).stream().mapToInt(Integer::intValue).toArray();
    LinearSvm.Fit fit = LinearSvm.train(xt, yt, gt, new double[] {0.3, 1, 3}, 42);
    double[][] xs = rows.subList(train, 5 * N).toArray(new double[0][]);
    int[] ys = Arrays.copyOfRange(label, train, 5 * N);
    double test = LinearSvm.accuracy(fit, xs, ys);
    System.out.printf(
        "synthetic structural label: C = %g, accuracy on the unseen cloud %.4f%n", fit.c(), test);
    assertTrue(test >= 0.95, "accuracy on the unseen cloud " + test);
    assertEquals(3, fit.cv().size());
    for (LinearSvm.CvPoint p : fit.cv()) {
      assertEquals(4, p.folds().length); // leave one cloud out
    }
    assertTrue(fit.cv().stream().anyMatch(p -> p.c() == fit.c() && p.accuracy() >= 0.95));
    // the soft side is the labelled side: G(1.0) enters with a negative weight
    assertTrue(fit.weights()[g] < 0, "weight of G(1.0) " + fit.weights()[g]);
    // the same seed gives the same model
    LinearSvm.Fit again = LinearSvm.train(xt, yt, gt, new double[] {0.3, 1, 3}, 42);
    assertArrayEquals(fit.weights(), again.weights());
    assertEquals(fit.bias(), again.bias());
  }
}
