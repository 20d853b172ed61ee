package org.glasslab.bench.md;

import java.util.concurrent.TimeUnit;
import org.glasslab.data.Configuration;
import org.glasslab.md.BrownClarke;
import org.glasslab.md.MdOptions;
import org.glasslab.md.Simulation;
import org.glasslab.testsupport.BenchmarkSystem;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One force evaluation and one full MD step (velocity Verlet + Brown–Clarke) of the standard
 * benchmark system (polydisperse WCA, rho = 0.9, T = 0.5, dt = 0.003). Divide N by the time per
 * operation for atom-steps/s.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class MdBenchmark {
  @Param({"2000"})
  int n;

  Simulation sim;

  /** Prepares and equilibrates the system once per trial. */
  @Setup(Level.Trial)
  public void setup() {
    Configuration c = BenchmarkSystem.prepare(n, 0.9, 0.5, 0.003, 2000, 42);
    sim =
        new Simulation(
            c, org.glasslab.md.Wca.INSTANCE, new BrownClarke(0.5), MdOptions.defaults(0.003));
  }

  /** One force evaluation over the current neighbour list. */
  @Benchmark
  public double forceEvaluation() {
    return sim.evaluateForces();
  }

  /** One complete MD step (including amortised neighbour-list rebuilds). */
  @Benchmark
  public long step() {
    sim.step();
    return sim.stepCount();
  }
}
