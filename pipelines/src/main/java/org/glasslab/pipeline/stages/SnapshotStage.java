package org.glasslab.pipeline.stages;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.glasslab.data.Configuration;
import org.glasslab.data.Trajectory;
import org.glasslab.data.io.H5md;
import org.glasslab.data.io.ReadOptions;
import org.glasslab.pipeline.engine.AbstractStage;
import org.glasslab.pipeline.engine.ParamException;
import org.glasslab.pipeline.engine.Params;
import org.glasslab.pipeline.engine.StageContext;
import org.glasslab.pipeline.plot.Snapshot;
import org.glasslab.pipeline.store.Hdf5Arrays;

/**
 * {@code snapshots}: particle snapshots of selected frames of {@code trajectory.h5}, each particle
 * a disk of its diameter coloured by the length of its displacement since the reference frame, with
 * the displacement drawn as an arrow; the displacements go to {@code displacement.h5}.
 *
 * <p>Displacement of particle i in frame k: {@code u_i = r_i(k) - r_i(ref)} from unwrapped
 * positions (wrapped + image·L), so it is exact across the periodic boundary as long as the file
 * carries images. Shapes in {@code displacement.h5}: {@code displacement [F][2N]} (u_x0, u_y0, ...)
 * [length], {@code frames [F]} (trajectory frame indices), {@code reference} (the reference frame
 * index).
 */
public final class SnapshotStage extends AbstractStage {
  /** The stage (stateless). */
  public SnapshotStage() {
    super(
        "snapshots",
        1,
        Scope.BRANCH,
        List.of(ImportStage.TRAJECTORY),
        List.of("displacement.h5"),
        "particle snapshots coloured by displacement since a reference frame, with arrows",
        Map.of(
            "frames", "frame indices to draw, negative from the end (default [0, -1])",
            "reference", "reference frame index, negative from the end (default 0)",
            "arrow_scale", "arrow length per unit displacement (default 1)",
            "pixels", "pixels across the longer box edge (default 600)"));
  }

  @Override
  public void validate(Params p) {
    double[] frames = p.getDoubles("frames", new double[] {0, -1});
    if (frames.length == 0) {
      throw new ParamException("frames", "give at least one frame");
    }
    for (double f : frames) {
      if (f != Math.rint(f)) {
        throw new ParamException("frames", "frame indices must be integers, got " + f);
      }
    }
    p.getInt("reference", 0);
    p.getPositive("arrow_scale", 1);
    p.getInt("pixels", 600, 100, 4000);
  }

  private static int resolve(int k, int nf, String key) {
    int idx = k < 0 ? nf + k : k;
    if (idx < 0 || idx >= nf) {
      throw new IllegalArgumentException(
          "parameter '"
              + key
              + "': frame "
              + k
              + " does not exist; the trajectory has "
              + nf
              + " frame(s)");
    }
    return idx;
  }

  @Override
  public void run(StageContext ctx) throws Exception {
    Params p = ctx.params();
    double[] req = p.getDoubles("frames", new double[] {0, -1});
    double scale = p.getPositive("arrow_scale", 1);
    int pixels = p.getInt("pixels", 600);
    try (Trajectory t = H5md.read(ctx.input(ImportStage.TRAJECTORY), ReadOptions.DEFAULTS)) {
      int nf = t.frameCount();
      int ref = resolve(p.getInt("reference", 0), nf, "reference");
      int[] frames = new int[req.length];
      for (int i = 0; i < req.length; i++) {
        frames[i] = resolve((int) req[i], nf, "frames");
      }
      double[] r0 = t.frame(ref).unwrappedPositions();
      Configuration[] confs = new Configuration[frames.length];
      double[][] u =
          ctx.mapFrames(
              "displacement",
              frames.length,
              i -> {
                Configuration c;
                synchronized (t) {
                  c = t.frame(frames[i]);
                }
                confs[i] = c;
                double[] r = c.unwrappedPositions();
                double[] d = new double[r.length];
                for (int j = 0; j < r.length; j++) {
                  d[j] = r[j] - r0[j];
                }
                return d;
              });
      for (int i = 0; i < frames.length; i++) {
        Configuration c = confs[i] != null ? confs[i] : t.frame(frames[i]);
        double[] mag = new double[c.size()];
        for (int j = 0; j < mag.length; j++) {
          mag[j] = Math.hypot(u[i][2 * j], u[i][2 * j + 1]);
        }
        Snapshot s =
            Snapshot.builder(c)
                .field(mag, "|u|")
                .arrows(u[i], scale)
                .title(ctx.branchId() + ", frame " + frames[i] + " (step " + c.step() + ")")
                .boxPixels(pixels)
                .build();
        ctx.figure(
            "snapshot_frame" + frames[i],
            s,
            "Particles of branch "
                + ctx.branchId()
                + " at frame "
                + frames[i]
                + ", disks of true diameter coloured by the displacement |u| since frame "
                + ref
                + "; arrows: u x "
                + scale);
      }
      Map<String, Object> ds = new LinkedHashMap<>();
      ds.put("displacement", u);
      ds.put("frames", frames);
      Hdf5Arrays.write(ctx.output("displacement.h5"), ds, Map.of("reference", ref));
    }
  }
}
