package org.glasslab.md;

import java.util.LinkedHashMap;
import java.util.Map;
import org.glasslab.data.FrameSchedule;

/**
 * The paper's sample protocol (Jha &amp; Sengupta §II) as validated parameters: prepare N
 * polydisperse WCA disks at density rho, equilibrate at the parent temperature T_p with the
 * Brown–Clarke thermostat, quench instantly to T, age for t_w, then produce frames on the log-block
 * schedule {@code S(f) = iB + 2^j} (steps counted from the start of production).
 *
 * @param n number of particles (&ge; 2)
 * @param density number density rho [length^-2]
 * @param polydispersity standard deviation of the diameters (mean 1)
 * @param parentTemperature T_p [energy/k_B]
 * @param temperature T after the quench [energy/k_B]
 * @param equilibrationTime time at T_p [time], &ge; 0
 * @param waitingTime aging time t_w at T before production [time], &ge; 0
 * @param dt time step [time]
 * @param blockSize B [steps]
 * @param nCfg N_cfg, frames per block
 * @param blocks number of blocks
 * @param seed the run's seed
 * @param skin Verlet skin [length]
 * @param convention stress convention of the stored observables
 * @param potential the pair potential (default {@link Wca}); one that fixes its own composition
 *     ({@link PairPotential#sampleDiameters}) replaces the polydisperse diameters
 * @param start where the sample comes from: null = prepared from the seed (random overlap-free
 *     positions, Maxwell–Boltzmann velocities), else a given configuration ({@link Start}); then n,
 *     density and polydispersity are those measured on it
 */
public record Protocol(
    int n,
    double density,
    double polydispersity,
    double parentTemperature,
    double temperature,
    double equilibrationTime,
    double waitingTime,
    double dt,
    long blockSize,
    int nCfg,
    int blocks,
    long seed,
    double skin,
    StressConvention convention,
    PairPotential potential,
    Start start) {

  /**
   * A starting configuration read from a file ({@code glasslab simulate --from}): what identifies
   * it, for provenance, checkpoints and the comparison of a checkpoint with a requested run.
   *
   * @param source the file's name as given
   * @param sha256 SHA-256 of the file's bytes (hex)
   * @param frame the frame of the file used (0-based)
   * @param velocities true when the file's velocities are used, false when they were drawn from the
   *     seed (Maxwell–Boltzmann at the temperature of the first protocol step)
   */
  public record Start(String source, String sha256, int frame, boolean velocities) {
    /** Validates. */
    public Start {
      if (source == null || sha256 == null || frame < 0) {
        throw new IllegalArgumentException("start: source, hash and a frame >= 0 are required");
      }
    }

    /** One line for provenance. */
    public String describe() {
      return source
          + " frame "
          + frame
          + " (sha256 "
          + sha256
          + "), velocities "
          + (velocities ? "from the file" : "drawn from the seed");
    }
  }

  /** A protocol that prepares its sample from the seed (no starting file). */
  public Protocol(
      int n,
      double density,
      double polydispersity,
      double parentTemperature,
      double temperature,
      double equilibrationTime,
      double waitingTime,
      double dt,
      long blockSize,
      int nCfg,
      int blocks,
      long seed,
      double skin,
      StressConvention convention,
      PairPotential potential) {
    this(
        n,
        density,
        polydispersity,
        parentTemperature,
        temperature,
        equilibrationTime,
        waitingTime,
        dt,
        blockSize,
        nCfg,
        blocks,
        seed,
        skin,
        convention,
        potential,
        null);
  }

  /** Validates every parameter with an actionable message. */
  public Protocol {
    if (n < 2) {
      throw new IllegalArgumentException("N must be at least 2, got " + n);
    }
    if (!(density > 0) || !Double.isFinite(density)) {
      throw new IllegalArgumentException("density must be finite and positive, got " + density);
    }
    if (!(parentTemperature > 0) || !Double.isFinite(parentTemperature)) {
      throw new IllegalArgumentException("T_p must be positive, got " + parentTemperature);
    }
    if (!(temperature > 0) || !Double.isFinite(temperature)) {
      throw new IllegalArgumentException("T must be positive, got " + temperature);
    }
    if (!(equilibrationTime >= 0) || !Double.isFinite(equilibrationTime)) {
      throw new IllegalArgumentException(
          "equilibration time must be >= 0, got " + equilibrationTime);
    }
    if (!(waitingTime >= 0) || !Double.isFinite(waitingTime)) {
      throw new IllegalArgumentException("t_w must be >= 0, got " + waitingTime);
    }
    if (!(skin >= 0) || !Double.isFinite(skin)) {
      throw new IllegalArgumentException("skin must be >= 0, got " + skin);
    }
    if (convention == null) {
      throw new IllegalArgumentException("stress convention is required");
    }
    if (potential == null) {
      throw new IllegalArgumentException("pair potential is required");
    }
    // validates polydispersity, dt, B, N_cfg, blocks with their own messages
    new FrameSchedule.LogBlock(blockSize, nCfg, dt, blocks);
    if (start == null && !(polydispersity >= 0 && polydispersity < 0.3)) {
      throw new IllegalArgumentException(
          "polydispersity must be in [0, 0.3), got " + polydispersity);
    }
  }

  /** The paper's parameters (N=2000, rho=0.9, 11 %, T_p=0.5, t_w=9.45e5, B=1050000, N_cfg=21). */
  public static Protocol paper(double temperature, int blocks, long seed) {
    return new Protocol(
        2000,
        0.9,
        0.11,
        0.5,
        temperature,
        1000.0,
        9.45e5,
        0.003,
        1_050_000L,
        21,
        blocks,
        seed,
        MdOptions.DEFAULT_SKIN,
        StressConvention.CONSISTENT,
        Wca.INSTANCE);
  }

  /** Steps at T_p: {@code round(equilibrationTime / dt)}. */
  public long equilibrationSteps() {
    return Math.round(equilibrationTime / dt);
  }

  /** Aging steps at T: {@code round(t_w / dt)}. */
  public long agingSteps() {
    return Math.round(waitingTime / dt);
  }

  /** The production frame schedule. */
  public FrameSchedule.LogBlock schedule() {
    return new FrameSchedule.LogBlock(blockSize, nCfg, dt, blocks);
  }

  /** Engine step at which production (step 0 of the schedule) starts. */
  public long productionStart() {
    return equilibrationSteps() + agingSteps();
  }

  /** Total engine steps of the whole protocol. */
  public long totalSteps() {
    return productionStart() + schedule().lastStep();
  }

  /** This protocol with another pair potential. */
  public Protocol withPotential(PairPotential p) {
    return new Protocol(
        n,
        density,
        polydispersity,
        parentTemperature,
        temperature,
        equilibrationTime,
        waitingTime,
        dt,
        blockSize,
        nCfg,
        blocks,
        seed,
        skin,
        convention,
        p,
        start);
  }

  /** This protocol with another seed (the pipeline stage's engine-derived seed). */
  public Protocol withSeed(long newSeed) {
    return new Protocol(
        n,
        density,
        polydispersity,
        parentTemperature,
        temperature,
        equilibrationTime,
        waitingTime,
        dt,
        blockSize,
        nCfg,
        blocks,
        newSeed,
        skin,
        convention,
        potential,
        start);
  }

  /**
   * The Jha &amp; Sengupta protocol as named steps with their engine-step ranges [first, last):
   * {@code equilibrate} at T_p, {@code quench} to T (instant, at one engine step), {@code age} for
   * t_w at T, {@code produce} on the log-block schedule. A step of zero length is listed with an
   * empty range.
   */
  public String steps() {
    long e = equilibrationSteps();
    long p = productionStart();
    return String.format(
        java.util.Locale.ROOT,
        "equilibrate at T_p = %s: steps [0, %d); quench to T = %s at step %d;"
            + " age t_w = %s: steps [%d, %d); produce %d frames (B = %d, N_cfg = %d, %d"
            + " blocks): steps [%d, %d]",
        parentTemperature,
        e,
        temperature,
        e,
        waitingTime,
        e,
        p,
        schedule().frameCount(),
        blockSize,
        nCfg,
        blocks,
        p,
        totalSteps());
  }

  /** Numerical options of the engine. */
  public MdOptions mdOptions() {
    return MdOptions.defaults(dt).withSkin(skin);
  }

  /** Every parameter and convention, for the output's provenance (insertion ordered). */
  public Map<String, String> provenance() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("generator", "glasslab md-engine");
    m.put(Potentials.METADATA_KEY, potential.spec());
    m.put("thermostat", "brown-clarke isokinetic, COM momentum removed, dof=2N-2");
    m.put("integrator", "velocity-verlet");
    m.put("N", Integer.toString(n));
    m.put("density", Double.toString(density));
    m.put("polydispersity", Double.toString(polydispersity));
    m.put("diameter_truncation_sigmas", Double.toString(SamplePreparation.TRUNCATION_SIGMAS));
    m.put("T_p", Double.toString(parentTemperature));
    m.put("T", Double.toString(temperature));
    m.put("equilibration_time", Double.toString(equilibrationTime));
    m.put("t_w", Double.toString(waitingTime));
    m.put("dt", Double.toString(dt));
    m.put("B", Long.toString(blockSize));
    m.put("N_cfg", Integer.toString(nCfg));
    m.put("blocks", Integer.toString(blocks));
    m.put("seed", Long.toString(seed));
    m.put("skin", Double.toString(skin));
    m.put(Replay.SORT_EVERY_KEY, Integer.toString(mdOptions().sortEvery()));
    m.put(Replay.PROVENANCE_KEY, Replay.PROVENANCE_VALUE);
    m.put(Replay.KERNEL_KEY, Replay.kernelFor(potential).label());
    m.put("stress_convention", convention.name());
    m.put("step_origin", "frame steps are counted from the start of production (after t_w)");
    m.put("start", start == null ? "prepared from the seed" : start.describe());
    m.put("protocol_steps", steps());
    return m;
  }
}
