package org.glasslab.md;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import org.glasslab.data.Configuration;
import org.glasslab.data.TimeSeries;
import org.glasslab.data.Trajectory;
import org.glasslab.data.random.Rng;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ProtocolTest {

  static Protocol small(long seed) {
    return new Protocol(
        64,
        0.9,
        0.11,
        0.5,
        0.3,
        3.0,
        1.5,
        0.003,
        64,
        6,
        3,
        seed,
        0.3,
        StressConvention.CONSISTENT,
        Wca.INSTANCE);
  }

  @Test
  void diametersHaveMeanOneAndTheRequestedSpread() {
    double[] d = SamplePreparation.diameters(20000, 0.11, new Rng(1));
    double m = 0;
    double s2 = 0;
    double lo = 9;
    double hi = 0;
    for (double x : d) {
      m += x;
      lo = Math.min(lo, x);
      hi = Math.max(hi, x);
    }
    m /= d.length;
    for (double x : d) {
      s2 += (x - m) * (x - m);
    }
    double sd = Math.sqrt(s2 / (d.length - 1));
    assertEquals(1.0, m, 1e-12);
    assertEquals(0.11, sd, 0.003); // truncation at 3 sigma lowers it by ~1.3 %
    assertTrue(lo > 1 - 3 * 0.11 - 0.01 && hi < 1 + 3 * 0.11 + 0.01, lo + " " + hi);
  }

  @Test
  void randomStartHasNoLargeOverlaps() {
    Rng rng = new Rng(5);
    double[] d = SamplePreparation.diameters(500, 0.11, rng);
    Configuration c =
        SamplePreparation.randomStart(org.glasslab.data.Box.square(500, 0.9), d, 0.05, rng);
    int n = c.size();
    double worst = 0;
    for (int i = 0; i < n; i++) {
      for (int j = i + 1; j < n; j++) {
        double dx = c.box().minImageX(c.x(i) - c.x(j));
        double dy = c.box().minImageY(c.y(i) - c.y(j));
        double s = 0.5 * (d[i] + d[j]);
        worst = Math.max(worst, 1 - Math.sqrt(dx * dx + dy * dy) / s);
      }
    }
    assertTrue(worst < 0.05, "largest overlap " + worst);
  }

  @Test
  void protocolRecordsLogBlockFramesWithObservables(@TempDir Path dir) throws IOException {
    Protocol p = small(7);
    ProtocolRun run = ProtocolRun.prepare(p);
    RunDirectory out = new RunDirectory(dir);
    ProtocolDriver.run(run, out, 500, null, null);
    assertTrue(run.finished());
    assertEquals(p.totalSteps(), run.engineStep());
    try (Trajectory t = out.open()) {
      assertEquals(18, t.frameCount());
      for (int f = 0; f < 18; f++) {
        // S(f) = i*B + 2^j, step i*B itself is not a frame
        assertEquals((f / 6) * 64L + (1L << (f % 6)), t.step(f));
        assertEquals(t.step(f) * 0.003, t.time(f), 1e-15);
      }
      TimeSeries temp = t.observables().get("temperature");
      TimeSeries stress = t.observables().get("stress");
      TimeSeries vol = t.observables().get("volumetric_stress");
      TimeSeries norm = t.observables().get("stress_norm");
      TimeSeries pe = t.observables().get("potential_energy");
      for (int f = 0; f < 18; f++) {
        assertEquals(0.3, temp.values()[f][0], 1e-12, "isokinetic T after the quench");
        double[] s = stress.values()[f];
        assertEquals(s[2], s[3], 0.0);
        assertEquals(0.5 * (s[0] + s[1]), vol.values()[f][0], 1e-14);
        assertEquals(
            Math.sqrt(s[0] * s[0] + s[1] * s[1] + s[2] * s[2] + s[3] * s[3]),
            norm.values()[f][0],
            1e-14);
        // observables agree with a fresh evaluation of the stored frame
        Configuration c = t.frame(f);
        Thermo th = Thermodynamics.of(c, Wca.INSTANCE, 0.3, StressConvention.CONSISTENT);
        assertEquals(
            th.potentialEnergy(), pe.values()[f][0], 1e-9 * Math.abs(th.potentialEnergy()));
        assertEquals(th.sxy(), s[2], 1e-9);
      }
    }
    assertTrue(out.provenance().get("seed").equals("7"));
    assertTrue(out.provenance().containsKey("T_p"));
  }

  static byte[][] files(Path dir) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      List<Path> l = s.filter(p -> !p.getFileName().toString().startsWith(".")).sorted().toList();
      byte[][] out = new byte[l.size() * 2][];
      for (int k = 0; k < l.size(); k++) {
        out[2 * k] = l.get(k).getFileName().toString().getBytes();
        out[2 * k + 1] = Files.readAllBytes(l.get(k));
      }
      return out;
    }
  }

  static final class Crash extends IOException {
    Crash() {
      super("simulated crash");
    }
  }

  @ParameterizedTest
  @EnumSource(ForceKernel.class)
  void interruptedAndResumedRunsAreBitIdentical(ForceKernel kernel, @TempDir Path tmp)
      throws IOException {
    try (Kernels k = Kernels.use(kernel)) {
      interruptedAndResumed(tmp);
    }
  }

  private static void interruptedAndResumed(Path tmp) throws IOException {
    Protocol p = small(11);
    Path full = tmp.resolve("full");
    ProtocolDriver.run(ProtocolRun.prepare(p), new RunDirectory(full), 400, null, null);
    byte[][] want = files(full);
    // same seed -> identical files
    Path again = tmp.resolve("again");
    ProtocolDriver.run(ProtocolRun.prepare(p), new RunDirectory(again), 400, null, null);
    assertArrayEquals(want, files(again));
    for (int crashAt : new int[] {0, 3, 5, 6, 13}) {
      Path d = tmp.resolve("crash" + crashAt);
      RunDirectory out = new RunDirectory(d);
      assertThrows(
          Crash.class,
          () ->
              ProtocolDriver.run(
                  ProtocolRun.prepare(p),
                  out,
                  400,
                  null,
                  f -> {
                    if (f == crashAt) {
                      throw new Crash();
                    }
                  }));
      ProtocolRun resumed = ProtocolRun.restore(out.readCheckpoint());
      assertEquals(crashAt + 1, resumed.nextFrame());
      ProtocolDriver.run(resumed, out, 400, null, null);
      assertArrayEquals(want, files(d), "resumed after frame " + crashAt);
    }
  }

  @ParameterizedTest
  @EnumSource(ForceKernel.class)
  void checkpointRoundTripsMidInterval(ForceKernel kernel, @TempDir Path tmp) throws IOException {
    try (Kernels k = Kernels.use(kernel)) {
      checkpointMidInterval(kernel, tmp);
    }
  }

  private static void checkpointMidInterval(ForceKernel kernel, Path tmp) throws IOException {
    Protocol p = small(3);
    ProtocolRun a = ProtocolRun.prepare(p);
    assertEquals(kernel, a.simulation().forceKernel());
    a.advance(777, new ProtocolRun.Listener() {});
    RunDirectory out = new RunDirectory(tmp);
    out.writeCheckpoint(a.checkpoint());
    ProtocolRun b = ProtocolRun.restore(out.readCheckpoint());
    a.advance(1234, new ProtocolRun.Listener() {});
    b.advance(1234, new ProtocolRun.Listener() {});
    assertEquals(a.simulation().snapshot(), b.simulation().snapshot());
    Files.write(tmp.resolve(RunDirectory.CHECKPOINT), new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9});
    IOException e = assertThrows(IOException.class, out::readCheckpoint);
    assertTrue(e.getMessage().contains("checksum"), e.getMessage());
  }

  @Test
  void checkpointsOfTheFormerGeneratorAreRefused(@TempDir Path tmp) throws IOException {
    Path file = tmp.resolve("checkpoint.bin");
    CheckpointIO.write(file, ProtocolRun.prepare(small(3)).checkpoint());
    byte[] b = Files.readAllBytes(file);
    // version 1 (former SplitMix64 state) after the magic string, with a valid checksum
    ByteBuffer.wrap(b).putInt(2 + "GLASSLAB-MD-CHECKPOINT".length(), 1);
    CRC32 crc = new CRC32();
    crc.update(b, 0, b.length - 8);
    ByteBuffer.wrap(b).putLong(b.length - 8, crc.getValue());
    Files.write(file, b);
    IOException e = assertThrows(IOException.class, () -> CheckpointIO.read(file));
    assertTrue(e.getMessage().contains("former random generator"), e.getMessage());
  }

  @Test
  void thePotentialTravelsThroughCheckpointsAndTheRunIndex(@TempDir Path tmp) throws IOException {
    for (String spec : new String[] {"lj:cutoff=2.5", "ka:cutoff=2.5"}) {
      Protocol p = small(5).withPotential(Potentials.byName(spec));
      ProtocolRun a = ProtocolRun.prepare(p);
      a.advance(300, new ProtocolRun.Listener() {});
      RunDirectory out = new RunDirectory(tmp.resolve(spec.substring(0, 2)));
      Files.createDirectories(out.path());
      out.writeCheckpoint(a.checkpoint());
      ProtocolRun b = ProtocolRun.restore(out.readCheckpoint());
      assertEquals(p, b.protocol());
      assertEquals(spec, b.simulation().potential().spec());
      a.advance(200, new ProtocolRun.Listener() {});
      b.advance(200, new ProtocolRun.Listener() {});
      assertEquals(a.simulation().snapshot(), b.simulation().snapshot());
      assertEquals(spec, p.provenance().get(Potentials.METADATA_KEY));
    }
  }

  /** {@code small(seed)} started from {@code c} (N and density the configuration's). */
  static Protocol fromStart(Configuration c, long seed, double equilibrationTime) {
    return new Protocol(
        c.size(),
        c.size() / c.box().area(),
        0.11,
        0.5,
        0.3,
        equilibrationTime,
        1.5,
        0.003,
        64,
        6,
        3,
        seed,
        0.3,
        StressConvention.CONSISTENT,
        Wca.INSTANCE,
        new Protocol.Start("glass.data", "ab12", 0, c.hasVelocities()));
  }

  @Test
  void aGivenStartKeepsItsPositionsAndVelocitiesOrDrawsThemFromTheSeed() throws IOException {
    ProtocolRun prepared = ProtocolRun.prepare(small(9));
    prepared.advance(500, new ProtocolRun.Listener() {});
    Configuration glass = prepared.simulation().snapshot().withStepAndTime(123, 0.369);
    // with velocities, equilibrating at T_p = 0.5: engine step 0 is the file, velocities as given
    ProtocolRun a = ProtocolRun.prepare(fromStart(glass, 1, 3.0), glass);
    Configuration a0 = a.simulation().snapshot();
    assertEquals(0, a.engineStep());
    assertArrayEquals(glass.positions(), a0.positions());
    assertArrayEquals(glass.velocities(), a0.velocities());
    assertArrayEquals(glass.diameters(), a0.diameters());
    // without equilibration the quench at step 0 rescales to T = 0.3
    ProtocolRun q = ProtocolRun.prepare(fromStart(glass, 1, 0.0), glass);
    assertEquals(0.3, q.simulation().kineticTemperature(), 1e-14);
    // without velocities: Maxwell-Boltzmann at T_p from the seed, the same for the same seed
    Configuration bare =
        new Configuration(
            glass.box(),
            glass.positions(),
            glass.images(),
            glass.diameters(),
            null,
            null,
            null,
            0,
            0);
    ProtocolRun b = ProtocolRun.prepare(fromStart(bare, 4, 3.0), bare);
    ProtocolRun b2 = ProtocolRun.prepare(fromStart(bare, 4, 3.0), bare);
    ProtocolRun c = ProtocolRun.prepare(fromStart(bare, 5, 3.0), bare);
    assertEquals(0.5, b.simulation().kineticTemperature(), 1e-14);
    assertArrayEquals(
        b.simulation().snapshot().velocities(), b2.simulation().snapshot().velocities());
    assertTrue(
        !java.util.Arrays.equals(
            b.simulation().snapshot().velocities(), c.simulation().snapshot().velocities()));
    assertThrows(
        IllegalArgumentException.class, () -> ProtocolRun.prepare(fromStart(glass, 1, 3.0), bare));
    assertThrows(
        IllegalArgumentException.class, () -> ProtocolRun.prepare(fromStart(glass, 1, 3.0)));
    assertTrue(fromStart(glass, 1, 3.0).provenance().get("start").startsWith("glass.data frame 0"));
  }

  @Test
  void theStartTravelsThroughCheckpointsAndVersion4StillReads(@TempDir Path tmp)
      throws IOException {
    ProtocolRun prepared = ProtocolRun.prepare(small(9));
    prepared.advance(200, new ProtocolRun.Listener() {});
    Configuration glass = prepared.simulation().snapshot();
    Protocol p = fromStart(glass, 2, 0.6);
    ProtocolRun a = ProtocolRun.prepare(p, glass);
    a.advance(321, new ProtocolRun.Listener() {});
    Path file = tmp.resolve("checkpoint.bin");
    CheckpointIO.write(file, a.checkpoint());
    ProtocolRun b = ProtocolRun.restore(CheckpointIO.read(file));
    assertEquals(p, b.protocol());
    a.advance(400, new ProtocolRun.Listener() {});
    b.advance(400, new ProtocolRun.Listener() {});
    assertEquals(a.simulation().snapshot(), b.simulation().snapshot());
    // a version-4 file is a version-5 file of a prepared sample without the trailing flag
    Protocol q = small(3);
    CheckpointIO.write(file, ProtocolRun.prepare(q).checkpoint());
    byte[] v5 = Files.readAllBytes(file);
    byte[] v4 = new byte[v5.length - 1];
    System.arraycopy(v5, 0, v4, 0, v4.length - 8);
    ByteBuffer.wrap(v4).putInt(2 + "GLASSLAB-MD-CHECKPOINT".length(), 4);
    CRC32 crc = new CRC32();
    crc.update(v4, 0, v4.length - 8);
    ByteBuffer.wrap(v4).putLong(v4.length - 8, crc.getValue());
    Files.write(file, v4);
    assertEquals(q, CheckpointIO.read(file).protocol());
  }
}
