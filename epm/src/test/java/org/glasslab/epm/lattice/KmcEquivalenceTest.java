package org.glasslab.epm.lattice;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.glasslab.data.random.Rng;
import org.glasslab.epm.propagator.StressPropagator;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Spec §7 item 13: from the same state, the uniformization stage and the stage-2 thinning with
 * per-site bounds give the same distribution of the next event (site i, waiting time Δt), and each
 * path gives the analytic law (site i with probability r_i/R, Δt ~ Exp(R)).
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
    return sample(
        s,
        LatticeEpm.propagatorFor(s.params()),
        uniform,
        LatticeEpm.NEAR_WIDTH,
        draws,
        counts,
        null);
  }

  /**
   * As above with a prebuilt propagator and the stage-2 near width Δ; the waiting times go to
   * {@code waits} when not null.
   */
  private static double[] sample(
      LatticeState s,
      StressPropagator prop,
      boolean uniform,
      double nearWidth,
      int draws,
      long[] counts,
      double[] waits) {
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
      LatticeEpm m = LatticeEpm.restore(v, prop);
      m.setUniformization(uniform);
      m.setNearWidth(nearWidth);
      First f = new First();
      m.setListener(f);
      m.step();
      counts[f.site]++;
      double dt = f.time - s.time();
      if (waits != null) {
        waits[k] = dt;
      }
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

  /**
   * The first event from fixed low-T states (quiescent, and inside an avalanche) against the
   * analytic rates r_i = f0 exp(-x_i^a/T) (f0 when x_i ≤ 0): chi-square of the chosen sites against
   * r_i/R and Kolmogorov–Smirnov of R·Δt against Exp(1), for uniformization followed by stage 2,
   * and stage 2 alone with the default near window, a narrow one (most candidates are far sites; at
   * N = 256 the first pass is redone with a wider window) and every site near.
   */
  @Test
  void everyEventChoicePathGivesTheAnalyticNextEventLaw() {
    LatticeParams p =
        LatticeParams.defaults(16, 0.08)
            .withProtocol(LatticeProtocol.KMC, 1, UnstableRule.IMMEDIATE);
    LatticeEpm m = LatticeEpm.create(p, 23);
    m.runEvents(1500);
    while (m.unstableCount() > 0) {
      m.step();
    }
    LatticeState quiescent = m.snapshot();
    while (m.unstableCount() == 0) {
      m.step();
    }
    LatticeState avalanche = m.snapshot();
    StressPropagator prop = m.propagator();
    int n = m.sites();
    int draws = 6000;
    for (LatticeState s : new LatticeState[] {quiescent, avalanche}) {
      double[] r = new double[n];
      double total = 0;
      double[] x = LatticeEpm.restore(s, prop).distances(null);
      for (int i = 0; i < n; i++) {
        r[i] =
            p.attemptRate()
                * (x[i] <= 0
                    ? 1
                    : Math.exp(-Math.pow(x[i], p.barrierExponent()) / p.temperature()));
        total += r[i];
      }
      Object[][] paths = {
        {true, LatticeEpm.NEAR_WIDTH},
        {false, LatticeEpm.NEAR_WIDTH},
        {false, 0.05},
        {false, Double.POSITIVE_INFINITY}
      };
      for (Object[] path : paths) {
        String what =
            (s == quiescent ? "quiescent" : "avalanche")
                + ", uniformization "
                + path[0]
                + ", near width "
                + path[1];
        long[] counts = new long[n];
        double[] waits = new double[draws];
        sample(s, prop, (Boolean) path[0], (Double) path[1], draws, counts, waits);
        // chi-square goodness of fit; sites with expected count < 5 pooled into one bin
        double chi2 = 0;
        int bins = 0;
        double pooledExpected = 0;
        long pooledObserved = 0;
        for (int i = 0; i < n; i++) {
          double e = draws * r[i] / total;
          if (e >= 5) {
            chi2 += (counts[i] - e) * (counts[i] - e) / e;
            bins++;
          } else {
            pooledExpected += e;
            pooledObserved += counts[i];
          }
        }
        if (pooledExpected > 0) {
          chi2 +=
              (pooledObserved - pooledExpected)
                  * (pooledObserved - pooledExpected)
                  / Math.max(pooledExpected, 1);
          bins++;
        }
        int dof = bins - 1;
        assertTrue(dof >= 3, what + ": enough sites with expected counts >= 5: " + dof);
        assertTrue(chi2 < dof + 5 * Math.sqrt(2.0 * dof), what + ": chi2 " + chi2 + " dof " + dof);
        // KS of R dt against Exp(1); sqrt(n) D < 1.95 is the 0.1 % level
        for (int k = 0; k < draws; k++) {
          waits[k] *= total;
        }
        Arrays.sort(waits);
        double d = 0;
        for (int k = 0; k < draws; k++) {
          double cdf = -Math.expm1(-waits[k]);
          d = Math.max(d, Math.max(cdf - (double) k / draws, (k + 1.0) / draws - cdf));
        }
        assertTrue(Math.sqrt(draws) * d < 1.95, what + ": KS sqrt(n) D = " + Math.sqrt(draws) * d);
      }
    }
  }
}
