package org.glasslab.analysis.local;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Per-particle results of a {@link LocalAffineFit} between a reference and a current frame. Arrays
 * are copied in and out; flagged particles (degenerate neighbourhoods) carry NaN fields and a
 * non-zero {@link #flag(int)}.
 *
 * <p>Shapes: {@code h} and {@code strain} [4N] (xx, xy, yx, yy per particle; row = current axis,
 * column = reference axis); {@code nonAffine} [2N] [length]; scalars [N]. Units: D2min [length^2],
 * the rest dimensionless.
 */
public final class LocalFitResult {
  /** Fit succeeded. */
  public static final byte FLAG_OK = 0;

  /** Fewer neighbours than {@link LocalAffineFit.Options#minNeighbours()}. */
  public static final byte FLAG_TOO_FEW = 1;

  /** B_i (numerically) singular: neighbours collinear or coincident. */
  public static final byte FLAG_SINGULAR = 2;

  private final double cutoff;
  private final String cutoffSource;
  private final LocalAffineFit.Options options;
  private final int[] neighbourCount;
  private final byte[] flags;
  private final double[] h;
  private final double[] d2min;
  private final double[] nonAffine;
  private final double[] strain;
  private final double[] epsVol;
  private final double[] devNorm;
  private final double[] totalNorm;
  private final double[] detH;

  LocalFitResult(
      double cutoff,
      String cutoffSource,
      LocalAffineFit.Options options,
      int[] neighbourCount,
      byte[] flags,
      double[] h,
      double[] d2min,
      double[] nonAffine,
      double[] strain,
      double[] epsVol,
      double[] devNorm,
      double[] totalNorm,
      double[] detH) {
    this.cutoff = cutoff;
    this.cutoffSource = cutoffSource;
    this.options = options;
    this.neighbourCount = neighbourCount;
    this.flags = flags;
    this.h = h;
    this.d2min = d2min;
    this.nonAffine = nonAffine;
    this.strain = strain;
    this.epsVol = epsVol;
    this.devNorm = devNorm;
    this.totalNorm = totalNorm;
    this.detH = detH;
  }

  /** Number of particles. */
  public int size() {
    return d2min.length;
  }

  /** Cutoff used in the reference frame [length]. */
  public double cutoff() {
    return cutoff;
  }

  /** "explicit" or "second minimum of g(r)". */
  public String cutoffSource() {
    return cutoffSource;
  }

  /** The options of the fit. */
  public LocalAffineFit.Options options() {
    return options;
  }

  /**
   * Flag of particle {@code i}: {@link #FLAG_OK}, {@link #FLAG_TOO_FEW}, {@link #FLAG_SINGULAR}.
   */
  public byte flag(int i) {
    return flags[i];
  }

  /** True when particle {@code i} was fitted. */
  public boolean valid(int i) {
    return flags[i] == FLAG_OK;
  }

  /** Number of fitted particles. */
  public int validCount() {
    int c = 0;
    for (byte f : flags) {
      if (f == FLAG_OK) {
        c++;
      }
    }
    return c;
  }

  /** Number of particles with flag {@code f}. */
  public int flagCount(byte f) {
    int c = 0;
    for (byte x : flags) {
      if (x == f) {
        c++;
      }
    }
    return c;
  }

  /** Flags [N]. */
  public byte[] flags() {
    return flags.clone();
  }

  /** Neighbour counts N_i [N]. */
  public int[] neighbourCounts() {
    return neighbourCount.clone();
  }

  /** Component (a, b) of H_i, a = current axis, b = reference axis (0 = x, 1 = y). */
  public double h(int i, int a, int b) {
    return h[4 * i + 2 * a + b];
  }

  /** H [4N] (xx, xy, yx, yy). */
  public double[] h() {
    return h.clone();
  }

  /** Component (a, b) of the strain tensor of particle i. */
  public double strain(int i, int a, int b) {
    return strain[4 * i + 2 * a + b];
  }

  /** Strain [4N] (xx, xy, yx, yy). */
  public double[] strain() {
    return strain.clone();
  }

  /** D2min_i [length^2]. */
  public double d2min(int i) {
    return d2min[i];
  }

  /** D2min [N] [length^2]. */
  public double[] d2min() {
    return d2min.clone();
  }

  /** Non-affine displacement vector (A12) [2N] [length]. */
  public double[] nonAffine() {
    return nonAffine.clone();
  }

  /** Component {@code a} of the non-affine vector of particle i [length]. */
  public double nonAffine(int i, int a) {
    return nonAffine[2 * i + a];
  }

  /** Signed volumetric strain eps_vol (A19) [N]. */
  public double[] epsVol() {
    return epsVol.clone();
  }

  /** |eps_vol| (A20) [N]. */
  public double[] absEpsVol() {
    double[] a = new double[epsVol.length];
    for (int i = 0; i < a.length; i++) {
      a[i] = Math.abs(epsVol[i]);
    }
    return a;
  }

  /** Deviatoric norm ||e|| (A17) [N]. */
  public double[] devNorm() {
    return devNorm.clone();
  }

  /** Total strain norm ||eps|| (A18) [N]. */
  public double[] totalNorm() {
    return totalNorm.clone();
  }

  /** det H_i (A27) [N]. */
  public double[] detH() {
    return detH.clone();
  }

  /**
   * The per-particle columns in output order: d2min, nax, nay, Hxx, Hxy, Hyx, Hyy, eps_xx, eps_xy,
   * eps_yx, eps_yy, eps_vol, abs_eps_vol, dev_norm, total_norm, detH, neighbours, flag.
   */
  public Map<String, double[]> columns() {
    int n = size();
    Map<String, double[]> m = new LinkedHashMap<>();
    m.put("d2min", d2min());
    m.put("nax", component(nonAffine, 2, 0));
    m.put("nay", component(nonAffine, 2, 1));
    m.put("Hxx", component(h, 4, 0));
    m.put("Hxy", component(h, 4, 1));
    m.put("Hyx", component(h, 4, 2));
    m.put("Hyy", component(h, 4, 3));
    m.put("eps_xx", component(strain, 4, 0));
    m.put("eps_xy", component(strain, 4, 1));
    m.put("eps_yx", component(strain, 4, 2));
    m.put("eps_yy", component(strain, 4, 3));
    m.put("eps_vol", epsVol());
    m.put("abs_eps_vol", absEpsVol());
    m.put("dev_norm", devNorm());
    m.put("total_norm", totalNorm());
    m.put("detH", detH());
    double[] nb = new double[n];
    double[] fl = new double[n];
    for (int i = 0; i < n; i++) {
      nb[i] = neighbourCount[i];
      fl[i] = flags[i];
    }
    m.put("neighbours", nb);
    m.put("flag", fl);
    return m;
  }

  private static double[] component(double[] a, int stride, int c) {
    double[] out = new double[a.length / stride];
    for (int i = 0; i < out.length; i++) {
      out[i] = a[stride * i + c];
    }
    return out;
  }
}
