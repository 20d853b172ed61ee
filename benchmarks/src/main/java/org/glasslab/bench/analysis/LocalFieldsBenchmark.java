package org.glasslab.bench.analysis;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.glasslab.analysis.dynamics.Mobility;
import org.glasslab.analysis.local.LocalAffineFit;
import org.glasslab.analysis.local.LocalFitResult;
import org.glasslab.analysis.structure.CagingSoftness;
import org.glasslab.data.Box;
import org.glasslab.data.Configuration;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Per-particle fields of one frame pair at density 0.9 (jittered triangular lattice, thermal-like
 * displacements of 0.05): neighbours within r_c = 2.4 + H + D2min + non-affine vector + strain
 * measures + mobility; the same with the automatic cutoff (g(r) second minimum); and caging
 * softness (delta 0.02, r in [0.5, 1.45], Simpson step 0.001). Linear in N: compare N = 500..8000.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 4, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class LocalFieldsBenchmark {
  @Param({"500", "1000", "2000", "4000", "8000"})
  int n;

  Configuration ref;
  Configuration cur;
  LocalAffineFit fit;
  LocalAffineFit autoFit;
  Mobility mobility;
  CagingSoftness softness;

  @Setup
  public void setup() {
    int nx = (int) Math.round(Math.sqrt(n * 2 / Math.sqrt(3.0)));
    nx += nx % 2;
    int ny = n / nx + (n / nx) % 2;
    double a = Math.sqrt(2.0 / (Math.sqrt(3.0) * 0.9));
    Box box = new Box(nx * a, ny * a * Math.sqrt(3.0) / 2.0);
    SplittableRandom rng = new SplittableRandom(2026);
    int m = nx * ny;
    double[] u = new double[2 * m];
    double[] v = new double[2 * m];
    for (int j = 0; j < ny; j++) {
      for (int i = 0; i < nx; i++) {
        int k = 2 * (j * nx + i);
        u[k] = (i + 0.5 * (j % 2)) * a + 0.12 * gauss(rng);
        u[k + 1] = j * a * Math.sqrt(3.0) / 2.0 + 0.12 * gauss(rng);
        v[k] = u[k] + 0.05 * gauss(rng);
        v[k + 1] = u[k + 1] + 0.05 * gauss(rng);
      }
    }
    ref = frame(box, u);
    cur = frame(box, v);
    fit = new LocalAffineFit(LocalAffineFit.Options.defaults().withCutoff(2.4));
    autoFit = new LocalAffineFit();
    mobility = new Mobility();
    softness = new CagingSoftness(CagingSoftness.Options.defaults().withLimits(0.5, 1.45));
  }

  private static Configuration frame(Box box, double[] unwrapped) {
    double[] x = unwrapped.clone();
    int[] im = new int[x.length];
    box.wrapAll(x, im);
    double[] d = new double[x.length / 2];
    Arrays.fill(d, 1.0);
    return new Configuration(box, x, im, d, null, null, null, 0, 0.0);
  }

  private static double gauss(SplittableRandom rng) {
    return Math.sqrt(-2 * Math.log(1 - rng.nextDouble()))
        * Math.cos(2 * Math.PI * rng.nextDouble());
  }

  /** Neighbours (r_c = 2.4), H, D2min, non-affine vectors, strain measures and mobility. */
  @Benchmark
  public void localFields(Blackhole bh) {
    LocalFitResult r = fit.compute(ref, cur);
    bh.consume(r);
    bh.consume(mobility.compute(ref, cur, null));
  }

  /** As {@link #localFields} with the cutoff from the second minimum of g(r). */
  @Benchmark
  public void localFieldsAutoCutoff(Blackhole bh) {
    bh.consume(autoFit.compute(ref, cur));
    bh.consume(mobility.compute(ref, cur, null));
  }

  /** Caging softness of every particle. */
  @Benchmark
  public CagingSoftness.Result softness() {
    return softness.compute(ref);
  }
}
