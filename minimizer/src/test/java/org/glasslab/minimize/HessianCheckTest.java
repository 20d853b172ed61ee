package org.glasslab.minimize;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;
import org.glasslab.data.Configuration;
import org.glasslab.md.Wca;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Stability of the returned minima: the Hessian at a converged result has no negative eigenvalue
 * beyond round-off. Until the analytic Hessian of the analysis module exists, the Hessian here is
 * built independently by central finite differences of the forces ({@code H e_k = -(F(x + h e_k) -
 * F(x - h e_k)) / 2h}, h = 1e-6), symmetrized, and diagonalized with EJML.
 */
class HessianCheckTest {

  static double[] eigenvalues(Configuration c) {
    EnergySurface s = new EnergySurface(c, Wca.INSTANCE, 0.3, 128);
    int m = 2 * c.size();
    double h = 1e-6;
    double[] x = s.startPositions();
    double[] fp = new double[m];
    double[] fm = new double[m];
    DMatrixRMaj hess = new DMatrixRMaj(m, m);
    for (int k = 0; k < m; k++) {
      double x0 = x[k];
      x[k] = x0 + h;
      s.evaluate(x, fp);
      x[k] = x0 - h;
      s.evaluate(x, fm);
      x[k] = x0;
      for (int r = 0; r < m; r++) {
        hess.set(r, k, -(fp[r] - fm[r]) / (2 * h));
      }
    }
    DMatrixRMaj sym = new DMatrixRMaj(m, m);
    for (int r = 0; r < m; r++) {
      for (int k = 0; k < m; k++) {
        sym.set(r, k, 0.5 * (hess.get(r, k) + hess.get(k, r)));
      }
    }
    EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(m, false, true);
    assertTrue(eig.decompose(sym));
    double[] ev = new double[m];
    for (int k = 0; k < m; k++) {
      ev[k] = eig.getEigenvalue(k).getReal();
    }
    java.util.Arrays.sort(ev);
    return ev;
  }

  @ParameterizedTest
  @ValueSource(strings = {"cg", "fire"})
  void noNegativeEigenvalueAtConvergedMinima(String method) {
    for (long seed = 51; seed <= 52; seed++) {
      MinimizationResult r =
          Method.parse(method)
              .create(Wca.INSTANCE)
              .minimize(TestConfigs.random(200, 0.9, seed), MinimizerOptions.defaults());
      assertTrue(r.converged());
      double[] ev = eigenvalues(r.configuration());
      double max = ev[ev.length - 1];
      // two translational zero modes (plus one per rattler coordinate) sit at 0 +- round-off
      assertTrue(
          ev[0] >= -1e-6 * max,
          method + " seed " + seed + ": lowest eigenvalue " + ev[0] + " (largest " + max + ")");
      assertTrue(ev[3] > 1e-6 * max || TestConfigs.minContacts(r.configuration()) < 3);
    }
  }

  @org.junit.jupiter.api.Test
  void theCheckSeesNegativeCurvatureAwayFromMinima() {
    // the same check on a partly relaxed configuration (50 CG iterations) must fail
    MinimizationResult r =
        new ConjugateGradient(Wca.INSTANCE)
            .minimize(
                TestConfigs.random(200, 0.9, 51),
                MinimizerOptions.defaults().withMaxIterations(50));
    double[] ev = eigenvalues(r.configuration());
    assertTrue(ev[0] < -1e-6 * ev[ev.length - 1], "lowest eigenvalue " + ev[0]);
  }
}
