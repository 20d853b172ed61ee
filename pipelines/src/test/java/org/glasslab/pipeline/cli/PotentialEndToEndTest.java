package org.glasslab.pipeline.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.glasslab.analysis.mechanics.Hessian;
import org.glasslab.analysis.mechanics.HessianSpectrum;
import org.glasslab.analysis.mechanics.LowestModes;
import org.glasslab.analysis.mechanics.ModeOptions;
import org.glasslab.analysis.mechanics.StressAnalysis;
import org.glasslab.data.Configuration;
import org.glasslab.data.Trajectory;
import org.glasslab.data.io.TrajectoryIO;
import org.glasslab.md.PairPotential;
import org.glasslab.md.Potentials;
import org.glasslab.md.StressConvention;
import org.glasslab.md.Thermo;
import org.glasslab.md.Thermodynamics;
import org.glasslab.minimize.Method;
import org.glasslab.minimize.MinimizationResult;
import org.glasslab.minimize.Minimizer;
import org.glasslab.minimize.MinimizerOptions;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The Kob–Andersen mixture and Lennard-Jones end to end through the CLI: {@code simulate
 * --potential ka|lj} (N = 64, two blocks), then {@code thermo}, {@code minimize}, {@code stress}
 * and {@code modes} on its output with no {@code --potential} (each reads the potential from the
 * file's metadata), every number equal (to 1e-12 relative) to the direct library call with {@code
 * Potentials.byName(name)} on the same frames. The library potentials themselves are checked
 * against LAMMPS and scipy in md-engine's PotentialFixtureTest, minimizer's LammpsFixtureTest and
 * analysis' StressAnalysisTest and ScipyReferenceTest.
 */
class PotentialEndToEndTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final double T = 0.4;
  private static final double REL = 1e-12;

  private static void assertRel(double want, double got, String what) {
    assertEquals(want, got, REL * Math.abs(want), what);
  }

  /** Rows of a CSV with a header line, as column name to values. */
  private static List<double[]> csvColumns(Path csv, String... columns) throws Exception {
    List<String> lines = Files.readAllLines(csv);
    List<String> header = List.of(lines.get(0).split(","));
    List<double[]> out = new ArrayList<>();
    for (String c : columns) {
      int k = header.indexOf(c);
      assertTrue(k >= 0, "column " + c + " in " + header);
      double[] v = new double[lines.size() - 1];
      for (int r = 1; r < lines.size(); r++) {
        v[r - 1] = Double.parseDouble(lines.get(r).split(",")[k]);
      }
      out.add(v);
    }
    return out;
  }

  /** {@code stress FILE --temperature temp --out csv} equals StressAnalysis frame by frame. */
  private static void assertStressSeries(
      Path file, double temp, List<Configuration> frames, StressAnalysis sa, Path csv)
      throws Exception {
    CliRunner st =
        CliRunner.run(
            "stress",
            file.toString(),
            "--temperature",
            Double.toString(temp),
            "--out",
            csv.toString());
    assertEquals(0, st.exit(), st.err());
    List<double[]> cols = csvColumns(csv, "potential_energy", "sxx", "syy", "sxy", "s_norm");
    assertEquals(frames.size(), cols.get(0).length, "frames in " + csv);
    for (int k = 0; k < frames.size(); k++) {
      Thermo t = sa.compute(frames.get(k), temp);
      String at = file.getFileName() + " frame " + k;
      assertRel(t.potentialEnergy(), cols.get(0)[k], "potential energy, " + at);
      assertRel(t.sxx(), cols.get(1)[k], "sxx, " + at);
      assertRel(t.syy(), cols.get(2)[k], "syy, " + at);
      assertEquals(t.sxy(), cols.get(3)[k], REL * t.norm(), "sxy, " + at);
      assertRel(t.norm(), cols.get(4)[k], "norm, " + at);
    }
  }

  @ParameterizedTest
  @CsvSource({"ka, 1.2", "lj, 0.9"})
  void simulateThenMinimizeThermoStressModesReadThePotentialFromTheFileAndEqualTheLibrary(
      String name, String density, @TempDir Path tmp) throws Exception {
    PairPotential pot = Potentials.byName(name);
    Path run = tmp.resolve("run");
    List<String> simulate =
        new ArrayList<>(
            List.of(
                ("simulate -N 64 -T "
                        + T
                        + " --density "
                        + density
                        + " --equilibration-time 1.5"
                        + " --waiting-time 0.6 -B 64 --n-cfg 4 --blocks 2 --seed 5 -q"
                        + " --potential "
                        + name
                        + " -o")
                    .split(" ")));
    simulate.add(run.toString());
    CliRunner s = CliRunner.run(simulate.toArray(String[]::new));
    assertEquals(0, s.exit(), s.err());
    List<Configuration> frames = new ArrayList<>();
    try (Trajectory t = TrajectoryIO.read(run)) {
      assertEquals(pot.spec(), t.potential());
      for (int k = 0; k < t.frameCount(); k++) {
        frames.add(t.frame(k));
      }
    }
    assertEquals(8, frames.size());

    // thermo: energy, pressure and stress of one thermal frame (kinetic T from the velocities)
    CliRunner th = CliRunner.run("thermo", run.toString(), "--frame", "5", "--json");
    assertEquals(0, th.exit(), th.err());
    JsonNode j = JSON.readTree(th.out());
    assertEquals(pot.spec(), j.get("potential").asText());
    Thermo want = Thermodynamics.of(frames.get(5), pot, Double.NaN, StressConvention.CONSISTENT);
    assertRel(
        want.potentialEnergyPerParticle(),
        j.get("potential_energy_per_particle").asDouble(),
        "U/N");
    assertTrue(want.potentialEnergyPerParticle() < 0, name + " is bound");
    assertRel(want.pressure(), j.get("pressure").asDouble(), "pressure");
    assertRel(want.sxx(), j.get("stress").get("xx").asDouble(), "sxx");
    assertRel(want.syy(), j.get("stress").get("yy").asDouble(), "syy");
    assertEquals(want.sxy(), j.get("stress").get("xy").asDouble(), REL * want.norm(), "sxy");

    // stress series of the thermal run at the run temperature
    StressAnalysis sa = new StressAnalysis(pot, StressConvention.CONSISTENT);
    assertStressSeries(run, T, frames, sa, tmp.resolve("thermal.csv"));

    // minimize the whole run into its IS trajectory; each frame as the library's CG finds it
    Path is = tmp.resolve("is.h5");
    CliRunner m =
        CliRunner.run("minimize", run.toString(), is.toString(), "--jobs", "1", "--json", "-q");
    assertEquals(0, m.exit(), m.err());
    JsonNode results = JSON.readTree(m.out()).get("results");
    assertEquals(frames.size(), results.size());
    Minimizer cg = Method.parse("cg").create(pot);
    List<Configuration> direct = new ArrayList<>();
    for (int k = 0; k < frames.size(); k++) {
      MinimizationResult r =
          cg.minimize(frames.get(k), MinimizerOptions.defaults().withFtol(1e-10));
      assertTrue(r.converged(), r.toString());
      direct.add(r.configuration());
      JsonNode row = results.get(k);
      assertEquals(k, row.get("frame").asInt());
      assertTrue(row.get("converged").asBoolean(), row.toString());
      assertRel(
          r.energyPerParticle(), row.get("energy_per_particle").asDouble(), "IS U/N frame " + k);
    }
    List<Configuration> written = new ArrayList<>();
    try (Trajectory t = TrajectoryIO.read(is)) {
      assertEquals(pot.spec(), t.potential());
      assertEquals(frames.size(), t.frameCount());
      for (int k = 0; k < t.frameCount(); k++) {
        Configuration c = t.frame(k);
        written.add(c);
        assertArrayEquals(direct.get(k).diameters(), c.diameters(), "species of IS frame " + k);
        double[] a = direct.get(k).unwrappedPositions();
        double[] b = c.unwrappedPositions();
        for (int i = 0; i < a.length; i++) {
          assertEquals(a[i], b[i], 1e-12, "IS coordinate " + i + " of frame " + k);
        }
      }
    }

    // thermo, stress (series and per particle) and modes of the IS trajectory
    CliRunner ti =
        CliRunner.run("thermo", is.toString(), "--frame", "3", "--temperature", "0", "--json");
    assertEquals(0, ti.exit(), ti.err());
    Thermo atIs = Thermodynamics.of(written.get(3), pot, 0, StressConvention.CONSISTENT);
    assertRel(
        atIs.potentialEnergyPerParticle(),
        JSON.readTree(ti.out()).get("potential_energy_per_particle").asDouble(),
        "IS thermo U/N");
    assertRel(
        results.get(3).get("energy_per_particle").asDouble(),
        atIs.potentialEnergyPerParticle(),
        "IS U/N from minimize and thermo");
    Path perParticle = tmp.resolve("pp.csv");
    CliRunner sp =
        CliRunner.run(
            "stress",
            is.toString(),
            "--temperature",
            "0",
            "--frame",
            "2",
            "--per-particle",
            perParticle.toString());
    assertEquals(0, sp.exit(), sp.err());
    List<double[]> pp = csvColumns(perParticle, "sxx", "syy", "sxy");
    double[] ref = sa.perParticle(written.get(2), 0, null);
    double scale = 0;
    for (double v : ref) {
      scale = Math.max(scale, Math.abs(v));
    }
    for (int i = 0; i < written.get(2).size(); i++) {
      for (int c = 0; c < 3; c++) {
        assertEquals(
            ref[3 * i + c], pp.get(c)[i], REL * scale, "per-particle stress " + i + "," + c);
      }
    }
    assertStressSeries(is, 0, written, sa, tmp.resolve("is.csv"));

    CliRunner md = CliRunner.run("modes", is.toString(), "--frame", "6", "--count", "5", "--json");
    assertEquals(0, md.exit(), md.err());
    JsonNode mj = JSON.readTree(md.out());
    HessianSpectrum spec =
        new LowestModes(ModeOptions.DEFAULT.withCount(5))
            .compute(Hessian.compute(written.get(6), pot));
    assertEquals(spec.zeroModes(), mj.get("zero_modes").asInt());
    assertTrue(mj.get("stable").asBoolean(), md.out());
    for (int i = 0; i < 5; i++) {
      double e = spec.eigenvalues()[i];
      assertTrue(e > 0, "positive mode " + e);
      assertRel(e, mj.get("eigenvalues").get(i).asDouble(), "eigenvalue " + i);
    }
    assertRel(spec.lambdaSmallest(), mj.get("lambda_smallest").asDouble(), "lambda_smallest");
  }
}
