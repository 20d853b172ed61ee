package org.glasslab.bench.topology;

import java.util.concurrent.TimeUnit;
import org.glasslab.testsupport.SyntheticClouds;
import org.glasslab.topology.PersistenceResult;
import org.glasslab.topology.RipsOptions;
import org.glasslab.topology.RipsPersistence;
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
 * H0+H1 Vietoris–Rips persistence of a glass-like cloud (random sequential addition, density 0.9,
 * minimum separation 0.8) at the paper's threshold 8.19, in ripser's float arithmetic and in double
 * precision. Compare with {@code glasslab bench betti}, which runs ripser on the same cloud.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class RipsPersistenceBenchmark {
  @Param({"2000", "10000"})
  int n;

  @Param({"8.19"})
  double alpha;

  @Param({"float32", "double"})
  String precision;

  @Param({"true"})
  boolean countTriangles;

  double[] positions;
  RipsOptions options;

  /** Builds the cloud once per trial. */
  @Setup
  public void setup() {
    positions = SyntheticClouds.randomSequentialAddition(n, 0.9, 0.8, 1);
    RipsOptions o =
        precision.equals("float32")
            ? RipsOptions.ripserCompatible(alpha)
            : RipsOptions.euclidean(alpha);
    options = o.withCountTriangles(countTriangles);
  }

  /** One full computation: cell list, H0, apparent pairs, H1 reduction. */
  @Benchmark
  public PersistenceResult persistence() {
    return RipsPersistence.compute(positions, null, options);
  }
}
