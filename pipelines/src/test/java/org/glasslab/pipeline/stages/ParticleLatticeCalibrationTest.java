package org.glasslab.pipeline.stages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.glasslab.pipeline.cli.CliRunner;
import org.glasslab.pipeline.store.Csv;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The calibration stages wired into {@code particle-lattice} end to end on a tiny spec (150
 * particles, an 8×8 lattice): with {@code epm-local-yield} and {@code epm-elastic-response} the θ
 * and ⟨x⟩ rows have numbers with errors on both sides and the table says which cell size it used;
 * without them (same run directory, the rest from cache) the particle rows say "not measured" and
 * the cell size is the parameter's.
 */
class ParticleLatticeCalibrationTest {
  @TempDir Path dir;

  private static final String HEAD =
      """
      name: pl-calibration
      seed: 3
      run_dir: %s
      inputs:
        - generate: simulate
          label: md
          params: {particles: 150, temperature: 0.3, equilibration_time: 3, waiting_time: 3,
                   block_size: 200, n_cfg: 6, blocks: 3}
        - {generate: epm-lattice, label: lat, params: {size: 8, temperature: 0.1, events: 3000}}
      stages:
        - {stage: minimize, params: {method: cg, ftol: 1.0e-10}}
        - events
      """;

  private static final String CALIBRATIONS =
      """
        - stage: epm-local-yield
          params: {radius: 3, spacing: 2.0, orientations: 1, max_strain: 0.2, strain_step: 0.005,
                   min_strain_step: 0.0005, bootstrap: 50}
        - {stage: epm-elastic-response, params: {grid: 1}}
      """;

  private static final String TAIL =
      """
        - {stage: particle-lattice, params: {pseudogap_fraction: 1.0, pseudogap_bootstrap: 50}}
      """;

  private Csv.Table run(Path spec, String text) throws Exception {
    Files.writeString(spec, text);
    CliRunner r = CliRunner.run("run", spec.toString(), "--jobs", "2", "-q");
    assertEquals(0, r.exit(), r.out() + r.err());
    return Csv.read(dir.resolve("run/results/ensemble/particle-lattice/particle_lattice.csv"));
  }

  private static String[] row(Csv.Table t, String quantity) {
    return t.rows().stream().filter(r -> r[2].equals(quantity)).findFirst().orElseThrow();
  }

  @Test
  void calibrationStagesFillTheYieldRowsAndTheCellSize() throws Exception {
    String head = String.format(HEAD, dir.resolve("run"));
    Csv.Table with = run(dir.resolve("with.yaml"), head + CALIBRATIONS + TAIL);
    int pv = with.header().indexOf("particle_value");
    int pe = with.header().indexOf("particle_error");
    int lv = with.header().indexOf("lattice_value");
    int le = with.header().indexOf("lattice_error");
    int pn = with.header().indexOf("particle_note");
    for (String q : List.of("pseudogap_theta", "distance_to_yield_mean")) {
      String[] r = row(with, q);
      for (int c : new int[] {pv, pe, lv, le}) {
        assertFalse(r[c].isEmpty(), q + " column " + c + ": " + String.join(" | ", r));
      }
      assertTrue(r[pn].contains("frozen-matrix"), r[pn]);
    }
    String md =
        Files.readString(dir.resolve("run/results/ensemble/particle-lattice/particle_lattice.md"));
    assertTrue(md.contains("epm-elastic-response"), md);
    // lattice facilitation from the avalanche centroids: a number or "not enough data", never
    // "not measured"
    String[] fac = row(with, "facilitation_distance_ratio");
    assertFalse(fac[with.header().indexOf("lattice_note")].startsWith("not measured"));

    Csv.Table without = run(dir.resolve("without.yaml"), head + TAIL);
    String[] theta = row(without, "pseudogap_theta");
    assertTrue(theta[pv].isEmpty() && theta[pe].isEmpty());
    assertTrue(theta[pn].startsWith("not measured"), theta[pn]);
    assertFalse(theta[lv].isEmpty(), "the lattice's own x needs no calibration stage");
    md = Files.readString(dir.resolve("run/results/ensemble/particle-lattice/particle_lattice.md"));
    assertTrue(md.contains("cell_size parameter (no epm-elastic-response"), md);
  }
}
