package org.glasslab.epm.propagator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.apache.commons.math3.transform.DftNormalization;
import org.apache.commons.math3.transform.FastFourierTransformer;
import org.apache.commons.math3.transform.TransformType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Spec §7 checks 1–7 on the lattice Eshelby propagator. */
class EshelbyPropagatorTest {

  private static double sum(double[] a) {
    double s = 0;
    for (double v : a) {
      s += v;
    }
    return s;
  }

  @ParameterizedTest
  @ValueSource(ints = {32, 64, 256})
  void selfTermAndSumRuleImposedStress(int l) {
    EshelbyPropagator p = EshelbyPropagator.fixed(l, Convention.IMPOSED_STRESS);
    double[] g = p.kernel(0, null);
    assertEquals(-1.0, g[0], 0.0);
    assertEquals(0.0, sum(g), 1e-12);
    PropagatorCheck c = p.check();
    assertTrue(c.holds(1e-12), c.toString());
    assertTrue(c.maxLineSumDeviation() < 1e-12, c.toString());
  }

  @Test
  void imposedStrainSumsToMinusOne() {
    for (Orientation o : Orientation.values()) {
      EshelbyPropagator p = EshelbyPropagator.of(32, o, Convention.IMPOSED_STRAIN);
      double[] g = p.kernel(0.37, null);
      assertEquals(-1.0, g[0], 0.0);
      assertEquals(-1.0, sum(g), 1e-12);
    }
  }

  @Test
  void scaleFactorMatchesSpec() {
    assertEquals(1.57394, EshelbyPropagator.fixed(32, Convention.IMPOSED_STRESS).scale(), 1e-5);
    assertEquals(1.57158, EshelbyPropagator.fixed(64, Convention.IMPOSED_STRESS).scale(), 1e-5);
    assertEquals(1.57085, EshelbyPropagator.fixed(256, Convention.IMPOSED_STRESS).scale(), 1e-5);
  }

  @Test
  void everyRowAndColumnSumVanishes() {
    int l = 64;
    double[] g = EshelbyPropagator.fixed(l, Convention.IMPOSED_STRESS).kernel(0, null);
    for (int y = 0; y < l; y++) {
      double rs = 0;
      double cs = 0;
      for (int x = 0; x < l; x++) {
        rs += g[y * l + x];
        cs += g[x * l + y];
      }
      assertEquals(0.0, rs, 1e-12, "row " + y);
      assertEquals(0.0, cs, 1e-12, "column " + y);
    }
  }

  @Test
  void symmetries() {
    int l = 64;
    EshelbyPropagator p = EshelbyPropagator.fixed(l, Convention.IMPOSED_STRESS);
    for (int x = 0; x < l; x++) {
      for (int y = 0; y < l; y++) {
        double v = p.value(x, y, 0);
        assertEquals(v, p.value(-x, y, 0), 1e-14);
        assertEquals(v, p.value(x, -y, 0), 1e-14);
        assertEquals(v, p.value(y, x, 0), 1e-14);
      }
    }
    // positive along the axes, negative along the diagonals
    assertTrue(p.value(5, 0, 0) > 0 && p.value(5, 5, 0) < 0);
  }

  @Test
  void nearestNeighbourTable() {
    EshelbyPropagator p64 = EshelbyPropagator.fixed(64, Convention.IMPOSED_STRESS);
    assertEquals(0.14216, p64.value(1, 0, 0), 1e-4);
    assertEquals(-0.14117, p64.value(1, 1, 0), 1e-4);
    assertEquals(0.13330, p64.value(2, 0, 0), 1e-4);
    assertEquals(-0.04968, p64.value(2, 2, 0), 1e-4);
    EshelbyPropagator p256 = EshelbyPropagator.fixed(256, Convention.IMPOSED_STRESS);
    assertEquals(0.14163, p256.value(1, 0, 0), 1e-4);
    assertEquals(-0.14157, p256.value(1, 1, 0), 1e-4);
    assertEquals(0.13278, p256.value(2, 0, 0), 1e-4);
    assertEquals(-0.05012, p256.value(2, 2, 0), 1e-4);
  }

  /** Least-squares fit of r^2 G on the ring |r - r0| < 0.5 to A cos4φ + B sin4φ. */
  static double[] farFieldFit(StressPropagator p, double theta, double r0) {
    int l = p.size();
    double scc = 0;
    double sss = 0;
    double scs = 0;
    double sgc = 0;
    double sgs = 0;
    int m = (int) Math.ceil(r0 + 1);
    for (int x = -m; x <= m; x++) {
      for (int y = -m; y <= m; y++) {
        double r = Math.hypot(x, y);
        if (Math.abs(r - r0) >= 0.5) {
          continue;
        }
        double phi = Math.atan2(y, x);
        double c = Math.cos(4 * phi);
        double s = Math.sin(4 * phi);
        double v = r * r * p.value(x, y, theta);
        scc += c * c;
        sss += s * s;
        scs += c * s;
        sgc += v * c;
        sgs += v * s;
      }
    }
    double det = scc * sss - scs * scs;
    return new double[] {(sgc * sss - sgs * scs) / det, (sgs * scc - sgc * scs) / det};
    // l is unused beyond documenting that r0 << L/2
  }

  @Test
  void farFieldIsHalfCos4Phi() {
    EshelbyPropagator p = EshelbyPropagator.fixed(256, Convention.IMPOSED_STRESS);
    double[] ab = farFieldFit(p, 0, 20);
    assertEquals(0.5, ab[0], 0.01, "cos4φ amplitude");
    assertEquals(0.0, ab[1], 1e-6, "sin4φ amplitude");
  }

  @Test
  void randomOrientationFarFieldIsRotated() {
    EshelbyPropagator p = EshelbyPropagator.random(256, Convention.IMPOSED_STRESS);
    for (double theta : new double[] {0.0, 0.3, Math.PI / 8, 1.2}) {
      double[] ab = farFieldFit(p, theta, 20);
      assertEquals(0.5 * Math.cos(4 * theta), ab[0], 0.012, "A at θ=" + theta);
      assertEquals(0.5 * Math.sin(4 * theta), ab[1], 0.012, "B at θ=" + theta);
    }
  }

  @Test
  void randomOrientationConventionsForEveryAngle() {
    EshelbyPropagator p = EshelbyPropagator.random(32, Convention.IMPOSED_STRESS);
    SplittableRandom rng = new SplittableRandom(1);
    double[] buf = new double[32 * 32];
    for (int i = 0; i < 50; i++) {
      double th = p.drawAngle(rng);
      assertTrue(th >= 0 && th < Math.PI / 2);
      p.kernel(th, buf);
      assertEquals(-1.0, buf[0], 0.0);
      assertEquals(0.0, sum(buf), 1e-12);
    }
    // raw self term s(-0.5 - 0.1366 cos4θ) (spec §2.2), s = π/2
    assertEquals(Math.PI / 2 * (-0.5 - 0.1366), p.rawSelfTerm(0), 2e-3);
    assertEquals(Math.PI / 2 * (-0.5 + 0.1366), p.rawSelfTerm(Math.PI / 4), 2e-3);
  }

  @Test
  void orientationAverageIsLocal() {
    int l = 32;
    int n = l * l;
    EshelbyPropagator p = EshelbyPropagator.random(l, Convention.IMPOSED_STRESS);
    int m = 64; // uniform grid over one period of 4θ: cos4θ and sin4θ average to zero exactly
    double[] raw = new double[n];
    double[] forced = new double[n];
    double[] buf = new double[n];
    double selfRawAvg = 0;
    for (int k = 0; k < m; k++) {
      double th = (Math.PI / 2) * k / m;
      selfRawAvg += p.rawSelfTerm(th) / m;
      p.kernel(th, buf);
      for (int i = 0; i < n; i++) {
        raw[i] += p.rawValue(i % l, i / l, th) / m;
        forced[i] += buf[i] / m;
      }
    }
    assertEquals(-Math.PI / 4 + Math.PI / (4 * n), raw[0], 1e-12);
    double expectedOff = Math.PI / (4 * n);
    double expectedForcedOff = Math.PI / (4 * n) + (selfRawAvg + 1) / (n - 1);
    for (int i = 1; i < n; i++) {
      assertEquals(expectedOff, raw[i], 1e-12);
      assertEquals(expectedForcedOff, forced[i], 1e-12);
    }
    assertEquals(-1.0, forced[0], 1e-15);
  }

  @Test
  void randomAtZeroAngleIsFixedShape() {
    int l = 64;
    EshelbyPropagator r = EshelbyPropagator.random(l, Convention.IMPOSED_STRESS);
    EshelbyPropagator f = EshelbyPropagator.fixed(l, Convention.IMPOSED_STRESS);
    double ratio = (Math.PI / 2) / f.scale();
    for (int x = 1; x < 6; x++) {
      assertEquals(f.value(x, 2, 0) * ratio, r.rawValue(x, 2, 0), 1e-12);
    }
  }

  @Test
  void distantKicksHaveInverseSquareTail() {
    // |G| ~ |cos4φ| / (2 r^2): the number of sites with |G| > g scales as 1/g, i.e. P(|δσ|) ~
    // |δσ|^-2
    EshelbyPropagator p = EshelbyPropagator.fixed(256, Convention.IMPOSED_STRESS);
    double[] g = p.kernel(0, null);
    double g1 = 1e-4;
    double g2 = 1e-2;
    int n1 = 0;
    int n2 = 0;
    for (int i = 1; i < g.length; i++) {
      double a = Math.abs(g[i]);
      if (a > g1) {
        n1++;
      }
      if (a > g2) {
        n2++;
      }
    }
    double slope = Math.log((double) n2 / n1) / Math.log(g2 / g1);
    assertEquals(-1.0, slope, 0.1, "CCDF slope (P(|δσ|) exponent = slope - 1)");
  }

  @Test
  void nonPowerOfTwoKernelsHoldTheirConventions() {
    EshelbyPropagator p = EshelbyPropagator.fixed(48, Convention.IMPOSED_STRESS);
    assertTrue(p.check().holds(1e-12));
    EshelbyPropagator q = EshelbyPropagator.random(30, Convention.IMPOSED_STRESS);
    assertTrue(q.check().holds(1e-12));
  }

  /** A reproducible field of uniform values in [-0.5, 0.5) [L*L]. */
  private static double[] randomField(int l, int stream) {
    SplittableRandom rng = new SplittableRandom(31L * l + stream);
    double[] v = new double[l * l];
    for (int i = 0; i < v.length; i++) {
      v[i] = rng.nextDouble() - 0.5;
    }
    return v;
  }

  /** Fft2 (JTransforms) against a direct O(L^4) DFT for odd, composite and prime L. */
  @ParameterizedTest
  @ValueSource(ints = {7, 12, 30, 48})
  void fftEqualsDirectDft(int l) {
    int n = l * l;
    double[] re = randomField(l, 0);
    double[] im = randomField(l, 1);
    double[] fr = re.clone();
    double[] fi = im.clone();
    new Fft2(l).forward(fr, fi);
    for (int ky = 0; ky < l; ky++) {
      for (int kx = 0; kx < l; kx++) {
        double sr = 0;
        double si = 0;
        for (int y = 0; y < l; y++) {
          for (int x = 0; x < l; x++) {
            double a = -2 * Math.PI * ((double) (kx * x % l) / l + (double) (ky * y % l) / l);
            double c = Math.cos(a);
            double s = Math.sin(a);
            sr += re[y * l + x] * c - im[y * l + x] * s;
            si += re[y * l + x] * s + im[y * l + x] * c;
          }
        }
        assertEquals(sr, fr[ky * l + kx], 1e-11);
        assertEquals(si, fi[ky * l + kx], 1e-11);
      }
    }
    new Fft2(l).inverse(fr, fi);
    for (int i = 0; i < n; i++) {
      assertEquals(re[i], fr[i], 1e-13);
      assertEquals(im[i], fi[i], 1e-13);
    }
  }

  /**
   * Power-of-two L: Fft2 equals the commons-math3 radix-2 row/column FFT it replaced (relative
   * 1e-12).
   */
  @ParameterizedTest
  @ValueSource(ints = {16, 64, 256})
  void fftEqualsFormerRadix2(int l) {
    double[] re = randomField(l, 0);
    double[] im = randomField(l, 1);
    double[] fr = re.clone();
    double[] fi = im.clone();
    new Fft2(l).forward(fr, fi);
    double[][] line = new double[2][l];
    for (int y = 0; y < l; y++) {
      System.arraycopy(re, y * l, line[0], 0, l);
      System.arraycopy(im, y * l, line[1], 0, l);
      FastFourierTransformer.transformInPlace(
          line, DftNormalization.STANDARD, TransformType.FORWARD);
      System.arraycopy(line[0], 0, re, y * l, l);
      System.arraycopy(line[1], 0, im, y * l, l);
    }
    for (int x = 0; x < l; x++) {
      for (int y = 0; y < l; y++) {
        line[0][y] = re[y * l + x];
        line[1][y] = im[y * l + x];
      }
      FastFourierTransformer.transformInPlace(
          line, DftNormalization.STANDARD, TransformType.FORWARD);
      for (int y = 0; y < l; y++) {
        // relative 1e-12 (the largest modes reach ~sqrt(N)/3 in magnitude)
        assertEquals(line[0][y], fr[y * l + x], 1e-12 * Math.max(1, Math.abs(line[0][y])));
        assertEquals(line[1][y], fi[y * l + x], 1e-12 * Math.max(1, Math.abs(line[1][y])));
      }
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"FIXED", "RANDOM"})
  void batchedFftUpdateEqualsSequential(String orientation) {
    int l = 32;
    EshelbyPropagator p =
        EshelbyPropagator.of(l, Orientation.valueOf(orientation), Convention.IMPOSED_STRESS);
    SplittableRandom rng = new SplittableRandom(7);
    int count = 200;
    int[] sites = new int[count];
    double[] ds = new double[count];
    double[] th = new double[count];
    for (int k = 0; k < count; k++) {
      sites[k] = rng.nextInt(l * l);
      ds[k] = rng.nextDouble() - 0.5;
      th[k] = p.drawAngle(rng);
    }
    double[] a = new double[l * l];
    double[] b = new double[l * l];
    p.applyEvents(a, sites, ds, th, count);
    for (int k = 0; k < count; k++) {
      p.applyEvent(b, sites[k], ds[k], th[k]);
    }
    for (int i = 0; i < a.length; i++) {
      assertEquals(b[i], a[i], 1e-12);
    }
  }

  @Test
  void applyEventMatchesKernel() {
    int l = 16;
    EshelbyPropagator p = EshelbyPropagator.random(l, Convention.IMPOSED_STRESS);
    double[] s = new double[l * l];
    int site = 3 + 5 * l;
    p.applyEvent(s, site, 1.0, 0.7);
    for (int y = 0; y < l; y++) {
      for (int x = 0; x < l; x++) {
        assertEquals(p.value(x - 3, y - 5, 0.7), s[y * l + x], 1e-14);
      }
    }
  }
}
