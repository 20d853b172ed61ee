package org.glasslab.analysis.mechanics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.util.SplittableRandom;
import org.ejml.data.DMatrixSparseCSC;
import org.glasslab.md.Wca;
import org.junit.jupiter.api.Test;

class ShiftedCholeskyTest {

  @Test
  void particleBlockSolveEqualsScalarSolveAndSolvesTheShiftedSystem() {
    Hessian h = Hessian.compute(Fixtures.load("wca256-is.txt").config(), Wca.INSTANCE);
    DMatrixSparseCSC a = h.matrix();
    int n = a.numCols;
    double shift = 0.01;
    int[] perm = ShiftedCholesky.particleOrdering(a);
    ShiftedCholesky chol = ShiftedCholesky.factorize(a, perm, shift);
    assertNotNull(chol);
    SplittableRandom rng = new SplittableRandom(7);
    double[] rhs = new double[n];
    for (int i = 0; i < n; i++) {
      rhs[i] = rng.nextDouble() - 0.5;
    }
    double[] block = rhs.clone();
    double[] scalar = rhs.clone();
    chol.solve1(block);
    chol.solve1Scalar(scalar);
    for (int i = 0; i < n; i++) {
      assertEquals(scalar[i], block[i], 1e-12 * (1 + Math.abs(scalar[i])), "entry " + i);
    }
    // (H + s I) y = x in the original numbering: y_orig[perm[k]] = block[k]
    double[] y = new double[n];
    for (int k = 0; k < n; k++) {
      y[perm[k]] = block[k];
    }
    double[] hy = new double[n];
    h.multiply(y, hy);
    for (int k = 0; k < n; k++) {
      int p = perm[k];
      assertEquals(rhs[k], hy[p] + shift * y[p], 1e-9, "residual at dof " + p);
    }
  }
}
