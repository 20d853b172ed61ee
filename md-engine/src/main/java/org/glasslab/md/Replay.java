package org.glasslab.md;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.glasslab.data.Configuration;

/**
 * Exact re-simulation of a {@link ProtocolRun}'s production from one of its stored frames. The run
 * resets its engine at every stored frame ({@link Simulation#resetToSnapshot()}), so a new engine
 * built from the stored frame (positions, images, velocities, diameters) with the run's potential,
 * Brown–Clarke temperature and numerical options is in exactly the state the original engine had;
 * stepping it, and resetting it again at every stored frame it passes, reproduces the original
 * trajectory bit for bit. Snapshots taken in between ({@link #snapshot()}) only read the state.
 *
 * <p>Steps are counted as in the stored frames (from the start of production). The Brown–Clarke
 * thermostat holds no state besides its target, and the protocol draws no random numbers after
 * preparation, so nothing else is needed.
 */
public final class Replay {
  /** Provenance key saying the run resets its engine at stored frames (so can be replayed). */
  public static final String PROVENANCE_KEY = "replay";

  /** Its value for runs written by this engine. */
  public static final String PROVENANCE_VALUE =
      "exact: engine reset to the stored frame at every frame (Simulation.resetToSnapshot)";

  /**
   * Run-parameter key of the force kernel that made the run ({@code scalar} or {@code vector}; runs
   * made before the key existed were scalar). The kernels agree to rounding, not bit for bit, so an
   * exact replay needs the same one.
   */
  public static final String KERNEL_KEY = "force_kernel";

  /** The kernel this JVM runs for {@code potential} (only WCA has a vector kernel). */
  static ForceKernel kernelFor(PairPotential potential) {
    return potential instanceof Wca ? ForceKernel.selected() : ForceKernel.SCALAR;
  }

  /** Provenance key of the engine's spatial-sort period (list rebuilds between sorts). */
  public static final String SORT_EVERY_KEY = "sort_every";

  /**
   * What a replay needs besides a stored frame.
   *
   * @param potential the pair potential
   * @param temperature the Brown–Clarke target T of production [energy/k_B]
   * @param options time step, skin, sort period and list limit of the original engine
   * @param convention stress convention of the run's stored observables
   */
  public record Setup(
      PairPotential potential, double temperature, MdOptions options, StressConvention convention) {

    /**
     * {@code frames} (of this run, with velocities) with the observables a run stores for its
     * frames ({@link ProtocolRun#withObservables}), evaluated as the engine does at a frame.
     */
    public org.glasslab.data.MemoryTrajectory withObservables(List<Configuration> frames) {
      List<Thermo> thermo = new ArrayList<>(frames.size());
      for (Configuration c : frames) {
        thermo.add(
            new Simulation(c, potential, new BrownClarke(temperature), options).thermo(convention));
      }
      return ProtocolRun.withObservables(frames, thermo, potential.spec());
    }

    /**
     * The setup of a run from its provenance ({@code run.json}'s {@code provenance}, or the
     * trajectory's recorded run parameters).
     *
     * @param source the file named in errors
     * @throws IllegalArgumentException (one line naming {@code source}) when the run was not made
     *     replayable or a parameter is missing
     */
    public static Setup fromProvenance(Map<String, String> provenance, String source) {
      if (provenance == null || provenance.isEmpty()) {
        throw new IllegalArgumentException(
            source
                + ": no MD run parameters recorded (not a glasslab simulate run, e.g. an import or"
                + " a LAMMPS dump); replay needs the run that wrote the frames");
      }
      if (!PROVENANCE_VALUE.equals(provenance.get(PROVENANCE_KEY))) {
        throw new IllegalArgumentException(
            source
                + ": this run did not reset its engine at stored frames (no '"
                + PROVENANCE_KEY
                + "' entry in its run parameters; written by an older glasslab simulate), so it"
                + " cannot be replayed exactly; rerun simulate");
      }
      String pot = provenance.get(Potentials.METADATA_KEY);
      PairPotential potential = Potentials.byName(pot == null ? "wca" : pot);
      String made = provenance.getOrDefault(KERNEL_KEY, ForceKernel.SCALAR.label());
      String here = kernelFor(potential).label();
      if (!made.equals(here)) {
        throw new IllegalArgumentException(
            source
                + ": the run was made with the "
                + made
                + " force kernel and this JVM runs the "
                + here
                + " one (they agree to rounding, not bit for bit); replay it with -D"
                + ForceKernel.PROPERTY
                + "="
                + made
                + (made.equals("vector")
                    ? " and --add-modules jdk.incubator.vector"
                    : " (e.g. GLASSLAB_JAVA_OPTS=-D" + ForceKernel.PROPERTY + "=scalar)"));
      }
      double dt = number(provenance, "dt", source);
      double t = number(provenance, "T", source);
      double skin = number(provenance, "skin", source);
      int sortEvery = (int) number(provenance, SORT_EVERY_KEY, source);
      String conv = provenance.get("stress_convention");
      MdOptions defaults = MdOptions.defaults(dt);
      StressConvention convention;
      try {
        convention = conv == null ? StressConvention.CONSISTENT : StressConvention.valueOf(conv);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(
            source + ": run parameter 'stress_convention' is '" + conv + "', not a convention");
      }
      return new Setup(
          potential, t, new MdOptions(dt, skin, sortEvery, defaults.maxNeighbours()), convention);
    }

    private static double number(Map<String, String> p, String key, String source) {
      String v = p.get(key);
      if (v == null) {
        throw new IllegalArgumentException(
            source + ": run parameter '" + key + "' missing; replay needs it");
      }
      try {
        return Double.parseDouble(v);
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(
            source + ": run parameter '" + key + "' is '" + v + "', expected a number");
      }
    }
  }

  private final Simulation sim;
  private final Setup setup;
  private final long[] frameSteps;
  private int nextFrame;
  private long stepsDone;

  /**
   * A replay starting at a stored frame.
   *
   * @param frame the stored frame (with velocities); its step must be one of {@code frameSteps}
   * @param setup the run's setup
   * @param frameSteps steps of every stored frame of the run, increasing (the engine is reset at
   *     each one it reaches, as the original run did); not modified
   * @throws IllegalArgumentException if the frame has no velocities or is not a stored frame
   */
  public Replay(Configuration frame, Setup setup, long[] frameSteps) {
    if (!frame.hasVelocities()) {
      throw new IllegalArgumentException(
          "frame at step " + frame.step() + " has no velocities; replay needs them");
    }
    if (Arrays.binarySearch(frameSteps, frame.step()) < 0) {
      throw new IllegalArgumentException(
          "step " + frame.step() + " is not a stored frame of the run; replay starts at one");
    }
    this.setup = setup;
    this.frameSteps = frameSteps.clone();
    this.sim =
        new Simulation(
            frame, setup.potential(), new BrownClarke(setup.temperature()), setup.options());
    this.nextFrame = firstAfter(this.frameSteps, frame.step());
  }

  private Replay(Replay other) {
    this.setup = other.setup;
    this.frameSteps = other.frameSteps;
    this.sim = new Simulation(other.sim.state(), setup.potential());
    this.nextFrame = other.nextFrame;
    this.stepsDone = 0;
  }

  private static int firstAfter(long[] steps, long step) {
    int k = 0;
    while (k < steps.length && steps[k] <= step) {
      k++;
    }
    return k;
  }

  /** An independent copy that continues exactly as this one would (a branch point). */
  public Replay copy() {
    return new Replay(this);
  }

  /** The current step (counted like the stored frames). */
  public long step() {
    return sim.stepCount();
  }

  /** Engine steps this replay (not its copies) has done. */
  public long stepsDone() {
    return stepsDone;
  }

  /** Number of particles. */
  public int size() {
    return sim.size();
  }

  /**
   * Steps to {@code target}, resetting the engine at every stored frame on the way, as the original
   * run did.
   *
   * @throws IllegalArgumentException if {@code target} is before the current step
   */
  public void advanceTo(long target) {
    if (target < sim.stepCount()) {
      throw new IllegalArgumentException(
          "cannot replay backwards: at step " + sim.stepCount() + ", asked for " + target);
    }
    while (sim.stepCount() < target) {
      long stop = nextFrame < frameSteps.length ? Math.min(target, frameSteps[nextFrame]) : target;
      long before = sim.stepCount();
      sim.run(stop - before);
      stepsDone += stop - before;
      if (nextFrame < frameSteps.length && sim.stepCount() == frameSteps[nextFrame]) {
        sim.resetToSnapshot();
        nextFrame++;
      }
    }
  }

  /** The current configuration (wrapped positions, images, velocities), without disturbing it. */
  public Configuration snapshot() {
    return sim.snapshot().withStepAndTime(sim.stepCount(), sim.stepCount() * setup.options().dt());
  }
}
