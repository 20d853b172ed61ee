package org.glasslab.pipeline.stages;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.glasslab.data.TimeSeries;
import org.glasslab.data.Trajectory;
import org.glasslab.data.io.H5md;
import org.glasslab.md.MdOptions;
import org.glasslab.md.Protocol;
import org.glasslab.md.ProtocolDriver;
import org.glasslab.md.ProtocolRun;
import org.glasslab.md.RunDirectory;
import org.glasslab.md.StressConvention;
import org.glasslab.pipeline.engine.AbstractStage;
import org.glasslab.pipeline.engine.ParamException;
import org.glasslab.pipeline.engine.Params;
import org.glasslab.pipeline.engine.StageContext;
import org.glasslab.pipeline.plot.LinePlot;

/**
 * {@code simulate} (generator): md-engine's protocol of Jha &amp; Sengupta §II — prepare a random
 * polydisperse WCA glass, equilibrate at T_p, quench to T, age t_w, then produce frames on the
 * log-block schedule S(f) = iB + 2^j — written as one H5MD trajectory {@code trajectory.h5} with
 * the engine's per-frame observables (energies, temperature, stress, volumetric stress, norm).
 *
 * <p>md-engine writes its trajectory in segments (one H5MD file per block, {@link RunDirectory});
 * the stage assembles them into one file so that every downstream stage reads generated and
 * imported branches the same way. Segments and the engine checkpoint (written after every frame)
 * live in the instance's resumable directory, so a killed pipeline resumes the MD run where it
 * stopped, bit for bit; the engine deletes them once the instance is published. The seed is the
 * engine-derived stage seed (recorded in the manifest). All parameters are in reduced units.
 */
public final class SimulateStage extends AbstractStage {
  /** The stage (stateless). */
  public SimulateStage() {
    super(
        "simulate",
        1,
        Scope.BRANCH,
        List.of(),
        List.of(ImportStage.TRAJECTORY),
        "prepare a polydisperse WCA glass and run MD on the log-block schedule (md-engine)",
        params());
  }

  private static Map<String, String> params() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("temperature", "T after the quench (required)");
    m.put("n", "number of particles N (default 500)");
    m.put("density", "number density (default 0.9)");
    m.put("polydispersity", "diameter standard deviation, mean 1 (default 0.11)");
    m.put("parent_temperature", "T_p (default 0.5)");
    m.put("equilibration_time", "time at T_p (default 1000)");
    m.put("waiting_time", "aging time t_w at T (default 9.45e5, the paper's)");
    m.put("dt", "time step (default 0.003)");
    m.put("block_size", "B, steps per block (default 1050000)");
    m.put("n_cfg", "N_cfg, frames per block; needs 2^(N_cfg-1) < B (default 21)");
    m.put("blocks", "number of blocks (default 1)");
    m.put("skin", "Verlet skin (default " + MdOptions.DEFAULT_SKIN + ")");
    m.put(
        "stress_convention", "consistent (1/A, default) or paper_half (1/(2A), eq. 3 as printed)");
    m.put("potential", StageSupport.POTENTIAL_DOC);
    return m;
  }

  @Override
  public boolean stochastic() {
    return true;
  }

  static Protocol protocol(Params p, long seed) {
    if (!p.has("temperature")) {
      throw new ParamException("temperature", "required: the temperature T after the quench");
    }
    StressConvention conv;
    String c = p.getString("stress_convention", "consistent");
    switch (c) {
      case "consistent" -> conv = StressConvention.CONSISTENT;
      case "paper_half" -> conv = StressConvention.PAPER_HALF;
      default ->
          throw new ParamException(
              "stress_convention", "expected consistent or paper_half, got " + c);
    }
    return StageSupport.checked(
        "",
        () ->
            new Protocol(
                p.getInt("n", 500, 2, 10_000_000),
                p.getPositive("density", 0.9),
                StageSupport.nonNegative(p, "polydispersity", 0.11),
                p.getPositive("parent_temperature", 0.5),
                p.getPositive("temperature", 1),
                StageSupport.nonNegative(p, "equilibration_time", 1000.0),
                StageSupport.nonNegative(p, "waiting_time", 9.45e5),
                p.getPositive("dt", 0.003),
                p.getLong("block_size", 1_050_000L),
                p.getInt("n_cfg", 21),
                p.getInt("blocks", 1),
                seed,
                StageSupport.nonNegative(p, "skin", MdOptions.DEFAULT_SKIN),
                conv,
                StageSupport.potential(p, null, "simulate")));
  }

  @Override
  public void validate(Params p) {
    protocol(p, 0);
  }

  @Override
  public void run(StageContext ctx) throws Exception {
    Protocol p = protocol(ctx.params(), ctx.seed());
    // The segments and the engine checkpoint live in the instance's resumable directory: after a
    // crash or kill the rerun of this instance continues from the last checkpoint (bit for bit).
    Path md = ctx.resumableDir("md-segments");
    RunDirectory dir = new RunDirectory(md);
    ProtocolRun run = null;
    if (dir.hasCheckpoint()) {
      ProtocolRun restored = ProtocolRun.restore(dir.readCheckpoint());
      if (restored.protocol().equals(p)) {
        run = restored;
        ctx.log(
            "resuming the interrupted MD run at engine step %d of %d",
            run.engineStep(), p.totalSteps());
      } else {
        deleteTree(md);
        Files.createDirectories(md);
      }
    }
    if (run == null) {
      ctx.log(
          "preparing N=%d at T=%s (seed %d), %d engine steps",
          p.n(), p.temperature(), p.seed(), p.totalSteps());
      run = ProtocolRun.prepare(p);
    }
    long total = p.totalSteps();
    ctx.progress().total(1000);
    long[] done = {0};
    ProtocolDriver.run(
        run,
        dir,
        Long.MAX_VALUE / 4,
        (step, tot) -> {
          long permille = Math.min(1000, step * 1000 / Math.max(1, total));
          if (permille > done[0]) {
            ctx.progress().step(permille - done[0]);
            done[0] = permille;
          }
        },
        null);
    Map<String, TimeSeries> obs;
    int nf;
    try (Trajectory t = dir.open()) {
      H5md.write(ctx.output(ImportStage.TRAJECTORY), t);
      obs = t.observables();
      nf = t.frameCount();
    }
    double[] x = StageSupport.axis(nf);
    for (String name : List.of("temperature", "potential_energy")) {
      TimeSeries s = obs.get(name);
      if (s != null && s.components() == 1) {
        ctx.figure(
            "md_" + name,
            LinePlot.builder(name.replace('_', ' '), "frame", name.replace('_', ' '))
                .series(name, x, s.component(0))
                .points(true)
                .build(),
            "MD "
                + name.replace('_', ' ')
                + " per stored frame (log-block schedule, B = "
                + p.blockSize()
                + ", N_cfg = "
                + p.nCfg()
                + ", "
                + p.blocks()
                + " block(s)), N = "
                + p.n()
                + ", T = "
                + p.temperature()
                + ", seed "
                + p.seed());
      }
    }
  }

  private static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path q : s.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(q);
      }
    }
  }
}
