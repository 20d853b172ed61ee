package org.glasslab.epm.coarsegrain;

import java.util.ArrayList;
import java.util.List;

/**
 * The particle ↔ lattice-EPM comparison in common, scale-free units. The particle side is a
 * sequence of coarse-grained frames (one lattice site = one cell of a {@link CoarseGrainer}): the
 * shear stress σ_xy per cell and frame, and the coarse-grained D²min of each consecutive frame pair
 * (frame k is the reference of pair k → k+1). The EPM side is a sample of site stresses σ, site
 * distances to yielding x = σ_th − |σ| and avalanche areas (distinct failed sites).
 *
 * <p>Operational particle quantities (the EPM has them by construction, the particles do not):
 *
 * <ul>
 *   <li><b>rearranging cell</b> of pair k: coarse-grained D²min above {@code d2minThreshold}
 *       [length²];
 *   <li><b>local yield stress</b> σ_y: the {@code yieldQuantile}-quantile of |σ_xy| of the
 *       rearranging cells in their reference frame k (just before they rearranged); one value for
 *       the whole sample (too few events per cell for a per-cell threshold);
 *   <li><b>distance to yielding</b> of every cell and frame: x = σ_y − |σ_xy| (negative for a cell
 *       above σ_y that did not rearrange; counted in {@link ParticleSide#negativeX()});
 *   <li><b>rearranging area</b> of pair k: number of rearranging cells × cell area [length²]; pairs
 *       without a rearranging cell are no avalanche and are left out. The EPM avalanche area is its
 *       number of distinct failed sites × the same cell area.
 * </ul>
 *
 * <p>Normalizations (via {@link FieldComparison}): σ by its root mean square about zero (the
 * standard deviation when the mean vanishes, as for an unsheared glass and the σ̄ = 0 EPM); x and
 * the areas by their means; the areas also unscaled (both in length² through the common cell area).
 */
public final class ParticleLatticeComparison {
  private ParticleLatticeComparison() {}

  /**
   * Options of the comparison.
   *
   * @param d2minThreshold coarse-grained D²min above which a cell rearranges [length²]
   * @param yieldQuantile quantile of the pre-rearrangement |σ_xy| that defines σ_y, in (0, 1]
   * @param bins histogram bins of the L1 distance
   * @param fitFraction share of the smallest positive x used by the pseudogap fit, in (0, 1]
   */
  public record Options(double d2minThreshold, double yieldQuantile, int bins, double fitFraction) {
    /** Validates the options. */
    public Options {
      if (!(d2minThreshold > 0) || !Double.isFinite(d2minThreshold)) {
        throw new IllegalArgumentException(
            "d2min_threshold must be finite and positive, got " + d2minThreshold);
      }
      if (!(yieldQuantile > 0 && yieldQuantile <= 1)) {
        throw new IllegalArgumentException(
            "yield_quantile must be in (0, 1], got " + yieldQuantile);
      }
      if (bins < 2) {
        throw new IllegalArgumentException("bins must be at least 2, got " + bins);
      }
      if (!(fitFraction > 0 && fitFraction <= 1)) {
        throw new IllegalArgumentException("fit_fraction must be in (0, 1], got " + fitFraction);
      }
    }
  }

  /**
   * The particle-side samples.
   *
   * @param sigma σ_xy of every cell and frame [stress], NaN cells dropped
   * @param distance x = σ_y − |σ_xy| of every cell and frame [stress] (empty without rearranging
   *     cells)
   * @param area rearranging area of every pair with at least one rearranging cell [length²]
   * @param areaPair index k of the pair (k → k+1) of each {@code area} entry
   * @param yieldStress σ_y [stress] (NaN without rearranging cells)
   * @param rearrangingCells number of (cell, pair) rearrangements that defined σ_y
   * @param pairs frame pairs examined
   * @param negativeX number of x values below zero
   */
  public record ParticleSide(
      double[] sigma,
      double[] distance,
      double[] area,
      int[] areaPair,
      double yieldStress,
      int rearrangingCells,
      int pairs,
      int negativeX) {}

  /**
   * Builds the particle side from coarse-grained grids.
   *
   * @param sigmaGrids [F][L*L] coarse-grained σ_xy per frame [stress], not modified
   * @param d2minGrids [F-1][L*L] coarse-grained D²min of pair k → k+1 [length²], not modified
   * @param cellArea area of one cell [length²]
   * @return the samples; without any rearranging cell σ_y is NaN and {@code distance} and {@code
   *     area} are empty
   * @throws IllegalArgumentException naming {@code sigma_xy} or {@code d2min} for missing or
   *     mis-shaped grids, {@code yield_quantile} when the mean x is not positive
   */
  public static ParticleSide particleSide(
      double[][] sigmaGrids, double[][] d2minGrids, double cellArea, Options o) {
    if (sigmaGrids == null || sigmaGrids.length < 2) {
      throw new IllegalArgumentException(
          "sigma_xy: per-particle shear stress is needed for at least 2 frames, got "
              + (sigmaGrids == null ? 0 : sigmaGrids.length));
    }
    int f = sigmaGrids.length;
    int cells = sigmaGrids[0] == null ? 0 : sigmaGrids[0].length;
    for (int k = 0; k < f; k++) {
      if (sigmaGrids[k] == null || sigmaGrids[k].length != cells || cells == 0) {
        throw new IllegalArgumentException(
            "sigma_xy: coarse-grained shear stress of frame " + k + " is missing or mis-shaped");
      }
    }
    if (d2minGrids == null || d2minGrids.length != f - 1) {
      throw new IllegalArgumentException(
          "d2min: need one coarse-grained D2min grid per frame pair ("
              + (f - 1)
              + "), got "
              + (d2minGrids == null ? 0 : d2minGrids.length));
    }
    List<Double> pre = new ArrayList<>();
    List<Double> areas = new ArrayList<>();
    List<Integer> areaPairs = new ArrayList<>();
    for (int k = 0; k < f - 1; k++) {
      double[] d = d2minGrids[k];
      if (d == null || d.length != cells) {
        throw new IllegalArgumentException(
            "d2min: coarse-grained D2min of pair " + k + " -> " + (k + 1) + " is mis-shaped");
      }
      int n = 0;
      for (int c = 0; c < cells; c++) {
        if (d[c] > o.d2minThreshold() && Double.isFinite(sigmaGrids[k][c])) {
          pre.add(Math.abs(sigmaGrids[k][c]));
          n++;
        }
      }
      if (n > 0) {
        areas.add(n * cellArea);
        areaPairs.add(k);
      }
    }
    double[] preArr = new double[pre.size()];
    for (int i = 0; i < preArr.length; i++) {
      preArr[i] = pre.get(i);
    }
    // no rearranging cell: σ_y undefined, x and areas empty (the σ comparison still stands)
    double sy =
        preArr.length == 0 ? Double.NaN : FieldComparison.quantile(preArr, o.yieldQuantile());
    int total = 0;
    for (double[] g : sigmaGrids) {
      for (double v : g) {
        if (Double.isFinite(v)) {
          total++;
        }
      }
    }
    double[] sig = new double[total];
    double[] x = new double[preArr.length == 0 ? 0 : total];
    int i = 0;
    int neg = 0;
    for (double[] g : sigmaGrids) {
      for (double v : g) {
        if (Double.isFinite(v)) {
          sig[i] = v;
          if (x.length > 0) {
            x[i] = sy - Math.abs(v);
            if (x[i] < 0) {
              neg++;
            }
          }
          i++;
        }
      }
    }
    double mean = 0;
    for (double v : x) {
      mean += v;
    }
    if (x.length > 0 && !(mean > 0)) {
      throw new IllegalArgumentException(
          "yield_quantile: the mean distance to yielding is not positive (sigma_y = "
              + sy
              + " from quantile "
              + o.yieldQuantile()
              + " of "
              + preArr.length
              + " rearranging cells); raise it");
    }
    double[] a = new double[areas.size()];
    int[] ap = new int[areas.size()];
    for (int j = 0; j < a.length; j++) {
      a[j] = areas.get(j);
      ap[j] = areaPairs.get(j);
    }
    return new ParticleSide(sig, x, a, ap, sy, preArr.length, f - 1, neg);
  }

  /**
   * The comparison of one particle side with one EPM sample.
   *
   * @param rows sigma (RMS), distance_to_yield (MEAN), avalanche_area (MEAN) and avalanche_area_raw
   *     (NONE, length²); the last three only when some cell rearranged
   * @param particleTheta pseudogap exponent of the particle x (NaN if too few values)
   * @param epmTheta pseudogap exponent of the EPM x
   */
  public record Result(List<FieldComparison.Row> rows, double particleTheta, double epmTheta) {}

  /**
   * Compares the particle side with the EPM sample.
   *
   * @param epmSigma EPM site stresses [EPM stress], not modified
   * @param epmDistance EPM x = σ_th − |σ| per site [EPM stress], not modified
   * @param epmArea EPM avalanche areas already converted to length² (sites × cell area), not
   *     modified; may be empty (then no area rows)
   */
  public static Result compare(
      ParticleSide p, double[] epmSigma, double[] epmDistance, double[] epmArea, Options o) {
    List<FieldComparison.Row> rows = new ArrayList<>();
    rows.add(
        FieldComparison.compare("sigma", p.sigma(), epmSigma, FieldComparison.Scale.RMS, o.bins()));
    if (p.distance().length > 0) {
      rows.add(
          FieldComparison.compare(
              "distance_to_yield",
              p.distance(),
              epmDistance,
              FieldComparison.Scale.MEAN,
              o.bins()));
    }
    if (p.area().length > 0 && epmArea.length > 0) {
      rows.add(
          FieldComparison.compare(
              "avalanche_area", p.area(), epmArea, FieldComparison.Scale.MEAN, o.bins()));
      rows.add(
          FieldComparison.compare(
              "avalanche_area_raw", p.area(), epmArea, FieldComparison.Scale.NONE, o.bins()));
    }
    return new Result(
        rows,
        FieldComparison.pseudogapExponent(p.distance(), o.fitFraction()),
        FieldComparison.pseudogapExponent(epmDistance, o.fitFraction()));
  }
}
