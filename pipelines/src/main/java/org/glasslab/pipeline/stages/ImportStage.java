package org.glasslab.pipeline.stages;

import java.util.List;
import java.util.Map;
import org.glasslab.data.Trajectory;
import org.glasslab.data.io.H5md;
import org.glasslab.pipeline.engine.AbstractStage;
import org.glasslab.pipeline.engine.StageContext;

/**
 * {@code import}: reads a branch's input file (H5MD, extended XYZ, LAMMPS data or dump, with the
 * spec's format and read options) and writes it into the run as {@code trajectory.h5} (H5MD), the
 * artifact every analysis stage reads. A corrupt or truncated file fails the branch with the
 * reader's message naming the file.
 */
public final class ImportStage extends AbstractStage {
  /** The artifact written. */
  public static final String TRAJECTORY = "trajectory.h5";

  /** The stage (stateless). */
  public ImportStage() {
    super(
        "import",
        1,
        Scope.BRANCH,
        List.of(INPUT),
        List.of(TRAJECTORY),
        "copy/convert the input trajectory into the run as H5MD (trajectory.h5)",
        Map.of());
  }

  @Override
  public void run(StageContext ctx) throws Exception {
    try (Trajectory t = ctx.openInput()) {
      ctx.progress().total(t.frameCount());
      // Touch every frame so that a truncated file fails here, naming the file.
      for (int k = 0; k < t.frameCount(); k++) {
        t.frame(k);
        ctx.progress().step();
      }
      H5md.write(ctx.output(TRAJECTORY), t);
      ctx.log(
          "imported %d frames of %d particles from %s",
          t.frameCount(), t.particleCount(), ctx.input(INPUT).getFileName());
    }
  }
}
