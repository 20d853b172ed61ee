package org.glasslab.epm.coarsegrain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.glasslab.data.Box;
import org.glasslab.epm.lattice.LatticeEpm;
import org.glasslab.epm.lattice.LatticeParams;
import org.junit.jupiter.api.Test;

/** Coarse graining and distribution comparison on synthetic particle fields. */
class CoarseGrainerTest {
  private static final double LX = 20;
  private static final double H = 0.1; // particle spacing of the synthetic regular "glass"

  /** Particles on a regular grid with spacing H, offset by half a spacing. */
  private static double[] gridPositions(double lx, double ly, double shiftX) {
    int nx = (int) Math.round(lx / H);
    int ny = (int) Math.round(ly / H);
    double[] p = new double[2 * nx * ny];
    int k = 0;
    for (int j = 0; j < ny; j++) {
      for (int i = 0; i < nx; i++) {
        p[k++] = (i + 0.5) * H + shiftX;
        p[k++] = (j + 0.5) * H;
      }
    }
    return p;
  }

  @Test
  void cellBinningAveragesALinearFieldExactly() {
    Box box = new Box(LX, LX);
    CoarseGrainer cg = new CoarseGrainer(box, CoarseGrainOptions.cells(4));
    double[] pos = gridPositions(LX, LX, 0);
    double[] v = new double[pos.length / 2];
    for (int p = 0; p < v.length; p++) {
      v[p] = pos[2 * p] + 2 * pos[2 * p + 1];
    }
    double[] g = cg.average(pos, v, null);
    double h = cg.cellSizeX();
    for (int cy = 0; cy < 4; cy++) {
      for (int cx = 0; cx < 4; cx++) {
        assertEquals((cx + 0.5) * h + 2 * (cy + 0.5) * h, g[cy * 4 + cx], 1e-9);
      }
    }
    int total = 0;
    for (int c : cg.counts(pos)) {
      total += c;
    }
    assertEquals(v.length, total);
    assertEquals(25.0, cg.cellArea(), 1e-12);
  }

  @Test
  void gaussianKernelAttenuatesAFourierModeByExpMinusK2W2Over2() {
    Box box = new Box(LX, LX);
    double w = 1.0;
    CoarseGrainer cg = new CoarseGrainer(box, new CoarseGrainOptions(10, Kernel.GAUSSIAN, w));
    double[] pos = gridPositions(LX, LX, 0);
    double k = 2 * Math.PI / LX;
    double[] v = new double[pos.length / 2];
    double[] one = new double[v.length];
    for (int p = 0; p < v.length; p++) {
      v[p] = Math.sin(k * pos[2 * p]);
      one[p] = 1.0;
    }
    double[] g = cg.average(pos, v, null);
    double[] c = cg.average(pos, one, null);
    double att = Math.exp(-k * k * w * w / 2);
    for (int cy = 0; cy < 10; cy++) {
      for (int cx = 0; cx < 10; cx++) {
        double x = (cx + 0.5) * cg.cellSizeX();
        assertEquals(att * Math.sin(k * x), g[cy * 10 + cx], 5e-3);
        assertEquals(1.0, c[cy * 10 + cx], 1e-12);
      }
    }
  }

  @Test
  void periodicImagesGiveTheSameGrid() {
    Box box = new Box(LX, 16);
    CoarseGrainer cg = new CoarseGrainer(box, new CoarseGrainOptions(8, Kernel.GAUSSIAN, 1.2));
    double[] a = gridPositions(LX, 16, 0.03);
    double[] b = a.clone();
    for (int p = 0; p < b.length; p += 2) {
      b[p] += p % 4 == 0 ? LX : -2 * LX; // unwrapped images
    }
    double[] v = new double[a.length / 2];
    SplittableRandom r = new SplittableRandom(2);
    for (int p = 0; p < v.length; p++) {
      v[p] = r.nextDouble();
    }
    double[] ga = cg.average(a, v, null);
    double[] gb = cg.average(b, v, null);
    for (int i = 0; i < ga.length; i++) {
      assertEquals(ga[i], gb[i], 1e-9);
    }
  }

  @Test
  void rearrangingAreaCountsCells() {
    Box box = new Box(LX, LX);
    CoarseGrainer cg = new CoarseGrainer(box, CoarseGrainOptions.cells(5));
    double[] grid = new double[25];
    grid[3] = 2;
    grid[7] = 5;
    grid[8] = Double.NaN;
    assertEquals(2 * 16.0, cg.areaAbove(grid, 1.0), 1e-12);
  }

  @Test
  void rejectsImpossibleOptions() {
    assertThrows(IllegalArgumentException.class, () -> new CoarseGrainOptions(0, Kernel.CELL, 0));
    assertThrows(
        IllegalArgumentException.class,
        () -> new CoarseGrainer(new Box(10, 10), new CoarseGrainOptions(4, Kernel.GAUSSIAN, 2)));
  }

  @Test
  void comparisonIsScaleFreeAndDetectsShapeDifferences() {
    SplittableRandom r = new SplittableRandom(4);
    int n = 20000;
    double[] g1 = new double[n];
    double[] g2 = new double[n];
    double[] ex = new double[n];
    double[] un = new double[n];
    for (int i = 0; i < n; i++) {
      g1[i] = 0.3 * r.nextGaussian();
      g2[i] = 7.0 * r.nextGaussian();
      ex[i] = -Math.log(1 - r.nextDouble());
      un[i] = 2 * r.nextDouble();
    }
    FieldComparison.Row same =
        FieldComparison.compare("sigma", g1, g2, FieldComparison.Scale.RMS, 40);
    assertTrue(same.ks() < 0.03, "same shape, different scale: KS " + same.ks());
    assertEquals(7.0 / 0.3, same.epmScale() / same.particleScale(), 0.5);
    FieldComparison.Row diff = FieldComparison.compare("x", ex, un, FieldComparison.Scale.MEAN, 40);
    assertEquals(0.5 - Math.log(2) / 2, diff.ks(), 0.02, "KS of Exp(1) vs U(0,2)");
    assertTrue(diff.l1() > 0.2);
  }

  @Test
  void particleFieldBuiltFromAnEpmStateMatchesItInEpmUnits() {
    // a synthetic "particle" stress field: the EPM stress of each cell, in other units (x 3.7),
    // carried by the particles inside that cell
    int l = 16;
    LatticeEpm m = LatticeEpm.create(LatticeParams.defaults(l, 0.1), 8);
    double[] sigma = m.sigma();
    Box box = new Box(LX, LX);
    CoarseGrainer cg = new CoarseGrainer(box, CoarseGrainOptions.cells(l));
    double[] pos = gridPositions(LX, LX, 0);
    double[] v = new double[pos.length / 2];
    for (int p = 0; p < v.length; p++) {
      int cx = (int) (pos[2 * p] / cg.cellSizeX());
      int cy = (int) (pos[2 * p + 1] / cg.cellSizeY());
      v[p] = 3.7 * sigma[cy * l + cx];
    }
    double[] grid = cg.average(pos, v, null);
    FieldComparison.Row row =
        FieldComparison.compare("sigma", grid, sigma, FieldComparison.Scale.RMS, 30);
    // identical up to rounding ties between equal values
    assertTrue(row.ks() <= 1.0 / (l * l) + 1e-12, "KS " + row.ks());
    assertEquals(3.7, row.particleScale() / row.epmScale(), 1e-9);
    double[] xp = FieldComparison.distanceToYield(grid, 3.7);
    double[] xe = FieldComparison.distanceToYield(sigma, 1.0);
    FieldComparison.Row rx =
        FieldComparison.compare("distance_to_yield", xp, xe, FieldComparison.Scale.MEAN, 30);
    assertTrue(rx.ks() <= 1.0 / (l * l) + 1e-12, "at most one rounding tie: " + rx.ks());
    String csv = FieldComparison.csv(List.of(row, rx));
    assertTrue(csv.startsWith("quantity,") && csv.contains("distance_to_yield"));
  }
}
