package org.glasslab.pipeline.stages;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.glasslab.data.Configuration;
import org.glasslab.data.Trajectory;
import org.glasslab.data.io.H5md;
import org.glasslab.data.io.ReadOptions;
import org.glasslab.pipeline.cli.CliRunner;
import org.glasslab.pipeline.cli.DemoCommand;
import org.glasslab.pipeline.engine.Engine;
import org.glasslab.pipeline.engine.PipelineSpec;
import org.glasslab.pipeline.engine.RunResult;
import org.glasslab.pipeline.engine.StageRegistry;
import org.glasslab.pipeline.report.ReportLinks;
import org.glasslab.pipeline.spec.SpecLoader;
import org.glasslab.pipeline.store.Csv;
import org.glasslab.pipeline.store.Hdf5Arrays;
import org.glasslab.pipeline.store.JsonFiles;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The physics stages end to end on a CI-sized version of the demo spec (64 particles, 18 frames,
 * tiny EPM), through the CLI: every stage runs, the outputs obey the physics they claim, the report
 * references existing images, and a second run is served entirely from cache. Also: the embedded
 * demo spec and every spec under examples/ load and dry-run.
 */
class PhysicsPipelineTest {
  @TempDir Path dir;

  static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  /** The embedded demo spec shrunk to CI size, run directory {@code run}. */
  static String ciSpec(Path run) throws Exception {
    ObjectNode root = (ObjectNode) YAML.readTree(DemoCommand.embeddedSpec());
    root.put("run_dir", run.toString());
    root.put("name", "demo-ci");
    ArrayNode inputs = (ArrayNode) root.get("inputs");
    ObjectNode md = (ObjectNode) inputs.get(0).get("params");
    md.put("particles", 64);
    md.put("equilibration_time", 3);
    md.put("waiting_time", 3);
    md.put("block_size", 200);
    md.put("n_cfg", 6);
    md.put("blocks", 3);
    ObjectNode mf = (ObjectNode) inputs.get(1).get("params");
    mf.putArray("temperatures").add(0.1).add(0.2).add(0.4);
    ObjectNode lat = (ObjectNode) inputs.get(2).get("params");
    lat.put("size", 8);
    lat.put("events", 3000);
    ObjectNode tc = ((ObjectNode) inputs.get(3)).putObject("params");
    tc.putArray("sizes").add(16).add(24);
    tc.putArray("temperatures").add(0.4).add(0.7).add(1.0).add(1.4).add(2.0);
    tc.put("samples", 6);
    ((ArrayNode) root.get("stages"))
        .addObject()
        .put("stage", "modes")
        .putObject("params")
        .put("count", 10);
    // modes is listed twice now; drop the short form
    ArrayNode st = (ArrayNode) root.get("stages");
    for (int i = 0; i < st.size(); i++) {
      if (st.get(i).isTextual() && st.get(i).asText().equals("modes")) {
        st.remove(i);
        break;
      }
    }
    return YAML.writeValueAsString(root);
  }

  @Tag("validation")
  @Test
  void ciDemoRunsEveryStageAndRerunsFromCache() throws Exception {
    Path run = dir.resolve("run");
    Path spec = dir.resolve("demo-ci.yaml");
    Files.writeString(spec, ciSpec(run));
    CliRunner r = CliRunner.run("run", spec.toString(), "--jobs", "2", "-q");
    assertEquals(0, r.exit(), r.out() + r.err());
    Set<String> ran = new HashSet<>();
    for (String line : r.out().split("\n")) {
      if (line.startsWith("ran ")) {
        ran.add(line.split("\\s+")[1]);
      }
    }
    for (String s :
        List.of(
            "md/simulate",
            "md/minimize",
            "md/stress",
            "md/msd",
            "md/events",
            "md/modes",
            "md/signatures",
            "md/betti",
            "md/fig1",
            "md/local",
            "md/softness",
            "md/correlate",
            "md/snapshots",
            "md/observables",
            "meanfield/epm-meanfield",
            "lattice/epm-lattice",
            "tc/epm-tc-scan",
            "gamma/epm-gamma-compare",
            "ensemble/epm-compare",
            "ensemble/particle-lattice")) {
      assertTrue(ran.contains(s), s + " did not run: " + r.out());
    }
    Path res = run.resolve("results");

    // simulate and minimize: same frames, IS frames converged and free of velocities
    try (Trajectory md = H5md.read(res.resolve("md/simulate/trajectory.h5"), ReadOptions.DEFAULTS);
        Trajectory is = H5md.read(res.resolve("md/minimize/is.h5"), ReadOptions.DEFAULTS)) {
      assertEquals(18, md.frameCount());
      assertEquals(64, md.particleCount());
      assertEquals(md.frameCount(), is.frameCount());
      for (int k = 0; k < md.frameCount(); k++) {
        assertEquals(md.step(k), is.step(k));
      }
      Configuration c = is.frame(3);
      assertEquals(null, c.velocities());
      assertTrue(md.observables().containsKey("temperature"), "MD observables kept");
    }
    Csv.Table min = Csv.read(res.resolve("md/minimize/minimize.csv"));
    for (double f : min.doubles("max_force")) {
      assertTrue(f <= 1e-10, "IS max force " + f);
    }

    // stress: the volumetric stress is (sxx + syy) / 2 and the norm the Frobenius norm
    Csv.Table st = Csv.read(res.resolve("md/stress/stress.csv"));
    double[] sxx = st.doubles("sxx");
    double[] syy = st.doubles("syy");
    double[] sxy = st.doubles("sxy");
    double[] syx = st.doubles("syx");
    double[] vol = st.doubles("s_vol");
    double[] norm = st.doubles("s_norm");
    for (int k = 0; k < sxx.length; k++) {
      assertEquals((sxx[k] + syy[k]) / 2, vol[k], 1e-12 * Math.abs(vol[k]) + 1e-14);
      double nn = Math.sqrt(sxx[k] * sxx[k] + syy[k] * syy[k] + sxy[k] * sxy[k] + syx[k] * syx[k]);
      assertEquals(nn, norm[k], 1e-12 * nn);
      assertTrue(vol[k] > 0, "a repulsive glass at positive pressure has sigma_vol > 0");
    }

    // msd starts at zero; modes of a converged IS: no negative mode, at least the 2 translations
    assertEquals(0.0, Csv.read(res.resolve("md/msd/msd.csv")).doubles("msd")[0]);
    Csv.Table modes = Csv.read(res.resolve("md/modes/modes.csv"));
    for (int k = 0; k < modes.rows().size(); k++) {
      assertEquals(0.0, modes.doubles("negative_modes")[k]);
      assertTrue(modes.doubles("zero_modes")[k] >= 2);
      assertTrue(modes.doubles("lambda_smallest")[k] > 0);
    }
    for (double b : Csv.read(res.resolve("md/betti/betti.csv")).doubles("beta1")) {
      assertTrue(b >= 0 && b == Math.rint(b));
    }

    // the catalogue: one row per interval; local's pairs around the chosen interval; the
    // signatures of every event, five series each, matched to the catalogue by step
    Csv.Table ev = Csv.read(res.resolve("md/events/events.csv"));
    assertEquals(17, ev.rows().size());
    int ef = StageSupport.eventFrame(res.resolve("md/events/events.csv"));
    int[] at = (int[]) Hdf5Arrays.read(res.resolve("md/local/local.h5"), "at/frames");
    assertArrayEquals(new int[] {ef, ef + 1}, at);
    Csv.Table sig = Csv.read(res.resolve("md/signatures/signatures.csv"));
    long events = 0;
    for (double c : ev.doubles("significant_clusters")) {
      events += c >= 1 ? 1 : 0;
    }
    assertEquals(5 * events, sig.rows().size());

    // local fields: one row per particle; D2min >= 0 where fitted; softness per particle
    Csv.Table local = Csv.read(res.resolve("md/local/local.csv"));
    assertEquals(64, local.rows().size());
    for (double d : local.doubles("d2min")) {
      assertTrue(Double.isNaN(d) || d >= 0, "D2min " + d);
    }
    assertEquals(64, Csv.read(res.resolve("md/softness/softness.csv")).rows().size());

    // correlation matrices: unit diagonal, symmetric, within [-1, 1]
    Csv.Table corr = Csv.read(res.resolve("md/correlate/correlation.csv"));
    List<String> h = corr.header();
    for (String[] row : corr.rows()) {
      double v = Double.parseDouble(row[h.indexOf("r")]);
      if (row[h.indexOf("a")].equals(row[h.indexOf("b")])) {
        assertEquals(1.0, v, 1e-12);
      }
      assertTrue(Double.isNaN(v) || Math.abs(v) <= 1 + 1e-12, "r " + v);
    }

    // mean-field Gamma grows with temperature
    double[] g = Csv.read(res.resolve("meanfield/epm-meanfield/gamma.csv")).doubles("gamma");
    for (int k = 1; k < g.length; k++) {
      assertTrue(g[k] > g[k - 1], "Gamma(T) increases: " + java.util.Arrays.toString(g));
    }
    // mean-field xi: positive, finite, and growing as T falls (the CI scan is above T_c)
    Csv.Table xi = Csv.read(res.resolve("meanfield/epm-meanfield/xi.csv"));
    double[] x = xi.doubles("xi");
    for (int k = 0; k < x.length; k++) {
      assertTrue(x[k] > 0 && Double.isFinite(x[k]), "xi " + x[k]);
      assertTrue(
          k == 0 || x[k] < x[k - 1], "xi(T) decreases with T: " + java.util.Arrays.toString(x));
    }
    // lattice P(S): the bin counts add up to the completed avalanches of the table
    Csv.Table ps = Csv.read(res.resolve("lattice/epm-lattice/epm_ps.csv"));
    Csv.Table aval = Csv.read(res.resolve("lattice/epm-lattice/epm_avalanches.csv"));
    double total = 0;
    for (double c : ps.doubles("count")) {
      total += c;
    }
    double completed = 0;
    for (double ru : aval.doubles("runaway")) {
      completed += 1 - ru;
    }
    assertEquals(completed, total);

    // particle <-> lattice: one temperature and one replica, so the Arrhenius energy (and with
    // it the mapped temperature) is "not enough data", never a number; every value has its error
    Csv.Table pl = Csv.read(res.resolve("ensemble/particle-lattice/particle_lattice.csv"));
    List<String> quantities = pl.rows().stream().map(row -> row[2]).toList();
    assertEquals("activation_energy", quantities.get(0));
    assertTrue(quantities.containsAll(List.of("tau_alpha", "chi4_peak_height", "event_size")));
    int pn = pl.header().indexOf("particle_note");
    assertTrue(pl.rows().get(0)[pn].startsWith("not enough data"), pl.rows().get(0)[pn]);
    for (String[] row : pl.rows()) {
      for (int c : new int[] {4, 6}) {
        assertEquals(row[c].isEmpty(), row[c + 1].isEmpty(), row[2] + ": value without error");
      }
    }
    // the lattice side's own calibrations need no extra stage: theta and <x> from its site
    // snapshots, facilitation from its avalanche centroids; the particle yield rows are "not
    // measured" (the demo runs no epm-local-yield)
    for (String[] row : pl.rows()) {
      if (List.of("pseudogap_theta", "facilitation_distance_ratio").contains(row[2])) {
        assertFalse(row[9].startsWith("not measured"), row[2] + ": " + row[9]);
      }
      if (row[2].equals("pseudogap_theta")) {
        assertTrue(row[pn].startsWith("not measured"), row[pn]);
      }
    }
    var summary =
        JsonFiles.read(res.resolve("ensemble/particle-lattice/particle_lattice.json"))
            .get("arrhenius");
    assertTrue(summary.get("rate_max_lag").asDouble() > 0);
    assertTrue(
        Files.readString(res.resolve("ensemble/particle-lattice/particle_lattice.md"))
            .contains("| activation_energy |"));

    // lattice T_c scan: one row per size, runaway fractions are fractions
    Csv.Table tcs = Csv.read(res.resolve("tc/epm-tc-scan/epm_tc.csv"));
    List<Double> tcSizes = new java.util.ArrayList<>();
    for (int i = 0; i < tcs.doubles("c").length; i++) {
      if (tcs.doubles("c")[i] == 1) {
        tcSizes.add(tcs.doubles("L")[i]);
      }
    }
    assertEquals(List.of(16.0, 24.0), tcSizes);
    for (double f : Csv.read(res.resolve("tc/epm-tc-scan/epm_runaway.csv")).doubles("fraction")) {
      assertTrue(f >= 0 && f <= 1, "runaway fraction " + f);
    }
    // summary: one row per size, T_c as in epm_tc.csv, kappa_eff = -dln T_c / dln L
    Csv.Table sum = Csv.read(res.resolve("tc/epm-tc-scan/epm_tc_summary.csv"));
    assertArrayEquals(new double[] {16, 24}, sum.doubles("L"));
    double[] stc = sum.doubles("Tc");
    assertTrue(Double.isNaN(sum.doubles("kappa_eff")[0]));
    if (Double.isFinite(stc[0]) && Double.isFinite(stc[1])) {
      assertEquals(
          -Math.log(stc[1] / stc[0]) / Math.log(24.0 / 16.0), sum.doubles("kappa_eff")[1], 1e-6);
    }
    for (int i = 0, k = 0; i < tcs.doubles("c").length; i++) {
      if (tcs.doubles("c")[i] == 1) {
        assertEquals(tcs.doubles("Tc")[i], stc[k++], 1e-12);
      }
    }

    // the T_c summary and the fits are tables of the tc branch page
    String tcPage = Files.readString(run.resolve("report/branch/tc.html"));
    assertTrue(tcPage.contains("kappa_eff") && tcPage.contains("log_chi2"), "T_c tables in report");

    // lattice vs mean field (demo settings, L = 32): one row per temperature; at T >= 0.3 the
    // lattice Gamma is the Fokker-Planck one with the lattice's own coupling (docs/epm-lattice.md)
    Csv.Table gc = Csv.read(res.resolve("gamma/epm-gamma-compare/gamma_compare.csv"));
    double[] gcT = gc.doubles("temperature");
    assertArrayEquals(new double[] {0.1, 0.15, 0.2, 0.3, 0.5, 1.0}, gcT);
    for (int i = 0; i < gcT.length; i++) {
      double ratio = gc.doubles("ratio")[i];
      assertEquals(
          gc.doubles("gamma_lattice")[i] / gc.doubles("gamma_fp_alpha_lattice")[i], ratio, 1e-9);
      if (gcT[i] >= 0.3) {
        assertTrue(ratio > 0.7 && ratio < 1.2, "lattice/FP at T = " + gcT[i] + ": " + ratio);
      }
    }
    String gammaPage = Files.readString(run.resolve("report/branch/gamma.html"));
    assertTrue(
        gammaPage.contains("gamma_fp_alpha_lattice") && gammaPage.contains("Lattice vs mean field"),
        "Gamma comparison table in report");

    // report: every image and link of every page exists; every figure type is present
    ReportLinks.Result links = ReportLinks.check(run.resolve("report"));
    assertTrue(links.images() > 30, "images: " + links.images());
    for (String fig :
        List.of(
            "fig1_a_msd",
            "fig1_b_sxy",
            "fig1_e_lambda_smallest",
            "fig1_f_beta1",
            "d2min_at",
            "dist_d2min",
            "softness_dist",
            "pearson",
            "spearman",
            "scatter_d2min_m",
            "gamma_of_t",
            "gamma_compare",
            "p_sigma",
            "xi_of_t",
            "xi_of_tau",
            "snapshot_at",
            "persistence_particle_lattice")) {
      try (Stream<Path> s = Files.walk(run.resolve("cache"))) {
        assertTrue(s.anyMatch(p -> p.getFileName().toString().equals(fig + ".png")), fig);
      }
    }

    // second run: everything from cache
    CliRunner again = CliRunner.run("run", spec.toString(), "--jobs", "2", "-q", "--json");
    assertEquals(0, again.exit(), again.err());
    assertFalse(again.out().contains("\"ran\""), again.out());

    // a beta_1 threshold that changes beta_1 reruns exactly betti, the signatures (also of the
    // refined events, which judge against betti.csv) and the Fig 1
    // panels (one that
    // left betti.csv byte-identical would stop at betti: keys use output hashes)
    Files.writeString(
        spec,
        Files.readString(spec)
            .replace("- \"betti\"", "- {stage: betti, params: {alpha: 1.05}}")
            .replace("- betti\n", "- {stage: betti, params: {alpha: 1.05}}\n"));
    CliRunner third = CliRunner.run("run", spec.toString(), "--jobs", "2", "-q");
    assertEquals(0, third.exit(), third.err());
    Set<String> reran = new HashSet<>();
    for (String line : third.out().split("\n")) {
      if (line.startsWith("ran ")) {
        reran.add(line.split("\\s+")[1]);
      }
    }
    assertEquals(Set.of("md/betti", "md/fig1", "md/signatures", "md/refine"), reran, third.out());
  }

  @Test
  void embeddedDemoAndExamplesLoadAndDryRun() throws Exception {
    StageRegistry reg = Stages.builtin();
    Path run = dir.resolve("demo");
    PipelineSpec demo =
        SpecLoader.load(
            DemoCommand.withRunDir(DemoCommand.embeddedSpec(), run), dir.resolve("d.yaml"), reg);
    assertEquals(21, dryRun(demo, reg).nodes().size());
    assertFalse(Files.exists(run), "a dry run writes nothing");
    Path examples = Path.of("..", "examples").toAbsolutePath().normalize();
    assertEquals(
        DemoCommand.embeddedSpec(),
        Files.readString(examples.resolve("demo.yaml")),
        "examples/demo.yaml is a copy of the embedded spec");
    int[] expected = {21, 12, 6 * 14 + 2, 1 + 3 + 1 + 1, 5 * 12 * 14 + 3};
    String[] names = {
      "demo.yaml",
      "lammps-dump.yaml",
      "temperature-sweep.yaml",
      "epm-tscan.yaml",
      "jha-sengupta.yaml"
    };
    for (int i = 0; i < names.length; i++) {
      Path f = examples.resolve(names[i]);
      String yaml =
          YAML.writeValueAsString(
              ((ObjectNode) YAML.readTree(f.toFile()))
                  .put("run_dir", dir.resolve(names[i]).toString()));
      PipelineSpec ps = SpecLoader.load(yaml, f, reg);
      RunResult r = dryRun(ps, reg);
      assertEquals(expected[i], r.nodes().size(), names[i]);
      assertTrue(
          r.nodes().stream().allMatch(n -> n.status() == RunResult.Status.WOULD_RUN), names[i]);
    }
  }

  @Test
  void stageParametersAreValidatedBeforeAnythingRuns() throws Exception {
    Path spec = dir.resolve("bad.yaml");
    String base = "name: bad\ninputs:\n  - generate: simulate\n    params: {%s}\nstages:\n  - %s\n";
    String[][] cases = {
      {"particles: 64", "msd", "temperature: required"},
      {"temperature: 0.3, n_cfg: 30, block_size: 100", "msd", "inputs[0].params"},
      {"temperature: 0.3", "{stage: minimize, params: {method: sgd}}", "stages[0].params.method"},
      {"temperature: 0.3", "{stage: betti, params: {alpha: big}}", "expected a number or 'paper'"},
      {"temperature: 0.3", "{stage: local, params: {event: 'top:1'}}", "stages[0].params.event"},
      {"temperature: 0.3, potential: morse", "msd", "wca, lj, harmonic, ka"},
      {"temperature: 0.3", "{stage: modes, params: {potential: 'lj:rc=2'}}", "params.potential"},
    };
    for (String[] c : cases) {
      Files.writeString(spec, String.format(base, c[0], c[1]));
      CliRunner r = CliRunner.run("run", spec.toString(), "--dry-run");
      assertEquals(1, r.exit(), r.err());
      assertTrue(r.err().contains(c[2]), c[2] + " not in: " + r.err());
      assertEquals(1, r.err().strip().split("\n").length, "one line: " + r.err());
    }
    assertFalse(Files.exists(dir.resolve("runs")), "nothing written");
  }

  private static RunResult dryRun(PipelineSpec ps, StageRegistry reg) throws Exception {
    return new Engine(reg)
        .run(ps, new Engine.Options(1, true, false, new PrintWriter(new StringWriter())));
  }
}
