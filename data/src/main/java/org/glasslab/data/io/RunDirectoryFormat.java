package org.glasslab.data.io;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.glasslab.data.Box;
import org.glasslab.data.Configuration;
import org.glasslab.data.TimeSeries;
import org.glasslab.data.Trajectory;

/**
 * Reading side of an MD run directory (format {@code run-dir}): the output of {@code glasslab
 * simulate -o DIR}, one H5MD file per completed production block ({@code block-000000.h5}, ...)
 * listed in the index {@code run.json} together with the run's provenance (every parameter and the
 * seed). The trajectory is the concatenation of the listed blocks in order; files not listed (a
 * block being written, the checkpoint) are not part of it, so a run in progress is readable up to
 * its last completed block. md-engine's {@code RunDirectory} writes the directory; this class is
 * the one reader.
 *
 * <p>Index layout ({@code format = glasslab-md-segments}, {@code version = 1}): {@code provenance}
 * (object of strings), {@code blocks} (list of {@code {block, file, frames, first_step,
 * last_step}}, block k at position k, steps strictly increasing).
 */
public final class RunDirectoryFormat {
  /** Index file name. */
  public static final String INDEX = "run.json";

  /** Value of the index's {@code format} field. */
  public static final String INDEX_FORMAT = "glasslab-md-segments";

  /** Index version this reader understands and md-engine writes. */
  public static final int INDEX_VERSION = 1;

  private static final ObjectMapper JSON = new ObjectMapper();

  private RunDirectoryFormat() {}

  /**
   * One completed block as listed in the index.
   *
   * @param block block number (0, 1, ... in order)
   * @param file file name inside the run directory
   * @param frames number of frames in the block
   * @param firstStep MD step of the block's first frame
   * @param lastStep MD step of the block's last frame
   */
  public record Block(int block, String file, int frames, long firstStep, long lastStep) {}

  /**
   * The parsed and validated index of a run directory.
   *
   * @param dir the run directory
   * @param provenance parameters and seed as recorded by the writer (insertion order kept)
   * @param blocks the completed blocks in order (at least one)
   */
  public record Index(Path dir, Map<String, String> provenance, List<Block> blocks) {
    /** Copies the collections. */
    public Index {
      provenance = Collections.unmodifiableMap(new LinkedHashMap<>(provenance));
      blocks = List.copyOf(blocks);
    }

    /** Total number of frames over all listed blocks. */
    public int frameCount() {
      int n = 0;
      for (Block b : blocks) {
        n += b.frames();
      }
      return n;
    }

    /** The files the trajectory consists of: the index, then the listed block files in order. */
    public List<Path> files() {
      List<Path> out = new ArrayList<>();
      out.add(dir.resolve(INDEX));
      for (Block b : blocks) {
        out.add(dir.resolve(b.file()));
      }
      return out;
    }
  }

  /** File name of block {@code b} as md-engine writes it ({@code block-000007.h5}). */
  public static String blockFile(int b) {
    return String.format(Locale.ROOT, "block-%06d.h5", b);
  }

  /** True when {@code path} is a directory holding an index file. */
  public static boolean isRunDirectory(Path path) {
    return Files.isDirectory(path) && Files.isRegularFile(path.resolve(INDEX));
  }

  /**
   * Reads and validates the index of run directory {@code dir} (the block files are not opened).
   *
   * @throws TrajectoryFormatException one line naming the directory or index and the bad field
   */
  public static Index readIndex(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      throw new TrajectoryFormatException(
          dir, "", "not a directory (a run directory was expected)");
    }
    Path index = dir.resolve(INDEX);
    if (!Files.isRegularFile(index)) {
      throw new TrajectoryFormatException(
          dir,
          "",
          "not a run directory: no "
              + INDEX
              + " (glasslab simulate -o DIR writes it when the first block is complete)");
    }
    JsonNode root;
    try {
      root = JSON.readTree(index.toFile());
    } catch (JsonProcessingException e) {
      String where = e.getLocation() == null ? "" : "line " + e.getLocation().getLineNr();
      throw new TrajectoryFormatException(
          index, where, "unreadable index: " + oneLine(e.getOriginalMessage()), e);
    }
    if (root == null || !root.isObject()) {
      throw new TrajectoryFormatException(index, "", "unreadable index: expected a JSON object");
    }
    String format = root.path("format").asText(null);
    if (!INDEX_FORMAT.equals(format)) {
      throw new TrajectoryFormatException(
          index, "field format", "expected \"" + INDEX_FORMAT + "\", got " + root.get("format"));
    }
    JsonNode version = root.get("version");
    if (version == null || !version.isIntegralNumber() || version.intValue() != INDEX_VERSION) {
      throw new TrajectoryFormatException(
          index,
          "field version",
          "unsupported index version " + version + " (this GlassLab reads " + INDEX_VERSION + ")");
    }
    Map<String, String> provenance = new LinkedHashMap<>();
    JsonNode prov = root.get("provenance");
    if (prov != null) {
      if (!prov.isObject()) {
        throw new TrajectoryFormatException(
            index, "field provenance", "expected an object of parameters, got " + prov);
      }
      for (Iterator<Map.Entry<String, JsonNode>> it = prov.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        provenance.put(e.getKey(), e.getValue().asText());
      }
    }
    JsonNode blocks = root.get("blocks");
    if (blocks == null || !blocks.isArray()) {
      throw new TrajectoryFormatException(
          index, "field blocks", "expected a list of completed blocks");
    }
    if (blocks.isEmpty()) {
      throw new TrajectoryFormatException(
          index, "field blocks", "lists no completed block (the run has no frames yet)");
    }
    List<Block> out = new ArrayList<>();
    for (int k = 0; k < blocks.size(); k++) {
      JsonNode b = blocks.get(k);
      String f = "field blocks[" + k + "]";
      if (!b.isObject()) {
        throw new TrajectoryFormatException(index, f, "expected an object, got " + b);
      }
      long block = integer(index, b, f, "block");
      if (block != k) {
        throw new TrajectoryFormatException(
            index, f + ".block", "expected block " + k + " (blocks in order), got " + block);
      }
      JsonNode file = b.get("file");
      if (file == null || !file.isTextual() || file.asText().isEmpty()) {
        throw new TrajectoryFormatException(index, f + ".file", "expected a file name");
      }
      String name = file.asText();
      if (name.contains("/") || name.contains("\\") || name.equals("..") || name.equals(".")) {
        throw new TrajectoryFormatException(
            index, f + ".file", "'" + name + "' is not a plain file name inside the directory");
      }
      long frames = integer(index, b, f, "frames");
      if (frames < 1 || frames > Integer.MAX_VALUE) {
        throw new TrajectoryFormatException(
            index, f + ".frames", "expected a positive frame count, got " + frames);
      }
      long first = integer(index, b, f, "first_step");
      long last = integer(index, b, f, "last_step");
      if (last < first || (frames > 1 && last == first)) {
        throw new TrajectoryFormatException(
            index,
            f + ".last_step",
            "steps " + first + ".." + last + " are not increasing over " + frames + " frames");
      }
      if (k > 0 && first <= out.get(k - 1).lastStep()) {
        throw new TrajectoryFormatException(
            index,
            f + ".first_step",
            first + " is not after the previous block's last step " + out.get(k - 1).lastStep());
      }
      out.add(new Block(k, name, (int) frames, first, last));
    }
    return new Index(dir, provenance, out);
  }

  private static long integer(Path index, JsonNode b, String f, String key)
      throws TrajectoryFormatException {
    JsonNode v = b.get(key);
    if (v == null || !v.isIntegralNumber() || !v.canConvertToLong()) {
      throw new TrajectoryFormatException(index, f + "." + key, "expected an integer, got " + v);
    }
    return v.longValue();
  }

  private static String oneLine(String s) {
    return s == null ? "" : s.replace('\r', ' ').replace('\n', ' ');
  }

  /**
   * The files whose bytes make up the run's trajectory: {@code run.json} and the listed block files
   * (not a block being written, not the checkpoint). Hash these to detect an appended block.
   *
   * @throws TrajectoryFormatException if the index is bad or names a missing block file
   */
  public static List<Path> contentFiles(Path dir) throws IOException {
    Index index = readIndex(dir);
    checkBlocksExist(index);
    return index.files();
  }

  private static void checkBlocksExist(Index index) throws TrajectoryFormatException {
    for (Block b : index.blocks()) {
      Path file = index.dir().resolve(b.file());
      if (!Files.isRegularFile(file)) {
        throw new TrajectoryFormatException(
            index.dir().resolve(INDEX),
            "field blocks[" + b.block() + "].file",
            "block file " + file + " does not exist");
      }
    }
  }

  /**
   * Opens run directory {@code dir} as one lazy trajectory: the frames of the listed blocks in
   * order, steps and times as stored, observables concatenated. Every block is opened and checked
   * against the index (frame count, first and last step) and against block 0 (N, box, diameters,
   * observables). Close the result.
   *
   * @throws TrajectoryFormatException one line naming the index or block file and the problem
   */
  public static Trajectory read(Path dir, ReadOptions options) throws IOException {
    Index index = readIndex(dir);
    checkBlocksExist(index);
    List<Trajectory> parts = new ArrayList<>();
    try {
      for (Block b : index.blocks()) {
        Path file = dir.resolve(b.file());
        Trajectory t = H5md.read(file, options);
        parts.add(t);
        check(b, t, file, parts.get(0), dir.resolve(index.blocks().get(0).file()));
      }
      String pot = index.provenance().get("potential");
      return new Segments(parts, pot != null ? pot : parts.get(0).potential(), index.provenance());
    } catch (IOException | RuntimeException e) {
      try {
        closeAll(parts);
      } catch (IOException suppressed) {
        e.addSuppressed(suppressed);
      }
      throw e;
    }
  }

  /** Closes every trajectory; the first failure is thrown with the others suppressed. */
  private static void closeAll(List<Trajectory> parts) throws IOException {
    IOException first = null;
    for (Trajectory t : parts) {
      try {
        t.close();
      } catch (IOException e) {
        if (first == null) {
          first = e;
        } else {
          first.addSuppressed(e);
        }
      }
    }
    if (first != null) {
      throw first;
    }
  }

  private static void check(Block b, Trajectory t, Path file, Trajectory first, Path firstFile)
      throws TrajectoryFormatException {
    int nf = t.frameCount();
    if (nf != b.frames()) {
      throw new TrajectoryFormatException(
          file,
          "",
          "holds "
              + nf
              + " frame(s) but "
              + INDEX
              + " lists "
              + b.frames()
              + " (truncated or rewritten block?)");
    }
    if (t.step(0) != b.firstStep() || t.step(nf - 1) != b.lastStep()) {
      throw new TrajectoryFormatException(
          file,
          "",
          "holds steps "
              + t.step(0)
              + ".."
              + t.step(nf - 1)
              + " but "
              + INDEX
              + " lists "
              + b.firstStep()
              + ".."
              + b.lastStep()
              + " (a block of another run?)");
    }
    if (t == first) {
      return;
    }
    String other = " but " + firstFile.getFileName() + " has ";
    if (t.particleCount() != first.particleCount()) {
      throw new TrajectoryFormatException(
          file,
          "",
          t.particleCount()
              + " particles"
              + other
              + first.particleCount()
              + "; all blocks of a run hold the same system");
    }
    if (!t.box().equals(first.box())) {
      throw new TrajectoryFormatException(
          file,
          "",
          "box "
              + t.box().lx()
              + " x "
              + t.box().ly()
              + other
              + first.box().lx()
              + " x "
              + first.box().ly()
              + "; all blocks of a run hold the same system");
    }
    if (!Arrays.equals(t.diameters(), first.diameters())) {
      throw new TrajectoryFormatException(
          file, "", "diameters differ from " + firstFile.getFileName() + "; not the same system");
    }
    Map<String, TimeSeries> o = t.observables();
    Map<String, TimeSeries> o0 = first.observables();
    if (!o.keySet().equals(o0.keySet())) {
      throw new TrajectoryFormatException(
          file, "", "observables " + o.keySet() + other + o0.keySet());
    }
    for (Map.Entry<String, TimeSeries> e : o.entrySet()) {
      int c = e.getValue().components();
      int c0 = o0.get(e.getKey()).components();
      if (c != c0) {
        throw new TrajectoryFormatException(
            file, "observable " + e.getKey(), c + " component(s)" + other + c0);
      }
    }
  }

  /** Concatenation of block trajectories (frame k of the run = frame k - offset[p] of part p). */
  private static final class Segments implements Trajectory {
    private final List<Trajectory> parts;
    private final int[] offset;
    private final Map<String, TimeSeries> observables = new LinkedHashMap<>();

    private final String potential;
    private final Map<String, String> provenance;

    Segments(List<Trajectory> parts, String potential, Map<String, String> provenance) {
      this.parts = List.copyOf(parts);
      this.potential = potential;
      this.provenance = Map.copyOf(provenance);
      this.offset = new int[parts.size() + 1];
      for (int k = 0; k < parts.size(); k++) {
        offset[k + 1] = offset[k] + parts.get(k).frameCount();
      }
      int total = offset[parts.size()];
      for (String name : parts.get(0).observables().keySet()) {
        long[] steps = new long[total];
        double[] times = new double[total];
        double[][] values = new double[total][];
        for (int k = 0; k < parts.size(); k++) {
          TimeSeries s = parts.get(k).observables().get(name);
          long[] st = s.steps();
          double[] ti = s.times();
          double[][] va = s.values();
          for (int f = 0; f < st.length; f++) {
            steps[offset[k] + f] = st[f];
            times[offset[k] + f] = ti[f];
            values[offset[k] + f] = va[f];
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
      int lo = 0;
      int hi = parts.size() - 1;
      while (lo < hi) {
        int mid = (lo + hi + 1) >>> 1;
        if (offset[mid] <= k) {
          lo = mid;
        } else {
          hi = mid - 1;
        }
      }
      return lo;
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
      return Collections.unmodifiableMap(observables);
    }

    @Override
    public String potential() {
      return potential;
    }

    @Override
    public Map<String, String> provenance() {
      return provenance;
    }

    @Override
    public void close() throws IOException {
      closeAll(parts);
    }
  }
}
