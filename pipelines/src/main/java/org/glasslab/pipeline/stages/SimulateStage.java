package org.glasslab.pipeline.stages;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.glasslab.data.TimeSeries;
import org.glasslab.data.Trajectory;
import org.glasslab.data.io.H5mdWriter;
import org.glasslab.md.Protocol;
import org.glasslab.md.RunDirectory;
import org.glasslab.pipeline.engine.Params;
import org.glasslab.pipeline.engine.StageContext;
import org.glasslab.pipeline.plot.LinePlot;
import org.glasslab.pipeline.plot.Units;
import org.glasslab.pipeline.task.SimulateTask;

/**
 * {@code simulate} (generator): the {@link SimulateTask} in the instance's resumable directory
 * (segments and checkpoint survive a kill, so a rerun continues bit for bit; the engine deletes
 * them once the instance is published), seeded with the engine-derived stage seed, streamed into
 * the H5MD trajectory {@code trajectory.h5} (one file, or a segmented directory when long, see
 * {@code H5mdWriter}) with the engine's per-frame observables and the run's parameters (so that
 * {@code refine} can replay it), so that every downstream stage reads generated and imported
 * branches the same way.
 */
public final class SimulateStage
    extends TaskStage<SimulateTask.Options, Void, SimulateTask.Result> {
  /** The stage (stateless). */
  public SimulateStage() {
    super(
        "simulate",
        SimulateTask.INSTANCE,
        4, // 4: compressed H5MD, segmented when long
        List.of(),
        List.of(ImportStage.TRAJECTORY),
        "prepare a polydisperse glass and run MD on the log-block schedule (md-engine)",
        Map.of());
  }

  @Override
  public boolean stochastic() {
    return true;
  }

  /**
   * The {@code from} configuration (a file, or every file of a run directory): its content enters
   * the cache key.
   */
  @Override
  public List<Path> parameterFiles(Params p) {
    String from = p.getString(SimulateTask.FROM.name(), null);
    if (from == null) {
      return List.of();
    }
    Path f = Path.of(from);
    if (!Files.isDirectory(f)) {
      return List.of(f);
    }
    try (Stream<Path> s = Files.walk(f)) {
      return s.filter(Files::isRegularFile).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(f + ": " + e.getMessage(), e);
    }
  }

  @Override
  public void run(StageContext ctx) throws Exception {
    Path md = ctx.resumableDir("md-segments");
    SimulateTask.Options o = parameters(ctx.params()).forStage(md, ctx.seed());
    Protocol p = o.protocol();
    ctx.log(
        "N=%d at T=%s (seed %d), %d engine steps; %s",
        p.n(),
        p.temperature(),
        p.seed(),
        p.totalSteps(),
        p.start() == null ? "prepared from the seed" : "from " + p.start().describe());
    ctx.progress().total(1000);
    long[] done = {0};
    SimulateTask.INSTANCE.simulate(
        o,
        (step, total) -> {
          long permille = Math.min(1000, step * 1000 / Math.max(1, total));
          if (permille > done[0]) {
            ctx.progress().step(permille - done[0]);
            done[0] = permille;
          }
        },
        m -> ctx.log("%s", m));
    Map<String, TimeSeries> obs;
    double[] x;
    try (Trajectory t = new RunDirectory(md).open()) {
      H5mdWriter.copy(ctx.output(ImportStage.TRAJECTORY), t, true); // replay needs velocities
      obs = t.observables();
      x = new double[t.frameCount()];
      for (int k = 0; k < x.length; k++) {
        x[k] = t.time(k);
      }
    }
    for (String name : List.of("temperature", "potential_energy")) {
      TimeSeries s = obs.get(name);
      if (s != null && s.components() == 1) {
        ctx.figure(
            "md_" + name,
            LinePlot.builder(
                    name.replace('_', ' '), Units.TIME, Units.label(name.replace('_', ' '), name))
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
}
