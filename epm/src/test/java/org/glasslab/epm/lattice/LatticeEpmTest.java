package org.glasslab.epm.lattice;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Dynamics checks of spec §7: items 8, 9, 13 (via small Δt), 14. */
class LatticeEpmTest {

  @Test
  void initialStateIsRelaxedAndCentred() {
    LatticeEpm m = LatticeEpm.create(LatticeParams.defaults(32, 0.05), 3);
    assertEquals(0, m.unstableCount());
    assertTrue(m.xMin() > 0);
    assertEquals(0.0, m.meanStress(), 1e-12);
    assertTrue(m.relaxationEvents() >= 0);
  }

  @ParameterizedTest
  @EnumSource(LatticeProtocol.class)
  void meanStressConservedInImposedStressRuns(LatticeProtocol protocol) {
    LatticeParams p =
        LatticeParams.defaults(32, 0.2)
            .withProtocol(protocol, 1.0, UnstableRule.IMMEDIATE)
            .withRecenterEvery(0);
    LatticeEpm m = LatticeEpm.create(p, 11);
    double target = m.meanStress();
    m.runEvents(20_000);
    // no re-centring at all: the drift is pure round-off
    assertEquals(target, m.meanStress(), 1e-10, "drift after " + m.events() + " events");
    LatticeEpm r = LatticeEpm.create(p.withRecenterEvery(1000), 11);
    r.runEvents(20_000);
    assertEquals(r.targetMeanStress(), r.meanStress(), 1e-12);
  }

  @Test
  void imposedStrainLowersMeanByReleasedStress() {
    LatticeParams p =
        LatticeParams.defaults(16, 0.2)
            .withProtocol(LatticeProtocol.KMC, 1.0, UnstableRule.IMMEDIATE);
    p =
        p.toBuilder()
            .meanStress(0.5)
            .convention(org.glasslab.epm.propagator.Convention.IMPOSED_STRAIN)
            .build();
    LatticeEpm m = LatticeEpm.create(p, 5);
    double before = m.meanStress();
    double[] ep0 = m.plasticStrain();
    m.runEvents(500);
    double[] ep1 = m.plasticStrain();
    double released = 0;
    for (int i = 0; i < ep0.length; i++) {
      released += ep1[i] - ep0[i];
    }
    assertEquals(before - released / m.sites(), m.meanStress(), 1e-10);
  }

  @ParameterizedTest
  @EnumSource(LatticeProtocol.class)
  void sameSeedGivesBitIdenticalRunsAndRestoreReplays(LatticeProtocol protocol, @TempDir Path dir)
      throws Exception {
    LatticeParams p =
        LatticeParams.defaults(16, 0.15).withProtocol(protocol, 1.0, UnstableRule.IMMEDIATE);
    LatticeEpm a = LatticeEpm.create(p, 42);
    LatticeEpm b = LatticeEpm.create(p, 42);
    a.runEvents(3000);
    b.runEvents(3000);
    assertArrayEquals(a.sigma(), b.sigma());
    assertEquals(a.time(), b.time());
    LatticeState snap = a.snapshot();
    Path file = dir.resolve("state.bin");
    LatticeStateIO.write(file, snap);
    LatticeEpm c = LatticeEpm.restore(LatticeStateIO.read(file));
    a.runEvents(3000);
    c.runEvents(3000);
    assertArrayEquals(a.sigma(), c.sigma());
    assertArrayEquals(a.thresholds(), c.thresholds());
    assertArrayEquals(a.plasticStrain(), c.plasticStrain());
    assertEquals(a.time(), c.time());
    assertEquals(a.events(), c.events());
    assertEquals(a.steps(), c.steps());
  }

  @Test
  void checkpointsOfTheFormerGeneratorAreRefused(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("state.bin");
    LatticeStateIO.write(file, LatticeEpm.create(LatticeParams.defaults(8, 0.3), 1).snapshot());
    byte[] b = Files.readAllBytes(file);
    ByteBuffer.wrap(b).putInt(8, 2); // version 2: former xoshiro256** state
    Files.write(file, b);
    IOException e = assertThrows(IOException.class, () -> LatticeStateIO.read(file));
    assertTrue(e.getMessage().contains("former random generator"), e.getMessage());
  }

  /** Independent sites at fixed x: records the per-site waiting times between failures. */
  private static final class Waits implements LatticeListener {
    final double[] last;
    double now;
    double sum;
    long count;

    Waits(int n) {
      last = new double[n];
    }

    @Override
    public void onAdvance(double newTime) {
      now = newTime;
    }

    @Override
    public void onYield(int site, double dsigma, boolean unstable) {
      sum += now - last[site];
      count++;
      last[site] = now;
    }
  }

  private static LatticeParams singleSite(double x, double t, LatticeProtocol protocol, double dt) {
    return LatticeParams.defaults(8, t)
        .withLocalKernel(true)
        .withDisorder(x, 0.0, 0.0)
        .withInitialStress(0.0, 0.0)
        .withReset(ResetRule.ZERO, 1.0)
        .withProtocol(protocol, dt, UnstableRule.RATE);
  }

  /** T = 0.5 exercises the uniformization path, T = 0.08 the stage-2 thinning. */
  @ParameterizedTest
  @org.junit.jupiter.params.provider.ValueSource(doubles = {0.5, 0.08})
  void singleSiteArrheniusKmc(double t) {
    double x = 0.8;
    double rate = Math.exp(-Math.pow(x, 1.5) / t);
    LatticeEpm m = LatticeEpm.create(singleSite(x, t, LatticeProtocol.KMC, 1.0), 9);
    Waits w = new Waits(m.sites());
    m.setListener(w);
    m.runEvents(100_000);
    double mean = w.sum / w.count;
    double err = (1 / rate) / Math.sqrt(w.count);
    assertEquals(1 / rate, mean, 4 * err, "KMC mean waiting time vs e^(x^a/T)/f0");
  }

  @Test
  void singleSiteArrheniusDiscreteConvergesToKmc() {
    double x = 0.8;
    double t = 0.5;
    double rate = Math.exp(-Math.pow(x, 1.5) / t);
    for (double dt : new double[] {1.0, 0.01}) {
      LatticeEpm m = LatticeEpm.create(singleSite(x, t, LatticeProtocol.DISCRETE, dt), 10);
      Waits w = new Waits(m.sites());
      m.setListener(w);
      m.runEvents(100_000);
      double mean = w.sum / w.count;
      double geometric = dt / -Math.expm1(-dt * rate);
      double err = geometric / Math.sqrt(w.count);
      assertEquals(geometric, mean, 4 * err, "discrete mean waiting time, dt=" + dt);
      if (dt == 0.01) {
        assertEquals(1 / rate, mean, 4 * err + dt, "small-dt limit equals the Arrhenius time");
      }
    }
  }

  /** Events by time tEnd and persistence at tEnd, averaged over samples. */
  private static double[] eventsAndPersistence(LatticeParams p, int samples, double tEnd) {
    double s = 0;
    double s2 = 0;
    double ps = 0;
    double ps2 = 0;
    for (int k = 0; k < samples; k++) {
      LatticeEpm m = LatticeEpm.create(p, 1000 + k);
      boolean[] hit = new boolean[m.sites()];
      long[] ev = new long[1];
      int[] fresh = new int[1];
      double[] now = new double[1];
      m.setListener(
          new LatticeListener() {
            @Override
            public void onAdvance(double newTime) {
              now[0] = newTime;
            }

            @Override
            public void onYield(int site, double dsigma, boolean unstable) {
              if (now[0] <= tEnd) {
                ev[0]++;
                if (!hit[site]) {
                  hit[site] = true;
                  fresh[0]++;
                }
              }
            }
          });
      while (m.time() <= tEnd) {
        m.step();
      }
      s += ev[0];
      s2 += (double) ev[0] * ev[0];
      double pers = 1 - (double) fresh[0] / m.sites();
      ps += pers;
      ps2 += pers * pers;
    }
    double mean = s / samples;
    double pm = ps / samples;
    return new double[] {
      mean,
      Math.sqrt((s2 / samples - mean * mean) / samples),
      pm,
      Math.sqrt((ps2 / samples - pm * pm) / samples)
    };
  }

  @Test
  void kmcAndDiscreteAgreeInTheSmallDtLimit() {
    LatticeParams base = LatticeParams.defaults(16, 0.15);
    double tEnd = 20;
    double[] kmc =
        eventsAndPersistence(
            base.withProtocol(LatticeProtocol.KMC, 1, UnstableRule.RATE), 60, tEnd);
    double[] disc =
        eventsAndPersistence(
            base.withProtocol(LatticeProtocol.DISCRETE, 0.01, UnstableRule.RATE), 60, tEnd);
    double zEvents = (kmc[0] - disc[0]) / Math.hypot(kmc[1], disc[1]);
    double zPers = (kmc[2] - disc[2]) / Math.hypot(kmc[3], disc[3]);
    assertTrue(kmc[0] > 10, "the comparison needs activity: " + kmc[0] + " events");
    assertTrue(Math.abs(zEvents) < 4, "events by t: KMC " + kmc[0] + " vs discrete " + disc[0]);
    assertTrue(Math.abs(zPers) < 4, "persistence: KMC " + kmc[2] + " vs discrete " + disc[2]);
  }

  @Test
  void rejectsImpossibleParameters() {
    assertThrows(IllegalArgumentException.class, () -> LatticeParams.defaults(2, 0.1));
    assertThrows(IllegalArgumentException.class, () -> LatticeParams.defaults(16, -1));
  }
}
