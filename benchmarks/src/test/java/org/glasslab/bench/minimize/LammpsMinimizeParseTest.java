package org.glasslab.bench.minimize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import org.glasslab.bench.md.Lammps;
import org.junit.jupiter.api.Test;

/** Parsing of LAMMPS' minimization statistics (no LAMMPS needed). */
class LammpsMinimizeParseTest {
  static final String LOG =
      String.join(
          "\n",
          "minimize 0 1e-10 1000000 10000000",
          "Loop time of 2.72662 on 1 procs for 3241 steps with 2000 atoms",
          "",
          "20.6% CPU use with 1 MPI tasks x 1 OpenMP threads",
          "",
          "Minimization stats:",
          "  Stopping criterion = force tolerance",
          "  Energy initial, next-to-last, final = ",
          "    2.28942532329379e+23   128.805354501604   128.805354501604",
          "  Force two-norm initial, final = 2.8447594e+26 1.1205456e-09",
          "  Force max component initial, final = 1.9828028e+26 9.4067421e-11",
          "  Final line search alpha, max atom move = 1.0000000 9.4067421e-11",
          "  Iterations, force evaluations = 3393 6784",
          "");

  @Test
  void readsStatisticsAndCpuTime() throws IOException {
    LammpsMinimize.Result r =
        LammpsMinimize.parse(new Lammps.Result("v", List.of(), 2.72662, 0.206, LOG), null);
    assertTrue(r.converged());
    assertEquals(128.805354501604, r.energy());
    assertEquals(9.4067421e-11, r.maxForce());
    assertEquals(3393, r.iterations());
    assertEquals(6784, r.forceEvaluations());
    assertEquals(2.72662 * 0.206, r.loopCpuSeconds(), 1e-12);
  }

  @Test
  void otherStopsAreNotConvergedAndGarbageIsAnError() throws IOException {
    String log = LOG.replace("force tolerance", "max iterations");
    assertFalse(
        LammpsMinimize.parse(new Lammps.Result("v", List.of(), 1, 1, log), null).converged());
    assertThrows(
        IOException.class,
        () -> LammpsMinimize.parse(new Lammps.Result("v", List.of(), 1, 1, "nothing"), null));
  }
}
