package org.glasslab.epm.coarsegrain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.SplittableRandom;
import org.glasslab.data.Box;
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
}
