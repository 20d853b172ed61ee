package org.glasslab.epm.propagator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * Compares the propagators with an independent numpy construction
 * (src/test/resources/reference/make_propagator_reference.py, numpy 1.24.2).
 */
class EshelbyPropagatorReferenceTest {

  @Test
  void matchesNumpyReference() throws Exception {
    int checked = 0;
    EshelbyPropagator[] fixed = {
      EshelbyPropagator.fixed(32, Convention.IMPOSED_STRESS),
      EshelbyPropagator.fixed(64, Convention.IMPOSED_STRESS)
    };
    EshelbyPropagator[] random = {
      EshelbyPropagator.random(32, Convention.IMPOSED_STRESS),
      EshelbyPropagator.random(64, Convention.IMPOSED_STRESS)
    };
    try (BufferedReader r =
        new BufferedReader(
            new InputStreamReader(
                getClass().getResourceAsStream("/reference/propagator_reference.csv"),
                StandardCharsets.UTF_8))) {
      String line;
      while ((line = r.readLine()) != null) {
        if (line.startsWith("#") || line.startsWith("kind")) {
          continue;
        }
        String[] f = line.split(",");
        int l = Integer.parseInt(f[1]);
        int dx = Integer.parseInt(f[2]);
        int dy = Integer.parseInt(f[3]);
        double ref = Double.parseDouble(f[4]);
        int k = l == 32 ? 0 : 1;
        double v =
            switch (f[0]) {
              case "fixed" -> fixed[k].value(dx, dy, 0);
              // θ = 0: K0 + Kc; θ = π/8: K0 + Ks; so Kc and Ks follow by difference
              case "k0" ->
                  0.5 * (random[k].rawValue(dx, dy, 0) + random[k].rawValue(dx, dy, Math.PI / 4));
              case "kc" ->
                  0.5 * (random[k].rawValue(dx, dy, 0) - random[k].rawValue(dx, dy, Math.PI / 4));
              case "ks" ->
                  random[k].rawValue(dx, dy, Math.PI / 8)
                      - 0.5
                          * (random[k].rawValue(dx, dy, 0)
                              + random[k].rawValue(dx, dy, Math.PI / 4));
              default -> throw new IllegalStateException("unknown kind " + f[0]);
            };
        assertEquals(ref, v, 1e-12, line);
        checked++;
      }
    }
    assertTrue(checked > 300);
  }
}
