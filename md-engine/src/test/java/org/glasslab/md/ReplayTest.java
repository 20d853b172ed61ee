package org.glasslab.md;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.glasslab.data.Configuration;
import org.glasslab.data.Trajectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReplayTest {

  private static long[] steps(Trajectory t) {
    long[] s = new long[t.frameCount()];
    for (int k = 0; k < s.length; k++) {
      s[k] = t.step(k);
    }
    return s;
  }

  private static void assertSameBits(Configuration expected, Configuration actual, String what) {
    assertEquals(expected.step(), actual.step(), what + ": step");
    assertTrue(Arrays.equals(expected.positions(), actual.positions()), what + ": positions");
    assertArrayEquals(expected.images(), actual.images(), what + ": images");
    assertTrue(Arrays.equals(expected.velocities(), actual.velocities()), what + ": velocities");
    assertTrue(Arrays.equals(expected.diameters(), actual.diameters()), what + ": diameters");
  }

  @Test
  void replayFromEveryStoredFrameReproducesTheNextBitForBit(@TempDir Path dir) throws Exception {
    Protocol p = ProtocolTest.small(11);
    RunDirectory out = new RunDirectory(dir);
    ProtocolDriver.run(ProtocolRun.prepare(p), out, Long.MAX_VALUE / 4, null, null);
    Replay.Setup setup = Replay.Setup.fromProvenance(out.provenance(), dir.toString());
    try (Trajectory t = out.open()) {
      long[] steps = steps(t);
      for (int f = 0; f + 1 < t.frameCount(); f++) {
        Replay r = new Replay(t.frame(f), setup, steps);
        r.advanceTo(t.step(f + 1));
        assertSameBits(t.frame(f + 1), r.snapshot(), "frame " + (f + 1) + " from " + f);
        assertEquals(t.step(f + 1) - t.step(f), r.stepsDone());
      }
      // the observables of stored frames are re-evaluated to the same bits
      List<Configuration> some = List.of(t.frame(1), t.frame(7), t.frame(t.frameCount() - 1));
      Trajectory again = setup.withObservables(some);
      for (String name : ProtocolRun.OBSERVABLES) {
        double[][] stored = t.observables().get(name).values();
        double[][] replayed = again.observables().get(name).values();
        int[] idx = {1, 7, t.frameCount() - 1};
        for (int k = 0; k < 3; k++) {
          assertTrue(Arrays.equals(stored[idx[k]], replayed[k]), name + " of frame " + idx[k]);
        }
      }
      // across several stored frames and a block boundary, with read-only snapshots on the way
      Replay r = new Replay(t.frame(2), setup, steps);
      Replay branch = null;
      for (long s = t.step(2); s < t.step(t.frameCount() - 1); s += 7) {
        r.advanceTo(s);
        r.snapshot();
        if (branch == null && s > t.step(8)) {
          branch = r.copy();
        }
      }
      int last = t.frameCount() - 1;
      r.advanceTo(t.step(last));
      assertSameBits(t.frame(last), r.snapshot(), "last frame from frame 2");
      branch.advanceTo(t.step(last));
      assertSameBits(t.frame(last), branch.snapshot(), "last frame from a copy");
    }
  }

  @Test
  void withoutTheResetAtFramesTheReplayDiverges(@TempDir Path dir) throws Exception {
    // The control: continuing the original engine without its frame reset gives other bits than a
    // fresh engine from the stored frame, which is why ProtocolRun resets at every frame.
    Protocol p = ProtocolTest.small(11);
    ProtocolRun run = ProtocolRun.prepare(p);
    run.advance(p.productionStart() + 40, new ProtocolRun.Listener() {});
    Simulation a = run.simulation();
    Simulation b =
        new Simulation(
            a.snapshot(), p.potential(), new BrownClarke(p.temperature()), p.mdOptions());
    a.run(300);
    b.run(300);
    assertFalse(
        Arrays.equals(a.snapshot().positions(), b.snapshot().positions()),
        "an engine continued without reset should differ in the last bits from a fresh one");
    a.resetToSnapshot();
    Simulation c =
        new Simulation(
            a.snapshot(), p.potential(), new BrownClarke(p.temperature()), p.mdOptions());
    a.run(300);
    c.run(300);
    assertSameBits(a.snapshot(), c.snapshot(), "after a reset");
  }

  @Test
  void aRunWithoutTheReplayMarkerIsRefusedInOneLine() {
    Map<String, String> prov = new HashMap<>(ProtocolTest.small(1).provenance());
    prov.remove(Replay.PROVENANCE_KEY);
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> Replay.Setup.fromProvenance(prov, "old/run.json"));
    assertTrue(e.getMessage().startsWith("old/run.json: "), e.getMessage());
    assertFalse(e.getMessage().contains("\n"));
    IllegalArgumentException none =
        assertThrows(
            IllegalArgumentException.class, () -> Replay.Setup.fromProvenance(Map.of(), "x.dump"));
    assertTrue(none.getMessage().contains("LAMMPS"), none.getMessage());
  }

  @Test
  void aRunMadeWithTheOtherForceKernelIsRefusedInOneLine() {
    Map<String, String> prov = new HashMap<>(ProtocolTest.small(1).provenance());
    String here = ForceKernel.selected().label();
    assertEquals(here, prov.get(Replay.KERNEL_KEY), "the run records the kernel that made it");
    String other = here.equals("scalar") ? "vector" : "scalar";
    prov.put(Replay.KERNEL_KEY, other);
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> Replay.Setup.fromProvenance(prov, "run/run.json"));
    assertTrue(
        e.getMessage().startsWith("run/run.json: the run was made with the " + other),
        e.getMessage());
    assertTrue(e.getMessage().contains("-D" + ForceKernel.PROPERTY + "=" + other), e.getMessage());
    // runs made before the key existed were scalar
    prov.remove(Replay.KERNEL_KEY);
    if (here.equals("scalar")) {
      Replay.Setup.fromProvenance(prov, "run/run.json");
    } else {
      assertThrows(
          IllegalArgumentException.class, () -> Replay.Setup.fromProvenance(prov, "old/run.json"));
    }
  }
}
