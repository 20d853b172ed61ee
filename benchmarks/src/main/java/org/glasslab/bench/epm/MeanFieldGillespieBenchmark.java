package org.glasslab.bench.epm;

import java.util.concurrent.TimeUnit;
import org.glasslab.epm.meanfield.BaronBiroliModel;
import org.glasslab.epm.meanfield.GillespieState;
import org.glasslab.epm.meanfield.MeanFieldSimulation;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Time per plastic event of the mean-field Gillespie engines (Baron–Biroli App. E) at the paper's α
 * = 0.11: DIRECT is Θ(N) per event, LAZY is O(1/⟨ν⟩). Run: {@code java -jar
 * benchmarks/target/benchmarks.jar MeanFieldGillespie}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class MeanFieldGillespieBenchmark {
  private static final int EVENTS = 1000;

  /** Number of sites N. */
  @Param({"1000", "4000"})
  public int n;

  /** Temperature T. */
  @Param({"0.5", "0.1"})
  public double temperature;

  /** Engine name. */
  @Param({"DIRECT", "LAZY"})
  public String engine;

  private MeanFieldSimulation sim;

  /** A relaxed simulation (5N events from σ ~ N(0,1)). */
  @Setup(Level.Trial)
  public void setUp() {
    sim =
        MeanFieldSimulation.create(
            GillespieState.Engine.valueOf(engine), BaronBiroliModel.PAPER, temperature, n, 1);
    sim.advance(5L * n);
  }

  /** 1000 events; the score is per event. */
  @Benchmark
  @OperationsPerInvocation(EVENTS)
  public double events() {
    sim.advance(EVENTS);
    return sim.time();
  }
}
