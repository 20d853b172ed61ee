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
 * <p>Index layout ({@code format = glasslab-md-segments}): {@code provenance} (object of strings),
 * {@code blocks} (list of {@code {block, file, frames, first_step, last_step}}, block k at position
 * k, steps strictly increasing). Version 1 keeps the block files beside the index. Version 2 (a
 * reference, written by the pipeline's {@code import} of a run directory instead of a copy) adds
 * {@code base}, the absolute directory holding the block files, and {@code sha256} per block: the
 * hex SHA-256 of the block file's bytes, checked when the trajectory is opened, so a reference
 * never silently reads changed data. The same layout holds any long trajectory {@link H5mdWriter}
 * writes in segments (e.g. an inherent-structure trajectory): there a "block" is a segment.
 *
 * <p>Reading is lazy and bounded: at most {@link #OPEN_SEGMENTS} block files are open at a time,
 * whatever the number of blocks.
 */
public final class RunDirectoryFormat {
  /** Index file name. */
  public static final String INDEX = "run.json";

  /** Value of the index's {@code format} field. */
  public static final String INDEX_FORMAT = "glasslab-md-segments";

  /** Index version of a directory holding its block files (what md-engine writes). */
  public static final int INDEX_VERSION = 1;

  /** Index version of a reference: block files in {@code base}, each with its SHA-256. */
  public static final int REFERENCE_VERSION = 2;

  /** Block files held open at once by a reader (least recently used ones are closed). */
  public static final int OPEN_SEGMENTS = 4;

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
   * @param sha256 hex SHA-256 of the file's bytes (a reference's blocks), or null
   */
  public record Block(
      int block, String file, int frames, long firstStep, long lastStep, String sha256) {}

  /**
   * The parsed and validated index of a run directory.
   *
   * @param dir the run directory
   * @param provenance parameters and seed as recorded by the writer (insertion order kept)
   * @param blocks the completed blocks in order (at least one)
   * @param base the directory holding the block files: {@code dir} itself, or a reference's {@code
   *     base}
   */
  public record Index(Path dir, Map<String, String> provenance, List<Block> blocks, Path base) {
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
        out.add(file(b));
      }
      return out;
    }

    /** The path of block {@code b}'s file. */
    public Path file(Block b) {
      return base.resolve(b.file());
    }

    /** Whether this index refers to block files elsewhere (version 2). */
    public boolean isReference() {
      return !base.equals(dir);
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
    if (version == null
        || !version.isIntegralNumber()
        || (version.intValue() != INDEX_VERSION && version.intValue() != REFERENCE_VERSION)) {
      throw new TrajectoryFormatException(
          index,
          "field version",
          "unsupported index version "
              + version
              + " (this GlassLab reads "
              + INDEX_VERSION
              + " and "
              + REFERENCE_VERSION
              + ")");
    }
    boolean reference = version.intValue() == REFERENCE_VERSION;
    Path base = dir;
    if (reference) {
      JsonNode b = root.get("base");
      if (b == null || !b.isTextual() || !Path.of(b.asText()).isAbsolute()) {
        throw new TrajectoryFormatException(
            index, "field base", "expected the absolute directory of the block files, got " + b);
      }
      base = Path.of(b.asText());
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
      String sha = null;
      if (reference) {
        JsonNode h = b.get("sha256");
        if (h == null || !h.isTextual() || !h.asText().matches("[0-9a-f]{64}")) {
          throw new TrajectoryFormatException(
              index, f + ".sha256", "expected the file's hex SHA-256, got " + h);
        }
        sha = h.asText();
      }
      out.add(new Block(k, name, (int) frames, first, last, sha));
    }
    return new Index(dir, provenance, out, base);
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
      Path file = index.file(b);
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
   * order, steps and times as stored, observables concatenated. Every block is opened once, checked
   * against the index (frame count, first and last step, a reference's SHA-256) and against block 0
   * (N, box, diameters, observables), and closed again; frames are then read on demand with at most
   * {@link #OPEN_SEGMENTS} block files open. Close the result.
   *
   * @throws TrajectoryFormatException one line naming the index or block file and the problem
   */
  public static Trajectory read(Path dir, ReadOptions options) throws IOException {
    Index index = readIndex(dir);
    checkBlocksExist(index);
    Block b0 = index.blocks().get(0);
    Path file0 = index.file(b0);
    Trajectory first = openBlock(index, b0, options);
    try {
      check(b0, first, file0, first, file0);
      List<Steps> summaries = new ArrayList<>();
      summaries.add(Steps.of(first));
      for (Block b : index.blocks().subList(1, index.blocks().size())) {
        Path file = index.file(b);
        try (Trajectory t = openBlock(index, b, options)) {
          check(b, t, file, first, file0);
          summaries.add(Steps.of(t));
        }
      }
      String pot = index.provenance().get("potential");
      return new Segments(
          index,
          options,
          first,
          summaries,
          pot != null ? pot : first.potential(),
          index.provenance());
    } catch (IOException | RuntimeException e) {
      try {
        first.close();
      } catch (IOException suppressed) {
        e.addSuppressed(suppressed);
      }
      throw e;
    }
  }

  /** What the concatenation keeps of a block: its frames' steps and times. */
  private record Steps(long[] steps, double[] times) {
    static Steps of(Trajectory t) {
      long[] st = new long[t.frameCount()];
      double[] ti = new double[st.length];
      for (int f = 0; f < st.length; f++) {
        st[f] = t.step(f);
        ti[f] = t.time(f);
      }
      return new Steps(st, ti);
    }
  }

  /** Opens block {@code b}, first checking a reference's SHA-256 of the file. */
  private static Trajectory openBlock(Index index, Block b, ReadOptions options)
      throws IOException {
    Path file = index.file(b);
    if (b.sha256() != null) {
      String actual = sha256(file);
      if (!actual.equals(b.sha256())) {
        throw new TrajectoryFormatException(
            file,
            "",
            "content changed since "
                + index.dir().resolve(INDEX)
                + " referred to it (SHA-256 "
                + actual
                + ", recorded "
                + b.sha256()
                + "); import the run again");
      }
    }
    return H5md.read(file, options);
  }

  /** Hex SHA-256 of a file's bytes. */
  public static String sha256(Path file) throws IOException {
    java.security.MessageDigest md;
    try {
      md = java.security.MessageDigest.getInstance("SHA-256");
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every Java platform", e);
    }
    byte[] buf = new byte[1 << 16];
    try (java.io.InputStream in = Files.newInputStream(file)) {
      int r;
      while ((r = in.read(buf)) > 0) {
        md.update(buf, 0, r);
      }
    }
    return java.util.HexFormat.of().formatHex(md.digest());
  }

  /**
   * Writes the index of {@code dir} atomically: version 1 when {@code base} is null (the listed
   * files lie beside the index), else a version-2 reference to the files in {@code base} (every
   * block then needs its SHA-256).
   */
  public static void writeIndex(
      Path dir, Map<String, String> provenance, List<Block> blocks, Path base) throws IOException {
    com.fasterxml.jackson.databind.node.ObjectNode root = JSON.createObjectNode();
    root.put("format", INDEX_FORMAT);
    root.put("version", base == null ? INDEX_VERSION : REFERENCE_VERSION);
    if (base != null) {
      root.put("base", base.toAbsolutePath().toString());
    }
    com.fasterxml.jackson.databind.node.ObjectNode prov = root.putObject("provenance");
    for (Map.Entry<String, String> e : provenance.entrySet()) {
      prov.put(e.getKey(), e.getValue());
    }
    com.fasterxml.jackson.databind.node.ArrayNode list = root.putArray("blocks");
    for (Block b : blocks) {
      com.fasterxml.jackson.databind.node.ObjectNode o = list.addObject();
      o.put("block", b.block());
      o.put("file", b.file());
      o.put("frames", b.frames());
      o.put("first_step", b.firstStep());
      o.put("last_step", b.lastStep());
      if (base != null) {
        if (b.sha256() == null) {
          throw new IllegalArgumentException("a reference needs the SHA-256 of " + b.file());
        }
        o.put("sha256", b.sha256());
      }
    }
    byte[] bytes =
        JSON.writer(com.fasterxml.jackson.databind.SerializationFeature.INDENT_OUTPUT)
            .writeValueAsBytes(root);
    Files.createDirectories(dir);
    AtomicFile.write(dir.resolve(INDEX), tmp -> Files.write(tmp, bytes));
  }

  /**
   * Writes into {@code out} (created) a version-2 index referring to the completed blocks of run
   * directory {@code source}, with each block file's SHA-256: the trajectory by reference, no copy.
   */
  public static void writeReference(Path source, Path out) throws IOException {
    Index index = readIndex(source);
    checkBlocksExist(index);
    List<Block> blocks = new ArrayList<>();
    for (Block b : index.blocks()) {
      String sha = b.sha256() != null ? b.sha256() : sha256(index.file(b));
      blocks.add(new Block(b.block(), b.file(), b.frames(), b.firstStep(), b.lastStep(), sha));
    }
    writeIndex(out, index.provenance(), blocks, index.base().toAbsolutePath().normalize());
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

  /**
   * Concatenation of block trajectories (frame k of the run = frame k - offset[p] of part p),
   * opened on demand: block 0 stays open (the static data), at most {@link #OPEN_SEGMENTS} others
   * are. Frame reads are synchronized, so workers may share the trajectory.
   */
  private static final class Segments implements Trajectory {
    private final Index index;
    private final ReadOptions options;
    private final Trajectory first;
    private final int[] offset;
    private final long[] steps;
    private final double[] times;
    private Map<String, TimeSeries> observables; // read on first use
    private final String potential;
    private final Map<String, String> provenance;
    private final LinkedHashMap<Integer, Trajectory> open =
        new LinkedHashMap<>(16, 0.75f, true); // access order: the eldest is the least recent

    Segments(
        Index index,
        ReadOptions options,
        Trajectory first,
        List<Steps> summaries,
        String potential,
        Map<String, String> provenance) {
      this.index = index;
      this.options = options;
      this.first = first;
      this.potential = potential;
      this.provenance =
          Collections.unmodifiableMap(
              new LinkedHashMap<>(
                  provenance)); // order kept: Map.copyOf iterates in a per-JVM order, and the index
      // is written from this map
      int parts = summaries.size();
      this.offset = new int[parts + 1];
      for (int k = 0; k < parts; k++) {
        offset[k + 1] = offset[k] + summaries.get(k).steps().length;
      }
      int total = offset[parts];
      steps = new long[total];
      times = new double[total];
      for (int k = 0; k < parts; k++) {
        Steps s = summaries.get(k);
        System.arraycopy(s.steps(), 0, steps, offset[k], s.steps().length);
        System.arraycopy(s.times(), 0, times, offset[k], s.times().length);
      }
    }

    /**
     * The observables of every block, concatenated; read on first use (analyses of the frames never
     * hold them: a long MD run stores many per frame).
     */
    private Map<String, TimeSeries> concatenatedObservables() throws IOException {
      int parts = index.blocks().size();
      int total = offset[parts];
      Map<String, double[][]> values = new LinkedHashMap<>();
      for (String name : first.observables().keySet()) {
        values.put(name, new double[total][]);
      }
      for (int k = 0; k < parts; k++) {
        Map<String, TimeSeries> o;
        if (k == 0) {
          o = first.observables();
        } else {
          try (Trajectory t = H5md.read(index.file(index.blocks().get(k)), options)) {
            o = t.observables();
          }
        }
        for (Map.Entry<String, double[][]> e : values.entrySet()) {
          double[][] va = o.get(e.getKey()).values();
          System.arraycopy(va, 0, e.getValue(), offset[k], va.length);
        }
      }
      Map<String, TimeSeries> out = new LinkedHashMap<>();
      for (Map.Entry<String, double[][]> e : values.entrySet()) {
        out.put(e.getKey(), new TimeSeries(e.getKey(), steps, times, e.getValue()));
      }
      return Collections.unmodifiableMap(out);
    }

    private int part(int k) {
      int parts = index.blocks().size();
      if (k < 0 || k >= offset[parts]) {
        throw new IndexOutOfBoundsException("frame " + k + " outside 0.." + (offset[parts] - 1));
      }
      int lo = 0;
      int hi = parts - 1;
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

    /** Block {@code p}, opened (closing the least recently used one beyond the bound) if needed. */
    private Trajectory block(int p) throws IOException {
      if (p == 0) {
        return first;
      }
      Trajectory t = open.get(p);
      if (t == null) {
        // a block is re-read without its SHA-256: the check at opening covered its bytes
        t = H5md.read(index.file(index.blocks().get(p)), options);
        open.put(p, t);
        if (open.size() > OPEN_SEGMENTS) {
          var eldest = open.entrySet().iterator();
          Trajectory old = eldest.next().getValue();
          eldest.remove();
          old.close();
        }
      }
      return t;
    }

    @Override
    public int frameCount() {
      return offset[index.blocks().size()];
    }

    @Override
    public int particleCount() {
      return first.particleCount();
    }

    @Override
    public Box box() {
      return first.box();
    }

    @Override
    public long step(int k) {
      part(k);
      return steps[k];
    }

    @Override
    public double time(int k) {
      part(k);
      return times[k];
    }

    @Override
    public double[] diameters() {
      return first.diameters();
    }

    @Override
    public synchronized Configuration frame(int k) {
      int p = part(k);
      try {
        return block(p).frame(k - offset[p]);
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }

    @Override
    public synchronized Map<String, TimeSeries> observables() {
      if (observables == null) {
        try {
          observables = concatenatedObservables();
        } catch (IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      }
      return observables;
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
    public synchronized void close() throws IOException {
      List<Trajectory> all = new ArrayList<>(open.values());
      all.add(first);
      open.clear();
      closeAll(all);
    }
  }
}
