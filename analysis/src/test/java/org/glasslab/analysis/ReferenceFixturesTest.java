package org.glasslab.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The committed reference fixtures are exactly what {@code make_reference.py} produces with the
 * recorded numpy/scipy versions, to 1e-12 relative: OpenBLAS picks its kernels by CPU, so the last
 * digit of a BLAS-computed value may differ between machines. Skipped when Debian's python3 with
 * those versions is absent.
 */
class ReferenceFixturesTest {
  private static final Path PYTHON = Path.of("/usr/bin/python3");
  private static final Path DIR = Path.of("src/test/resources/reference");

  @Test
  void fixturesAreReproducible(@TempDir Path out) throws Exception {
    assumeTrue(Files.isExecutable(PYTHON), "no /usr/bin/python3");
    Process v =
        new ProcessBuilder(
                PYTHON.toString(),
                "-c",
                "import sys, numpy, scipy; print('python %s\\nnumpy %s\\nscipy %s' %"
                    + " (sys.version.split()[0], numpy.__version__, scipy.__version__))")
            .redirectErrorStream(true)
            .start();
    String versions = new String(v.getInputStream().readAllBytes()).strip();
    assumeTrue(v.waitFor(60, TimeUnit.SECONDS) && v.exitValue() == 0, "numpy/scipy missing");
    assumeTrue(
        versions.equals(Files.readString(DIR.resolve("versions.txt")).strip()),
        "different numpy/scipy versions: " + versions);
    Process p =
        new ProcessBuilder(
                PYTHON.toString(), DIR.resolve("make_reference.py").toString(), out.toString())
            .redirectErrorStream(true)
            .start();
    String log = new String(p.getInputStream().readAllBytes());
    assertEquals(0, p.waitFor(), log);
    for (String f :
        List.of(
            "local_ref.csv",
            "local_cur.csv",
            "local_cur_deformed.csv",
            "local_expected.csv",
            "local_expected_symmetric.csv",
            "local_expected_deformed.csv",
            "gofr_expected.csv",
            "softness_expected.csv",
            "corr_table.csv",
            "corr_pearson.csv",
            "corr_spearman.csv")) {
      assertSameTable(Files.readAllLines(DIR.resolve(f)), Files.readAllLines(out.resolve(f)), f);
    }
  }

  /** Same lines and cells; numeric cells equal to 1e-12 relative (1e-15 absolute near zero). */
  private static void assertSameTable(List<String> expected, List<String> actual, String file) {
    assertEquals(expected.size(), actual.size(), file + ": line count");
    for (int i = 0; i < expected.size(); i++) {
      String[] e = expected.get(i).split(",", -1);
      String[] a = actual.get(i).split(",", -1);
      assertEquals(e.length, a.length, file + " line " + (i + 1) + ": cell count");
      for (int k = 0; k < e.length; k++) {
        String where = file + " line " + (i + 1) + " cell " + (k + 1);
        double x;
        try {
          x = Double.parseDouble(e[k]);
        } catch (NumberFormatException notANumber) {
          assertEquals(e[k], a[k], where);
          continue;
        }
        double y = Double.parseDouble(a[k]);
        assertEquals(x, y, 1e-15 + 1e-12 * Math.abs(x), where);
      }
    }
  }
}
