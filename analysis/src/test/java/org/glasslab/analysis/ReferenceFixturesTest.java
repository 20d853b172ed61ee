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
 * recorded numpy/scipy versions. Skipped when Debian's python3 with those versions is absent.
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
      assertEquals(Files.readString(DIR.resolve(f)), Files.readString(out.resolve(f)), f);
    }
  }
}
