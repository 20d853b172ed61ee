package org.glasslab.analysis.mlsoftness;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.glasslab.data.Box;
import org.glasslab.data.geometry.PairList;

/**
 * Per-particle structure functions of Cubuk et al. (PRL 114, 108001, 2015) and Schoenholz et al.
 * (Nat. Phys. 12, 469, 2016), the features of the machine-learned softness.
 *
 * <pre>
 *   radial   G(i; mu)             = sum_j exp(-(r~_ij - mu)^2 / L^2)                  over r~_ij &lt; mu_max + 3 L
 *   angular  Psi(i; xi, lambda, zeta) = sum_{j&lt;k} exp(-(r~_ij^2 + r~_ik^2 + r~_jk^2) / xi^2)
 *                                        (1 + lambda cos theta_jik)^zeta          over r~_ij, r~_ik &lt; angularCutoff
 * </pre>
 *
 * <p><b>Continuous polydispersity.</b> The papers resolve G and Psi by species; a polydisperse
 * glass has no species. Every distance is instead measured in units of its pair's contact distance
 * {@code sigma_ij = (sigma_i + sigma_j) / 2} (the WCA pair diameter): {@code r~_ij = r_ij /
 * sigma_ij}, so a shell of neighbours sits at the same r~ whatever the sizes, and the grid of mu is
 * a grid in contact distances. The particle's own diameter sigma_i (in mean diameters) is kept as
 * one extra feature, the continuous analogue of the species label. With one size (sigma = 1) this
 * is exactly the monodisperse definition.
 *
 * <p>Cost per frame: one {@link PairList} build (the shared cell list) at the larger cutoff times
 * the largest diameter, then O(N n M) for the radial part (n neighbours, M values of mu) and O(N
 * n_a^2 A) for the angular part (n_a neighbours inside the angular cutoff, A triples (xi, lambda,
 * zeta)); with the defaults and N = 500 about 40 ms per frame on a loaded 2-core machine, three
 * quarters of it angular (docs/analysis.md). Features are written row by row into a flat {@code [N
 * * F]} array.
 *
 * @param mus radial centres mu [contact distances], ascending, at least one
 * @param width radial width L [contact distances], positive
 * @param xis angular widths xi [contact distances], positive (may be empty: no angular functions)
 * @param lambdas angular signs, each -1 or +1
 * @param zetas angular exponents, each a positive integer
 * @param angularCutoff neighbours of the angular sums lie below this r~ [contact distances]
 */
public record StructureFunctions(
    double[] mus, double width, double[] xis, int[] lambdas, int[] zetas, double angularCutoff) {

  /** Validates and copies. */
  public StructureFunctions {
    mus = mus.clone();
    xis = xis.clone();
    lambdas = lambdas.clone();
    zetas = zetas.clone();
    if (mus.length == 0) {
      throw new IllegalArgumentException("structure functions need at least one radial mu");
    }
    for (int k = 0; k < mus.length; k++) {
      if (!(mus[k] >= 0) || !Double.isFinite(mus[k]) || (k > 0 && !(mus[k] > mus[k - 1]))) {
        throw new IllegalArgumentException(
            "radial mu values must be finite, >= 0 and ascending, got " + Arrays.toString(mus));
      }
    }
    if (!(width > 0) || !Double.isFinite(width)) {
      throw new IllegalArgumentException("radial width L must be positive, got " + width);
    }
    for (double xi : xis) {
      if (!(xi > 0) || !Double.isFinite(xi)) {
        throw new IllegalArgumentException("angular xi must be positive, got " + xi);
      }
    }
    for (int l : lambdas) {
      if (l != 1 && l != -1) {
        throw new IllegalArgumentException("angular lambda must be -1 or +1, got " + l);
      }
    }
    for (int z : zetas) {
      if (z < 1 || z > 64) {
        throw new IllegalArgumentException("angular zeta must be an integer 1..64, got " + z);
      }
    }
    if (xis.length > 0 && (lambdas.length == 0 || zetas.length == 0)) {
      throw new IllegalArgumentException("angular functions need lambdas and zetas besides xis");
    }
    if (xis.length > 0 && (!(angularCutoff > 0) || !Double.isFinite(angularCutoff))) {
      throw new IllegalArgumentException(
          "angular cutoff must be positive [contact distances], got " + angularCutoff);
    }
  }

  /**
   * The defaults: mu = 0.8, 0.9, …, 2.6 and L = 0.1 (19 radial functions, Schoenholz et al.'s grid
   * in contact distances); xi in {1, 1.5, 2}, lambda = ±1, zeta in {1, 2, 4} (18 angular functions)
   * with neighbours below r~ = 2.5; plus sigma_i: 38 features.
   */
  public static StructureFunctions defaults() {
    double[] mu = new double[19];
    for (int k = 0; k < mu.length; k++) {
      mu[k] = Math.round((0.8 + 0.1 * k) * 10) / 10.0;
    }
    return new StructureFunctions(
        mu, 0.1, new double[] {1.0, 1.5, 2.0}, new int[] {-1, 1}, new int[] {1, 2, 4}, 2.5);
  }

  @Override
  public double[] mus() {
    return mus.clone();
  }

  @Override
  public double[] xis() {
    return xis.clone();
  }

  @Override
  public int[] lambdas() {
    return lambdas.clone();
  }

  @Override
  public int[] zetas() {
    return zetas.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof StructureFunctions s
        && Arrays.equals(mus, s.mus)
        && width == s.width
        && Arrays.equals(xis, s.xis)
        && Arrays.equals(lambdas, s.lambdas)
        && Arrays.equals(zetas, s.zetas)
        && angularCutoff == s.angularCutoff;
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(mus) * 31 + Arrays.hashCode(xis) * 17 + Double.hashCode(width);
  }

  /** Number of angular functions |xi| |lambda| |zeta|. */
  public int angularCount() {
    return xis.length * lambdas.length * zetas.length;
  }

  /** Number of features F: sigma_i, the radial and the angular functions. */
  public int count() {
    return 1 + mus.length + angularCount();
  }

  /**
   * The feature names in column order: {@code sigma}, {@code G(mu=0.80)}, …, {@code
   * Psi(xi=1.00,lambda=-1,zeta=1)}, … (xi slowest, zeta fastest).
   */
  public List<String> names() {
    List<String> n = new ArrayList<>(count());
    n.add("sigma");
    for (double mu : mus) {
      n.add(String.format(Locale.ROOT, "G(mu=%.2f)", mu));
    }
    for (double xi : xis) {
      for (int l : lambdas) {
        for (int z : zetas) {
          n.add(String.format(Locale.ROOT, "Psi(xi=%.2f,lambda=%+d,zeta=%d)", xi, l, z));
        }
      }
    }
    return n;
  }

  /** Largest reduced distance r~ that any function looks at. */
  public double reach() {
    double r = mus[mus.length - 1] + 3 * width;
    return xis.length > 0 ? Math.max(r, angularCutoff) : r;
  }

  /**
   * Features of every particle of one frame.
   *
   * @param box the periodic box
   * @param positions [2N] positions [length], wrapped or not; not modified
   * @param diameters [N] diameters [length] (mean 1 in reduced units); not modified
   * @param out [N * F] output, row i = particle i's features in {@link #names} order, or null
   * @return {@code out} (or a new array) filled
   * @throws IllegalArgumentException if {@link #reach} times the largest diameter exceeds half a
   *     box edge
   */
  public double[] compute(Box box, double[] positions, double[] diameters, double[] out) {
    int n = diameters.length;
    if (positions.length != 2 * n) {
      throw new IllegalArgumentException(
          "positions have " + positions.length / 2 + " particles, diameters " + n);
    }
    int f = count();
    double[] x = out == null ? new double[n * f] : out;
    if (x.length != n * f) {
      throw new IllegalArgumentException("feature output must have N*F = " + n * f + " elements");
    }
    Arrays.fill(x, 0.0);
    double sigmaMax = 0;
    for (double d : diameters) {
      sigmaMax = Math.max(sigmaMax, d);
    }
    double cutoff = reach() * sigmaMax;
    double half = 0.5 * Math.min(box.lx(), box.ly());
    if (!(cutoff <= half)) {
      throw new IllegalArgumentException(
          "structure functions reach r~ = "
              + reach()
              + " contact distances ("
              + cutoff
              + " for the largest diameter), more than half the smallest box edge "
              + half
              + "; use a larger system or smaller mu / angular cutoff");
    }
    PairList list = PairList.full(box, positions, cutoff);
    int m = mus.length;
    double radialMax = mus[m - 1] + 3 * width;
    double inv2 = 1.0 / (width * width);
    int maxNeighbours = 0;
    for (int i = 0; i < n; i++) {
      maxNeighbours = Math.max(maxNeighbours, list.count(i));
    }
    // angular neighbours of one particle: reduced separation vector, reduced distance, diameter
    double[] ax = new double[maxNeighbours];
    double[] ay = new double[maxNeighbours];
    double[] ar = new double[maxNeighbours];
    double[] as = new double[maxNeighbours];
    double[] xi2 = new double[xis.length];
    for (int a = 0; a < xis.length; a++) {
      xi2[a] = 1.0 / (xis[a] * xis[a]);
    }
    int nz = zetas.length;
    int nl = lambdas.length;
    for (int i = 0; i < n; i++) {
      int row = i * f;
      double si = diameters[i];
      x[row] = si;
      int na = 0;
      for (int e = list.start(i); e < list.end(i); e++) {
        int j = list.neighbour(e);
        double dx = list.dx(e);
        double dy = list.dy(e);
        double r = Math.sqrt(dx * dx + dy * dy);
        double sij = 0.5 * (si + diameters[j]);
        double rt = r / sij;
        if (rt < radialMax) {
          for (int k = 0; k < m; k++) {
            double t = rt - mus[k];
            x[row + 1 + k] += Math.exp(-t * t * inv2);
          }
        }
        if (xis.length > 0 && rt < angularCutoff) {
          ax[na] = dx;
          ay[na] = dy;
          ar[na] = r;
          as[na] = diameters[j];
          na++;
        }
      }
      int base = row + 1 + m;
      for (int a = 0; a < na; a++) {
        double rij = ar[a];
        double tij = rij / (0.5 * (si + as[a]));
        for (int b = a + 1; b < na; b++) {
          double rik = ar[b];
          double tik = rik / (0.5 * (si + as[b]));
          double jx = ax[b] - ax[a];
          double jy = ay[b] - ay[a];
          double tjk = Math.sqrt(jx * jx + jy * jy) / (0.5 * (as[a] + as[b]));
          double cos = (ax[a] * ax[b] + ay[a] * ay[b]) / (rij * rik);
          double s2 = tij * tij + tik * tik + tjk * tjk;
          for (int c = 0; c < xis.length; c++) {
            double g = Math.exp(-s2 * xi2[c]);
            for (int l = 0; l < nl; l++) {
              double base1 = 1 + lambdas[l] * cos;
              for (int z = 0; z < nz; z++) {
                x[base + (c * nl + l) * nz + z] += g * pow(base1, zetas[z]);
              }
            }
          }
        }
      }
    }
    return x;
  }

  private static double pow(double b, int e) {
    double r = 1;
    double p = b;
    int k = e;
    while (k > 0) {
      if ((k & 1) != 0) {
        r *= p;
      }
      p *= p;
      k >>= 1;
    }
    return r;
  }
}
