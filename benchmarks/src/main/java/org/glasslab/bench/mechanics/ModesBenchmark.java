package org.glasslab.bench.mechanics;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.glasslab.analysis.mechanics.Hessian;
import org.glasslab.analysis.mechanics.HessianSpectrum;
import org.glasslab.analysis.mechanics.LowestModes;
import org.glasslab.analysis.mechanics.ModeOptions;
import org.glasslab.data.Configuration;
import org.glasslab.data.io.TrajectoryIO;
import org.glasslab.md.Wca;
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
 * Hessian assembly and lambda_smallest (m = 30, shift-invert Lanczos) of an inherent structure, by
 * default the N = 2000 LAMMPS fixture. Run from the repository root: {@code java -jar
 * benchmarks/target/benchmarks.jar ModesBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ModesBenchmark {
  /** Inherent-structure file (any format TrajectoryIO reads), relative to the working directory. */
  @Param({"analysis/src/test/resources/reference/mechanics/wca2000-is.xyz"})
  public String file;

  private Configuration config;
  private Hessian hessian;
  private LowestModes solver;

  /** Loads the configuration and builds the Hessian once. */
  @Setup
  public void setup() throws IOException {
    config = TrajectoryIO.readFrame(Path.of(file), 0);
    hessian = Hessian.compute(config, Wca.INSTANCE);
    solver = new LowestModes(ModeOptions.DEFAULT);
  }

  /** Analytic sparse Hessian assembly. */
  @Benchmark
  public Hessian assembly() {
    return Hessian.compute(config, Wca.INSTANCE);
  }

  /** Factorization and Lanczos for the 30 smallest positive eigenvalues. */
  @Benchmark
  public double lambdaSmallest() {
    HessianSpectrum s = solver.compute(hessian);
    return s.lambdaSmallest();
  }
}
