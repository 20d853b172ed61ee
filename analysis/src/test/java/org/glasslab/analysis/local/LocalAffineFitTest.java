package org.glasslab.analysis.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.glasslab.analysis.DisplacementMode;
import org.glasslab.analysis.Fixtures;
import org.glasslab.analysis.structure.RadialDistribution;
import org.glasslab.data.Box;
import org.glasslab.data.Configuration;
import org.glasslab.testsupport.SyntheticFrames;
import org.junit.jupiter.api.Test;

class LocalAffineFitTest {
  private static final double RC = 2.4;

  /** A jittered lattice cluster centred in a large box, so no pair crosses the boundary. */
  private static double[] cluster(double shift) {
    double[] u = SyntheticFrames.lattice(12, 12, 0.9, 0.1, 7)[0];
    for (int k = 0; k < u.length; k++) {
      u[k] += shift;
    }
    return u;
  }

  private static void assertAffine(LocalFitResult r, double[] f) {
    assertEquals(r.size(), r.validCount(), "every particle fitted");
    for (int i = 0; i < r.size(); i++) {
      assertTrue(r.d2min(i) <= 1e-20, "D2min " + r.d2min(i) + " of particle " + i);
      for (int a = 0; a < 2; a++) {
        for (int b = 0; b < 2; b++) {
          assertEquals(f[2 * a + b], r.h(i, a, b), 1e-12, "H" + a + b + " of particle " + i);
        }
        assertEquals(0.0, r.nonAffine(i, a), 1e-12, "non-affine vector of particle " + i);
      }
    }
  }

  @Test
  void generalAffineMapOfANonPeriodicClusterIsExact() {
    Box box = new Box(200, 200);
    double[] u = cluster(90);
    double[] f = {1.07, 0.13, -0.09, 0.94};
    Configuration ref = SyntheticFrames.fromUnwrapped(box, u);
    Configuration cur =
        SyntheticFrames.fromUnwrapped(box, SyntheticFrames.affine(u, f, 0.731, -1.27));
    LocalFitResult r =
        new LocalAffineFit(LocalAffineFit.Options.defaults().withCutoff(RC)).compute(ref, cur);
    assertAffine(r, f);
    double[] det = r.detH();
    for (double d : det) {
      assertEquals(f[0] * f[3] - f[1] * f[2], d, 1e-12);
    }
  }

  @Test
  void diagonalMapWithConsistentlyDeformedPeriodicBoxIsExact() {
    double[][] lat = SyntheticFrames.lattice(20, 22, 0.9, 0.1, 11);
    double[] u = lat[0];
    Box box = new Box(lat[1][0], lat[1][1]);
    double[] f = {1.02, 0, 0, 0.97};
    Box deformed = new Box(box.lx() * f[0], box.ly() * f[3]);
    Configuration ref = SyntheticFrames.fromUnwrapped(box, u);
    Configuration cur = SyntheticFrames.fromUnwrapped(deformed, SyntheticFrames.affine(u, f, 0, 0));
    LocalFitResult r =
        new LocalAffineFit(LocalAffineFit.Options.defaults().withCutoff(RC)).compute(ref, cur);
    assertAffine(r, f);
  }

  @Test
  void pureDilationHasDeterminantSquaredAndNoDeviatoricPart() {
    double e = 0.013;
    double[][] lat = SyntheticFrames.lattice(20, 22, 0.9, 0.1, 5);
    Box box = new Box(lat[1][0], lat[1][1]);
    double[] f = {1 + e, 0, 0, 1 + e};
    Configuration ref = SyntheticFrames.fromUnwrapped(box, lat[0]);
    Configuration cur =
        SyntheticFrames.fromUnwrapped(
            new Box(box.lx() * (1 + e), box.ly() * (1 + e)),
            SyntheticFrames.affine(lat[0], f, 0, 0));
    LocalFitResult r =
        new LocalAffineFit(LocalAffineFit.Options.defaults().withCutoff(RC)).compute(ref, cur);
    assertAffine(r, f);
    double[] det = r.detH();
    double[] dev = r.devNorm();
    double[] vol = r.epsVol();
    double[] tot = r.totalNorm();
    for (int i = 0; i < r.size(); i++) {
      assertEquals((1 + e) * (1 + e), det[i], 1e-12);
      assertEquals(0.0, dev[i], 1e-12);
      assertEquals(e, vol[i], 1e-12);
      assertEquals(Math.sqrt(2) * e, tot[i], 1e-12);
    }
  }

  @Test
  void rigidRotationGivesZeroD2minAndTheDocumentedFirstOrderLeak() {
    Box box = new Box(200, 200);
    double[] u = cluster(90);
    double theta = 0.05;
    double c = Math.cos(theta);
    double s = Math.sin(theta);
    double[] rot = {c, -s, s, c};
    Configuration ref = SyntheticFrames.fromUnwrapped(box, u);
    Configuration cur = SyntheticFrames.fromUnwrapped(box, SyntheticFrames.affine(u, rot, 3, -2));
    LocalAffineFit.Options base = LocalAffineFit.Options.defaults().withCutoff(RC);
    LocalFitResult paper = new LocalAffineFit(base).compute(ref, cur);
    assertAffine(paper, rot);
    for (double d : paper.devNorm()) {
      // Unsymmetrised eps = R - I: ||e|| = sqrt(2) |sin theta|, first order in theta.
      assertEquals(Math.sqrt(2) * Math.abs(s), d, 1e-12);
    }
    for (double d : paper.detH()) {
      assertEquals(1.0, d, 1e-12);
    }
    LocalFitResult sym =
        new LocalAffineFit(base.withStrain(LocalAffineFit.StrainMeasure.SYMMETRIC))
            .compute(ref, cur);
    for (int i = 0; i < sym.size(); i++) {
      assertEquals(0.0, sym.devNorm()[i], 1e-12);
      assertEquals(c - 1, sym.epsVol()[i], 1e-12); // second order only
      assertTrue(sym.d2min(i) <= 1e-20);
    }
  }

  @Test
  void translationByABoxFractionGivesAllZero() {
    double[][] lat = SyntheticFrames.lattice(20, 22, 0.9, 0.1, 3);
    Box box = new Box(lat[1][0], lat[1][1]);
    double[] id = {1, 0, 0, 1};
    Configuration ref = SyntheticFrames.fromUnwrapped(box, lat[0]);
    Configuration cur =
        SyntheticFrames.fromUnwrapped(
            box, SyntheticFrames.affine(lat[0], id, 0.37 * box.lx(), -0.61 * box.ly()));
    for (DisplacementMode mode : DisplacementMode.values()) {
      LocalFitResult r =
          new LocalAffineFit(
                  LocalAffineFit.Options.defaults().withCutoff(RC).withDisplacement(mode))
              .compute(ref, cur);
      assertAffine(r, id);
      for (int i = 0; i < r.size(); i++) {
        assertEquals(0.0, r.devNorm()[i], 1e-12);
        assertEquals(0.0, r.totalNorm()[i], 1e-12);
        assertEquals(0.0, r.epsVol()[i], 1e-12);
        assertEquals(1.0, r.detH()[i], 1e-12);
      }
    }
  }

  @Test
  void degenerateNeighbourhoodsAreFlaggedNotSilentNaN() {
    Box box = new Box(50, 50);
    // Particles 0-6 on a line (collinear: B singular); 7 isolated; 8-11 a proper quadrilateral.
    double[] u = {
      10, 10, 11, 10, 12, 10, 13, 10, 14, 10, 15, 10, 16, 10, 30, 30, 40, 40, 41, 40, 40, 41, 41,
      41.2
    };
    Configuration ref = SyntheticFrames.fromUnwrapped(box, u);
    Configuration cur = SyntheticFrames.fromUnwrapped(box, u);
    LocalFitResult r =
        new LocalAffineFit(LocalAffineFit.Options.defaults().withCutoff(3.5)).compute(ref, cur);
    for (int i = 0; i < 7; i++) {
      assertEquals(LocalFitResult.FLAG_SINGULAR, r.flag(i), "collinear particle " + i);
      assertTrue(Double.isNaN(r.d2min(i)));
    }
    assertEquals(LocalFitResult.FLAG_TOO_FEW, r.flag(7));
    for (int i = 8; i < 12; i++) {
      assertEquals(LocalFitResult.FLAG_OK, r.flag(i));
      assertEquals(0.0, r.d2min(i), 1e-20);
    }
    assertEquals(4, r.validCount());
    assertEquals(7, r.flagCount(LocalFitResult.FLAG_SINGULAR));
  }

  @Test
  void defaultCutoffIsTheSecondMinimumOfTheReferenceGofr() {
    Configuration ref = Fixtures.config("local_ref.csv");
    LocalAffineFit fit = new LocalAffineFit();
    double rc = fit.resolveCutoff(ref);
    assertEquals(new RadialDistribution().compute(ref).landmarks().secondMinimum(), rc, 0);
    LocalFitResult r = fit.compute(ref, Fixtures.config("local_cur.csv"));
    assertEquals("second minimum of g(r)", r.cutoffSource());
    assertEquals(rc, r.cutoff(), 0);
  }

  @Test
  void rejectsCutoffBeyondHalfTheBox() {
    Configuration ref = Fixtures.config("local_ref.csv");
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                new LocalAffineFit(LocalAffineFit.Options.defaults().withCutoff(50))
                    .compute(ref, ref));
    assertTrue(e.getMessage().contains("half the smallest box edge"), e.getMessage());
  }

  private static void compareWithNumpy(
      String cur, String expected, LocalAffineFit.StrainMeasure measure) {
    Configuration ref = Fixtures.config("local_ref.csv");
    LocalFitResult r =
        new LocalAffineFit(LocalAffineFit.Options.defaults().withCutoff(RC).withStrain(measure))
            .compute(ref, Fixtures.config(cur));
    Map<String, double[]> want = Fixtures.table(expected);
    Map<String, double[]> got = r.columns();
    assertEquals(want.get("id").length, r.size());
    double[] nb = want.get("neighbours");
    for (int i = 0; i < r.size(); i++) {
      assertEquals(nb[i], got.get("neighbours")[i], 0, "neighbour count of " + i);
    }
    for (String col :
        new String[] {
          "d2min",
          "nax",
          "nay",
          "Hxx",
          "Hxy",
          "Hyx",
          "Hyy",
          "eps_xx",
          "eps_xy",
          "eps_yx",
          "eps_yy",
          "eps_vol",
          "abs_eps_vol",
          "dev_norm",
          "total_norm",
          "detH"
        }) {
      double[] w = want.get(col);
      double[] g = got.get(col);
      for (int i = 0; i < w.length; i++) {
        assertEquals(w[i], g[i], 1e-10, col + " of particle " + i + " (" + expected + ")");
      }
    }
  }

  @Test
  void agreesWithNumpyAppendixA() {
    compareWithNumpy("local_cur.csv", "local_expected.csv", LocalAffineFit.StrainMeasure.PAPER);
  }

  @Test
  void symmetricVariantAgreesWithNumpy() {
    compareWithNumpy(
        "local_cur.csv", "local_expected_symmetric.csv", LocalAffineFit.StrainMeasure.SYMMETRIC);
  }

  @Test
  void deformedBoxAgreesWithNumpy() {
    compareWithNumpy(
        "local_cur_deformed.csv",
        "local_expected_deformed.csv",
        LocalAffineFit.StrainMeasure.PAPER);
  }
}
