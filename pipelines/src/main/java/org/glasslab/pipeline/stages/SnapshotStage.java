package org.glasslab.pipeline.stages;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.glasslab.analysis.events.EventFrames;
import org.glasslab.data.Configuration;
import org.glasslab.pipeline.engine.AbstractStage;
import org.glasslab.pipeline.engine.Params;
import org.glasslab.pipeline.engine.StageContext;
import org.glasslab.pipeline.plot.Snapshot;
import org.glasslab.pipeline.store.Hdf5Arrays;

/**
 * {@code snapshots}: MD snapshots around an event of the IS catalogue ({@code event} and {@code
 * refined} keys, {@link StageSupport#window}): for each of the three equal-time frame pairs before,
 * at and after the event, the pair's current MD frame with each particle a disk of its diameter
 * coloured by the length of its displacement since the pair's reference frame, the displacement
 * drawn as an arrow; the displacements go to {@code displacement.h5}. The MD trajectory and the IS
 * trajectory the catalogue came from must match (N, frames, steps, box), else nothing is drawn.
 *
 * <p>Displacement of particle i over a pair (ref, cur): {@code u_i = r_i(cur) - r_i(ref)} from
 * unwrapped positions (wrapped + image·L), exact across the periodic boundary as long as the file
 * carries images. Shapes in {@code displacement.h5}: {@code displacement [3][2N]} (u_x0, u_y0, ...)
 * [length], {@code frames [3][2]} (reference and current frame of before, at, after), {@code steps
 * [3][2]} [steps]. Version 2: event-centred pairs instead of a list of frame indices.
 */
public final class SnapshotStage extends AbstractStage {
  /** The stage (stateless). */
  public SnapshotStage() {
    super(
        "snapshots",
        2,
        Scope.BRANCH,
        List.of(ImportStage.TRAJECTORY, MinimizeStage.IS, "events.csv"),
        List.of("displacement.h5"),
        "MD snapshots before/at/after a catalogue event, coloured by displacement over equal-time"
            + " frame pairs, with arrows",
        extra());
  }

  private static Map<String, String> extra() {
    Map<String, String> m = StageSupport.eventKeys();
    m.put("arrow_scale", "arrow length per unit displacement (default 1)");
    m.put("pixels", "pixels across the longer box edge (default 600)");
    return m;
  }

  @Override
  public void validate(Params p) {
    StageSupport.validateEvent(p);
    p.getPositive("arrow_scale", 1);
    p.getInt("pixels", 600, 100, 4000);
  }

  @Override
  public void run(StageContext ctx) throws Exception {
    Params p = ctx.params();
    double scale = p.getPositive("arrow_scale", 1);
    int pixels = p.getInt("pixels", 600);
    Path md = ctx.input(ImportStage.TRAJECTORY);
    StageSupport.requireMatching(md, ctx.input(MinimizeStage.IS));
    StageSupport.EventWindow w = StageSupport.window(p, ctx.input("events.csv"), md, "md.h5");
    double[][] u = new double[3][];
    long[][] steps = new long[3][];
    for (int i = 0; i < 3; i++) {
      Configuration ref = w.configs()[i][0];
      Configuration cur = w.configs()[i][1];
      double[] r0 = ref.unwrappedPositions();
      double[] r = cur.unwrappedPositions();
      u[i] = new double[r.length];
      for (int j = 0; j < r.length; j++) {
        u[i][j] = r[j] - r0[j];
      }
      steps[i] = new long[] {ref.step(), cur.step()};
      double[] mag = new double[cur.size()];
      for (int j = 0; j < mag.length; j++) {
        mag[j] = Math.hypot(u[i][2 * j], u[i][2 * j + 1]);
      }
      String name = EventFrames.NAMES[i];
      if (!w.drawn(i)) {
        continue; // the event pair repeated (no frame on this side); said in its caption
      }
      ctx.figure(
          "snapshot_" + name,
          Snapshot.builder(cur)
              .field(mag, "|u|")
              .arrows(u[i], scale)
              .title(ctx.branchId() + ", " + name + ": step " + ref.step() + " -> " + cur.step())
              .boxPixels(pixels)
              .build(),
          "MD particles of branch "
              + ctx.branchId()
              + ", disks of true diameter coloured by the displacement |u| over the pair "
              + w.describe(i)
              + "; arrows: u x "
              + scale
              + "; event "
              + w.choice().label()
              + (i == 1 ? "." + w.repeatedNote() : ""));
    }
    Map<String, Object> ds = new LinkedHashMap<>();
    ds.put("displacement", u);
    ds.put("frames", w.frames().pairs());
    ds.put("steps", steps);
    Map<String, Object> attrs = new LinkedHashMap<>();
    attrs.put("event_frame", w.choice().row().frame());
    attrs.put("refined", w.refined() ? 1 : 0);
    // the run directory must not enter the bytes: the branch file by name, a refined one as given
    attrs.put(
        "frames_source", w.refined() ? w.source().toString() : w.source().getFileName().toString());
    Hdf5Arrays.write(ctx.output("displacement.h5"), ds, attrs);
  }

  @Override
  public List<Path> parameterFiles(Params p) {
    return StageSupport.refinedFiles(p);
  }
}
