package org.glasslab.bench.epm;

import java.util.concurrent.TimeUnit;
import org.glasslab.epm.lattice.LatticeEpm;
import org.glasslab.epm.lattice.LatticeParams;
import org.glasslab.epm.lattice.LatticeProtocol;
import org.glasslab.epm.lattice.UnstableRule;
import org.glasslab.epm.propagator.Convention;
import org.glasslab.epm.propagator.EshelbyPropagator;
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
 * Cost of one lattice thermal EPM KMC event (random-orientation Eshelby kernel, T = 0.3) and of the
 * bare O(N) kernel update, per lattice size L. Throughput = events per second.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class LatticeKmcBenchmark {
  /** Lattice size L. */
  @Param({"64", "128", "256"})
  public int size;

  private LatticeEpm model;
  private EshelbyPropagator propagator;
  private double[] sigma;
  private int site;

  /** Builds a relaxed model (fresh per trial so that aging does not drift across trials). */
  @Setup(Level.Trial)
  public void setUp() {
    LatticeParams p =
        LatticeParams.defaults(size, 0.3)
            .withProtocol(LatticeProtocol.KMC, 1, UnstableRule.IMMEDIATE);
    model = LatticeEpm.create(p, 1);
    propagator = EshelbyPropagator.random(size, Convention.IMPOSED_STRESS);
    sigma = new double[size * size];
  }

  /** One exact KMC event (choice, kernel update, rescan). */
  @Benchmark
  public double kmcEvent() {
    model.step();
    return model.time();
  }

  /** The O(N) random-orientation kernel update alone. */
  @Benchmark
  public double kernelUpdate() {
    site = (site + 7919) % (size * size);
    propagator.applyEvent(sigma, site, 1e-3, 0.1 * (site % 15));
    return sigma[site];
  }
}
