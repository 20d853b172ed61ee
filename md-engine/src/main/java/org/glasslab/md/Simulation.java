package org.glasslab.md;

import org.glasslab.data.Box;
import org.glasslab.data.Configuration;

/**
 * The one mutable owner of an MD state: positions, velocities, forces, diameters and images of N
 * unit-mass particles in a periodic box, integrated with velocity Verlet and a pluggable {@link
 * Thermostat}.
 *
 * <p>Order of operations in one {@link #step()}:
 *
 * <ol>
 *   <li>half kick {@code v += (dt/2) f} and drift {@code x += dt v} (one loop, which also finds the
 *       largest displacement since the last list build);
 *   <li>if some particle moved more than skin/2 since the last list build: wrap positions into the
 *       box (updating images), every {@code sortEvery} rebuilds reorder particles by cell, rebuild
 *       the cell and Verlet lists;
 *   <li>forces {@code f = F(x)};
 *   <li>half kick {@code v += (dt/2) f} (one loop, which also sums {@code v} and {@code v^2});
 *   <li>thermostat {@code endOfStep(v, moments)} (nothing for NVE; Brown–Clarke rescaling);
 *   <li>{@code step += 1}.
 * </ol>
 *
 * This is the order of LAMMPS' {@code fix nve} + {@code fix temp/rescale} (rescaling at end of
 * step). Internally particles may be reordered and positions are not wrapped between list builds;
 * {@link #snapshot()} always returns wrapped positions in the original particle order.
 */
public final class Simulation {
  private final Box box;
  private final int n;
  private final PairPotential potential;
  private final MdOptions options;
  private final double[] x;
  private final double[] v;
  private final double[] f;
  private final double[] d;
  private final int[] images;
  private final int[] order;
  private final NeighbourList list;
  private final PairForces forces;
  // the integration loops: in lanes with the vector force kernel (same kernel label), else scalar
  private final ForceKernel.StepLoops loops;
  private final double[] wrapTmp = new double[1];
  private final double[] virialTmp = new double[3];
  private final double[] moments = new double[3];
  private Thermostat thermostat;
  private long step;
  private long rebuilds;
  // rebuilds since the last frame reset (or start): the periodic sort happens when it is a
  // multiple of sortEvery, so the sorting rhythm restarts at every frame reset
  private long sortPhase;
  // sort scratch
  private final int[] sortKey;
  private final int[] sortPerm;
  private final int[] sortCount;
  private final double[] scratchD;
  private final int[] scratchI;

  /**
   * Starts a simulation from a configuration (positions wrapped; velocities zero when absent).
   *
   * @param start the initial configuration; its step is the initial step
   * @param potential the pair kernel
   * @param thermostat the thermostat ({@link Nve} for none)
   * @param options time step, skin, sorting and list limits
   */
  public Simulation(
      Configuration start, PairPotential potential, Thermostat thermostat, MdOptions options) {
    this(
        start.box(),
        start.positions(),
        start.hasVelocities() ? start.velocities() : new double[2 * start.size()],
        start.diameters(),
        start.images(),
        identity(start.size()),
        null,
        start.step(),
        0,
        0,
        potential,
        thermostat,
        options);
  }

  /** Restores a simulation from a checkpointed state (bit-exact continuation). */
  public Simulation(SimulationState s, PairPotential potential) {
    this(
        s.box(),
        s.positions(),
        s.velocities(),
        s.diameters(),
        s.images(),
        s.order(),
        s.buildPositions(),
        s.step(),
        s.rebuilds(),
        s.sortPhase(),
        potential,
        s.thermostat(),
        s.options());
  }

  private Simulation(
      Box box,
      double[] x,
      double[] v,
      double[] d,
      int[] images,
      int[] order,
      double[] buildPositions,
      long step,
      long rebuilds,
      long sortPhase,
      PairPotential potential,
      Thermostat thermostat,
      MdOptions options) {
    this.box = box;
    this.n = d.length;
    Kinetics.degreesOfFreedom(n);
    this.potential = potential;
    this.options = options;
    this.thermostat = thermostat;
    this.x = x.clone();
    this.v = v.clone();
    this.d = d.clone();
    this.f = new double[2 * n];
    this.images = images.clone();
    this.order = order.clone();
    this.step = step;
    this.rebuilds = rebuilds;
    this.sortPhase = sortPhase;
    double dMax = 0;
    for (double di : d) {
      dMax = Math.max(dMax, di);
    }
    this.list =
        new NeighbourList(
            box, n, potential.maxCutoff(dMax), options.skin(), options.maxNeighbours());
    this.forces = new PairForces(potential, list);
    this.loops =
        forces.kernel() == ForceKernel.VECTOR
            ? ForceKernel.newVectorStepLoops()
            : ForceKernel.StepLoops.SCALAR;
    this.sortKey = new int[n];
    this.sortPerm = new int[n];
    this.sortCount = new int[list.cellsX() * list.cellsY() + 1];
    this.scratchD = new double[2 * n];
    this.scratchI = new int[2 * n];
    if (buildPositions == null) {
      rebuild();
    } else {
      list.build(buildPositions, this.d, potential);
    }
    forces.forces(this.x, this.d, f);
  }

  private static int[] identity(int n) {
    int[] a = new int[n];
    for (int i = 0; i < n; i++) {
      a[i] = i;
    }
    return a;
  }

  /** Advances one velocity-Verlet step (see the class comment for the order of operations). */
  public void step() {
    final double dt = options.dt();
    final double h = 0.5 * dt;
    final double[] x = this.x;
    final double[] v = this.v;
    final double[] f = this.f;
    final double[] xb = list.buildPositionsLive();
    // half kick + drift, tracking the largest displacement since the last list build
    double maxDisp2 = loops.kickDrift(x, v, f, xb, n, h, dt);
    if (!(maxDisp2 <= list.halfSkinSquared())) { // NaN too: rebuild() refuses it
      rebuild();
    }
    forces.forces(x, d, f);
    // second half kick, accumulating the velocity moments the thermostat needs
    loops.kick(v, f, n, h, moments);
    thermostat.endOfStep(v, n, moments);
    step++;
  }

  /** Advances {@code steps} steps. */
  public void run(long steps) {
    for (long s = 0; s < steps; s++) {
      step();
    }
  }

  private void rebuild() {
    for (int k = 0; k < 2 * n; k++) {
      double before = x[k];
      images[k] += box.wrap(x[k], k & 1, wrapTmp);
      x[k] = wrapTmp[0];
      if (!(x[k] >= 0 && x[k] < box.length(k & 1))) { // NaN, or beyond 2^31 box lengths
        throw new IllegalStateException(
            "MD became unstable at step "
                + step
                + ": particle "
                + k / 2
                + " flew off to "
                + before
                + " (is the time step dt = "
                + options.dt()
                + " too large?)");
      }
    }
    if (options.sortEvery() > 0 && sortPhase % options.sortEvery() == 0) {
      spatialSort();
    }
    list.build(x, d, potential);
    rebuilds++;
    sortPhase++;
  }

  /**
   * Puts the engine in the state a new {@code Simulation} built from {@link #snapshot()} (same
   * potential, thermostat and options) would have: positions wrapped into the box, particles back
   * in their original order, then the start-up list build (a spatial sort, the cell and Verlet
   * lists, the periodic-sort rhythm restarted) and the forces recomputed. The positions and
   * velocities are not changed, only how the engine holds them, so the physics is unchanged; but
   * afterwards the state is a function of {@code snapshot()} alone. {@code ProtocolRun} calls this
   * at every stored frame, which is what makes a replay from a stored frame ({@link Replay})
   * reproduce the next stored frame bit for bit. Not per step: it costs one list build.
   */
  public void resetToSnapshot() {
    for (int k = 0; k < n; k++) {
      int o = order[k];
      for (int c = 0; c < 2; c++) {
        int shift = box.wrap(x[2 * k + c], c, wrapTmp);
        scratchD[2 * o + c] = wrapTmp[0];
        scratchI[2 * o + c] = images[2 * k + c] + shift;
      }
    }
    System.arraycopy(scratchD, 0, x, 0, 2 * n);
    System.arraycopy(scratchI, 0, images, 0, 2 * n);
    for (int k = 0; k < n; k++) {
      int o = order[k];
      scratchD[2 * o] = v[2 * k];
      scratchD[2 * o + 1] = v[2 * k + 1];
    }
    System.arraycopy(scratchD, 0, v, 0, 2 * n);
    for (int k = 0; k < n; k++) {
      scratchD[order[k]] = d[k];
    }
    System.arraycopy(scratchD, 0, d, 0, n);
    for (int k = 0; k < n; k++) {
      order[k] = k;
    }
    sortPhase = 0;
    rebuild();
    forces.forces(x, d, f);
  }

  /** Reorders particles by cell (counting sort, stable) for memory locality. */
  private void spatialSort() {
    int nCells = sortCount.length - 1;
    java.util.Arrays.fill(sortCount, 0);
    for (int i = 0; i < n; i++) {
      int c = list.cellIndex(x[2 * i], x[2 * i + 1]);
      // serpentine order of rows keeps consecutive cells adjacent
      int cx = c % list.cellsX();
      int cy = c / list.cellsX();
      if ((cy & 1) == 1) {
        c = cy * list.cellsX() + (list.cellsX() - 1 - cx);
      }
      sortKey[i] = c;
      sortCount[c + 1]++;
    }
    for (int c = 0; c < nCells; c++) {
      sortCount[c + 1] += sortCount[c];
    }
    for (int i = 0; i < n; i++) {
      sortPerm[sortCount[sortKey[i]]++] = i; // new slot -> old slot
    }
    permute2(x);
    permute2(v);
    permute2(f);
    permute2(images);
    for (int k = 0; k < n; k++) {
      scratchD[k] = d[sortPerm[k]];
    }
    System.arraycopy(scratchD, 0, d, 0, n);
    for (int k = 0; k < n; k++) {
      scratchI[k] = order[sortPerm[k]];
    }
    System.arraycopy(scratchI, 0, order, 0, n);
  }

  private void permute2(double[] a) {
    for (int k = 0; k < n; k++) {
      int o = sortPerm[k];
      scratchD[2 * k] = a[2 * o];
      scratchD[2 * k + 1] = a[2 * o + 1];
    }
    System.arraycopy(scratchD, 0, a, 0, 2 * n);
  }

  private void permute2(int[] a) {
    for (int k = 0; k < n; k++) {
      int o = sortPerm[k];
      scratchI[2 * k] = a[2 * o];
      scratchI[2 * k + 1] = a[2 * o + 1];
    }
    System.arraycopy(scratchI, 0, a, 0, 2 * n);
  }

  /** Number of particles. */
  public int size() {
    return n;
  }

  /** The box. */
  public Box box() {
    return box;
  }

  /** Current step. */
  public long stepCount() {
    return step;
  }

  /** Current time {@code step * dt} [time]. */
  public double time() {
    return step * options.dt();
  }

  /** The numerical options. */
  public MdOptions options() {
    return options;
  }

  /** The pair kernel. */
  public PairPotential potential() {
    return potential;
  }

  /** The current thermostat. */
  public Thermostat thermostat() {
    return thermostat;
  }

  /** The per-step force kernel in use (see {@link ForceKernel}). */
  public ForceKernel forceKernel() {
    return forces.kernel();
  }

  /** Number of pairs in the current neighbour list. */
  public int pairCount() {
    return list.pairCount();
  }

  /** Number of neighbour-list rebuilds so far. */
  public long rebuilds() {
    return rebuilds;
  }

  /**
   * Replaces the thermostat (e.g. a quench: a Brown–Clarke thermostat at a lower T). Velocities are
   * not touched until the end of the next step.
   */
  public void setThermostat(Thermostat newThermostat) {
    this.thermostat = newThermostat;
  }

  /**
   * Applies the current thermostat's end-of-step action now (e.g. to put the kinetic temperature at
   * the target right after a quench or after drawing velocities).
   */
  public void applyThermostat() {
    thermostat.endOfStep(v, n);
  }

  /** Kinetic temperature {@code sum v^2/(2N-2)} [energy/k_B]. */
  public double kineticTemperature() {
    return Kinetics.temperature(v, n);
  }

  /** Kinetic energy [energy]. */
  public double kineticEnergy() {
    return Kinetics.kineticEnergy(v, n);
  }

  /** Total momentum (px, py). */
  public double[] momentum() {
    return Kinetics.momentum(v, n);
  }

  /**
   * Observables of the current state, with the kinetic temperature in the kinetic stress term.
   *
   * @param convention pair prefactor of the stress
   */
  public Thermo thermo(StressConvention convention) {
    double u = forces.compute(x, d, null, virialTmp);
    double k = Kinetics.kineticEnergy(v, n);
    return Thermo.of(
        n, box.area(), u, k, 2 * k / Kinetics.degreesOfFreedom(n), virialTmp, convention);
  }

  /**
   * Recomputes the forces of the current positions in place (the per-step force kernel alone; for
   * benchmarks). The state is unchanged: forces are a pure function of the positions.
   *
   * @return the x force on the first internal particle (to defeat dead-code elimination)
   */
  public double evaluateForces() {
    forces.forces(x, d, f);
    return f[0];
  }

  /** Potential energy [energy]. */
  public double potentialEnergy() {
    return forces.compute(x, d, null, virialTmp);
  }

  /** The current configuration: wrapped positions, images, velocities, original particle order. */
  public Configuration snapshot() {
    double[] px = new double[2 * n];
    int[] im = new int[2 * n];
    double[] pv = new double[2 * n];
    double[] pd = new double[n];
    double[] tmp = new double[1];
    for (int k = 0; k < n; k++) {
      int o = order[k];
      for (int c = 0; c < 2; c++) {
        int shift = box.wrap(x[2 * k + c], c, tmp);
        px[2 * o + c] = tmp[0];
        im[2 * o + c] = images[2 * k + c] + shift;
        pv[2 * o + c] = v[2 * k + c];
      }
      pd[o] = d[k];
    }
    return new Configuration(box, px, im, pd, pv, null, null, step, time());
  }

  /** Forces in the original particle order [2N] [energy/length]; a copy. */
  public double[] forces() {
    double[] out = new double[2 * n];
    for (int k = 0; k < n; k++) {
      out[2 * order[k]] = f[2 * k];
      out[2 * order[k] + 1] = f[2 * k + 1];
    }
    return out;
  }

  /** The complete state for a checkpoint; restoring it continues bit for bit. */
  public SimulationState state() {
    return new SimulationState(
        box,
        x.clone(),
        v.clone(),
        d.clone(),
        images.clone(),
        order.clone(),
        list.buildPositions(),
        step,
        rebuilds,
        sortPhase,
        thermostat,
        options);
  }
}
