package org.glasslab.md;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.glasslab.data.Box;
import org.glasslab.data.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The SIMD force kernel against the scalar reference. The vector kernel evaluates each pair with
 * the scalar kernel's operations but sums a particle's pair forces in another order, so forces
 * agree to rounding (documented tolerance: 1e-13 of the largest force component), and trajectories
 * agree until the chaotic dynamics amplifies that rounding. Each kernel on its own is
 * deterministic.
 */
class ForceKernelTest {

  @Test
  void theVectorKernelIsAvailableInTheTestJvm() {
    // md-engine's surefire adds the module, so both kernels are exercised here
    assertTrue(
        ForceKernel.vectorAvailable(), "run the tests with --add-modules jdk.incubator.vector");
    try (Kernels k = Kernels.use(ForceKernel.VECTOR)) {
      assertEquals(ForceKernel.VECTOR, ForceKernel.selected());
    }
    try (Kernels k = Kernels.use(ForceKernel.SCALAR)) {
      assertEquals(ForceKernel.SCALAR, ForceKernel.selected());
    }
    // auto is the vector kernel when the module is loaded (measured faster, docs/PERFORMANCE.md)
    String before = System.getProperty(ForceKernel.PROPERTY);
    System.clearProperty(ForceKernel.PROPERTY);
    try {
      assertEquals(ForceKernel.VECTOR, ForceKernel.selected());
    } finally {
      if (before != null) {
        System.setProperty(ForceKernel.PROPERTY, before);
      }
    }
  }

  @Test
  void aBadPropertyValueIsAOneLineErrorNamingTheProperty() {
    String before = System.getProperty(ForceKernel.PROPERTY);
    System.setProperty(ForceKernel.PROPERTY, "avx");
    try {
      IllegalArgumentException e =
          assertThrows(IllegalArgumentException.class, ForceKernel::selected);
      assertTrue(e.getMessage().contains(ForceKernel.PROPERTY), e.getMessage());
      assertTrue(e.getMessage().contains("avx"), e.getMessage());
    } finally {
      if (before == null) {
        System.clearProperty(ForceKernel.PROPERTY);
      } else {
        System.setProperty(ForceKernel.PROPERTY, before);
      }
    }
  }

  @Test
  void otherPotentialsRunScalar() {
    Configuration c = TestSystems.lattice(8, 0.9, 0.3, 1);
    PairPotential lj = Potentials.byName("lj");
    NeighbourList list = new NeighbourList(c.box(), c.size(), lj.maxCutoff(1.2), 0.3, 128);
    assertEquals(ForceKernel.SCALAR, new PairForces(lj, list, ForceKernel.VECTOR).kernel());
    assertEquals(
        ForceKernel.VECTOR, new PairForces(Wca.INSTANCE, list, ForceKernel.VECTOR).kernel());
  }

  /** Random overlapping systems (many pairs, odd list lengths) and boxes of 1–2 cells per side. */
  @ParameterizedTest(name = "N={0} box {1}x{2} skin {3}")
  @CsvSource({
    "1, 3.0, 3.0, 0.3",
    "7, 3.1, 3.4, 0.5",
    "40, 4.1, 3.3, 0.3",
    "300, 18.0, 17.0, 0.3",
    "2000, 47.0, 47.0, 0.4",
    "3000, 57.0, 56.0, 0.3",
  })
  void forcesAgreeWithTheScalarKernelToRounding(int n, double lx, double ly, double skin) {
    Configuration c = TestSystems.random(n, lx, ly, 97 + n);
    NeighbourList list = new NeighbourList(new Box(lx, ly), n, Wca.CUTOFF_FACTOR * 1.3, skin, 4096);
    double[] x = c.positions();
    double[] d = c.diameters();
    list.build(x, d, Wca.INSTANCE);
    PairForces scalar = new PairForces(Wca.INSTANCE, list, ForceKernel.SCALAR);
    PairForces vector = new PairForces(Wca.INSTANCE, list, ForceKernel.VECTOR);
    double[] fs = new double[2 * n];
    double[] fv = new double[2 * n];
    java.util.Arrays.fill(fv, Double.NaN); // overwritten, not accumulated into
    scalar.forces(x, d, fs);
    vector.forces(x, d, fv);
    assertAgree(fs, fv);
    // the same input again, and on a second instance: bit identical (deterministic)
    double[] again = new double[2 * n];
    new PairForces(Wca.INSTANCE, list, ForceKernel.VECTOR).forces(x, d, again);
    assertArrayEquals(fv, again, 0.0);
    // after a displacement without a rebuild (continuous positions), and after a rebuild
    double[] y = x.clone();
    for (int k = 0; k < y.length; k++) {
      y[k] += 0.1 * skin * Math.sin(7.0 * k);
    }
    scalar.forces(y, d, fs);
    vector.forces(y, d, fv);
    assertAgree(fs, fv);
    list.build(y, d, Wca.INSTANCE);
    scalar.forces(y, d, fs);
    vector.forces(y, d, fv);
    assertAgree(fs, fv);
  }

  private static void assertAgree(double[] scalar, double[] vector) {
    double max = 0;
    for (double v : scalar) {
      max = Math.max(max, Math.abs(v));
    }
    for (int k = 0; k < scalar.length; k++) {
      assertEquals(scalar[k], vector[k], 1e-13 * max, "component " + k);
    }
  }

  /**
   * Sorting, rebuilds and the thermostat included: on each kernel a trajectory is reproducible bit
   * for bit, and the two kernels' trajectories agree to rounding over a short run.
   */
  @Test
  void eachKernelIsDeterministicAndTheyAgreeOverAShortRun() {
    Configuration c = IntegratorTest.withVelocities(TestSystems.lattice(20, 0.9, 0.4, 4), 0.8, 3);
    MdOptions opt = new MdOptions(0.003, 0.3, 3, 128);
    Simulation s;
    Simulation v;
    Simulation v2;
    try (Kernels k = Kernels.use(ForceKernel.SCALAR)) {
      s = new Simulation(c, Wca.INSTANCE, new BrownClarke(0.5), opt);
    }
    try (Kernels k = Kernels.use(ForceKernel.VECTOR)) {
      v = new Simulation(c, Wca.INSTANCE, new BrownClarke(0.5), opt);
      v2 = new Simulation(c, Wca.INSTANCE, new BrownClarke(0.5), opt);
    }
    assertEquals(ForceKernel.SCALAR, s.forceKernel());
    assertEquals(ForceKernel.VECTOR, v.forceKernel());
    s.run(100);
    v.run(100);
    double[] ps = s.snapshot().positions();
    double[] pv = v.snapshot().positions();
    for (int k = 0; k < ps.length; k++) {
      double dxk = Math.abs(ps[k] - pv[k]);
      assertTrue(Math.min(dxk, Math.abs(dxk - c.box().length(k & 1))) < 1e-9, "coordinate " + k);
    }
    Thermo ts = s.thermo(StressConvention.CONSISTENT);
    Thermo tv = v.thermo(StressConvention.CONSISTENT);
    assertEquals(ts.potentialEnergy(), tv.potentialEnergy(), 1e-9 * Math.abs(ts.potentialEnergy()));
    v.run(2900);
    v2.run(3000);
    assertTrue(v.rebuilds() > 10, "rebuilds " + v.rebuilds());
    assertEquals(v.snapshot(), v2.snapshot());
    assertArrayEquals(v.forces(), v2.forces(), 0.0);
  }

  /**
   * The vector integration loops against the scalar ones on random arrays, for particle counts that
   * do and do not fill whole vectors: positions, velocities and the largest displacement bit for
   * bit, the thermostat's velocity sums to rounding.
   */
  @Test
  void vectorStepLoopsEqualTheScalarLoops() {
    ForceKernel.StepLoops vector = ForceKernel.newVectorStepLoops();
    java.util.SplittableRandom r = new java.util.SplittableRandom(5);
    for (int n : new int[] {1, 3, 4, 37, 2000}) {
      double[] x = r.doubles(2 * n, 0, 10).toArray();
      double[] v = r.doubles(2 * n, -1, 1).toArray();
      double[] f = r.doubles(2 * n, -50, 50).toArray();
      double[] xb = x.clone();
      for (int k = 0; k < 2 * n; k++) {
        xb[k] += r.nextDouble(-0.2, 0.2);
      }
      double[] xs = x.clone();
      double[] vs = v.clone();
      double ms = ForceKernel.StepLoops.SCALAR.kickDrift(xs, vs, f, xb, n, 0.0015, 0.003);
      double mv = vector.kickDrift(x, v, f, xb, n, 0.0015, 0.003);
      assertEquals(ms, mv, 0.0, "largest displacement, n = " + n);
      assertArrayEquals(xs, x, 0.0, "positions, n = " + n);
      assertArrayEquals(vs, v, 0.0, "velocities, n = " + n);
      double[] a = new double[3];
      double[] b = new double[3];
      ForceKernel.StepLoops.SCALAR.kick(vs, f, n, 0.0015, a);
      vector.kick(v, f, n, 0.0015, b);
      assertArrayEquals(vs, v, 0.0, "velocities after the kick, n = " + n);
      for (int k = 0; k < 3; k++) {
        assertEquals(a[k], b[k], 1e-12 * (1 + Math.abs(a[k])), "moment " + k + ", n = " + n);
      }
    }
  }
}
