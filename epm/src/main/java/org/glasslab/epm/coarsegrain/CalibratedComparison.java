package org.glasslab.epm.coarsegrain;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The particle ↔ lattice comparison on matched scales (issue 18): temperature through the Arrhenius
 * energy of the IS event rate (T_lattice = T / E: the particles' activation energy is identified
 * with the lattice's barrier unit, a site one mean threshold from yielding), time through each
 * side's τ_α (particles: F_s(k, t) = 1/e; lattice: persistence p = 1/e), length and counts through
 * the number of particles per lattice site. Every row gives a value ± error for both sides (or why
 * there is none) and what it can and cannot conclude.
 */
public final class CalibratedComparison {
  private CalibratedComparison() {}

  /**
   * One row of the table.
   *
   * @param quantity short name
   * @param unit unit of both values ("" for dimensionless)
   * @param particle the particle value
   * @param lattice the lattice value
   * @param concludes what the row can conclude at this size
   * @param limits what it cannot
   */
  public record Row(
      String quantity,
      String unit,
      Measurement particle,
      Measurement lattice,
      String concludes,
      String limits) {}

  /**
   * The particle measurements at one temperature; per-replica arrays hold one value per replica
   * (NaN where it could not be read off).
   *
   * @param temperature T [energy]
   * @param arrhenius the fit over all temperatures
   * @param tauAlpha τ_α from F_s(k, t) per replica [MD time]
   * @param persistenceAtTau IS persistence at t = τ_α per replica
   * @param beta stretching exponent of the IS persistence per replica
   * @param chi4Peak χ4 peak height of the IS persistence per replica [particles]
   * @param chi4PeakTime χ4 peak lag / τ_α per replica
   * @param eventSizes particles of the largest cluster of every catalogued event
   * @param facilitation successive-event distance ratio
   * @param yield local yield statistics, or null if not measured
   */
  public record ParticleSide(
      double temperature,
      ArrheniusFit.Result arrhenius,
      double[] tauAlpha,
      double[] persistenceAtTau,
      double[] beta,
      double[] chi4Peak,
      double[] chi4PeakTime,
      double[] eventSizes,
      Measurement facilitation,
      LocalYieldStatistics yield) {}

  /**
   * The lattice measurements of one branch.
   *
   * @param temperature T_lattice [barrier units]
   * @param lags persistence lags [1/f0]
   * @param persistence ⟨p⟩ per lag
   * @param chi4 χ4 per lag [sites]
   * @param windows independent windows behind each lag
   * @param sites N
   * @param cascadeAreas distinct failed sites of every completed avalanche
   * @param facilitation successive-avalanche distance ratio (centroids of the failed sites), or the
   *     reason there is none
   * @param yield local yield statistics, or null if not measured
   */
  public record LatticeSide(
      double temperature,
      double[] lags,
      double[] persistence,
      double[] chi4,
      long windows,
      int sites,
      double[] cascadeAreas,
      Measurement facilitation,
      LocalYieldStatistics yield) {}

  /** T_lattice = T / E with its propagated error (E's relative error). */
  public static Measurement mappedTemperature(double t, ArrheniusFit.Result fit) {
    if (!fit.measured()) {
      return Measurement.notEnoughData("no Arrhenius energy (" + fit.energy().note() + ")");
    }
    double e = fit.energy().value();
    if (!(e > 0)) {
      return Measurement.notEnoughData("Arrhenius energy E = " + e + " is not positive");
    }
    double tl = t / e;
    return Measurement.of(tl, tl * fit.energy().error() / e, "T / E");
  }

  /** The standard error of the lattice ⟨p⟩ per lag: √(χ4 / (N · windows)). */
  static double[] persistenceError(LatticeSide l) {
    double[] se = new double[l.lags().length];
    for (int k = 0; k < se.length; k++) {
      se[k] = Math.sqrt(Math.max(0, l.chi4()[k]) / ((double) l.sites() * l.windows()));
    }
    return se;
  }

  /**
   * The comparison table of one particle temperature against one lattice branch.
   *
   * @param particlesPerSite particles one lattice site stands for (ρ × cell area)
   */
  public static List<Row> rows(ParticleSide p, LatticeSide l, double particlesPerSite) {
    List<Row> rows = new ArrayList<>();
    ArrheniusFit.Result a = p.arrhenius();
    rows.add(
        new Row(
            "activation_energy",
            "particle energy",
            a.energy(),
            Measurement.of(
                1, 0, "the lattice barrier unit (x = 1: barrier x^1.5 = 1), by the" + " mapping"),
            "the energy scale of the IS event rate, which sets T_lattice = T / E",
            "an apparent barrier of IS transitions over a narrow T range; not a barrier"
                + " distribution"));
    Measurement tl = mappedTemperature(p.temperature(), a);
    rows.add(
        new Row(
            "temperature",
            "lattice barrier units",
            tl,
            Measurement.of(l.temperature(), 0, "the lattice branch's T (set)"),
            "whether the lattice branch sits at the mapped temperature (within the error)",
            "the mapping identifies one effective barrier with the lattice barrier unit; sites"
                + " that yield have x < 1, so the lattice's own apparent barrier is smaller"));
    double tauLat = RelaxationTime.tauAlpha(l.lags(), l.persistence());
    double[] se = persistenceError(l);
    double tauLatErr = RelaxationTime.tauAlphaError(l.lags(), l.persistence(), se);
    Measurement latTau =
        Double.isFinite(tauLat)
            ? Measurement.of(tauLat, tauLatErr, "p(t) = 1/e over " + l.windows() + " windows")
            : Measurement.notEnoughData("p(t) does not reach 1/e within the lags");
    rows.add(
        new Row(
            "tau_alpha",
            "own time unit (particles: MD time; lattice: 1/f0)",
            Measurement.replicaMean(p.tauAlpha(), "F_s(k, t) = 1/e"),
            latTau,
            "the time unit used for t / tau_alpha in the rows below",
            "the two numbers are in different units and are not compared with each other"));
    rows.add(
        new Row(
            "persistence_at_tau_alpha",
            "",
            Measurement.replicaMean(p.persistenceAtTau(), "IS persistence at t = tau_alpha(F_s)"),
            Measurement.of(Math.exp(-1), 0, "1/e by the definition of the lattice tau"),
            "whether IS persistence and F_s decay on the same time (value near 1/e)",
            "IS persistence misses back-and-forth hops inside one IS interval (long intervals of"
                + " the log-block schedule)"));
    double[] bl = RelaxationTime.stretching(l.lags(), l.persistence(), 0.05, 0.95);
    rows.add(
        new Row(
            "persistence_stretching_beta",
            "",
            Measurement.replicaMean(p.beta(), "slope of ln(-ln p) on ln t, p in [0.05, 0.95]"),
            Double.isFinite(bl[0])
                ? Measurement.of(bl[0], bl[1], "slope of ln(-ln p) on ln t, regression s.e.")
                : Measurement.notEnoughData("fewer than 3 lags with p in [0.05, 0.95]"),
            "the shape of p(t / tau_alpha): beta < 1 is a broad spread of relaxation times",
            "beta of a curve sampled on a few log-block lags; the lattice error ignores the"
                + " correlation of lags within a window"));
    double[] pk = RelaxationTime.peak(l.lags(), l.chi4());
    double chiErr = pk[0] >= 0 ? pk[2] * Math.sqrt(2.0 / Math.max(1, l.windows() - 1)) : 0;
    Measurement latChi =
        pk[0] >= 0
            ? Measurement.of(
                pk[2] * particlesPerSite,
                chiErr * particlesPerSite,
                String.format(
                    Locale.ROOT,
                    "N var(p) over windows x %.3g particles per site",
                    particlesPerSite))
            : Measurement.notEnoughData("chi4 has no interior maximum within the lags");
    rows.add(
        new Row(
            "chi4_peak_height",
            "particles",
            Measurement.replicaMean(p.chi4Peak(), "N var(p_IS) over time origins at equal lag"),
            latChi,
            "the number of particles that relax together at the peak",
            "the particle chi4 comes from few time origins per lag and a small box, which caps"
                + " it; the lattice conversion assumes one site = particlesPerSite particles"));
    Measurement latChiT =
        pk[0] >= 0 && Double.isFinite(tauLat)
            ? Measurement.of(
                pk[1] / tauLat,
                pk[1] / tauLat * Math.hypot(tauLatErr / tauLat, logSpacing(l.lags()) / 2),
                "peak lag / tau (error: tau and half a lag spacing)")
            : Measurement.notEnoughData("no bracketed chi4 peak or no tau");
    rows.add(
        new Row(
            "chi4_peak_time",
            "t / tau_alpha",
            Measurement.replicaMean(p.chi4PeakTime(), "peak lag / tau_alpha(F_s)"),
            latChiT,
            "whether dynamic heterogeneity peaks at the same scaled time",
            "the particle peak time is limited to the lags of the log-block schedule"));
    rows.add(
        new Row(
            "event_size",
            "particles",
            meanSe(p.eventSizes(), 1, "largest cluster of catalogued events"),
            meanSe(
                l.cascadeAreas(),
                particlesPerSite,
                String.format(
                    Locale.ROOT,
                    "distinct failed sites x %.3g particles per site",
                    particlesPerSite)),
            "whether events are of comparable extent once a site is given its particles",
            "particle events lump all motion between two IS frames; the lattice avalanche is"
                + " one cascade; the mean depends on the cell size chosen for a site"));
    rows.add(
        new Row(
            "facilitation_distance_ratio",
            "",
            p.facilitation(),
            l.facilitation(),
            "whether successive events are closer than random (ratio < 1) on each side",
            "particle events are everything between two IS frames, lattice events one cascade"
                + " each (completed, in time order); small boxes bound the distance by L/2"));
    rows.add(yieldRow("pseudogap_theta", p.yield(), l.yield(), true));
    rows.add(yieldRow("distance_to_yield_mean", p.yield(), l.yield(), false));
    return rows;
  }

  private static Row yieldRow(
      String name, LocalYieldStatistics p, LocalYieldStatistics l, boolean theta) {
    return new Row(
        name,
        theta ? "" : "own stress unit",
        yieldValue(p, theta),
        yieldValue(l, theta),
        theta
            ? "whether P(x) ~ x^theta has the same pseudogap on both sides"
            : "the scale of the distance to yielding on each side",
        theta
            ? "theta from the smallest x of few patches is the steep lower edge of the bulk unless"
                + " the fitted range holds many values; the lattice x is sigma_th - |sigma| of"
                + " every site, the particle x the weakest orientation of each patch"
            : "the two sides are in their own stress units (particles epsilon/sigma^2, lattice"
                + " the mean threshold) and are not compared with each other");
  }

  private static Measurement yieldValue(LocalYieldStatistics y, boolean theta) {
    if (y == null) {
      return Measurement.notMeasured("no local yield statistics supplied");
    }
    return theta ? y.theta() : y.meanX();
  }

  /** Mean ± standard error of {@code v} × {@code scale}; not enough data below two values. */
  static Measurement meanSe(double[] v, double scale, String note) {
    int n = 0;
    double s = 0;
    double ss = 0;
    for (double x : v) {
      if (Double.isFinite(x)) {
        n++;
        s += x * scale;
        ss += x * scale * x * scale;
      }
    }
    if (n < 2) {
      return Measurement.notEnoughData(note + ": " + n + " value(s)");
    }
    double m = s / n;
    double sd = Math.sqrt(Math.max(0, (ss - n * m * m) / (n - 1)));
    return Measurement.of(m, sd / Math.sqrt(n), note + " (" + n + " values, mean ± s.e.)");
  }

  private static double logSpacing(double[] t) {
    return t.length < 2 ? 0 : Math.log(t[t.length - 1] / t[0]) / (t.length - 1);
  }
}
