package org.glasslab.md;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.glasslab.data.Box;
import org.glasslab.data.Configuration;
import org.glasslab.data.FrameSchedule;
import org.glasslab.data.Limits;
import org.glasslab.data.MemoryTrajectory;
import org.glasslab.data.TimeSeries;
import org.glasslab.data.random.Rng;

/**
 * A {@link Protocol} in progress: the random sample, the engine, the quench flag, and the frames of
 * the production block being filled. {@link #checkpoint()} captures all of it (RNG included);
 * {@link #restore} continues bit for bit.
 *
 * <p>Engine steps run from 0 (start of equilibration at T_p); the quench to T happens when the
 * engine reaches {@link Protocol#equilibrationSteps()}: the thermostat target becomes T and the
 * velocities are rescaled at once. Frame {@code f} is recorded at engine step {@code
 * productionStart + S(f)}, and stored with step {@code S(f)} and time {@code S(f) dt} (the paper's
 * frame-to-time conversion, eq. 2). Before a frame is recorded the engine is reset to it ({@link
 * Simulation#resetToSnapshot()}), so that {@link Replay} can continue from any stored frame bit for
 * bit.
 */
public final class ProtocolRun {
  /** Per-frame observable names written with each block. */
  public static final String[] OBSERVABLES = {
    "potential_energy",
    "kinetic_energy",
    "temperature",
    "stress",
    "volumetric_stress",
    "stress_norm",
    "pressure"
  };

  /** Receives completed frames and blocks. */
  public interface Listener {
    /** Called after frame {@code f} was recorded (after {@link #onBlock} if it closed a block). */
    default void onFrame(ProtocolRun run, int f) throws IOException {}

    /** Called when block {@code block} is complete, with its frames and observables. */
    default void onBlock(ProtocolRun run, int block, MemoryTrajectory frames) throws IOException {}
  }

  private final Protocol protocol;
  private final Rng rng;
  private final Simulation sim;
  private final FrameSchedule.LogBlock schedule;
  private boolean quenched;
  private int nextFrame;
  private final List<Configuration> pendingFrames;
  private final List<double[]> pendingRaw;

  private ProtocolRun(
      Protocol protocol,
      Rng rng,
      Simulation sim,
      boolean quenched,
      int nextFrame,
      List<Configuration> pendingFrames,
      List<double[]> pendingRaw) {
    this.protocol = protocol;
    this.rng = rng;
    this.sim = sim;
    this.schedule = protocol.schedule();
    this.quenched = quenched;
    this.nextFrame = nextFrame;
    this.pendingFrames = new ArrayList<>(pendingFrames);
    this.pendingRaw = new ArrayList<>(pendingRaw);
  }

  /**
   * Prepares the sample from the seed: diameters, overlap-free random positions, Maxwell–Boltzmann
   * velocities at T_p (all drawn from one {@link Rng} seeded with {@code protocol.seed()}).
   */
  public static ProtocolRun prepare(Protocol p) {
    if (p.start() != null) {
      throw new IllegalArgumentException(
          "the protocol starts from " + p.start().source() + ": pass its configuration");
    }
    // About 250 bytes a particle: positions, velocities, forces, images, diameters, the Verlet and
    // cell lists, the frames of one block in memory.
    Limits.elements(p.n(), 250, "MD state for N = " + p.n() + " particles");
    Rng rng = new Rng(p.seed());
    double[] fixed = p.potential().sampleDiameters(p.n());
    double[] d =
        fixed != null ? fixed : SamplePreparation.diameters(p.n(), p.polydispersity(), rng);
    Box box = Box.square(p.n(), p.density());
    Configuration c =
        SamplePreparation.randomStart(box, d, SamplePreparation.DEFAULT_MAX_OVERLAP, rng);
    double[] v = Kinetics.maxwellBoltzmann(p.n(), p.parentTemperature(), rng);
    return begin(p, rng, c.withVelocities(v));
  }

  /**
   * Starts the protocol from a given configuration ({@code p.start()} describes it): its positions,
   * images and diameters, and its velocities when {@link Protocol.Start#velocities()}, else
   * Maxwell–Boltzmann velocities drawn from the seed at the temperature of the first step (T_p, or
   * T when there is no equilibration). Engine step 0 is this configuration. As with a prepared
   * sample, a protocol without equilibration quenches at step 0: the velocities are rescaled to T
   * (a file already at T is unchanged to rounding).
   *
   * @throws IllegalArgumentException if the configuration does not match the protocol's N and
   *     density or lacks the velocities the start says it has
   */
  public static ProtocolRun prepare(Protocol p, Configuration start) {
    Protocol.Start s = p.start();
    if (s == null) {
      throw new IllegalArgumentException("the protocol prepares its own sample: no start file");
    }
    if (start.size() != p.n() || p.n() / start.box().area() != p.density()) {
      throw new IllegalArgumentException(
          s.source() + ": N = " + start.size() + " and its box do not match the protocol's");
    }
    if (s.velocities() != start.hasVelocities()) {
      throw new IllegalArgumentException(
          s.source() + (start.hasVelocities() ? " has velocities" : " has no velocities"));
    }
    Limits.elements(p.n(), 250, "MD state for N = " + p.n() + " particles");
    Rng rng = new Rng(p.seed());
    Configuration c = start.withStepAndTime(0, 0);
    if (!s.velocities()) {
      double t0 = p.equilibrationSteps() == 0 ? p.temperature() : p.parentTemperature();
      c = c.withVelocities(Kinetics.maxwellBoltzmann(p.n(), t0, rng));
    }
    return begin(p, rng, c);
  }

  private static ProtocolRun begin(Protocol p, Rng rng, Configuration c) {
    boolean quench = p.equilibrationSteps() == 0;
    Thermostat t = new BrownClarke(quench ? p.temperature() : p.parentTemperature());
    Simulation sim = new Simulation(c, p.potential(), t, p.mdOptions());
    if (quench) {
      sim.applyThermostat();
    }
    return new ProtocolRun(p, rng, sim, quench, 0, List.of(), List.of());
  }

  /** Continues from a checkpoint. */
  public static ProtocolRun restore(ProtocolCheckpoint c) {
    Simulation sim = new Simulation(c.state(), c.protocol().potential());
    return new ProtocolRun(
        c.protocol(),
        Rng.fromState(c.rngState()),
        sim,
        c.quenched(),
        c.nextFrame(),
        c.pendingFrames(),
        c.pendingRaw());
  }

  /** Everything needed to continue bit for bit. */
  public ProtocolCheckpoint checkpoint() {
    return new ProtocolCheckpoint(
        protocol,
        rng.saveState(),
        sim.state(),
        quenched,
        nextFrame,
        List.copyOf(pendingFrames),
        List.copyOf(pendingRaw));
  }

  /** The protocol. */
  public Protocol protocol() {
    return protocol;
  }

  /** The engine (for observation; do not step it directly). */
  public Simulation simulation() {
    return sim;
  }

  /** Current engine step. */
  public long engineStep() {
    return sim.stepCount();
  }

  /** Index of the next frame to record (= frames recorded so far). */
  public int nextFrame() {
    return nextFrame;
  }

  /** True when every frame has been recorded. */
  public boolean finished() {
    return nextFrame >= schedule.frameCount();
  }

  private long nextEventStep() {
    long e = protocol.equilibrationSteps();
    if (!quenched) {
      return e;
    }
    return protocol.productionStart() + schedule.step(nextFrame);
  }

  /**
   * Runs until the protocol is finished or {@code maxSteps} engine steps have been done, calling
   * the listener at every frame and block.
   *
   * @return the number of engine steps done
   */
  public long advance(long maxSteps, Listener listener) throws IOException {
    long begin = sim.stepCount();
    long budgetEnd = begin + maxSteps;
    while (!finished() && sim.stepCount() < budgetEnd) {
      long target = Math.min(nextEventStep(), budgetEnd);
      while (sim.stepCount() < target) {
        sim.step();
      }
      if (!quenched && sim.stepCount() == protocol.equilibrationSteps()) {
        sim.setThermostat(new BrownClarke(protocol.temperature()));
        sim.applyThermostat();
        quenched = true;
      }
      if (quenched && sim.stepCount() == protocol.productionStart() + schedule.step(nextFrame)) {
        record(listener);
      }
    }
    return sim.stepCount() - begin;
  }

  private void record(Listener listener) throws IOException {
    int f = nextFrame;
    long s = schedule.step(f);
    sim.resetToSnapshot(); // the stored frame is then the whole engine state: exact replay
    Configuration c = sim.snapshot().withStepAndTime(s, s * protocol.dt());
    Thermo t = sim.thermo(protocol.convention());
    pendingFrames.add(c);
    pendingRaw.add(
        new double[] {
          t.potentialEnergy(),
          t.kineticEnergy(),
          t.temperature(),
          t.virialXx(),
          t.virialYy(),
          t.virialXy()
        });
    nextFrame++;
    if (schedule.indexInBlock(f) == schedule.nCfg() - 1) {
      MemoryTrajectory block = blockTrajectory(pendingFrames, pendingRaw, protocol);
      pendingFrames.clear();
      pendingRaw.clear();
      listener.onBlock(this, schedule.block(f), block);
    }
    listener.onFrame(this, f);
  }

  /**
   * The frames of a block with their observables (see {@link #withObservables}).
   *
   * @param raw per frame (U, K, T, W_xx, W_yy, W_xy)
   */
  static MemoryTrajectory blockTrajectory(
      List<Configuration> frames, List<double[]> raw, Protocol p) {
    List<Thermo> thermo = new ArrayList<>(frames.size());
    for (int k = 0; k < frames.size(); k++) {
      Configuration c = frames.get(k);
      double[] r = raw.get(k);
      thermo.add(
          Thermo.of(
              c.size(),
              c.box().area(),
              r[0],
              r[1],
              r[2],
              new double[] {r[3], r[4], r[5]},
              p.convention()));
    }
    return withObservables(frames, thermo, p.potential().spec());
  }

  /**
   * Frames with the per-frame observables a run stores ({@link #OBSERVABLES}): potential_energy,
   * kinetic_energy, temperature, stress (sxx, syy, sxy, syx), volumetric_stress, stress_norm,
   * pressure — the layout of every block file, also used for replayed frames.
   *
   * @param thermo the observables of each frame, in frame order
   * @param potential the pair potential's spec, recorded with the trajectory
   */
  public static MemoryTrajectory withObservables(
      List<Configuration> frames, List<Thermo> thermo, String potential) {
    int nf = frames.size();
    long[] steps = new long[nf];
    double[] times = new double[nf];
    double[][][] values = new double[OBSERVABLES.length][nf][];
    for (int k = 0; k < nf; k++) {
      Configuration c = frames.get(k);
      steps[k] = c.step();
      times[k] = c.time();
      Thermo t = thermo.get(k);
      values[0][k] = new double[] {t.potentialEnergy()};
      values[1][k] = new double[] {t.kineticEnergy()};
      values[2][k] = new double[] {t.temperature()};
      values[3][k] = new double[] {t.sxx(), t.syy(), t.sxy(), t.syx()};
      values[4][k] = new double[] {t.volumetric()};
      values[5][k] = new double[] {t.norm()};
      values[6][k] = new double[] {t.pressure()};
    }
    Map<String, TimeSeries> obs = new LinkedHashMap<>();
    for (int o = 0; o < OBSERVABLES.length; o++) {
      obs.put(OBSERVABLES[o], new TimeSeries(OBSERVABLES[o], steps, times, values[o]));
    }
    return new MemoryTrajectory(frames, obs, potential);
  }
}
