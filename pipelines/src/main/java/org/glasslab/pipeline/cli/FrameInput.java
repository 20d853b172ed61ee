package org.glasslab.pipeline.cli;

import java.io.IOException;
import java.nio.file.Path;
import org.glasslab.data.Configuration;
import org.glasslab.data.Trajectory;
import org.glasslab.data.io.TrajectoryIO;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The input of the single-frame analysis commands: a FILE, the {@code --frame} to analyse and the
 * shared {@link InputOptions}. Use as a picocli {@code @Mixin}.
 */
public final class FrameInput {
  @Parameters(index = "0", paramLabel = "FILE", description = "Configuration or trajectory.")
  Path file;

  @Option(
      names = "--frame",
      paramLabel = "K",
      defaultValue = "0",
      description = "Frame to analyse (negative counts from the end; default ${DEFAULT-VALUE}).")
  int frame;

  @Mixin InputOptions input;

  /** The selected frame. */
  Configuration read() throws IOException {
    return read(input, file, frame);
  }

  /** Frame {@code k} (negative counts from the end) of {@code file}, read with {@code input}. */
  static Configuration read(InputOptions input, Path file, int k) throws IOException {
    try (Trajectory t = input.open(file)) {
      return t.frame(TrajectoryIO.frameIndex(t, k, file));
    }
  }
}
