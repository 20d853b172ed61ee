package org.glasslab.analysis.mechanics;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.glasslab.data.Box;
import org.glasslab.data.Configuration;
import org.glasslab.md.PairPotential;
import org.glasslab.md.Potentials;

/** Reads the LAMMPS fixtures written by make_is_fixtures.py. */
final class Fixtures {
  private Fixtures() {}

  /**
   * The md-engine potential of a fixture, by its name: {@code lj*} is {@code lj} (lj/cut 2.5
   * sigma_ij, shifted), {@code ka*} is {@code ka} (the Kob–Andersen mixture), the rest {@code wca}.
   */
  static PairPotential potential(String name) {
    return Potentials.byName(name.startsWith("lj") ? "lj" : name.startsWith("ka") ? "ka" : "wca");
  }

  /** One fixture: configuration, LAMMPS pair energy and virial, per-atom virial stress. */
  record Fixture(
      Configuration config, double energy, double[] virial, double[] atomStress, double fnorm) {}

  static Fixture load(String name) {
    try (InputStream in = Fixtures.class.getResourceAsStream("/reference/mechanics/" + name)) {
      if (in == null) {
        throw new IllegalStateException("missing fixture " + name);
      }
      List<String> lines = new ArrayList<>();
      double fnorm = Double.NaN;
      for (String l : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        if (l.startsWith("# fnorm")) {
          fnorm = Double.parseDouble(l.substring(8).trim());
        } else if (!l.startsWith("#") && !l.isBlank()) {
          lines.add(l.trim());
        }
      }
      String[] h = lines.get(0).split("\\s+");
      int n = Integer.parseInt(h[0]);
      Box box = new Box(Double.parseDouble(h[1]), Double.parseDouble(h[2]));
      String[] e = lines.get(1).split("\\s+");
      double energy = Double.parseDouble(e[0]);
      double[] virial = {
        Double.parseDouble(e[1]), Double.parseDouble(e[2]), Double.parseDouble(e[3])
      };
      double[] x = new double[2 * n];
      double[] d = new double[n];
      double[] s = new double[3 * n];
      for (int i = 0; i < n; i++) {
        String[] p = lines.get(2 + i).split("\\s+");
        d[i] = Double.parseDouble(p[0]);
        x[2 * i] = Double.parseDouble(p[1]);
        x[2 * i + 1] = Double.parseDouble(p[2]);
        for (int c = 0; c < 3; c++) {
          s[3 * i + c] = Double.parseDouble(p[3 + c]);
        }
      }
      return new Fixture(Configuration.of(box, x, d), energy, virial, s, fnorm);
    } catch (IOException ex) {
      throw new IllegalStateException(ex);
    }
  }
}
