package org.glasslab.bench.mechanics;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.ejml.data.DMatrixSparseCSC;
import org.glasslab.bench.peer.PeerProcess;

/**
 * Runs scipy's {@code eigsh} in shift-invert mode on a matrix (Debian's {@code /usr/bin/python3}
 * with python3-scipy), the independent reference and peer of {@link
 * org.glasslab.analysis.mechanics.LowestModes}: the matrix goes over as a Matrix Market file, the
 * bundled script {@code scipy_eigsh.py} times only the {@code eigsh} call.
 */
public final class ScipyEigsh {
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
    return PeerProcess.pythonHas("scipy.sparse.linalg");
  }

  /**
   * Runs {@code eigsh(a, k, sigma=sigma, which='LM')} {@code repeats} times.
   *
   * @param a symmetric matrix, not modified
   * @throws IOException if python fails (its last error line is in the message)
   */
  public static Result run(DMatrixSparseCSC a, int k, double sigma, int repeats)
      throws IOException, InterruptedException {
    try (PeerProcess.Scratch dir = PeerProcess.Scratch.create("glasslab-eigsh-")) {
      Path mtx = dir.resolve("hessian.mtx");
      MatrixMarket.write(a, mtx);
      Path script = PeerProcess.script("scipy_eigsh.py", dir.dir());
      String out =
          PeerProcess.of(
                  "scipy eigsh",
                  List.of(
                      PeerProcess.PYTHON,
                      script.toString(),
                      mtx.toString(),
                      Integer.toString(k),
                      Double.toString(sigma),
                      Integer.toString(repeats)))
              .run()
              .stdout();
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
