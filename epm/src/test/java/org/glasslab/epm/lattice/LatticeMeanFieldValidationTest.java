package org.glasslab.epm.lattice;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Locale;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Lattice Γ(T) with the {@code redraw} rule and Baron–Biroli's thresholds (σ_c = 1, no disorder)
 * against the Fokker–Planck Γ(T) of the same model at L = 64 ({@link LatticeMeanFieldComparison};
 * docs/epm-lattice.md, "Lattice vs mean field"). Prints the table; asserts agreement where the mean
 * field should hold (high T).
 */
@Tag("validation")
class LatticeMeanFieldValidationTest {
  static final int L = 64;
  static final double[] TEMPERATURES = {0.1, 0.15, 0.2, 0.3, 0.5, 1.0};
  static final int MEASURE_SWEEPS = 30;

  @Test
  void latticeActivityAgainstFokkerPlanck() {
    LatticeMeanFieldComparison.Row[] rows =
        LatticeMeanFieldComparison.run(L, TEMPERATURES, MEASURE_SWEEPS, 100);
    StringBuilder table =
        new StringBuilder(
            "| T | Γ lattice | ± | ⟨δσ²⟩ | α_lattice | Γ FP (α_lattice) | Γ FP (α = 0.110) |"
                + " lattice/FP(α_lattice) | warm-up sweeps |\n");
    for (LatticeMeanFieldComparison.Row r : rows) {
      table.append(
          String.format(
              Locale.ROOT,
              "| %.2f | %.4f | %.4f | %.4f | %.4f | %.4f | %.4f | %.3f | %d |%n",
              r.temperature(),
              r.gamma(),
              r.gammaError(),
              r.meanSquareDrop(),
              r.alpha(),
              r.gammaFpLattice(),
              r.gammaFpPaper(),
              r.ratio(),
              r.warmupSweeps()));
    }
    System.out.printf(Locale.ROOT, "L = %d%n%s", L, table);
    // high T: the mean field holds to a few per cent (BB fig. 1b)
    assertEquals(1.0, rows[TEMPERATURES.length - 1].ratio(), 0.1, "T = 1");
    assertEquals(1.0, rows[3].ratio(), 0.1, "T = 0.3");
  }
}
