package org.glasslab.minimize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.glasslab.data.Configuration;
import org.glasslab.md.Wca;
import org.junit.jupiter.api.Test;

/**
 * CG-specific physics: the energy never rises beyond round-off and the gradient norm falls. (The
 * Hessian check at the result is {@link HessianCheckTest}.)
 */
class ConjugateGradientTest {

  @Test
  void energyDecreasesMonotonicallyAndGradientNormFalls() {
    Configuration start = TestConfigs.random(400, 0.9, 21);
    List<double[]> trace = new ArrayList<>();
    MinimizationResult r =
        new ConjugateGradient(Wca.INSTANCE)
            .minimize(
                start,
                MinimizerOptions.defaults(),
                (it, e, fmax, fnorm) -> trace.add(new double[] {it, e, fmax, fnorm}));
    assertTrue(r.converged(), r.toString());
    assertEquals(r.iterations() + 1, trace.size());
    for (int k = 1; k < trace.size(); k++) {
      double prev = trace.get(k - 1)[1];
      double now = trace.get(k)[1];
      // the line search admits at most the round-off of the energy sum, 1e-13 (|E| + 2N)
      double roundOff = 1e-13 * (Math.abs(prev) + 2 * start.size());
      assertTrue(
          now <= prev + roundOff, "energy rose at iteration " + k + ": " + prev + " -> " + now);
    }
    // the gradient norm is not monotone in CG and may stall while the path still rearranges
    // (fmax ~ 1); it must fall overall by > 12 decades, and once in the final basin (fmax < 1e-4,
    // the near-quadratic regime) every block of 50 iterations must set a new lowest norm
    double first = trace.get(0)[3];
    double last = trace.get(trace.size() - 1)[3];
    assertTrue(last < 1e-12 * first, "gradient norm " + first + " -> " + last);
    int basin = 0;
    while (trace.get(basin)[2] >= 1e-4) {
      basin++;
    }
    double best = trace.get(basin)[3];
    for (int b = basin + 1; b + 50 <= trace.size(); b += 50) {
      double m = Double.POSITIVE_INFINITY;
      for (int k = b; k < b + 50; k++) {
        m = Math.min(m, trace.get(k)[3]);
      }
      assertTrue(m < best, "no new lowest gradient norm in iterations " + b + ".." + (b + 49));
      best = m;
    }
    assertTrue(r.maxForce() <= 1e-10);
  }

  @Test
  void toleranceBelowTheRoundOffFloorStopsAsNotConvergedInsteadOfLooping() {
    MinimizationResult r =
        new ConjugateGradient(Wca.INSTANCE)
            .minimize(
                TestConfigs.random(256, 0.9, 11),
                MinimizerOptions.defaults().withFtol(1e-14).withMaxIterations(200_000));
    if (!r.converged()) {
      assertTrue(
          r.stopReason() == StopReason.STALLED || r.stopReason() == StopReason.LINE_SEARCH_FAILED,
          r.stopReason().toString());
      assertTrue(r.iterations() < 200_000);
      assertTrue(r.maxForce() > 1e-14);
    } else {
      assertTrue(r.maxForce() <= 1e-14);
    }
  }
}
