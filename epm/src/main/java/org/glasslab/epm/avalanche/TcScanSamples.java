package org.glasslab.epm.avalanche;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.glasslab.data.io.AtomicFile;
import org.glasslab.data.random.Rng;
import org.glasslab.data.stats.Histogram;
import org.glasslab.epm.lattice.LatticeParams;

/**
 * A directory of finished T_c-scan samples, so that a killed scan resumes without redoing them: an
 * L = 256 sample near T_c costs tens of CPU minutes. Each {@link TcScan.SampleResult} is one small
 * text file written atomically when the sample ends, named by the SHA-256 of its key — everything
 * that determines the sample (the lattice parameters at its L and T, its seed, the warm-up, budget,
 * avalanches per sample, runaway factor and stop rule), never the file or directory names — and
 * doubles are stored exactly, so a resumed scan gives the same numbers as an uninterrupted one.
 * Samples of other scans may share the directory (different keys).
 */
public final class TcScanSamples {
  private static final String MAGIC = "# glasslab tc-scan sample v1";
  private final Path dir;

  /**
   * @param dir the directory (created when the first sample is saved)
   */
  public TcScanSamples(Path dir) {
    this.dir = dir;
  }

  /** The directory. */
  public Path dir() {
    return dir;
  }

  /** The key of sample {@code sample} of (size, temperature index) in scan {@code o}. */
  static String key(TcScanOptions o, int size, int tempIndex, int sample) {
    LatticeParams p = o.base().withSize(size).withTemperature(o.temperatures()[tempIndex]);
    return String.join(
        ";",
        MAGIC,
        p.toString(),
        "seed=" + Rng.deriveSeed(o.seed(), size, tempIndex, sample),
        "sample=" + sample,
        "warmup=" + o.warmupSweeps(),
        "budget=" + o.budgetSweeps(),
        "avalanches=" + o.avalanchesPerSample(),
        "factor=" + o.runawayFactor(),
        "stopAtFirst=" + o.stopAtFirstRunaway());
  }

  private Path file(String key) {
    try {
      byte[] h = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
      return dir.resolve(HexFormat.of().formatHex(h, 0, 12) + ".sample");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JDK", e);
    }
  }

  /**
   * The stored sample, or null when it was not finished (no file, or a file of another key).
   *
   * @throws UncheckedIOException when a file of this key cannot be read or parsed (named)
   */
  public TcScan.SampleResult load(TcScanOptions o, int size, int tempIndex, int sample) {
    String key = key(o, size, tempIndex, sample);
    Path f = file(key);
    if (!Files.isRegularFile(f)) {
      return null;
    }
    try {
      List<String> lines = Files.readAllLines(f, StandardCharsets.UTF_8);
      if (lines.size() < 4 || !lines.get(0).equals(key)) {
        return null;
      }
      String[] m = lines.get(1).split(",");
      Histogram quiescent = histogram(lines.get(2));
      Histogram atStart = histogram(lines.get(3));
      List<Avalanche> list = new ArrayList<>();
      for (int k = 4; k < lines.size(); k++) {
        String[] c = lines.get(k).split(",");
        list.add(
            new Avalanche(
                Double.parseDouble(c[0]),
                Long.parseLong(c[1]),
                Long.parseLong(c[2]),
                Double.parseDouble(c[3]),
                Integer.parseInt(c[4]),
                Long.parseLong(c[5]),
                Double.parseDouble(c[6]),
                c[7].equals("1"),
                Double.parseDouble(c[8]),
                // files of the first version have no epicentre and centroid
                c.length > 9 ? Integer.parseInt(c[9]) : -1,
                c.length > 9 ? Double.parseDouble(c[10]) : Double.NaN,
                c.length > 9 ? Double.parseDouble(c[11]) : Double.NaN));
      }
      return new TcScan.SampleResult(
          size,
          o.temperatures()[tempIndex],
          sample,
          Long.parseLong(m[0]),
          List.copyOf(list),
          Long.parseLong(m[1]),
          Double.parseDouble(m[2]),
          m[3].equals("1"),
          quiescent,
          atStart,
          m[4].equals("1"));
    } catch (IOException e) {
      throw new UncheckedIOException(f + ": cannot read a finished sample: " + e.getMessage(), e);
    } catch (RuntimeException e) {
      throw new UncheckedIOException(
          new IOException(
              f + ": not a tc-scan sample file (" + e.getMessage() + "); delete it to rerun", e));
    }
  }

  private static Histogram histogram(String line) {
    long[] v = Arrays.stream(line.split(",")).mapToLong(Long::parseLong).toArray();
    Histogram h = LatticeAvalanches.xMinHistogram();
    h.addCounts(Arrays.copyOfRange(v, 3, v.length), v[0], v[1], v[2]);
    return h;
  }

  private static void histogram(StringBuilder sb, Histogram h) {
    sb.append(h.below()).append(',').append(h.above()).append(',').append(h.skipped());
    for (long c : h.counts()) {
      sb.append(',').append(c);
    }
    sb.append('\n');
  }

  /** Stores a finished sample (temp file + rename: a killed write leaves nothing). */
  public void save(TcScanOptions o, int tempIndex, TcScan.SampleResult r) {
    String key = key(o, r.size(), tempIndex, r.sample());
    StringBuilder sb = new StringBuilder(key).append('\n');
    sb.append(r.seed()).append(',').append(r.events()).append(',').append(r.time());
    sb.append(',').append(r.stuckInFlow() ? 1 : 0).append(',').append(r.stationary() ? 1 : 0);
    sb.append('\n');
    histogram(sb, r.xMinQuiescent());
    histogram(sb, r.xMinAtStart());
    for (Avalanche a : r.avalanches()) {
      sb.append(a.startTime()).append(',').append(a.size()).append(',');
      sb.append(a.unstableSize()).append(',').append(a.released()).append(',');
      sb.append(a.area()).append(',').append(a.duration()).append(',');
      sb.append(a.durationTime()).append(',').append(a.runaway() ? 1 : 0).append(',');
      sb.append(a.xMinAtStart()).append(',').append(a.epicentre()).append(',');
      sb.append(a.centroidX()).append(',').append(a.centroidY()).append('\n');
    }
    try {
      byte[] bytes = sb.toString().getBytes(StandardCharsets.UTF_8);
      AtomicFile.write(file(key), tmp -> Files.write(tmp, bytes));
    } catch (IOException e) {
      throw new UncheckedIOException(
          dir + ": cannot store a finished sample: " + e.getMessage(), e);
    }
  }
}
