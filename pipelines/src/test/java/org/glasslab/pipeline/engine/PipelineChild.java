package org.glasslab.pipeline.engine;

import java.io.PrintWriter;
import java.nio.file.Path;
import org.glasslab.pipeline.spec.SpecLoader;

/** Runs a spec with the toy stages in a separate JVM (for the kill-and-resume test). */
public final class PipelineChild {
  private PipelineChild() {}

  /** {@code args[0]}: spec file. Exit 0 when every instance finished. */
  public static void main(String[] args) throws Exception {
    StageRegistry reg = ToyStages.registry();
    var spec = SpecLoader.load(Path.of(args[0]), reg);
    RunResult r =
        new Engine(reg)
            .run(spec, new Engine.Options(2, false, false, new PrintWriter(System.err, true)));
    System.exit(r.ok() ? 0 : 1);
  }
}
