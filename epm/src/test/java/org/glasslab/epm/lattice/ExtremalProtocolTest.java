package org.glasslab.epm.lattice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The extremal protocol (spec §3.2 item 3) and the T → 0 limit of the KMC (spec §7 item 10). */
class ExtremalProtocolTest {

  private static LatticeParams extremal(int l, double x0) {
    return LatticeParams.defaults(l, 0.3).toBuilder()
        .protocol(LatticeProtocol.EXTREMAL)
        .extremalCutoff(x0)
        .build();
  }

  private static int argmin(double[] x) {
    int k = 0;
    for (int i = 1; i < x.length; i++) {
      if (x[i] < x[k]) {
        k = i;
      }
    }
    return k;
  }

  /** Runs one step and returns the sites that yielded in it. */
  private static TreeSet<Integer> stepYields(LatticeEpm m) {
    TreeSet<Integer> yielded = new TreeSet<>();
    m.setListener(
        new LatticeListener() {
          @Override
          public void onYield(int site, double dsigma, boolean unstable) {
            yielded.add(site);
          }
        });
    m.step();
    m.setListener(null);
    return yielded;
  }

  @Test
  void everySiteBelowTheCutoffYieldsTogetherInUnitSteps() {
    LatticeEpm m = LatticeEpm.create(extremal(16, 0.3), 4);
    int multi = 0;
    int weakestAlone = 0;
    for (int s = 0; s < 200; s++) {
      double[] x = m.distances(new double[m.sites()]);
      TreeSet<Integer> expected = new TreeSet<>();
      for (int i = 0; i < x.length; i++) {
        if (x[i] < 0.3) {
          expected.add(i);
        }
      }
      if (expected.isEmpty()) {
        expected.add(argmin(x));
        weakestAlone++;
      }
      multi += expected.size() > 1 ? 1 : 0;
      double t0 = m.time();
      long steps = m.steps();
      long events = m.events();
      assertEquals(expected, stepYields(m), "step " + s);
      assertEquals(t0 + 1.0, m.time(), 0.0);
      assertEquals(steps + 1, m.steps());
      assertEquals(events + expected.size(), m.events());
    }
    // both branches ran: synchronous multi-site steps and the weakest-site fallback
    assertTrue(multi > 0 && weakestAlone > 0, multi + " multi-site, " + weakestAlone + " single");
  }

  @Test
  void tinyCutoffIsWeakestSiteDynamics() {
    LatticeEpm m = LatticeEpm.create(extremal(16, 1e-12), 9);
    for (int s = 0; s < 100; s++) {
      double[] x = m.distances(new double[m.sites()]);
      if (x[argmin(x)] < 1e-12) {
        // an unstable site left by the previous step yields with every other one below x0
        continue;
      }
      assertEquals(new TreeSet<>(List.of(argmin(x))), stepYields(m), "step " + s);
    }
  }

  @Test
  void extremalRunRestoresBitForBit(@TempDir Path dir) throws Exception {
    LatticeEpm a = LatticeEpm.create(extremal(16, 0.1), 21);
    a.runEvents(500);
    Path f = dir.resolve("state.bin");
    LatticeStateIO.write(f, a.snapshot());
    LatticeEpm b = LatticeEpm.restore(LatticeStateIO.read(f));
    assertEquals(0.1, b.params().extremalCutoff(), 0.0);
    a.runEvents(500);
    b.runEvents(500);
    assertEquals(a.time(), b.time(), 0.0);
    for (int i = 0; i < a.sites(); i++) {
      assertEquals(a.sigma()[i], b.sigma()[i], 0.0, "site " + i);
    }
  }

  /**
   * Spec §7 item 10: as T → 0 the thermal KMC fails the weakest site first, after a waiting time
   * e^(x_min^a/T)/f0 (exponentially distributed, so ⟨ln(f0 Δt) − x_min^a/T⟩ = −γ). For each relaxed
   * initial state (athermal, so independent of T) the temperature is set to 1/25 of the barrier gap
   * between the two weakest sites: the weakest then carries all but e^-25 of the rate.
   */
  @Test
  void lowTemperatureKmcFailsTheWeakestSiteFirstAfterArrheniusTime() {
    List<Double> logs = new ArrayList<>();
    for (long seed = 1; seed <= 400 && logs.size() < 150; seed++) {
      LatticeParams p =
          LatticeParams.defaults(16, 0.3)
              .withProtocol(LatticeProtocol.KMC, 1.0, UnstableRule.IMMEDIATE);
      double[] x = LatticeEpm.create(p, seed).distances(new double[256]);
      int w = argmin(x);
      double b1 = Math.pow(x[w], 1.5);
      double b2 = Double.POSITIVE_INFINITY;
      for (int i = 0; i < x.length; i++) {
        if (i != w) {
          b2 = Math.min(b2, Math.pow(x[i], 1.5));
        }
      }
      double t = (b2 - b1) / 25;
      if (!(t > 0) || b1 / t > 600) {
        continue; // a waiting time beyond double range
      }
      LatticeEpm m = LatticeEpm.create(p.withTemperature(t), seed);
      assertEquals(x[w], m.distances(new double[256])[w], 0.0, "same initial state");
      double t0 = m.time();
      assertEquals(new TreeSet<>(List.of(w)), stepYields(m), "seed " + seed);
      logs.add(Math.log(m.time() - t0) - b1 / t);
    }
    assertTrue(logs.size() >= 100, "states usable: " + logs.size());
    double mean = logs.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
    // std of ln Exp(1) is pi/sqrt(6) = 1.28: the standard error over >= 100 samples is <= 0.13
    assertEquals(-0.5772156649, mean, 0.45);
  }
}
