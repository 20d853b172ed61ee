package org.glasslab.topology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.SplittableRandom;
import org.glasslab.bench.peer.PeerProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the {@code ripser} executable (Debian package, via {@link PeerProcess}) on fresh clouds and
 * demands identical barcodes from {@link RipsOptions#ripserCompatible}. Skipped when ripser is not
 * installed.
 */
class RipserLiveTest {
  @TempDir Path dir;

  static RipserFormat.Output run(Path points, double alpha)
      throws IOException, InterruptedException {
    String out =
        PeerProcess.of(
                "ripser",
                "--format",
                "point-cloud",
                "--dim",
                "1",
                "--threshold",
                Float.toString((float) alpha),
                points.toString())
            .timeout(Duration.ofSeconds(120))
            .run()
            .stdout();
    return RipserFormat.parse(out);
  }

  /** A glass-like cloud: jittered triangular lattice at density ~0.9 [2N]. */
  static double[] jitteredLattice(int m, double jitter, long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    double a = Math.sqrt(2 / (Math.sqrt(3) * 0.9));
    double[] p = HandCheckedTest.triangularLattice(m);
    for (int k = 0; k < p.length; k++) {
      p[k] = p[k] * a + jitter * (rng.nextDouble() - 0.5);
    }
    return p;
  }

  @Test
  void barcodesIdenticalToRipserOnFreshClouds() throws Exception {
    assumeTrue(PeerProcess.available("ripser", "--help"), "ripser is not installed");
    int cases = 0;
    long seed = 1000;
    for (int n : new int[] {100, 400, 1000, 2000}) {
      for (double alpha : new double[] {0.9, 1.7, 3.1}) {
        double side = Math.sqrt(n / 0.9);
        check(GraphCrossCheckTest.cloud(n, side, seed++), alpha);
        cases++;
      }
    }
    for (double alpha : new double[] {1.3, 2.5, 8.19}) {
      check(jitteredLattice(24, 0.6, seed++), alpha);
      cases++;
    }
    // Exact ties and edges exactly at the threshold: a square lattice at alpha = 1 and sqrt 2.
    double[] sq = new double[2 * 144];
    for (int k = 0; k < 144; k++) {
      sq[2 * k] = k % 12;
      sq[2 * k + 1] = k / 12;
    }
    for (double alpha : new double[] {1.0, Math.sqrt(2), 2.0}) {
      check(sq, alpha);
      cases++;
    }
    check(HandCheckedTest.triangularLattice(14), 1.8);
    cases++;
    assertEquals(19, cases);
  }

  private void check(double[] p, double alpha) throws Exception {
    Path f = dir.resolve("cloud.csv");
    RipserFormat.writePointCloud(f, p);
    RipserFormat.Output ref = run(f, alpha);
    PersistenceResult r = RipsPersistence.compute(p, null, RipsOptions.ripserCompatible(alpha));
    String where = "N = " + p.length / 2 + ", alpha = " + alpha;
    assertNull(RipserFormat.compareExact(r.h0(), ref, 0), where);
    assertNull(RipserFormat.compareExact(r.h1(), ref, 1), where);
  }
}
