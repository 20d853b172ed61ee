package org.glasslab.analysis.mechanics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Lowest modes against scipy eigsh fixtures (Hessian built independently with numpy). */
class ScipyReferenceTest {

  static int denseZeros(String name) throws IOException {
    try (InputStream in =
        ScipyReferenceTest.class.getResourceAsStream("/reference/mechanics/" + name)) {
      for (String l : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        if (l.startsWith("# dense zero modes:")) {
          return Integer.parseInt(l.substring(19).trim());
        }
      }
    }
    throw new IllegalStateException("no dense zero-mode line in " + name);
  }

  static double[] eigsh(String name) throws IOException {
    try (InputStream in =
        ScipyReferenceTest.class.getResourceAsStream("/reference/mechanics/" + name)) {
      List<Double> v = new ArrayList<>();
      for (String l : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        if (!l.startsWith("#") && !l.isBlank()) {
          v.add(Double.parseDouble(l.trim()));
        }
      }
      return v.stream().mapToDouble(Double::doubleValue).toArray();
    }
  }

  static void compare(String fixture) throws IOException {
    Hessian h =
        Hessian.compute(Fixtures.load(fixture + ".txt").config(), Fixtures.potential(fixture));
    double[] ref = eigsh(fixture + "-eigsh.txt");
    double tol = ModeOptions.DEFAULT.zeroTolerance();
    List<Double> pos = new ArrayList<>();
    for (double v : ref) {
      if (Math.abs(v) > tol) {
        assertTrue(v > 0, "scipy found a negative eigenvalue " + v);
        pos.add(v);
      }
    }
    HessianSpectrum s = new LowestModes(ModeOptions.DEFAULT).compute(h);
    assertEquals(denseZeros(fixture + "-eigsh.txt"), s.zeroModes(), "zero modes as dense numpy");
    assertEquals(
        2 + 2 * h.rattlers().length + h.singleContactParticles(),
        s.zeroModes(),
        "2 translations + 2 per rattler + 1 per single-contact particle");
    for (int i = 0; i < 30; i++) {
      assertEquals(pos.get(i), s.eigenvalues()[i], 1e-9 * pos.get(i), fixture + " eigenvalue " + i);
    }
    assertTrue(s.maxResidual() < 1e-6, "residual " + s.maxResidual());
  }

  @Test
  void smallInherentStructureMatchesScipyEigsh() throws IOException {
    compare("wca256-is");
  }

  @Test
  void ljInherentStructureMatchesScipyEigsh() throws IOException {
    compare("lj256-is");
  }

  @Test
  void kobAndersenInherentStructureMatchesScipyEigsh() throws IOException {
    compare("ka256-is");
  }

  @Test
  void n2000InherentStructureMatchesScipyEigsh() throws IOException {
    compare("wca2000-is");
  }
}
