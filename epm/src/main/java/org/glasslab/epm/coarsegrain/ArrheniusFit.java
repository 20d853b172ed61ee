package org.glasslab.epm.coarsegrain;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.random.RandomGenerator;
import org.glasslab.epm.fit.WeightedLine;

/**
 * Arrhenius fit of an event rate against temperature, r(T) = ν0 exp(−E/T), from event counts: the
 * weighted least-squares line ln r = ln ν0 − E·(1/T) over temperatures, each temperature's rate
 * being its replicas' pooled count over their pooled exposure with the Poisson variance var(ln r) ≈
 * 1/n. Errors: the fit covariance (scaled by the reduced χ² when it exceeds 1, i.e. when the rates
 * scatter more than Poisson noise allows) and a bootstrap that resamples whole replicas within each
 * temperature; the reported error of E is the larger of the two (that of ln ν0 is scaled by the
 * same factor). With fewer than two temperatures holding {@code minEvents} events each, the result
 * is "not enough data", never a number.
 *
 * <p>Units: T in the energy unit of the system (k_B = 1), so E is in the same unit; ν0 in events
 * per unit of the exposure (e.g. per particle per unit MD time).
 */
public final class ArrheniusFit {
  private ArrheniusFit() {}

  /**
   * The events of one replica at one temperature.
   *
   * @param temperature T (&gt; 0)
   * @param events events counted (≥ 0)
   * @param exposure what the count is per: particles × observed time (&gt; 0)
   */
  public record Sample(double temperature, long events, double exposure) {
    /** Checks the fields. */
    public Sample {
      if (!(temperature > 0) || events < 0 || !(exposure > 0)) {
        throw new IllegalArgumentException(
            "rate sample: need T > 0, events >= 0, exposure > 0; got T = "
                + temperature
                + ", events = "
                + events
                + ", exposure = "
                + exposure);
      }
    }
  }

  /**
   * The fit.
   *
   * @param energy E with its error [energy]
   * @param lnPrefactor ln ν0 with its error
   * @param prefactor ν0 with its error (propagated from ln ν0) [events / exposure]
   * @param temperatures the temperatures used
   * @param rates their pooled rates [events / exposure]
   * @param events their pooled event counts
   * @param reducedChi2 χ² / (temperatures − 2) of the weighted fit (NaN for two temperatures)
   * @param bootstrapEnergyError std of E over replica bootstrap draws (NaN if not drawn)
   */
  public record Result(
      Measurement energy,
      Measurement lnPrefactor,
      Measurement prefactor,
      double[] temperatures,
      double[] rates,
      long[] events,
      double reducedChi2,
      double bootstrapEnergyError) {
    /** Whether E and ν0 were measured. */
    public boolean measured() {
      return energy.measured();
    }

    /** The fitted rate ν0 exp(−E/T) at {@code t} (NaN if not measured). */
    public double rate(double t) {
      return Math.exp(lnPrefactor.value() - energy.value() / t);
    }
  }

  /**
   * Fits {@code samples}.
   *
   * @param minEvents fewest pooled events a temperature needs to enter the fit (≥ 1)
   * @param resamples bootstrap draws over replicas (0: covariance errors only)
   * @param rng the bootstrap's generator (used only when resamples &gt; 0)
   */
  public static Result fit(
      List<Sample> samples, int minEvents, int resamples, RandomGenerator rng) {
    if (minEvents < 1) {
      throw new IllegalArgumentException("minEvents must be >= 1, got " + minEvents);
    }
    Map<Double, List<Sample>> byT = new TreeMap<>();
    for (Sample s : samples) {
      byT.computeIfAbsent(s.temperature(), k -> new ArrayList<>()).add(s);
    }
    List<List<Sample>> groups = new ArrayList<>();
    for (List<Sample> g : byT.values()) {
      if (events(g) >= minEvents) {
        groups.add(g);
      }
    }
    int m = groups.size();
    double[] t = new double[m];
    double[] r = new double[m];
    long[] n = new long[m];
    for (int i = 0; i < m; i++) {
      t[i] = groups.get(i).get(0).temperature();
      n[i] = events(groups.get(i));
      r[i] = n[i] / exposure(groups.get(i));
    }
    if (m < 2) {
      String why =
          m
              + " temperature(s) of "
              + byT.size()
              + " have >= "
              + minEvents
              + " events; an Arrhenius fit needs 2";
      Measurement none = Measurement.notEnoughData(why);
      return new Result(none, none, none, t, r, n, Double.NaN, Double.NaN);
    }
    double[] line = weightedLine(t, n, r);
    double chi2 = line[4];
    double scale = m > 2 ? Math.max(1, chi2 / (m - 2)) : 1;
    double errE = Math.sqrt(line[2] * scale);
    double errLn = Math.sqrt(line[3] * scale);
    double boot = Double.NaN;
    if (resamples > 0) {
      double s1 = 0;
      double s2 = 0;
      int k = 0;
      for (int b = 0; b < resamples; b++) {
        double[] tb = new double[m];
        long[] nb = new long[m];
        double[] rb = new double[m];
        boolean ok = true;
        for (int i = 0; i < m; i++) {
          List<Sample> g = groups.get(i);
          long ev = 0;
          double ex = 0;
          for (int j = 0; j < g.size(); j++) {
            Sample s = g.get(rng.nextInt(g.size()));
            ev += s.events();
            ex += s.exposure();
          }
          tb[i] = t[i];
          nb[i] = ev;
          rb[i] = ev / ex;
          ok &= ev > 0;
        }
        if (ok) {
          double e = weightedLine(tb, nb, rb)[0];
          s1 += e;
          s2 += e * e;
          k++;
        }
      }
      if (k > 1) {
        double mean = s1 / k;
        boot = Math.sqrt(Math.max(0, (s2 - k * mean * mean) / (k - 1)));
      }
    }
    double useE = Double.isFinite(boot) ? Math.max(errE, boot) : errE;
    double useLn = Double.isFinite(boot) && errE > 0 ? errLn * useE / errE : errLn;
    String how =
        "weighted fit of ln r on 1/T over "
            + m
            + " temperatures (Poisson weights"
            + (m > 2 ? ", covariance x max(1, chi2_red)" : "")
            + (Double.isFinite(boot) ? "; error = max(covariance, replica bootstrap)" : "")
            + ")";
    Measurement e = Measurement.of(line[0], useE, how);
    Measurement ln = Measurement.of(line[1], useLn, how);
    double nu = Math.exp(line[1]);
    Measurement pre = Measurement.of(nu, nu * useLn, how);
    return new Result(e, ln, pre, t, r, n, m > 2 ? chi2 / (m - 2) : Double.NaN, boot);
  }

  /** {E, ln ν0, var E, var ln ν0, χ²} of the weighted line ln r = ln ν0 − E x, x = 1/T. */
  private static double[] weightedLine(double[] t, long[] n, double[] r) {
    double[] x = new double[t.length];
    double[] y = new double[t.length];
    double[] w = new double[t.length];
    for (int i = 0; i < t.length; i++) {
      x[i] = 1 / t[i];
      y[i] = Math.log(r[i]);
      w[i] = n[i];
    }
    WeightedLine l;
    try {
      l = WeightedLine.fit(x, y, w);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("Arrhenius fit: the temperatures must differ");
    }
    return new double[] {
      -l.slope(),
      l.intercept(),
      l.slopeError() * l.slopeError(),
      l.interceptError() * l.interceptError(),
      l.chi2()
    };
  }

  private static long events(List<Sample> g) {
    long s = 0;
    for (Sample x : g) {
      s += x.events();
    }
    return s;
  }

  private static double exposure(List<Sample> g) {
    double s = 0;
    for (Sample x : g) {
      s += x.exposure();
    }
    return s;
  }
}
