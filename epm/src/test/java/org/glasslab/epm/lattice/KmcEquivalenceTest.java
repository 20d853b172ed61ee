package org.glasslab.epm.lattice;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.glasslab.data.random.Rng;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Spec §7 item 13: from the same state, the uniformization (thinning) stage and the Gillespie sum
 * tree give the same distribution of the next event (site i, waiting time Δt).
 */
class KmcEquivalenceTest {

  private static final class First implements LatticeListener {
    int site = -1;
    double time;

    @Override
    public void onAdvance(double newTime) {
      time = newTime;
    }

    @Override
    public void onYield(int s, double dsigma, boolean unstable) {
      site = s;
    }
  }

  /** counts[i] of the chosen sites and {sum Δt, sum Δt²} over {@code draws} restarts. */
  private static double[] sample(LatticeState s, boolean uniform, int draws, long[] counts) {
    double sum = 0;
    double sum2 = 0;
    for (int k = 0; k < draws; k++) {
      byte[] rs = new Rng(1_000_003L * k + (uniform ? 1 : 2)).saveState();
      LatticeState v =
          new LatticeState(
              s.params(),
              s.seed(),
              s.sigma(),
              s.thresholds(),
              s.plasticStrain(),
              s.time(),
              s.events(),
              s.steps(),
              s.relaxationEvents(),
              s.targetMean(),
              s.nextRecenter(),
              rs);
      LatticeEpm m = LatticeEpm.restore(v);
      m.setUniformization(uniform);
      First f = new First();
      m.setListener(f);
      m.step();
      counts[f.site]++;
      double dt = f.time - s.time();
      sum += dt;
      sum2 += dt * dt;
    }
    return new double[] {sum, sum2};
  }

  @Tag("validation")
  @Test
  void thinningAndGillespieGiveTheSameNextEventLaw() {
    LatticeParams p =
        LatticeParams.defaults(6, 0.4).withProtocol(LatticeProtocol.KMC, 1, UnstableRule.IMMEDIATE);
    LatticeEpm m = LatticeEpm.create(p, 17);
    m.runEvents(200);
    while (m.unstableCount() > 0) {
      m.step();
    }
    LatticeState s = m.snapshot();
    int n = m.sites();
    int draws = 20_000;
    long[] ca = new long[n];
    long[] cb = new long[n];
    double[] a = sample(s, true, draws, ca);
    double[] b = sample(s, false, draws, cb);
    double ma = a[0] / draws;
    double mb = b[0] / draws;
    double va = a[1] / draws - ma * ma;
    double vb = b[1] / draws - mb * mb;
    double z = (ma - mb) / Math.sqrt((va + vb) / draws);
    assertTrue(Math.abs(z) < 4, "mean waiting times " + ma + " vs " + mb + " (z = " + z + ")");
    // two-sample chi-square on the site counts (bins with enough counts)
    double chi2 = 0;
    int dof = -1;
    for (int i = 0; i < n; i++) {
      long t = ca[i] + cb[i];
      if (t >= 20) {
        chi2 += Math.pow(ca[i] - cb[i], 2) / t;
        dof++;
      }
    }
    assertTrue(dof >= 5, "enough active sites: " + dof);
    // chi-square with dof degrees of freedom: mean dof, std sqrt(2 dof)
    assertTrue(chi2 < dof + 5 * Math.sqrt(2.0 * dof), "chi2 " + chi2 + " dof " + dof);
  }
}
