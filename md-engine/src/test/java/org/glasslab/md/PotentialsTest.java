package org.glasslab.md;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every registered potential against its own definition: force = -dU/dr and U'' = dU'/dr by central
 * differences, zero at and beyond the cutoff, energy continuous there; and the registry's spec
 * parsing, errors and metadata check.
 */
class PotentialsTest {

  /**
   * Diameter pairs each potential accepts: every ordered pair of the distinct diameters of its own
   * composition when it fixes one (ka), else a polydisperse set.
   */
  private static double[][] pairs(PairPotential p) {
    double[] fixed = p.sampleDiameters(100);
    if (fixed != null) {
      double[] dd = java.util.Arrays.stream(fixed).distinct().toArray();
      double[][] out = new double[dd.length * dd.length][];
      for (int a = 0; a < dd.length; a++) {
        for (int b = 0; b < dd.length; b++) {
          out[a * dd.length + b] = new double[] {dd[a], dd[b]};
        }
      }
      return out;
    }
    return new double[][] {{1.0, 1.0}, {0.9, 1.1}, {0.8, 1.25}};
  }

  /**
   * Every registered potential with its defaults (so a new one is tested here unasked), plus
   * variants.
   */
  private static List<PairPotential> all() {
    List<PairPotential> out = new java.util.ArrayList<>();
    for (String name : Potentials.names()) {
      out.add(Potentials.byName(name));
    }
    out.add(Potentials.byName("lj:cutoff=3"));
    out.add(Potentials.byName("harmonic:k=7.5"));
    out.add(Potentials.byName("ka:cutoff=2"));
    return out;
  }

  private static double du(PairPotential p, double r, double di, double dj) {
    return -r * p.forceOverR(r * r, di, dj);
  }

  @Test
  void forceIsMinusTheEnergyGradient() {
    for (PairPotential p : all()) {
      for (double[] dd : pairs(p)) {
        double rc = p.cutoff(dd[0], dd[1]);
        for (double f = 0.75; f < 0.995; f += 0.01) {
          double r = f * rc;
          if (p.energy(r * r, dd[0], dd[1]) > 200) {
            continue; // deep in the core: central differences lose digits
          }
          double h = 1e-6 * r;
          double fd =
              (p.energy((r + h) * (r + h), dd[0], dd[1])
                      - p.energy((r - h) * (r - h), dd[0], dd[1]))
                  / (2 * h);
          double an = du(p, r, dd[0], dd[1]);
          assertEquals(fd, an, 1e-6 * Math.max(1, Math.abs(an)), p.spec() + " r=" + r);
        }
      }
    }
  }

  @Test
  void secondDerivativeIsTheDerivativeOfTheForce() {
    for (PairPotential p : all()) {
      for (double[] dd : pairs(p)) {
        double rc = p.cutoff(dd[0], dd[1]);
        for (double f = 0.75; f < 0.995; f += 0.01) {
          double r = f * rc;
          double h = 1e-6 * r;
          double fd = (du(p, r + h, dd[0], dd[1]) - du(p, r - h, dd[0], dd[1])) / (2 * h);
          double an = p.secondDerivative(r * r, dd[0], dd[1]);
          assertEquals(fd, an, 1e-6 * Math.max(1, Math.abs(an)), p.spec() + " r=" + r);
        }
      }
    }
  }

  @Test
  void zeroAtAndBeyondTheCutoffAndEnergyContinuous() {
    for (PairPotential p : all()) {
      for (double[] dd : pairs(p)) {
        double rc2 = p.cutoffSquared(dd[0], dd[1]);
        for (double r2 : new double[] {rc2, rc2 * 1.0001, 4 * rc2}) {
          assertEquals(0.0, p.energy(r2, dd[0], dd[1]), p.spec());
          assertEquals(0.0, p.forceOverR(r2, dd[0], dd[1]), p.spec());
          assertEquals(0.0, p.secondDerivative(r2, dd[0], dd[1]), p.spec());
        }
        double inside = Math.nextDown(rc2);
        // shifted: U(r_c^-) = 0 up to rounding of the shift (|U| is O(1) inside)
        assertEquals(0.0, p.energy(inside, dd[0], dd[1]), 1e-12, p.spec() + " U(r_c^-)");
        assertTrue(p.forceOverR(0.99 * rc2, dd[0], dd[1]) != 0.0, p.spec());
        assertTrue(p.cutoff(dd[0], dd[1]) <= p.maxCutoff(Math.max(dd[0], dd[1])), p.spec());
      }
    }
  }

  @Test
  void ljMatchesItsClosedForm() {
    PairPotential lj = Potentials.byName("lj");
    double s = 0.5 * (0.9 + 1.1);
    double r = 1.3;
    double sr6 = Math.pow(s / r, 6);
    double shift = 4 * (Math.pow(2.5, -12) - Math.pow(2.5, -6));
    assertEquals(4 * (sr6 * sr6 - sr6) - shift, lj.energy(r * r, 0.9, 1.1), 1e-15);
    assertEquals(2.5 * s, lj.cutoff(0.9, 1.1), 1e-15);
    // WCA is lj with cutoff 2^(1/6): the same numbers inside the range
    PairPotential cut = Potentials.byName("lj:cutoff=" + Wca.CUTOFF_FACTOR);
    for (double x = 0.9; x < 1.12; x += 0.01) {
      assertEquals(Wca.INSTANCE.energy(x * x, 1, 1), cut.energy(x * x, 1, 1), 1e-13);
      assertEquals(Wca.INSTANCE.forceOverR(x * x, 1, 1), cut.forceOverR(x * x, 1, 1), 1e-12);
    }
  }

  @Test
  void kaUsesItsPairTablesAndRefusesOtherDiameters() {
    PairPotential ka = Potentials.byName("ka");
    assertEquals(2.5, ka.cutoff(1.0, 1.0), 1e-15);
    assertEquals(2.0, ka.cutoff(1.0, 0.88), 1e-15); // 2.5 * 0.8
    assertEquals(2.2, ka.cutoff(0.88, 0.88), 1e-15);
    // at r = sigma_ab the unshifted LJ part is 0: U = -shift = -4 eps (c^-12 - c^-6)
    double c = 4 * (Math.pow(2.5, -12) - Math.pow(2.5, -6));
    assertEquals(-1.5 * c, ka.energy(0.8 * 0.8, 1.0, 0.88), 1e-15);
    assertEquals(-0.5 * c, ka.energy(0.88 * 0.88, 0.88, 0.88), 1e-15);
    assertEquals(-1.0 * c, ka.energy(1.0, 1.0, 1.0), 1e-15);
    assertEquals(1, KobAndersen.species((float) 0.88));
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> ka.energy(1.0, 1.0, 0.95));
    assertTrue(e.getMessage().contains("0.95") && e.getMessage().contains("0.88"), e.getMessage());
    double[] d = ka.sampleDiameters(100);
    long a = java.util.Arrays.stream(d).filter(x -> x == 1.0).count();
    assertEquals(65, a);
    assertEquals(35, java.util.Arrays.stream(d).filter(x -> x == 0.88).count());
    assertNull(Wca.INSTANCE.sampleDiameters(100));
  }

  @Test
  void specsRoundTripAndErrorsNameWhatIsExpected() {
    assertSame(Wca.INSTANCE, Potentials.byName("wca"));
    assertEquals("lj:cutoff=2.5", Potentials.byName("lj").spec());
    assertEquals("lj:cutoff=3.0", Potentials.byName(" LJ : cutoff = 3 ").spec());
    assertEquals("harmonic:k=2.0", Potentials.byName("harmonic:k=2").spec());
    assertEquals("ka:cutoff=2.5", Potentials.byName("ka").spec());
    for (PairPotential p : all()) {
      assertEquals(p, Potentials.byName(p.spec()));
    }
    assertEquals(List.of("wca", "lj", "harmonic", "ka"), Potentials.names());
    String m =
        assertThrows(IllegalArgumentException.class, () -> Potentials.byName("morse")).getMessage();
    assertTrue(m.contains("morse") && m.contains("wca, lj, harmonic, ka"), m);
    m =
        assertThrows(IllegalArgumentException.class, () -> Potentials.byName("lj:rc=2"))
            .getMessage();
    assertTrue(m.contains("rc") && m.contains("cutoff"), m);
    m =
        assertThrows(IllegalArgumentException.class, () -> Potentials.byName("lj:cutoff=x"))
            .getMessage();
    assertTrue(m.contains("not a number"), m);
    m =
        assertThrows(IllegalArgumentException.class, () -> Potentials.byName("wca:cutoff=2"))
            .getMessage();
    assertTrue(m.contains("known: none"), m);
    assertThrows(IllegalArgumentException.class, () -> Potentials.byName("lj:cutoff=0.5"));
  }

  @Test
  void resolveChecksTheRecordedPotential() {
    assertSame(Wca.INSTANCE, Potentials.resolve(null, (String) null, "f"));
    assertEquals("lj:cutoff=2.5", Potentials.resolve(null, "lj:cutoff=2.5", "f").spec());
    assertEquals("lj:cutoff=2.5", Potentials.resolve("lj", "lj:cutoff=2.5", "f").spec());
    assertEquals("lj:cutoff=2.5", Potentials.resolve("lj", (String) null, "f").spec());
    // files written before potentials were recorded as specs
    assertSame(
        Wca.INSTANCE, Potentials.resolve("wca", "wca polydisperse, s_ij=(d_i+d_j)/2, cutoff", "f"));
    String m =
        assertThrows(
                IllegalArgumentException.class,
                () -> Potentials.resolve("wca", "lj:cutoff=2.5", "run.h5"))
            .getMessage();
    assertTrue(m.startsWith("run.h5") && m.contains("lj:cutoff=2.5") && !m.contains("\n"), m);
    assertThrows(
        IllegalArgumentException.class, () -> Potentials.resolve("lj:cutoff=3", "lj", "f"));
  }
}
