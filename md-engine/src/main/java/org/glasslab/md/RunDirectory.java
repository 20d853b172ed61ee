package org.glasslab.md;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.glasslab.data.Trajectory;
import org.glasslab.data.io.H5md;
import org.glasslab.data.io.ReadOptions;
import org.glasslab.data.io.RunDirectoryFormat;

/**
 * The output directory of a {@link ProtocolRun}: one H5MD file per production block ({@code
 * block-000000.h5}, ...), an index {@code run.json} (provenance: every parameter and the seed; the
 * completed blocks with their step ranges) and the latest {@code checkpoint.bin}. jhdf writes whole
 * files only, so the trajectory is written in segments; every file is written atomically and the
 * index is rewritten after each block, so a crash never leaves a torn file. Nothing time- or
 * host-dependent is written: the same seed gives byte-identical files. Reading (index and
 * concatenated trajectory) lives in {@link RunDirectoryFormat} in module data, so every reader of
 * trajectories ({@code TrajectoryIO}, the CLI, pipelines) understands the directory.
 */
public final class RunDirectory {
  /** Index file name. */
  public static final String INDEX = RunDirectoryFormat.INDEX;

  /** Checkpoint file name. */
  public static final String CHECKPOINT = "checkpoint.bin";

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private final Path dir;

  /** A run directory at {@code dir} (created on first write). */
  public RunDirectory(Path dir) {
    this.dir = dir;
  }

  /** The directory. */
  public Path path() {
    return dir;
  }

  /** File name of block {@code b}. */
  public static String blockFile(int b) {
    return RunDirectoryFormat.blockFile(b);
  }

  /** True when the directory holds a checkpoint. */
  public boolean hasCheckpoint() {
    return Files.exists(dir.resolve(CHECKPOINT));
  }

  /** Writes the checkpoint atomically. */
  public void writeCheckpoint(ProtocolCheckpoint c) throws IOException {
    CheckpointIO.write(dir.resolve(CHECKPOINT), c);
  }

  /** Reads the checkpoint. */
  public ProtocolCheckpoint readCheckpoint() throws IOException {
    return CheckpointIO.read(dir.resolve(CHECKPOINT));
  }

  /**
   * Writes block {@code b} as H5MD, then rewrites the index listing blocks 0..b (blocks are
   * completed in order).
   */
  public void writeBlock(Protocol p, int b, Trajectory frames) throws IOException {
    Files.createDirectories(dir);
    H5md.write(dir.resolve(blockFile(b)), frames);
    var schedule = p.schedule();
    java.util.List<RunDirectoryFormat.Block> blocks = new java.util.ArrayList<>();
    for (int k = 0; k <= b; k++) {
      blocks.add(
          new RunDirectoryFormat.Block(
              k,
              blockFile(k),
              p.nCfg(),
              schedule.step(k * p.nCfg()),
              schedule.step(k * p.nCfg() + p.nCfg() - 1),
              null));
    }
    RunDirectoryFormat.writeIndex(dir, p.provenance(), blocks, null);
  }

  /** Provenance recorded in the index (empty if no block is complete yet). */
  public Map<String, String> provenance() throws IOException {
    if (!Files.exists(dir.resolve(INDEX))) {
      return new LinkedHashMap<>();
    }
    return new LinkedHashMap<>(RunDirectoryFormat.readIndex(dir).provenance());
  }

  /**
   * Opens the completed blocks as one trajectory (frames in step order, observables concatenated),
   * through the one reader {@link RunDirectoryFormat#read} (also behind {@code
   * TrajectoryIO.read(dir)}). Close it when done.
   *
   * @throws IOException if there is no index, a block file is missing or unreadable, or the blocks
   *     disagree with the index or each other
   */
  public Trajectory open() throws IOException {
    return RunDirectoryFormat.read(dir, ReadOptions.DEFAULTS);
  }
}
