package org.glasslab.bench.minimize;

import java.util.concurrent.TimeUnit;
import org.glasslab.data.Box;
import org.glasslab.data.Configuration;
import org.glasslab.data.io.LammpsData;
import org.glasslab.data.random.Rng;
import org.glasslab.md.SamplePreparation;
import org.glasslab.md.Wca;
import org.glasslab.minimize.ConjugateGradient;
import org.glasslab.minimize.EnergySurface;
import org.glasslab.minimize.Fire;
import org.glasslab.minimize.MinimizationResult;
import org.glasslab.minimize.MinimizerOptions;
import org.glasslab.testsupport.BenchmarkSystem;
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

/**
 * Minimization to ftol 1e-10 of a raw (uniformly random) N = 2000, rho = 0.9 polydisperse WCA start
 * (CG and FIRE), and one energy+force evaluation at the resulting inherent structure (the
 * per-evaluation cost). The LAMMPS side of the comparison is {@code glasslab bench minimize}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 2)
@Measurement(iterations = 5)
public class MinimizeBenchmark {
  @Param({"2000"})
  int n;

  Configuration start;
  EnergySurface surface;
  double[] x;
  double[] f;

  /** The raw start (seed 42) and an energy surface at its inherent structure. */
  @Setup
  public void setup() {
    Rng rng = new Rng(42);
    double[] d =
        LammpsData.binDiameters(SamplePreparation.diameters(n, 0.11, rng), BenchmarkSystem.TYPES);
    Box box = Box.square(n, 0.9);
    double[] p = new double[2 * n];
    for (int i = 0; i < n; i++) {
      p[2 * i] = rng.nextDouble() * box.lx();
      p[2 * i + 1] = rng.nextDouble() * box.ly();
    }
    start = Configuration.of(box, p, d);
    Configuration is =
        new ConjugateGradient(Wca.INSTANCE)
            .minimize(start, MinimizerOptions.defaults())
            .configuration();
    surface = new EnergySurface(is, Wca.INSTANCE, 0.3, 128);
    x = surface.startPositions();
    f = new double[2 * n];
  }

  /** CG from the raw start to max force 1e-10. */
  @Benchmark
  public MinimizationResult conjugateGradient() {
    return new ConjugateGradient(Wca.INSTANCE).minimize(start, MinimizerOptions.defaults());
  }

  /** FIRE 2.0 from the raw start to max force 1e-10. */
  @Benchmark
  public MinimizationResult fire() {
    return new Fire(Wca.INSTANCE).minimize(start, MinimizerOptions.defaults());
  }

  /** One energy and force evaluation at the inherent structure. */
  @Benchmark
  @OutputTimeUnit(TimeUnit.MICROSECONDS)
  public double energyAndForces() {
    return surface.evaluate(x, f);
  }
}
