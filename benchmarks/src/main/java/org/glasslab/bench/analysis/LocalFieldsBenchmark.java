package org.glasslab.bench.analysis;

import java.util.concurrent.TimeUnit;
import org.glasslab.analysis.dynamics.Mobility;
import org.glasslab.analysis.local.LocalAffineFit;
import org.glasslab.analysis.local.LocalFitResult;
import org.glasslab.analysis.structure.CagingSoftness;
import org.glasslab.data.Configuration;
import org.glasslab.testsupport.SyntheticFrames;
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
    Configuration[] pair = SyntheticFrames.framePair(n, 2026);
    ref = pair[0];
    cur = pair[1];
    fit = new LocalAffineFit(LocalAffineFit.Options.defaults().withCutoff(2.4));
    autoFit = new LocalAffineFit();
    mobility = new Mobility();
    softness = new CagingSoftness(CagingSoftness.Options.defaults().withLimits(0.5, 1.45));
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
