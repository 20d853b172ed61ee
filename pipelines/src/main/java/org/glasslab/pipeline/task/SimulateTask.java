package org.glasslab.pipeline.task;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import me.tongfei.progressbar.ProgressBar;
import org.apache.commons.math3.stat.descriptive.moment.StandardDeviation;
import org.glasslab.data.Configuration;
import org.glasslab.data.Trajectory;
import org.glasslab.data.io.AtomicFile;
import org.glasslab.data.io.DirectoryLock;
import org.glasslab.data.io.Format;
import org.glasslab.data.io.ReadOptions;
import org.glasslab.data.io.TrajectoryIO;
import org.glasslab.md.MdOptions;
import org.glasslab.md.Protocol;
import org.glasslab.md.ProtocolDriver;
import org.glasslab.md.ProtocolRun;
import org.glasslab.md.RunDirectory;
import org.glasslab.pipeline.engine.Bars;
import org.glasslab.pipeline.engine.Hashes;
import org.glasslab.pipeline.store.Table;

/**
 * {@code simulate}: md-engine's protocol of Jha &amp; Sengupta §II — prepare a random polydisperse
 * glass, equilibrate at T_p, quench to T, age t_w, then produce frames on the log-block schedule
 * S(f) = iB + 2^j — into a run directory of H5MD blocks ({@code block-NNNNNN.h5}), {@code run.json}
 * and {@code checkpoint.bin} (one writer per directory, {@link DirectoryLock}). The defaults are
 * the paper's (N = 2000, rho = 0.9, 11 % polydispersity, T_p = 0.5, dt = 0.003, B = 1 050 000,
 * N_cfg = 21). An interrupted run continues bit for bit from its checkpoint: the command with
 * {@code --resume} (parameters from the checkpoint), the stage whenever its resumable directory
 * holds a checkpoint of the same protocol.
 */
public final class SimulateTask
    extends AbstractTask<SimulateTask.Options, Void, SimulateTask.Result> {

  static final Param<Integer> PARTICLES =
      Param.integer("particles", 2000, "", "N", "Number of particles").cli("--particles", "-N");
  static final Param<Double> DENSITY =
      Param.real("density", 0.9, "length^-2", "RHO", "Number density rho");
  static final Param<Double> POLYDISPERSITY =
      Param.real("polydispersity", 0.11, "diameters", "S", "Diameter standard deviation, mean 1");

  /** The temperature after the quench (required for a new run). */
  public static final Param<Double> TEMPERATURE =
      Param.real(
              "temperature", null, "energy/k_B", "T", "Temperature T after the quench (required)")
          .cli("--temperature", "-T");

  static final Param<Double> PARENT_TEMPERATURE =
      Param.real("parent_temperature", 0.5, "energy/k_B", "TP", "Parent temperature T_p");
  static final Param<Double> EQUILIBRATION_TIME =
      Param.real("equilibration_time", 1000.0, "time", "TIME", "Time at T_p");
  static final Param<Double> WAITING_TIME =
      Param.real("waiting_time", 9.45e5, "time", "TIME", "Aging time t_w at T (the paper's)");
  static final Param<Double> DT = Param.real("dt", 0.003, "time", "DT", "Time step");
  static final Param<Long> BLOCK_SIZE =
      Param.longInt("block_size", 1_050_000L, "steps", "B", "B, steps per block")
          .cli("--block-size", "-B");
  static final Param<Integer> N_CFG =
      Param.integer("n_cfg", 21, "", "N", "N_cfg, frames per block; needs 2^(N_cfg-1) < B");
  static final Param<Integer> BLOCKS = Param.integer("blocks", 1, "", "N", "Number of blocks");
  static final Param<Double> SKIN =
      Param.real(
          "skin", MdOptions.DEFAULT_SKIN, "length", "S", "Verlet skin (tuned for WCA at rho 0.9)");
  static final Param<String> STRESS_CONVENTION =
      new Param<>(
          "stress_convention",
          String.class,
          PhysicsParams.CONVENTION.defaultValue(),
          "",
          "C",
          PhysicsParams.CONVENTION.description() + " of the stored stress observables");

  /** A starting configuration instead of a prepared sample. */
  public static final Param<String> FROM =
      Param.text(
          "from",
          null,
          "CONFIG",
          "Start from this configuration (any format GlassLab reads: H5MD, extended XYZ, LAMMPS"
              + " data or dump, run directory) instead of preparing a random sample; N, density"
              + " and polydispersity are then the file's, its velocities are used if it has"
              + " them, else drawn from the seed at the temperature of the first step; its content"
              + " enters the stage's cache key");

  static final Param<Integer> FROM_FRAME =
      Param.integer(
          "from_frame",
          -1,
          "",
          "K",
          "Frame of the --from file to start from (negative: from the end)");

  static final Param<String> TYPE_DIAMETERS =
      Param.text(
          "type_diameters",
          null,
          "TABLE",
          "Per-type diameters for a --from LAMMPS file without a diameter column: a file of 'type"
              + " diameter' lines, or a list like 1=0.9,2=1.1");

  static final Param<String> OUTPUT =
      Param.text("output", null, "DIR", "Output run directory").cli("--out", "-o");
  static final Param<Long> SEED =
      Param.longInt(
          "seed",
          1L,
          "",
          "SEED",
          "Random seed (the pipeline stage uses its engine-derived seed instead)");
  static final Param<Boolean> RESUME =
      Param.flag("resume", "Continue the run in OUTPUT from its checkpoint");
  static final Param<Long> CHECKPOINT_EVERY =
      Param.longInt(
          "checkpoint_every",
          1_000_000L,
          "steps",
          "N",
          "Engine steps between checkpoints besides every frame");
  static final Param<Boolean> QUIET =
      Param.flag("quiet", "No progress bar and no notes on stderr (errors are still printed)")
          .cli("--quiet", "-q");

  private static final List<Param<?>> PHYSICS =
      List.of(
          FROM,
          FROM_FRAME,
          TYPE_DIAMETERS,
          PARTICLES,
          DENSITY,
          POLYDISPERSITY,
          TEMPERATURE,
          PARENT_TEMPERATURE,
          EQUILIBRATION_TIME,
          WAITING_TIME,
          DT,
          BLOCK_SIZE,
          N_CFG,
          BLOCKS,
          SKIN,
          STRESS_CONVENTION,
          PhysicsParams.POTENTIAL);

  /** The task. */
  public static final SimulateTask INSTANCE = new SimulateTask();

  private SimulateTask() {
    super(
        "simulate",
        "Polydisperse MD with the Brown-Clarke isokinetic thermostat (Jha & Sengupta §II) into"
            + " OUTPUT/block-NNNNNN.h5 (H5MD, one file per block), OUTPUT/run.json and"
            + " OUTPUT/checkpoint.bin; frame f is at production step S(f) = i*B + 2^j.",
        Input.NONE,
        PHYSICS);
  }

  @Override
  public List<Param<?>> commandParams() {
    return List.of(OUTPUT, SEED, RESUME, CHECKPOINT_EVERY, QUIET);
  }

  @Override
  public List<String> outOptions() {
    return List.of(); // the output is the run directory
  }

  @Override
  public boolean configFile() {
    return true;
  }

  /** How the run directory is opened. */
  public enum Mode {
    /** A new run; a directory that already holds one is refused. */
    NEW,
    /** Continue from the checkpoint, with its parameters. */
    RESUME,
    /** Continue from a checkpoint of the same protocol, else start over (the stage). */
    RESTART_OR_RESUME
  }

  /**
   * @param protocol the protocol (null with {@link Mode#RESUME}: the checkpoint's)
   * @param output the run directory
   * @param mode how to open it
   * @param checkpointEvery engine steps between time-based checkpoints
   * @param progress whether to draw a progress bar and print notes on stderr (the command; false
   *     with {@code --quiet})
   * @param potential requested potential spec (checked against a resumed checkpoint)
   * @param start the configuration {@code protocol.start()} describes (null: a prepared sample)
   */
  public record Options(
      Protocol protocol,
      Path output,
      Mode mode,
      long checkpointEvery,
      boolean progress,
      String potential,
      Configuration start) {

    /** These options for the stage: its directory, its seed, resuming a matching checkpoint. */
    public Options forStage(Path dir, long seed) {
      return new Options(
          protocol.withSeed(seed),
          dir,
          Mode.RESTART_OR_RESUME,
          Long.MAX_VALUE / 4,
          false,
          potential,
          start);
    }

    /** A fresh run of the protocol: the prepared sample, or the starting configuration. */
    ProtocolRun prepare() {
      return start == null ? ProtocolRun.prepare(protocol) : ProtocolRun.prepare(protocol, start);
    }
  }

  /**
   * @param protocol the protocol run
   * @param output the run directory
   * @param frames frames recorded
   * @param engineSteps engine steps done
   * @param wallSeconds wall time of this invocation
   * @param atomStepsPerSecond throughput of this invocation
   */
  public record Result(
      Protocol protocol,
      Path output,
      int frames,
      long engineSteps,
      double wallSeconds,
      double atomStepsPerSecond) {}

  @Override
  public Options parameters(Values v) {
    String out = v.get(OUTPUT);
    boolean resume = v.get(RESUME);
    String pot = PhysicsParams.potentialSpec(v);
    long every = v.get(CHECKPOINT_EVERY);
    CHECKPOINT_EVERY.require(every >= 1, "must be >= 1, got " + every);
    Path dir = out == null ? null : Path.of(out);
    if (resume) {
      for (Param<?> p : PHYSICS) {
        if (p != PhysicsParams.POTENTIAL && v.given(p)) {
          throw RESUME.invalid(
              "takes every parameter from the checkpoint; pass only the output (got "
                  + p.option()
                  + ")");
        }
      }
      RESUME.require(!v.given(SEED), "takes the seed from the checkpoint");
      return new Options(null, dir, Mode.RESUME, every, !v.get(QUIET), pot, null);
    }
    Double t = v.get(TEMPERATURE);
    TEMPERATURE.require(t != null, "required: the temperature T after the quench");
    Start start = v.get(FROM) == null ? null : start(v);
    Protocol p;
    try {
      p =
          new Protocol(
              start == null ? v.get(PARTICLES) : start.config().size(),
              start == null ? v.get(DENSITY) : start.density(),
              start == null ? v.get(POLYDISPERSITY) : start.polydispersity(),
              v.get(PARENT_TEMPERATURE),
              t,
              v.get(EQUILIBRATION_TIME),
              v.get(WAITING_TIME),
              v.get(DT),
              v.get(BLOCK_SIZE),
              v.get(N_CFG),
              v.get(BLOCKS),
              v.get(SEED),
              v.get(SKIN),
              convention(v.get(STRESS_CONVENTION)),
              PhysicsParams.potential(pot, (String) null, "simulate"),
              start == null ? null : start.record());
    } catch (InvalidParam e) {
      throw e;
    } catch (IllegalArgumentException e) {
      // the MD layer names parameters by their symbols: N, T, T_p, t_w, B, N_cfg
      throw InvalidParam.attribute(
          e,
          "N must",
          PARTICLES,
          "density",
          DENSITY,
          "polydispersity",
          POLYDISPERSITY,
          "T_p ",
          PARENT_TEMPERATURE,
          "T must",
          TEMPERATURE,
          "equilibration time",
          EQUILIBRATION_TIME,
          "t_w ",
          WAITING_TIME,
          "skin",
          SKIN,
          "dt ",
          DT,
          "N_cfg",
          N_CFG,
          "block size",
          BLOCK_SIZE,
          "blocks",
          BLOCKS,
          "too many frames",
          BLOCKS);
    }
    return new Options(
        p, dir, Mode.NEW, every, !v.get(QUIET), pot, start == null ? null : start.config());
  }

  /** A starting configuration with what the protocol records of it. */
  private record Start(Configuration config, Protocol.Start record) {
    double density() {
      return config.size() / config.box().area();
    }

    /** Population standard deviation of the diameters (the file's, whatever their mean). */
    double polydispersity() {
      return new StandardDeviation(false).evaluate(config.diameters());
    }
  }

  /** Reads the {@code from} configuration; N, density and polydispersity must not be given. */
  private static Start start(Values v) {
    for (Param<?> q : List.of(PARTICLES, DENSITY, POLYDISPERSITY)) {
      if (v.given(q)) {
        throw FROM.invalid(
            "the starting configuration fixes N, density and polydispersity; drop " + q.option());
      }
    }
    Path file = Path.of(v.get(FROM));
    ReadOptions ro = ReadOptions.DEFAULTS.withDt(v.get(DT));
    String table = v.get(TYPE_DIAMETERS);
    if (table != null) {
      try {
        ro = ro.withTypeDiameters(ReadOptions.parseTypeDiameters(table));
      } catch (java.nio.file.NoSuchFileException e) {
        throw TYPE_DIAMETERS.invalid(
            table + ": no such file (expected a table file or TYPE=DIAMETER pairs like 1=0.9)");
      } catch (IOException | IllegalArgumentException e) {
        throw TYPE_DIAMETERS.invalid(e.getMessage());
      }
    }
    FROM.require(Files.isRegularFile(file) || Files.isDirectory(file), file + ": no such file");
    Configuration c;
    int k;
    try (Trajectory tr = TrajectoryIO.read(file, Format.of(file), ro)) {
      k = TrajectoryIO.frameIndex(tr, v.get(FROM_FRAME), file);
      c = tr.frame(k);
    } catch (IOException | IllegalArgumentException e) {
      throw FROM.invalid(e.getMessage());
    }
    String hash;
    try {
      hash = Hashes.ofPath(file);
    } catch (IOException e) {
      throw FROM.invalid(file + ": " + e.getMessage());
    }
    return new Start(
        c, new Protocol.Start(file.getFileName().toString(), hash, k, c.hasVelocities()));
  }

  private static org.glasslab.md.StressConvention convention(String name) {
    try {
      return PhysicsParams.convention(name);
    } catch (InvalidParam e) {
      throw STRESS_CONVENTION.invalid(e.reason());
    }
  }

  @Override
  public Result run(Options p, Void in) throws Exception {
    return simulate(
        p,
        null,
        m -> {
          if (p.progress()) {
            System.err.println("glasslab simulate: " + m);
          }
        });
  }

  /**
   * Runs (or continues) the protocol in {@code p.output()}, holding its {@link DirectoryLock}.
   *
   * @param progress receives (engine step, total); null = the stderr progress bar if {@code
   *     p.progress()}
   * @param log receives one-line notes (preparing, resuming)
   */
  public Result simulate(
      Options p, ProtocolDriver.Progress progress, java.util.function.Consumer<String> log)
      throws Exception {
    OUTPUT.require(p.output() != null, "missing the output directory");
    try (DirectoryLock lock = DirectoryLock.acquire(p.output(), "glasslab simulate")) {
      lock.deleteStaleTemporaries(p.output());
      RunDirectory dir = new RunDirectory(p.output());
      ProtocolRun run = open(p, dir, log);
      Protocol pr = run.protocol();
      long startStep = run.engineStep();
      long t0 = System.nanoTime();
      ProgressBar bar =
          progress == null && p.progress()
              ? Bars.start("simulate", pr.totalSteps(), startStep)
              : null;
      try {
        ProtocolDriver.run(
            run,
            dir,
            p.checkpointEvery(),
            bar == null
                ? progress
                : (step, total) -> {
                  bar.stepTo(step);
                  double sec = (System.nanoTime() - t0) * 1e-9;
                  bar.setExtraMessage(
                      String.format(
                          Locale.ROOT,
                          "%.3g atom-steps/s",
                          (step - startStep) * (double) pr.n() / sec));
                },
            null);
      } finally {
        if (bar != null) {
          bar.close();
        }
      }
      double sec = (System.nanoTime() - t0) * 1e-9;
      return new Result(
          pr,
          p.output(),
          run.nextFrame(),
          run.engineStep(),
          sec,
          (run.engineStep() - startStep) * (double) pr.n() / sec);
    }
  }

  private static ProtocolRun open(
      Options p, RunDirectory dir, java.util.function.Consumer<String> log) throws IOException {
    Path out = p.output();
    switch (p.mode()) {
      case RESUME -> {
        RESUME.require(dir.hasCheckpoint(), out + " holds no " + RunDirectory.CHECKPOINT);
        ProtocolRun run = ProtocolRun.restore(dir.readCheckpoint());
        PhysicsParams.potential(
            p.potential(),
            run.protocol().potential().spec(),
            out.resolve(RunDirectory.CHECKPOINT).toString());
        log.accept(
            String.format(
                Locale.ROOT,
                "resuming at engine step %d, frame %d",
                run.engineStep(),
                run.nextFrame()));
        return run;
      }
      case RESTART_OR_RESUME -> {
        if (dir.hasCheckpoint()) {
          ProtocolRun restored = ProtocolRun.restore(dir.readCheckpoint());
          if (restored.protocol().equals(p.protocol())) {
            log.accept(
                String.format(
                    Locale.ROOT,
                    "resuming the interrupted MD run at engine step %d of %d",
                    restored.engineStep(),
                    p.protocol().totalSteps()));
            return restored;
          }
          AtomicFile.deleteTree(out);
          Files.createDirectories(out);
        }
        return p.prepare();
      }
      default -> {
        if (dir.hasCheckpoint() || Files.exists(out.resolve(RunDirectory.INDEX))) {
          throw OUTPUT.invalid(
              out + " already holds a run; use --resume to continue it or another output");
        }
        Protocol pr = p.protocol();
        log.accept(
            (pr.start() == null
                    ? "preparing " + pr.n() + " particles"
                    : "starting " + pr.n() + " particles from " + pr.start().describe())
                + ", seed "
                + pr.seed());
        log.accept("protocol: " + pr.steps());
        return p.prepare();
      }
    }
  }

  @Override
  public Table table(Options p, Result r) {
    return Table.of(
        List.of("frames", "engine_steps", "wall_seconds", "atom_steps_per_second", "seed"),
        new int[] {r.frames()},
        new long[] {r.engineSteps()},
        new double[] {r.wallSeconds()},
        new double[] {r.atomStepsPerSecond()},
        new long[] {r.protocol().seed()});
  }

  @Override
  public Map<String, Object> report(Options p, Void in, Result r) {
    Map<String, Object> m = new LinkedHashMap<>();
    Protocol pr = r.protocol();
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("particles", pr.n());
    params.put("temperature", pr.temperature());
    params.put("potential", pr.potential().spec());
    m.put("parameters", params);
    m.put("output", r.output().toString());
    m.put("frames", r.frames());
    m.put("engine_steps", r.engineSteps());
    m.put("wall_seconds", r.wallSeconds());
    m.put("atom_steps_per_second", r.atomStepsPerSecond());
    m.put("seed", pr.seed());
    m.put("start", pr.start() == null ? "prepared from the seed" : pr.start().describe());
    m.put("protocol_steps", pr.steps());
    return m;
  }

  @Override
  public void print(Options p, Result r, String source, PrintWriter out) {
    out.printf(
        Locale.ROOT,
        "output %s%nframes %d%nengine steps %d%nwall %.2f s%natom-steps/s %.4g%n",
        r.output(),
        r.frames(),
        r.engineSteps(),
        r.wallSeconds(),
        r.atomStepsPerSecond());
  }
}
