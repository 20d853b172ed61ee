package org.glasslab.epm.lattice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * Post-yield rules: the redraw and drop laws, {@code zero}'s drain, {@code redraw}'s steady state.
 */
class ResetRuleTest {

  private static LatticeParams kmc(int l, double t, ResetRule rule) {
    return LatticeParams.defaults(l, t)
        .withProtocol(LatticeProtocol.KMC, 1.0, UnstableRule.IMMEDIATE)
        .withReset(rule, 1.0);
  }

  /** Post-yield stresses of single sites (local kernel, σ_th = 1): σ_new of each yield. */
  private static double[] postYieldStresses(ResetRule rule, int count) {
    LatticeParams p = kmc(4, 2.0, rule).withLocalKernel(true).withDisorder(1.0, 0.0, 0.01);
    LatticeEpm m = LatticeEpm.create(p, 9);
    double[] out = new double[count];
    int[] last = {-1};
    m.setListener(
        new LatticeListener() {
          @Override
          public void onYield(int site, double dsigma, boolean unstable) {
            last[0] = site;
          }
        });
    for (int k = 0; k < count; k++) {
      m.step();
      out[k] = m.sigma()[last[0]];
    }
    return out;
  }

  @Test
  void redrawFollowsBaronBiroliEq1() {
    double[] s = postYieldStresses(ResetRule.REDRAW, 20_000);
    // |σ| has CDF F(s) = (e^{s-1} - e^{-1}) / (1 - e^{-1}) on [0, 1); signs are symmetric
    double[] abs = Arrays.stream(s).map(Math::abs).sorted().toArray();
    double d = 0;
    int positive = 0;
    for (int k = 0; k < abs.length; k++) {
      double f = (Math.exp(abs[k] - 1) - Math.exp(-1)) / (1 - Math.exp(-1));
      d =
          Math.max(
              d,
              Math.max(
                  Math.abs(f - (double) k / abs.length), Math.abs(f - (k + 1.0) / abs.length)));
      assertTrue(abs[k] < 1.0);
    }
    for (double v : s) {
      positive += v > 0 ? 1 : 0;
    }
    // KS critical value at 0.1 %: 1.95 / sqrt(n)
    assertTrue(d < 1.95 / Math.sqrt(abs.length), "KS distance " + d);
    assertEquals(0.5, (double) positive / s.length, 4 * 0.5 / Math.sqrt(s.length));
    double mean = Arrays.stream(abs).average().orElseThrow();
    assertEquals(1 / (Math.E - 1), mean, 4 * 0.29 / Math.sqrt(abs.length), "E|σ| = 1/(e-1)");
  }

  @Test
  void dropLowersTheStressByAUniformAmount() {
    LatticeParams p =
        kmc(4, 2.0, ResetRule.DROP).withLocalKernel(true).withDisorder(1.0, 0.0, 0.01);
    LatticeEpm m = LatticeEpm.create(p, 4);
    double[] sum = new double[2];
    long[] count = new long[1];
    m.setListener(
        new LatticeListener() {
          @Override
          public void onYield(int site, double dsigma, boolean unstable) {
            double a = Math.abs(dsigma);
            assertTrue(a <= 2.0);
            sum[0] += a;
            sum[1] += a * a;
            count[0]++;
          }
        });
    m.runEvents(20_000);
    double mean = sum[0] / count[0];
    assertEquals(1.0, mean, 4 * Math.sqrt(1.0 / 3.0 / count[0]), "mean drop = w");
    assertEquals(4.0 / 3.0, sum[1] / count[0], 0.03, "<Δ²> of U(0, 2w)");
  }

  /** Spec rule: σ std 0.46 → ~0.02 within 20 sweeps at L = 32, T = 0.3 (no steady state). */
  @Test
  void zeroDrainsTheStressField() {
    LatticeEpm m = LatticeEpm.create(kmc(32, 0.3, ResetRule.ZERO), 1);
    Stationarity st = Stationarity.defaults(m.sites());
    st.start(m);
    double std0 = std(m.sigma());
    for (int sweep = 0; sweep < 20; sweep++) {
      m.runEvents(m.sites());
      st.observe(m);
    }
    double std20 = std(m.sigma());
    assertEquals(0.46, std0, 0.05, "relaxed initial stress std");
    assertTrue(std20 < 0.04, "stress std after 20 sweeps " + std20);
    assertFalse(st.reached(), "a draining run must not be declared stationary");
  }

  /**
   * Redraw keeps a steady state: after the detector declares it, the moments of P(σ), P(x) and the
   * activity over two successive blocks of 10 sweeps agree within 4 standard errors.
   */
  @Test
  void redrawIsStationary() {
    LatticeEpm m = LatticeEpm.create(kmc(32, 0.3, ResetRule.REDRAW), 1);
    Stationarity warm = Stationarity.defaults(m.sites());
    warm.warmUp(m, m.sites(), 60L * m.sites());
    assertTrue(warm.reached(), "redraw did not become stationary in 60 sweeps");
    Stationarity st = Stationarity.defaults(m.sites());
    st.start(m);
    for (int w = 0; w < 20; w++) {
      m.runEvents(m.sites());
      st.observe(m);
    }
    for (int k = 0; k < Stationarity.OBSERVABLES.length; k++) {
      double[] a = new double[10];
      double[] b = new double[10];
      for (int w = 0; w < 10; w++) {
        a[w] = st.value(w, k);
        b[w] = st.value(10 + w, k);
      }
      double se = Math.sqrt(var(a) / 10 + var(b) / 10);
      assertEquals(mean(a), mean(b), 4 * se, Stationarity.OBSERVABLES[k]);
    }
    double std = st.value(19, 0);
    assertTrue(std > 0.3, "stress std in steady state " + std);
  }

  private static double mean(double[] a) {
    return Arrays.stream(a).average().orElseThrow();
  }

  private static double var(double[] a) {
    double m = mean(a);
    double v = 0;
    for (double x : a) {
      v += (x - m) * (x - m);
    }
    return v / (a.length - 1);
  }

  private static double std(double[] a) {
    return Math.sqrt(var(a) * (a.length - 1) / a.length);
  }
}
