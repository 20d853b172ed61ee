package org.glasslab.pipeline.stages;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.glasslab.data.Trajectory;
import org.glasslab.data.io.Format;
import org.glasslab.data.io.H5mdWriter;
import org.glasslab.data.io.ReadOptions;
import org.glasslab.data.io.RunDirectoryFormat;
import org.glasslab.data.io.TrajectoryIO;
import org.glasslab.md.Replay;
import org.glasslab.pipeline.engine.AbstractStage;
import org.glasslab.pipeline.engine.BranchSpec;
import org.glasslab.pipeline.engine.StageContext;

/**
 * {@code import}: makes a branch's input file the run's {@code trajectory.h5}, the artifact every
 * analysis stage reads. An MD run directory (read with the default options) is imported by
 * reference, not copied: {@code trajectory.h5} is then a directory holding only a version-2 {@code
 * run.json} naming the run's directory and the SHA-256 of every block file (checked whenever the
 * trajectory is opened; the hashes make the artifact's content hash, so downstream cache keys
 * follow the run's bytes). Any other input (H5MD, extended XYZ, LAMMPS data or dump, with the
 * spec's format and read options) is converted frame by frame into H5MD ({@link H5mdWriter}: one
 * file, or a segmented directory when long). Velocities are kept only for a replayable MD run (its
 * provenance says so): nothing else replays frames. A corrupt or truncated file fails the branch
 * with the reader's message naming the file.
 */
public final class ImportStage extends AbstractStage {
  /** The artifact written. */
  public static final String TRAJECTORY = "trajectory.h5";

  /** The stage (stateless). */
  public ImportStage() {
    super(
        "import",
        2, // 2: run directories by reference; compressed H5MD; velocities only of replayable runs
        Scope.BRANCH,
        List.of(INPUT),
        List.of(TRAJECTORY),
        "the input trajectory in the run as H5MD (trajectory.h5); a run directory by reference",
        Map.of());
  }

  @Override
  public void run(StageContext ctx) throws Exception {
    BranchSpec b = ctx.branch();
    Path out = ctx.output(TRAJECTORY);
    if (b.format() == Format.RUN_DIR && ReadOptions.DEFAULTS.equals(b.readOptions())) {
      RunDirectoryFormat.writeReference(ctx.input(INPUT), out);
      try (Trajectory t = TrajectoryIO.read(out)) { // checks every block's hash and layout
        ctx.log(
            "imported %d frames of %d particles from %s by reference",
            t.frameCount(), t.particleCount(), ctx.input(INPUT).getFileName());
      }
      return;
    }
    try (Trajectory t = ctx.openInput()) {
      ctx.progress().total(1);
      boolean replayable =
          Replay.PROVENANCE_VALUE.equals(t.provenance().get(Replay.PROVENANCE_KEY));
      H5mdWriter.copy(out, t, replayable);
      ctx.progress().step();
      ctx.log(
          "imported %d frames of %d particles from %s",
          t.frameCount(), t.particleCount(), ctx.input(INPUT).getFileName());
    }
  }
}
