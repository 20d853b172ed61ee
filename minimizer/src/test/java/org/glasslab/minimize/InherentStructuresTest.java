package org.glasslab.minimize;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.glasslab.data.Configuration;
import org.glasslab.data.MemoryTrajectory;
import org.glasslab.data.Trajectory;
import org.glasslab.data.io.TrajectoryIO;
import org.glasslab.md.BrownClarke;
import org.glasslab.md.MdOptions;
import org.glasslab.md.Simulation;
import org.glasslab.md.Wca;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** IS trajectories: frame bookkeeping, parallel = serial, resumption, convergence table. */
class InherentStructuresTest {
  static MemoryTrajectory md;

  @BeforeAll
  static void makeTrajectory() {
    Configuration c = TestConfigs.random(200, 0.9, 3);
    c =
        new ConjugateGradient(Wca.INSTANCE)
            .minimize(c, MinimizerOptions.defaults().withFtol(1e-4))
            .configuration();
    Simulation sim =
        new Simulation(c, Wca.INSTANCE, new BrownClarke(0.5), MdOptions.defaults(0.003));
    List<Configuration> frames = new ArrayList<>();
    for (int k = 0; k < 5; k++) {
      sim.run(100L << k); // log-spaced, as the paper's frames
      frames.add(sim.snapshot());
    }
    md = MemoryTrajectory.of(frames);
  }

  @Test
  void isTrajectoryKeepsFramesStepsTimesAndMatchesSingleMinimizations(@TempDir Path dir)
      throws Exception {
    Path out = dir.resolve("is.h5");
    InherentStructures is =
        new InherentStructures(new ConjugateGradient(Wca.INSTANCE), MinimizerOptions.defaults());
    AtomicInteger calls = new AtomicInteger();
    InherentStructures.Result r = is.run(md, out, 2, f -> calls.incrementAndGet());
    assertEquals(5, calls.get());
    assertEquals(0, r.notConverged());
    try (Trajectory t = TrajectoryIO.read(out)) {
      assertEquals(md.frameCount(), t.frameCount());
      for (int k = 0; k < md.frameCount(); k++) {
        assertEquals(md.step(k), t.step(k));
        assertEquals(md.time(k), t.time(k));
        MinimizationResult single =
            new ConjugateGradient(Wca.INSTANCE).minimize(md.frame(k), MinimizerOptions.defaults());
        Configuration f = t.frame(k);
        // the parallel run does the same arithmetic as a serial one: bit-identical
        assertArrayEquals(single.configuration().positions(), f.positions());
        assertArrayEquals(single.configuration().images(), f.images());
        assertEquals(single.energyPerParticle(), r.frames().get(k).energyPerParticle());
        assertTrue(r.frames().get(k).maxForce() <= 1e-10);
      }
      assertEquals(
          r.frames().get(3).energyPerParticle(),
          t.observables().get("potential_energy_per_particle").values()[3][0]);
    }
    List<String> table = Files.readAllLines(InherentStructures.tablePath(out));
    assertEquals(InherentStructures.TABLE_HEADER, table.get(0));
    assertEquals(6, table.size());
    assertTrue(table.get(5).startsWith("4," + md.step(4) + ","));
    assertTrue(table.get(5).contains(",true,FORCE_TOLERANCE,"));
  }

  @Test
  void rerunSkipsFinishedFramesAndRecomputesMissingOrForeignOnes(@TempDir Path dir)
      throws Exception {
    Path out = dir.resolve("is.h5");
    InherentStructures is =
        new InherentStructures(new ConjugateGradient(Wca.INSTANCE), MinimizerOptions.defaults());
    is.run(md, out, 2, f -> {});
    byte[] first = Files.readAllBytes(out);
    Path dirFrames = InherentStructures.framesDirectory(out);
    // an interrupted run: frame 2 never finished, frame 4 left a damaged file
    Files.delete(InherentStructures.framePath(dirFrames, 2));
    Files.write(InherentStructures.framePath(dirFrames, 4), new byte[] {1, 2, 3});
    List<FrameResult> seen = new ArrayList<>();
    InherentStructures.Result r =
        is.run(
            md,
            out,
            2,
            f -> {
              synchronized (seen) {
                seen.add(f);
              }
            });
    assertEquals(3, r.resumed());
    assertFalse(r.frames().get(2).resumed());
    assertFalse(r.frames().get(4).resumed());
    assertTrue(r.frames().get(0).resumed());
    assertEquals(5, seen.size());
    try (Trajectory a = TrajectoryIO.read(out)) {
      for (int k = 0; k < 5; k++) {
        MinimizationResult single =
            new ConjugateGradient(Wca.INSTANCE).minimize(md.frame(k), MinimizerOptions.defaults());
        assertArrayEquals(single.configuration().positions(), a.frame(k).positions());
      }
    }
    assertTrue(first.length > 0);
    // other settings: nothing is reused
    InherentStructures fire =
        new InherentStructures(new Fire(Wca.INSTANCE), MinimizerOptions.defaults());
    assertEquals(0, fire.run(md, out, 1, f -> {}).resumed());
  }

  @Test
  void anotherInputWithTheSameOutputNameRecomputesEveryFrame(@TempDir Path dir) throws Exception {
    Path out = dir.resolve("is.h5");
    InherentStructures is =
        new InherentStructures(new ConjugateGradient(Wca.INSTANCE), MinimizerOptions.defaults());
    is.run(md, out, 2, f -> {});
    // Same frame count, steps and times, other positions: the frames of another trajectory.
    List<Configuration> shifted = new ArrayList<>();
    for (int k = 0; k < md.frameCount(); k++) {
      Configuration c = md.frame(k);
      double[] x = c.positions().clone();
      x[0] += x[0] < 0.5 * c.box().lx() ? 0.01 : -0.01; // stays inside [0, Lx)
      shifted.add(c.withPositions(x, c.images()));
    }
    MemoryTrajectory other = MemoryTrajectory.of(shifted);
    InherentStructures.Result r = is.run(other, out, 2, f -> {});
    assertEquals(0, r.resumed());
    try (Trajectory a = TrajectoryIO.read(out)) {
      for (int k = 0; k < other.frameCount(); k++) {
        MinimizationResult single =
            new ConjugateGradient(Wca.INSTANCE)
                .minimize(other.frame(k), MinimizerOptions.defaults());
        assertArrayEquals(single.configuration().positions(), a.frame(k).positions());
      }
    }
  }
}
