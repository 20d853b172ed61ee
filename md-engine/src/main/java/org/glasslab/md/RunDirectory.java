package org.glasslab.md;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.glasslab.data.Box;
import org.glasslab.data.Configuration;
import org.glasslab.data.TimeSeries;
import org.glasslab.data.Trajectory;
import org.glasslab.data.io.AtomicFile;
import org.glasslab.data.io.H5md;
import org.glasslab.data.io.ReadOptions;

/**
 * The output directory of a {@link ProtocolRun}: one H5MD file per production block ({@code
 * block-000000.h5}, ...), an index {@code run.json} (provenance: every parameter and the seed; the
 * completed blocks with their step ranges) and the latest {@code checkpoint.bin}. jhdf writes whole
 * files only, so the trajectory is written in segments; every file is written atomically and the
 * index is rewritten after each block, so a crash never leaves a torn file. Nothing time- or
 * host-dependent is written: the same seed gives byte-identical files.
 */
public final class RunDirectory {
  /** Index file name. */
  public static final String INDEX = "run.json";

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
    return String.format(Locale.ROOT, "block-%06d.h5", b);
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
    ObjectNode root = JSON.createObjectNode();
    root.put("format", "glasslab-md-segments");
    root.put("version", 1);
    ObjectNode prov = root.putObject("provenance");
    for (Map.Entry<String, String> e : p.provenance().entrySet()) {
      prov.put(e.getKey(), e.getValue());
    }
    ArrayNode blocks = root.putArray("blocks");
    var schedule = p.schedule();
    for (int k = 0; k <= b; k++) {
      ObjectNode o = blocks.addObject();
      o.put("block", k);
      o.put("file", blockFile(k));
      o.put("frames", p.nCfg());
      o.put("first_step", schedule.step(k * p.nCfg()));
      o.put("last_step", schedule.step(k * p.nCfg() + p.nCfg() - 1));
    }
    byte[] bytes = JSON.writeValueAsBytes(root);
    AtomicFile.write(dir.resolve(INDEX), tmp -> Files.write(tmp, bytes));
  }

  /** Provenance recorded in the index (empty if no block is complete yet). */
  public Map<String, String> provenance() throws IOException {
    Map<String, String> m = new LinkedHashMap<>();
    Path index = dir.resolve(INDEX);
    if (!Files.exists(index)) {
      return m;
    }
    var prov = JSON.readTree(index.toFile()).path("provenance");
    for (Iterator<Map.Entry<String, com.fasterxml.jackson.databind.JsonNode>> it = prov.fields();
        it.hasNext(); ) {
      var e = it.next();
      m.put(e.getKey(), e.getValue().asText());
    }
    return m;
  }

  /**
   * Opens the completed blocks as one trajectory (frames in step order, observables concatenated).
   * Close it when done.
   *
   * @throws IOException if there is no index or a block file is unreadable
   */
  public Trajectory open() throws IOException {
    Path index = dir.resolve(INDEX);
    if (!Files.exists(index)) {
      throw new IOException(dir + ": no " + INDEX + " (no completed block yet?)");
    }
    List<Trajectory> parts = new ArrayList<>();
    try {
      for (var b : JSON.readTree(index.toFile()).path("blocks")) {
        parts.add(H5md.read(dir.resolve(b.path("file").asText()), ReadOptions.DEFAULTS));
      }
    } catch (IOException | RuntimeException e) {
      for (Trajectory t : parts) {
        t.close();
      }
      throw e;
    }
    if (parts.isEmpty()) {
      throw new IOException(dir + ": the index lists no blocks");
    }
    return new Segments(parts);
  }

  /** Concatenation of block trajectories. */
  private static final class Segments implements Trajectory {
    private final List<Trajectory> parts;
    private final int[] offset;
    private final Map<String, TimeSeries> observables = new LinkedHashMap<>();

    Segments(List<Trajectory> parts) {
      this.parts = parts;
      this.offset = new int[parts.size() + 1];
      for (int k = 0; k < parts.size(); k++) {
        offset[k + 1] = offset[k] + parts.get(k).frameCount();
      }
      for (String name : parts.get(0).observables().keySet()) {
        int total = offset[parts.size()];
        long[] steps = new long[total];
        double[] times = new double[total];
        double[][] values = new double[total][];
        for (int k = 0; k < parts.size(); k++) {
          TimeSeries s = parts.get(k).observables().get(name);
          for (int f = 0; f < s.steps().length; f++) {
            steps[offset[k] + f] = s.steps()[f];
            times[offset[k] + f] = s.times()[f];
            values[offset[k] + f] = s.values()[f];
          }
        }
        observables.put(name, new TimeSeries(name, steps, times, values));
      }
    }

    private int part(int k) {
      if (k < 0 || k >= offset[parts.size()]) {
        throw new IndexOutOfBoundsException(
            "frame " + k + " outside 0.." + (offset[parts.size()] - 1));
      }
      int p = 0;
      while (offset[p + 1] <= k) {
        p++;
      }
      return p;
    }

    @Override
    public int frameCount() {
      return offset[parts.size()];
    }

    @Override
    public int particleCount() {
      return parts.get(0).particleCount();
    }

    @Override
    public Box box() {
      return parts.get(0).box();
    }

    @Override
    public long step(int k) {
      int p = part(k);
      return parts.get(p).step(k - offset[p]);
    }

    @Override
    public double time(int k) {
      int p = part(k);
      return parts.get(p).time(k - offset[p]);
    }

    @Override
    public double[] diameters() {
      return parts.get(0).diameters();
    }

    @Override
    public Configuration frame(int k) {
      int p = part(k);
      return parts.get(p).frame(k - offset[p]);
    }

    @Override
    public Map<String, TimeSeries> observables() {
      return java.util.Collections.unmodifiableMap(observables);
    }

    @Override
    public void close() throws IOException {
      IOException first = null;
      for (Trajectory t : parts) {
        try {
          t.close();
        } catch (IOException e) {
          if (first == null) {
            first = e;
          }
        }
      }
      if (first != null) {
        throw first;
      }
    }
  }
}
