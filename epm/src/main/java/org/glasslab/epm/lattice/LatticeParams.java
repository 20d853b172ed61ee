package org.glasslab.epm.lattice;

import org.glasslab.epm.propagator.Convention;
import org.glasslab.epm.propagator.Orientation;

/**
 * Parameters of the 2D lattice thermal EPM (spec §1, §3.2, §4.2). Units: stress in units of the
 * mean threshold, energy barrier {@code E = x^a} (unit prefactor) so T in the same units, time in
 * units of 1/f0.
 *
 * @param size linear lattice size L (N = L^2 sites)
 * @param temperature T (> 0) [energy]
 * @param barrierExponent a in {@code E = x^a}; GooseEPM default 1.5
 * @param attemptRate f0 [1/time]; also the failure rate of unstable sites
 * @param thresholdMean mean of the threshold law N(μ, s_y^2), truncated at > 0 [stress]
 * @param thresholdStd s_y (≥ 0) [stress]
 * @param residualStd std of the residual stress η ~ N(0, η^2) left on a failed site [stress]
 * @param meanStress imposed mean stress σ̄ of the initial field [stress]
 * @param initialStressStd std of the initial compatible stress field before relaxation [P] [stress]
 * @param orientation event orientation model ({@code localKernel} false)
 * @param convention zero-mode convention of the propagator
 * @param localKernel use the purely local kernel G = -δ (independent sites; tests only)
 * @param recenterEvery re-centre the mean stress every this many events in imposed-stress runs (0 =
 *     never)
 * @param protocol time evolution
 * @param dt time step Δt of the discrete protocol [1/f0]
 * @param unstableRule unstable-site rule of the discrete protocol
 * @param extremalCutoff x0 of the extremal protocol (&gt; 0) [stress]: each step every site with x
 *     &lt; x0 yields (the weakest site alone when none does)
 * @param resetRule post-yield stress rule ({@link ResetRule}); the threshold is renewed in every
 *     rule
 * @param resetWidth width w of the reset rule (&gt; 0) [stress]: σ_0 of the redraw law y(σ) (BB:
 *     1), mean drop of {@link ResetRule#DROP}; unused by {@link ResetRule#ZERO}
 */
public record LatticeParams(
    int size,
    double temperature,
    double barrierExponent,
    double attemptRate,
    double thresholdMean,
    double thresholdStd,
    double residualStd,
    double meanStress,
    double initialStressStd,
    Orientation orientation,
    Convention convention,
    boolean localKernel,
    long recenterEvery,
    LatticeProtocol protocol,
    double dt,
    UnstableRule unstableRule,
    double extremalCutoff,
    ResetRule resetRule,
    double resetWidth) {

  /** x0 of the extremal protocol in {@link #defaults} [P]: the spec leaves its value open. */
  public static final double DEFAULT_EXTREMAL_CUTOFF = 0.05;

  /** Default post-yield rule: {@link ResetRule#REDRAW}, the one with a steady state. */
  public static final ResetRule DEFAULT_RESET_RULE = ResetRule.REDRAW;

  /** Validates every field with an actionable message. */
  public LatticeParams {
    if (size < 4) {
      throw new IllegalArgumentException("lattice size L must be at least 4, got " + size);
    }
    if (size > 4096) {
      throw new IllegalArgumentException("lattice size L = " + size + " exceeds the limit 4096");
    }
    requirePositive("temperature", temperature);
    requirePositive("barrier exponent", barrierExponent);
    requirePositive("attempt rate f0", attemptRate);
    requirePositive("threshold mean", thresholdMean);
    requireNonNegative("threshold std", thresholdStd);
    requireNonNegative("residual std", residualStd);
    requireNonNegative("initial stress std", initialStressStd);
    if (!Double.isFinite(meanStress)) {
      throw new IllegalArgumentException("mean stress must be finite, got " + meanStress);
    }
    if (orientation == null
        || convention == null
        || protocol == null
        || unstableRule == null
        || resetRule == null) {
      throw new IllegalArgumentException(
          "orientation, convention, protocol, unstable rule and reset rule must be set");
    }
    if (recenterEvery < 0) {
      throw new IllegalArgumentException("recenterEvery must be >= 0, got " + recenterEvery);
    }
    requirePositive("time step dt", dt);
    requirePositive("extremal cutoff x0", extremalCutoff);
    requirePositive("reset width", resetWidth);
  }

  private static void requirePositive(String name, double v) {
    if (!(v > 0) || !Double.isFinite(v)) {
      throw new IllegalArgumentException(name + " must be finite and positive, got " + v);
    }
  }

  private static void requireNonNegative(String name, double v) {
    if (!(v >= 0) || !Double.isFinite(v)) {
      throw new IllegalArgumentException(name + " must be finite and >= 0, got " + v);
    }
  }

  /**
   * Defaults of spec §1/§3.2: a = 1.5, f0 = 1, σ_th ~ N(1, 0.3^2), η = 0.01, σ̄ = 0, initial stress
   * std 1 [P] (as-quenched disorder on the threshold scale), random orientation, imposed stress,
   * re-centring every 10^4 events, the discrete protocol with Δt = 1 and immediate failure of
   * unstable sites; extremal cutoff {@link #DEFAULT_EXTREMAL_CUTOFF}; post-yield rule {@link
   * #DEFAULT_RESET_RULE} with width 1 (BB's σ_0 = σ_c).
   */
  public static LatticeParams defaults(int size, double temperature) {
    return new LatticeParams(
        size,
        temperature,
        1.5,
        1.0,
        1.0,
        0.3,
        0.01,
        0.0,
        1.0,
        Orientation.RANDOM,
        Convention.IMPOSED_STRESS,
        false,
        10_000,
        LatticeProtocol.DISCRETE,
        1.0,
        UnstableRule.IMMEDIATE,
        DEFAULT_EXTREMAL_CUTOFF,
        DEFAULT_RESET_RULE,
        1.0);
  }

  /** A builder starting from these parameters (every field can be changed, then validated). */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /** Copy with another temperature. */
  public LatticeParams withTemperature(double t) {
    return toBuilder().temperature(t).build();
  }

  /** Copy with another size. */
  public LatticeParams withSize(int l) {
    return toBuilder().size(l).build();
  }

  /** Copy with another orientation. */
  public LatticeParams withOrientation(Orientation o) {
    return toBuilder().orientation(o).build();
  }

  /** Copy with another protocol, time step and unstable rule. */
  public LatticeParams withProtocol(LatticeProtocol p, double step, UnstableRule rule) {
    return toBuilder().protocol(p).dt(step).unstableRule(rule).build();
  }

  /** Copy with the local kernel switched on or off. */
  public LatticeParams withLocalKernel(boolean local) {
    return toBuilder().localKernel(local).build();
  }

  /** Copy with another threshold law and residual noise. */
  public LatticeParams withDisorder(double mean, double std, double residual) {
    return toBuilder().thresholdMean(mean).thresholdStd(std).residualStd(residual).build();
  }

  /** Copy with another initial stress field (mean σ̄ and std). */
  public LatticeParams withInitialStress(double mean, double std) {
    return toBuilder().meanStress(mean).initialStressStd(std).build();
  }

  /** Copy with another post-yield rule and width. */
  public LatticeParams withReset(ResetRule rule, double width) {
    return toBuilder().resetRule(rule).resetWidth(width).build();
  }

  /** Copy with another re-centring interval. */
  public LatticeParams withRecenterEvery(long every) {
    return toBuilder().recenterEvery(every).build();
  }

  /** Mutable copy of the fields; {@link #build} validates them. */
  public static final class Builder {
    private int size;
    private double temperature;
    private double barrierExponent;
    private double attemptRate;
    private double thresholdMean;
    private double thresholdStd;
    private double residualStd;
    private double meanStress;
    private double initialStressStd;
    private Orientation orientation;
    private Convention convention;
    private boolean localKernel;
    private long recenterEvery;
    private LatticeProtocol protocol;
    private double dt;
    private UnstableRule unstableRule;
    private double extremalCutoff;
    private ResetRule resetRule;
    private double resetWidth;

    private Builder(LatticeParams p) {
      size = p.size;
      temperature = p.temperature;
      barrierExponent = p.barrierExponent;
      attemptRate = p.attemptRate;
      thresholdMean = p.thresholdMean;
      thresholdStd = p.thresholdStd;
      residualStd = p.residualStd;
      meanStress = p.meanStress;
      initialStressStd = p.initialStressStd;
      orientation = p.orientation;
      convention = p.convention;
      localKernel = p.localKernel;
      recenterEvery = p.recenterEvery;
      protocol = p.protocol;
      dt = p.dt;
      unstableRule = p.unstableRule;
      extremalCutoff = p.extremalCutoff;
      resetRule = p.resetRule;
      resetWidth = p.resetWidth;
    }

    /** Sets {@code size}. */
    public Builder size(int v) {
      size = v;
      return this;
    }

    /** Sets {@code temperature}. */
    public Builder temperature(double v) {
      temperature = v;
      return this;
    }

    /** Sets {@code barrierExponent}. */
    public Builder barrierExponent(double v) {
      barrierExponent = v;
      return this;
    }

    /** Sets {@code attemptRate}. */
    public Builder attemptRate(double v) {
      attemptRate = v;
      return this;
    }

    /** Sets {@code thresholdMean}. */
    public Builder thresholdMean(double v) {
      thresholdMean = v;
      return this;
    }

    /** Sets {@code thresholdStd}. */
    public Builder thresholdStd(double v) {
      thresholdStd = v;
      return this;
    }

    /** Sets {@code residualStd}. */
    public Builder residualStd(double v) {
      residualStd = v;
      return this;
    }

    /** Sets {@code meanStress}. */
    public Builder meanStress(double v) {
      meanStress = v;
      return this;
    }

    /** Sets {@code initialStressStd}. */
    public Builder initialStressStd(double v) {
      initialStressStd = v;
      return this;
    }

    /** Sets {@code orientation}. */
    public Builder orientation(Orientation v) {
      orientation = v;
      return this;
    }

    /** Sets {@code convention}. */
    public Builder convention(Convention v) {
      convention = v;
      return this;
    }

    /** Sets {@code localKernel}. */
    public Builder localKernel(boolean v) {
      localKernel = v;
      return this;
    }

    /** Sets {@code recenterEvery}. */
    public Builder recenterEvery(long v) {
      recenterEvery = v;
      return this;
    }

    /** Sets {@code protocol}. */
    public Builder protocol(LatticeProtocol v) {
      protocol = v;
      return this;
    }

    /** Sets {@code dt}. */
    public Builder dt(double v) {
      dt = v;
      return this;
    }

    /** Sets {@code unstableRule}. */
    public Builder unstableRule(UnstableRule v) {
      unstableRule = v;
      return this;
    }

    /** Sets {@code extremalCutoff}. */
    public Builder extremalCutoff(double v) {
      extremalCutoff = v;
      return this;
    }

    /** Sets {@code resetRule}. */
    public Builder resetRule(ResetRule v) {
      resetRule = v;
      return this;
    }

    /** Sets {@code resetWidth}. */
    public Builder resetWidth(double v) {
      resetWidth = v;
      return this;
    }

    /** The validated parameters. */
    public LatticeParams build() {
      return new LatticeParams(
          size,
          temperature,
          barrierExponent,
          attemptRate,
          thresholdMean,
          thresholdStd,
          residualStd,
          meanStress,
          initialStressStd,
          orientation,
          convention,
          localKernel,
          recenterEvery,
          protocol,
          dt,
          unstableRule,
          extremalCutoff,
          resetRule,
          resetWidth);
    }
  }
}
