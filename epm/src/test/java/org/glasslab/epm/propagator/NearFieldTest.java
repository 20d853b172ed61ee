package org.glasslab.epm.propagator;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * Near field of the rotated lattice kernel against the continuum Eshelby field with our
 * normalisation, G_c(r, φ; θ) = cos 4(φ − θ)/(2r²) (the continuum cos4φ/(πr²) times the lattice
 * scale π/2). At θ = π/8 the axes and diagonals are nodal lines of G_c, and the lattice kernel is
 * exactly the uniform sum-rule value there (docs/epm-lattice.md, "Near field of the rotated
 * kernel").
 */
class NearFieldTest {
  private static final int L = 256;
  private static final EshelbyPropagator P = EshelbyPropagator.random(L, Convention.IMPOSED_STRESS);

  private static double continuum(int dx, int dy, double theta) {
    double r2 = dx * dx + dy * dy;
    return Math.cos(4 * (Math.atan2(dy, dx) - theta)) / (2 * r2);
  }

  @Test
  void axesAndDiagonalsAreNodalAtPiOverEight() {
    double theta = Math.PI / 8;
    // K_s is odd in x and in y and antisymmetric under x <-> y, so it vanishes on the axes and the
    // diagonals; K_0 is −π/4 δ + π/(4N) and the self-term fix adds (1 − π/4)/(N − 1): together
    // exactly 1/(N − 1) (the rows must sum to zero with G(0) = −1).
    double uniform = 1.0 / (L * L - 1);
    for (int k = 1; k <= 12; k++) {
      for (int[] d : new int[][] {{k, 0}, {0, k}, {-k, 0}, {k, k}, {k, -k}, {-k, -k}}) {
        assertEquals(uniform, P.value(d[0], d[1], theta), 1e-12, d[0] + "," + d[1]);
        assertEquals(0, continuum(d[0], d[1], theta), 1e-15);
      }
    }
  }

  @Test
  void firstShellsOffTheNodalLinesAgainstTheContinuum() {
    double theta = Math.PI / 8;
    // (dx, dy, lattice/continuum ratio): the first non-nodal shell r = √5 carries 2/3 of the
    // continuum value, r = √10 90%, r = √13 76%; from r ≈ 4 on the ratio is within 5% of 1.
    double[][] shells = {
      {2, 1, 0.665},
      {1, 2, 0.664},
      {-1, 2, 0.665},
      {3, 1, 0.898},
      {3, 2, 0.759},
      {4, 1, 1.016},
      {5, 2, 0.945},
      {8, 3, 0.988},
      {12, 5, 0.995},
      {-5, 12, 0.995},
      {20, 8, 1.011}
    };
    for (double[] s : shells) {
      int dx = (int) s[0];
      int dy = (int) s[1];
      double ratio = P.value(dx, dy, theta) / continuum(dx, dy, theta);
      assertEquals(s[2], ratio, 0.002, dx + "," + dy);
    }
    // the rotated field is odd under the reflection y -> x about the nodal diagonal
    double uniform = 1.0 / (L * L - 1);
    assertEquals(-(P.value(2, 1, theta) - uniform), P.value(1, 2, theta) - uniform, 1e-12, "(1,2)");
  }

  @Test
  void atZeroAngleTheNearestNeighboursCarryAQuarterOfTheContinuumValue() {
    // θ = 0: G(1,0) = 0.1416 against the continuum 1/2 (the r^-2 field is not resolved at r = 1)
    assertEquals(0.1416, P.value(1, 0, 0), 1e-4);
    assertEquals(0.283, P.value(1, 0, 0) / continuum(1, 0, 0), 1e-3);
    assertEquals(0.566, P.value(1, 1, 0) / continuum(1, 1, 0), 1e-3);
  }
}
