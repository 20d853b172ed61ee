package org.glasslab.analysis.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.glasslab.data.Configuration;
import org.glasslab.data.Trajectory;
import org.glasslab.md.Protocol;
import org.glasslab.md.ProtocolDriver;
import org.glasslab.md.ProtocolRun;
import org.glasslab.md.Replay;
import org.glasslab.md.RunDirectory;
import org.glasslab.md.StressConvention;
import org.glasslab.md.Wca;
import org.glasslab.minimize.Method;
import org.glasslab.minimize.MinimizerOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EventRefinementTest {

  /** A small warm liquid-like run: the IS changes in most long intervals. */
  private static Protocol warm() {
    return new Protocol(
        100,
        0.9,
        0.11,
        0.6,
        0.4,
        3.0,
        3.0,
        0.003,
        4096,
        13,
        1,
        5,
        0.3,
        StressConvention.CONSISTENT,
        Wca.INSTANCE);
  }

  @Test
  void aRealIsChangeIsBracketedToAtMostWStepsWithFourEquallySpacedFrames(@TempDir Path dir)
      throws Exception {
    RunDirectory out = new RunDirectory(dir);
    ProtocolDriver.run(ProtocolRun.prepare(warm()), out, Long.MAX_VALUE / 4, null, null);
    Replay.Setup setup = Replay.Setup.fromProvenance(out.provenance(), dir.toString());
    EventRefinement.Options o =
        new EventRefinement.Options(
            50, 4, Method.CG, MinimizerOptions.defaults(), EventOptions.defaults());
    try (Trajectory md = out.open()) {
      int f = md.frameCount() - 2; // the longest interval: 2048 steps
      EventRefinement.Result r = new EventRefinement(o).refine(md, f, setup);
      assertTrue(r.movedInInterval() > 0, "the test needs an IS change in the interval");
      long w = r.window();
      assertTrue(w >= 1 && w <= 50, "window " + w);
      assertTrue(r.bracketStart() >= r.stepA() && r.bracketEnd() <= r.stepB());
      assertEquals(4, r.md().size());
      assertEquals(4, r.is().size());
      for (int k = 0; k < 4; k++) {
        Configuration c = r.md().get(k);
        assertEquals(r.bracketStart() + (k - 1) * w, c.step(), "frame " + k + " step");
        assertTrue(c.hasVelocities());
        assertEquals(c.step(), r.is().get(k).step());
        assertTrue(r.minimizations().get(k).converged(), "IS " + k + " converged");
      }
      // the bracket holds a real part of the event: its particles moved within [a, b]
      assertTrue(r.captured() > 0.05, "captured " + r.captured());
      assertTrue(
          EventRefinement.score(r.is().get(1), r.is().get(2), r.members())
              > EventRefinement.score(r.is().get(0), r.is().get(1), r.members()),
          "the event's particles move more at than before the bracket");
      assertTrue(r.levels() >= 2, "levels " + r.levels());
      assertTrue(r.stepsReplayed() >= r.stepB() - r.stepA(), "steps " + r.stepsReplayed());
      assertTrue(r.cpuSeconds() > 0);

      // W above the lag: [2048, 4096] needs no cut for W, but its before window [0, 2048] would
      // start at production step 0, which is not a stored frame; one cut fixes that
      EventRefinement.Options wide =
          new EventRefinement.Options(
              100_000, 4, Method.CG, MinimizerOptions.defaults(), EventOptions.defaults());
      EventRefinement.Result once = new EventRefinement(wide).refine(md, f, setup);
      assertEquals(1, once.levels());
      assertEquals(512, once.window());
      assertTrue(once.steps()[0] >= md.step(0), "before window starts at a stored frame or later");
    }
  }

  @Test
  void aQuietOrOutOfRangeIntervalIsRefusedInOneLine(@TempDir Path dir) throws Exception {
    RunDirectory out = new RunDirectory(dir);
    ProtocolDriver.run(ProtocolRun.prepare(warm()), out, Long.MAX_VALUE / 4, null, null);
    Map<String, String> prov = new HashMap<>(out.provenance());
    Replay.Setup setup = Replay.Setup.fromProvenance(prov, dir.toString());
    EventRefinement.Options o =
        new EventRefinement.Options(
            50, 4, Method.CG, MinimizerOptions.defaults(), EventOptions.defaults());
    try (Trajectory md = out.open()) {
      IllegalArgumentException e =
          assertThrows(
              IllegalArgumentException.class,
              () -> new EventRefinement(o).refine(md, md.frameCount() - 1, setup));
      assertTrue(e.getMessage().contains("outside"), e.getMessage());
      // frame 0 -> 1 is one step: nothing moves in one step
      IllegalArgumentException q =
          assertThrows(
              IllegalArgumentException.class, () -> new EventRefinement(o).refine(md, 0, setup));
      assertTrue(q.getMessage().contains("nothing to refine"), q.getMessage());
    }
  }
}
