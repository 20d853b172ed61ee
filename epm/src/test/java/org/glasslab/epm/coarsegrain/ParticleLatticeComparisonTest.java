package org.glasslab.epm.coarsegrain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.glasslab.data.Box;
import org.glasslab.epm.lattice.LatticeEpm;
import org.glasslab.epm.lattice.LatticeParams;
import org.junit.jupiter.api.Test;

/** Extensive coarse graining, the pseudogap fit and the particle-side construction. */
class ParticleLatticeComparisonTest {
  private static final ParticleLatticeComparison.Options OPT =
      new ParticleLatticeComparison.Options(0.05, 0.9, 30, 0.1);

  private static double[] randomPositions(int n, double l, SplittableRandom r) {
    double[] p = new double[2 * n];
    for (int i = 0; i < 2 * n; i++) {
      p[i] = l * r.nextDouble();
    }
    return p;
  }

  @Test
  void densityConservesTheTotalForBothKernels() {
    SplittableRandom r = new SplittableRandom(3);
    Box box = new Box(12, 12);
    int n = 400;
    double[] pos = randomPositions(n, 12, r);
    double[] v = new double[n];
    double sum = 0;
    for (int i = 0; i < n; i++) {
      v[i] = r.nextGaussian();
      sum += v[i] * box.area() / n;
    }
    for (CoarseGrainOptions o :
        new CoarseGrainOptions[] {
          CoarseGrainOptions.cells(5), new CoarseGrainOptions(6, Kernel.GAUSSIAN, 1.0)
        }) {
      CoarseGrainer cg = new CoarseGrainer(box, o);
      double[] g = cg.density(pos, v, box.area() / n, null);
      double tot = 0;
      for (double x : g) {
        tot += x * cg.cellArea();
      }
      assertEquals(sum, tot, 1e-12 * Math.max(1, Math.abs(sum)), o.kernel().name());
    }
  }

  @Test
  void averageSkipsNonFiniteValues() {
    Box box = new Box(4, 4);
    CoarseGrainer cg = new CoarseGrainer(box, CoarseGrainOptions.cells(1));
    double[] g = cg.average(new double[] {1, 1, 2, 2, 3, 3}, new double[] {1, Double.NaN, 3}, null);
    assertEquals(2.0, g[0], 0);
  }

  @Test
  void pseudogapExponentOfAPowerLawSample() {
    // P(x) = (1 + theta) x^theta on [0, 1]: x = U^(1/(1+theta))
    SplittableRandom r = new SplittableRandom(11);
    for (double theta : new double[] {0.0, 0.6, 1.5}) {
      double[] x = new double[40000];
      for (int i = 0; i < x.length; i++) {
        x[i] = Math.pow(r.nextDouble(), 1 / (1 + theta));
      }
      // Hill estimate over m = 4000 values: standard error (1 + theta) / sqrt(m); 3 sigma
      double tol = 3 * (1 + theta) / Math.sqrt(4000);
      assertEquals(theta, FieldComparison.pseudogapExponent(x, 0.1), tol, "theta " + theta);
    }
    assertTrue(Double.isNaN(FieldComparison.pseudogapExponent(new double[] {1, 2, 3}, 1)));
    assertEquals(2.5, FieldComparison.quantile(new double[] {1, 2, 3, 4}, 0.5), 1e-15);
  }

  @Test
  void particleSideBuiltToMatchALatticeStateGivesKsZero() {
    // particles carry, frame by frame, the EPM site stress of their cell (in other units, x 2.5);
    // the coarse-grained grids equal the EPM field, so P(sigma/rms) matches exactly
    int l = 8;
    LatticeEpm m = LatticeEpm.create(LatticeParams.defaults(l, 0.1), 5);
    Box box = new Box(16, 16);
    CoarseGrainer cg = new CoarseGrainer(box, CoarseGrainOptions.cells(l));
    SplittableRandom r = new SplittableRandom(2);
    int frames = 3;
    double[][] sg = new double[frames][];
    double[][] d2 = new double[frames - 1][];
    double[] epmSigma = new double[frames * l * l];
    for (int f = 0; f < frames; f++) {
      double[] s = m.sigma();
      System.arraycopy(s, 0, epmSigma, f * l * l, l * l);
      double[] pos = randomPositions(2000, 16, r);
      double[] v = new double[2000];
      for (int p = 0; p < v.length; p++) {
        int cx = (int) (pos[2 * p] / cg.cellSizeX());
        int cy = (int) (pos[2 * p + 1] / cg.cellSizeY());
        v[p] = 2.5 * s[cy * l + cx];
      }
      sg[f] = cg.average(pos, v, null);
      if (f + 1 < frames) {
        d2[f] = new double[l * l];
        d2[f][f] = 1; // one rearranging cell per pair
        m.runEvents(20);
      }
    }
    ParticleLatticeComparison.ParticleSide side =
        ParticleLatticeComparison.particleSide(sg, d2, cg.cellArea(), OPT);
    assertEquals(2, side.rearrangingCells());
    assertEquals(2, side.area().length);
    assertEquals(cg.cellArea(), side.area()[0], 0);
    double[] x = FieldComparison.distanceToYield(epmSigma, 1);
    ParticleLatticeComparison.Result res =
        ParticleLatticeComparison.compare(side, epmSigma, x, new double[] {4, 4}, OPT);
    FieldComparison.Row sigma = res.rows().get(0);
    assertEquals("sigma", sigma.quantity());
    // identical up to rounding: at most one value per frame pair swaps order with its twin
    assertTrue(sigma.ks() <= 1.0 / epmSigma.length + 1e-12, "KS " + sigma.ks());
    assertEquals(2.5, sigma.particleScale() / sigma.epmScale(), 1e-9);
    assertEquals(0, res.rows().get(2).ks(), 1e-12, "one cell area each: identical areas");
  }

  @Test
  void missingStressIsNamedAndNoRearrangementLeavesSigmaOnly() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                ParticleLatticeComparison.particleSide(
                    new double[][] {{1}, null}, new double[][] {{0}}, 1, OPT));
    assertTrue(e.getMessage().startsWith("sigma_xy:"), e.getMessage());
    // no rearranging cell: sigma compared, no yield stress, no x or area rows
    ParticleLatticeComparison.ParticleSide quiet =
        ParticleLatticeComparison.particleSide(
            new double[][] {{1, -1}, {2, -2}}, new double[][] {{0, 0}}, 1, OPT);
    assertTrue(Double.isNaN(quiet.yieldStress()));
    assertEquals(0, quiet.distance().length);
    ParticleLatticeComparison.Result r =
        ParticleLatticeComparison.compare(
            quiet, new double[] {1, -1}, new double[] {1, 1}, new double[] {1}, OPT);
    assertEquals(1, r.rows().size());
    assertThrows(
        IllegalArgumentException.class,
        () -> new ParticleLatticeComparison.Options(0.05, 1.5, 30, 0.1));
  }
}
