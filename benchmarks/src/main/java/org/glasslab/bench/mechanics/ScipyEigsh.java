package org.glasslab.bench.mechanics;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.ejml.data.DMatrixSparseCSC;

/**
 * Runs scipy's {@code eigsh} in shift-invert mode on a matrix (Debian's {@code /usr/bin/python3}
 * with python3-scipy), the independent reference and peer of {@link
 * org.glasslab.analysis.mechanics.LowestModes}: the matrix goes over as a Matrix Market file, the
 * bundled script {@code scipy_eigsh.py} times only the {@code eigsh} call.
 */
public final class ScipyEigsh {
  /** The interpreter used (Debian's, which has scipy; not a pyenv one). */
  public static final String PYTHON = "/usr/bin/python3";

  /**
   * One peer run.
   *
   * @param eigenvalues [k] ascending [energy/length^2]
   * @param wallSeconds [repeats] wall time of each {@code eigsh} call
   * @param cpuSeconds [repeats] process CPU time of each call (all threads)
   * @param versions numpy, scipy and python versions
   */
  public record Result(
      double[] eigenvalues, double[] wallSeconds, double[] cpuSeconds, String versions) {}

  private ScipyEigsh() {}

  /** True when {@code /usr/bin/python3} can import scipy. */
  public static boolean available() {
    try {
      Process p =
          new ProcessBuilder(PYTHON, "-c", "import scipy.sparse.linalg")
              .redirectErrorStream(true)
              .start();
      p.getInputStream().readAllBytes();
      return p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /**
   * Runs {@code eigsh(a, k, sigma=sigma, which='LM')} {@code repeats} times.
   *
   * @param a symmetric matrix, not modified
   * @throws IOException if python fails (its output is in the message)
   */
  public static Result run(DMatrixSparseCSC a, int k, double sigma, int repeats)
      throws IOException, InterruptedException {
    Path dir = Files.createTempDirectory("glasslab-eigsh-");
    try {
      Path mtx = dir.resolve("hessian.mtx");
      MatrixMarket.write(a, mtx);
      Path script = dir.resolve("scipy_eigsh.py");
      try (InputStream in =
          ScipyEigsh.class.getResourceAsStream("/org/glasslab/bench/peer/scipy_eigsh.py")) {
        Files.copy(in, script);
      }
      Process p =
          new ProcessBuilder(
                  PYTHON,
                  script.toString(),
                  mtx.toString(),
                  Integer.toString(k),
                  Double.toString(sigma),
                  Integer.toString(repeats))
              .redirectErrorStream(true)
              .start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (p.waitFor() != 0) {
        throw new IOException("scipy eigsh failed: " + out.strip());
      }
      double[] ev = null;
      double[] wall = null;
      double[] cpu = null;
      String versions = "";
      for (String line : out.split("\n")) {
        String[] f = line.strip().split("\\s+", 2);
        switch (f[0]) {
          case "eigenvalues" -> ev = numbers(f[1]);
          case "wall" -> wall = numbers(f[1]);
          case "cpu" -> cpu = numbers(f[1]);
          case "versions" -> versions = f[1];
          default -> {}
        }
      }
      if (ev == null || wall == null || cpu == null) {
        throw new IOException("unexpected output from scipy_eigsh.py: " + out.strip());
      }
      return new Result(ev, wall, cpu, versions);
    } finally {
      try (var s = Files.list(dir)) {
        List<Path> files = new ArrayList<>(s.toList());
        for (Path f : files) {
          Files.deleteIfExists(f);
        }
      }
      Files.deleteIfExists(dir);
    }
  }

  private static double[] numbers(String s) {
    String[] p = s.strip().split("\\s+");
    double[] v = new double[p.length];
    for (int i = 0; i < p.length; i++) {
      v[i] = Double.parseDouble(p[i]);
    }
    return v;
  }
}
