package org.glasslab.data.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.glasslab.data.Configuration;
import org.glasslab.data.MemoryTrajectory;
import org.glasslab.data.TestConfigs;
import org.glasslab.data.TimeSeries;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Our H5MD files as h5py and MDAnalysis (as a Universe) see them (Debian's /usr/bin/python3 with
 * python3-h5py and python3-mdanalysis; skipped when they are absent, installed by .ci/run).
 */
class H5mdInteropTest {
  static final Path PYTHON = Path.of("/usr/bin/python3");
  @TempDir Path dir;

  static boolean hasModule(String module) {
    if (!Files.isExecutable(PYTHON)) {
      return false;
    }
    try {
      Process p =
          new ProcessBuilder(PYTHON.toString(), "-c", "import " + module)
              .redirectErrorStream(true)
              .start();
      p.getInputStream().readAllBytes();
      return p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (IOException | InterruptedException e) {
      return false;
    }
  }

  JsonNode run(Path file, String how) throws Exception {
    Path script = dir.resolve("read_h5md.py");
    try (var in = getClass().getResourceAsStream("/interop/read_h5md.py")) {
      Files.write(script, in.readAllBytes());
    }
    Process p =
        new ProcessBuilder(PYTHON.toString(), script.toString(), file.toString(), how)
            .redirectError(ProcessBuilder.Redirect.DISCARD)
            .start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, p.waitFor(), "python reader failed on " + file);
    return new ObjectMapper().readTree(out);
  }

  MemoryTrajectory sample() {
    MemoryTrajectory t = TestConfigs.trajectory(64, 3, 21, true);
    long[] steps = new long[3];
    double[] times = new double[3];
    for (int k = 0; k < 3; k++) {
      steps[k] = t.step(k);
      times[k] = t.time(k);
    }
    TimeSeries pe = TimeSeries.scalar("potential_energy", steps, times, new double[] {1, 2, 3});
    return new MemoryTrajectory(
        List.of(t.frame(0), t.frame(1), t.frame(2)), Map.of("potential_energy", pe));
  }

  @Test
  void h5pyReadsTheSameNumbersBitForBit() throws Exception {
    assumeTrue(hasModule("h5py"), "python3-h5py not installed");
    MemoryTrajectory t = sample();
    Path f = dir.resolve("t.h5");
    H5md.write(f, t);
    JsonNode j = run(f, "h5py");
    assertEquals(1, j.get("version").get(0).asInt());
    assertEquals(3, j.get("frames").asInt());
    assertEquals(64, j.get("n").asInt());
    assertEquals("potential_energy", j.get("observables").get(0).asText());
    for (int k = 0; k < 3; k++) {
      Configuration c = t.frame(k);
      assertArrayEquals(c.positions(), doubles(j.get("positions").get(k)));
      int[] img = new int[128];
      for (int i = 0; i < 128; i++) {
        img[i] = j.get("images").get(k).get(i).asInt();
      }
      assertArrayEquals(c.images(), img);
      assertEquals(c.step(), j.get("steps").get(k).asLong());
      assertEquals(c.time(), Double.parseDouble(j.get("times").get(k).asText()));
    }
    assertArrayEquals(t.diameters(), doubles(j.get("diameters")));
    assertEquals(t.box().lx(), Double.parseDouble(j.get("box").get(0).asText()));
    assertEquals(t.box().ly(), Double.parseDouble(j.get("box").get(1).asText()));
  }

  @ParameterizedTest
  @ValueSource(strings = {"t.h5md", "t.h5"})
  void mdanalysisOpensOurFilesAsAUniverse(String name) throws Exception {
    assumeTrue(hasModule("MDAnalysis"), "python3-mdanalysis not installed");
    MemoryTrajectory t = sample();
    Path f = dir.resolve(name);
    H5md.write(f, t);
    JsonNode j = run(f, "mdanalysis");
    assertEquals("potential_energy", j.get("observables").get(0).asText());
    assertEquals(3, j.get("frames").asInt());
    assertEquals(64, j.get("n").asInt());
    for (int k = 0; k < 3; k++) {
      double[] expected = t.frame(k).positions();
      double[] got = doubles(j.get("positions").get(k));
      for (int i = 0; i < expected.length; i++) {
        // MDAnalysis stores coordinates as float32.
        assertEquals((float) expected[i], (float) got[i], "coordinate " + i + " of frame " + k);
      }
      assertEquals(t.step(k), j.get("steps").get(k).asLong());
      assertEquals((float) t.time(k), (float) Double.parseDouble(j.get("times").get(k).asText()));
      assertEquals(
          (float) t.box().lx(), (float) Double.parseDouble(j.get("box").get(k).get(0).asText()));
      assertEquals(
          (float) t.box().ly(), (float) Double.parseDouble(j.get("box").get(k).get(1).asText()));
    }
  }

  static double[] doubles(JsonNode a) {
    double[] d = new double[a.size()];
    for (int i = 0; i < d.length; i++) {
      d[i] = Double.parseDouble(a.get(i).asText());
    }
    return d;
  }
}
