package org.glasslab.md;

import java.util.Locale;

/**
 * Which implementation of the per-step WCA force loop {@link PairForces} runs: the scalar loop (the
 * reference) or the SIMD loop on {@code jdk.incubator.vector} ({@code VectorWcaForces}: the half
 * list re-laid out per build so that lanes need no gathers). The two evaluate every pair with the
 * same operations but sum a particle's pair forces in different orders, so their forces agree to
 * rounding, not bit for bit; each is deterministic on its own (same input, same bits), so
 * trajectories, restarts and same-seed files are reproducible on the same kernel.
 *
 * <p>Selected by the system property {@value #PROPERTY}: {@code auto} (the default), {@code scalar}
 * or {@code vector} (needs the JVM option {@code --add-modules jdk.incubator.vector}; an error
 * without it). {@code auto} is the vector kernel when the module is loaded (measured about a third
 * faster per force evaluation than the scalar loop and faster per MD step at N = 500 … 64 000,
 * docs/PERFORMANCE.md), scalar otherwise. Only the WCA fast path has a vector kernel; other
 * potentials always run scalar.
 */
public enum ForceKernel {
  /** The scalar reference loop. */
  SCALAR,
  /** The {@code jdk.incubator.vector} loop ({@code VectorWcaForces}). */
  VECTOR;

  /**
   * The system property that selects the kernel: {@code auto}, {@code scalar} or {@code vector}.
   */
  public static final String PROPERTY = "glasslab.md.kernel";

  static final String VECTOR_MODULE = "jdk.incubator.vector";
  private static final String VECTOR_CLASS = "org.glasslab.md.VectorWcaForces";
  private static final String VECTOR_STEP_CLASS = "org.glasslab.md.VectorStepLoops";

  /** Lower-case name, as reported by benchmarks and accepted by {@link #PROPERTY}. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** True when the vector kernel can run in this JVM (the incubator module is loaded). */
  public static boolean vectorAvailable() {
    return Holder.FACTORY != null;
  }

  /**
   * Double lanes of the vector kernel on this CPU (the preferred species); 0 without the module.
   */
  public static int vectorLanes() {
    return vectorAvailable() ? Holder.lanes : 0;
  }

  /**
   * The kernel the property asks for ({@code auto} resolved against this JVM).
   *
   * @throws IllegalArgumentException for an unknown property value
   * @throws IllegalStateException for {@code vector} when the module is not loaded
   */
  public static ForceKernel selected() {
    String v = System.getProperty(PROPERTY, "auto").trim().toLowerCase(Locale.ROOT);
    switch (v) {
      case "auto":
        return vectorAvailable() ? VECTOR : SCALAR;
      case "scalar":
        return SCALAR;
      case "vector":
        requireVector();
        return VECTOR;
      default:
        throw new IllegalArgumentException(
            "system property " + PROPERTY + ": expected auto, scalar or vector, got '" + v + "'");
    }
  }

  static void requireVector() {
    if (!vectorAvailable()) {
      throw new IllegalStateException(
          "the vector force kernel needs the module "
              + VECTOR_MODULE
              + "; start the JVM with --add-modules "
              + VECTOR_MODULE
              + " or use -D"
              + PROPERTY
              + "=scalar");
    }
  }

  /** A new vector WCA kernel (reflective, so this class loads without the incubator module). */
  static WcaKernel newVectorKernel() {
    requireVector();
    try {
      return (WcaKernel) Holder.FACTORY.getDeclaredConstructor().newInstance();
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot create the vector force kernel: " + e, e);
    }
  }

  /** The per-step WCA force loop behind {@link PairForces#forces}. */
  interface WcaKernel {
    /** Forces of {@link Wca} over {@code list}: see {@link PairForces#forces}. */
    void forces(NeighbourList list, double[] x, double[] d, double[] f);

    /** As {@link #forces}, and returns the potential energy [energy] (the minimizer's path). */
    double forcesAndEnergy(NeighbourList list, double[] x, double[] d, double[] f);
  }

  /** A new vector {@link StepLoops} (reflective, like {@link #newVectorKernel}). */
  static StepLoops newVectorStepLoops() {
    requireVector();
    if (vectorLanes() % 2 != 0) {
      return StepLoops.SCALAR; // one double per vector: nothing to gain, and x/y lanes need pairs
    }
    try {
      return (StepLoops) Class.forName(VECTOR_STEP_CLASS).getDeclaredConstructor().newInstance();
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot create the vector integration loops: " + e, e);
    }
  }

  /**
   * The two velocity-Verlet loops of {@link Simulation#step()} over the interleaved arrays x, v, f
   * (x0, y0, x1, y1, ...): {@link #SCALAR} is the reference, {@code VectorStepLoops} runs them in
   * lanes with the vector force kernel.
   */
  interface StepLoops {
    /**
     * Half kick v += h f and drift x += dt v; returns the largest squared displacement from {@code
     * xb} (the positions of the last list build).
     */
    double kickDrift(double[] x, double[] v, double[] f, double[] xb, int n, double h, double dt);

    /** Half kick v += h f; stores Σ v_x, Σ v_y and Σ |v|² in {@code moments[0..2]}. */
    void kick(double[] v, double[] f, int n, double h, double[] moments);

    /** The scalar loops (particle by particle; sums in particle order). */
    StepLoops SCALAR =
        new StepLoops() {
          @Override
          public double kickDrift(
              double[] x, double[] v, double[] f, double[] xb, int n, double h, double dt) {
            return kickDriftRange(x, v, f, xb, 0, n, h, dt, 0);
          }

          @Override
          public void kick(double[] v, double[] f, int n, double h, double[] moments) {
            java.util.Arrays.fill(moments, 0, 3, 0.0);
            kickRange(v, f, 0, n, h, moments);
          }
        };

    /**
     * {@link #kickDrift} for particles [from, to), scalar; returns max(maxDisp2, their largest
     * squared displacement).
     */
    static double kickDriftRange(
        double[] x,
        double[] v,
        double[] f,
        double[] xb,
        int from,
        int to,
        double h,
        double dt,
        double maxDisp2) {
      for (int i = from; i < to; i++) {
        final int a = 2 * i;
        final int b = a + 1;
        final double vx = v[a] + h * f[a];
        final double vy = v[b] + h * f[b];
        v[a] = vx;
        v[b] = vy;
        final double px = x[a] + dt * vx;
        final double py = x[b] + dt * vy;
        x[a] = px;
        x[b] = py;
        final double ddx = px - xb[a];
        final double ddy = py - xb[b];
        maxDisp2 = Math.max(maxDisp2, ddx * ddx + ddy * ddy); // branch-free
      }
      return maxDisp2;
    }

    /** {@link #kick} for particles [from, to), scalar, adding their sums to {@code moments}. */
    static void kickRange(double[] v, double[] f, int from, int to, double h, double[] moments) {
      double sx = moments[0];
      double sy = moments[1];
      double s2 = moments[2];
      for (int i = from; i < to; i++) {
        final int a = 2 * i;
        final int b = a + 1;
        final double vx = v[a] + h * f[a];
        final double vy = v[b] + h * f[b];
        v[a] = vx;
        v[b] = vy;
        sx += vx;
        sy += vy;
        s2 += vx * vx + vy * vy;
      }
      moments[0] = sx;
      moments[1] = sy;
      moments[2] = s2;
    }
  }

  private static final class Holder {
    static final Class<?> FACTORY;
    static int lanes;

    static {
      Class<?> c = null;
      if (ModuleLayer.boot().findModule(VECTOR_MODULE).isPresent()) {
        try {
          c = Class.forName(VECTOR_CLASS);
          lanes = (Integer) c.getDeclaredMethod("lanes").invoke(null);
        } catch (ReflectiveOperationException | LinkageError e) {
          c = null;
        }
      }
      FACTORY = c;
    }
  }
}
