package org.glasslab.epm.coarsegrain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.glasslab.data.random.Rng;
import org.junit.jupiter.api.Test;

/**
 * The Eshelby far-field fit on two continuum-elastic cases with a known answer: a synthetic
 * analytic field with a near-field term and noise, and a harmonic-spring triangular lattice
 * (isotropic, lambda = mu = sqrt(3) k / 4, so kappa = mu / (lambda + 2 mu) = 1/3) with an imposed
 * local eigenstrain, solved exactly by conjugate gradients here, whose far field is fixed by its
 * force dipole: {@code B = P0 / (2 pi mu)}.
 */
class EshelbyFitTest {

  @Test
  void recoversAmplitudeOrientationAndContinuumDistanceOfASyntheticField() {
    double b = 0.5;
    double phi = 0.3;
    double kappa = 1.0 / 3;
    double c = 2.0; // near-field amplitude: u_r += c cos 2(theta - phi) / r^3
    Rng rng = new Rng(5);
    int n = 6000;
    double[] rel = new double[2 * n];
    double[] u = new double[2 * n];
    for (int i = 0; i < n; i++) {
      double x = 60 * rng.nextDouble() - 30;
      double y = 60 * rng.nextDouble() - 30;
      double r = Math.hypot(x, y);
      double t = Math.atan2(y, x);
      double ur = b * Math.cos(2 * (t - phi)) / r + c * Math.cos(2 * (t - phi)) / (r * r * r);
      double ut = -kappa * b * Math.sin(2 * (t - phi)) / r;
      rel[2 * i] = x;
      rel[2 * i + 1] = y;
      // a uniform background strain and noise
      u[2 * i] = ur * Math.cos(t) - ut * Math.sin(t) + 1e-3 * y + 1e-4 * rng.nextGaussian();
      u[2 * i + 1] = ur * Math.sin(t) + ut * Math.cos(t) + 1e-4 * rng.nextGaussian();
    }
    EshelbyFit.Result f = EshelbyFit.fit(rel, u, 30, 1.0, 0.05);
    // near-field bias over the fitted range [15, 30]: about c / (b 15^2) = 2 %
    assertEquals(b, f.amplitude(), 0.02 * b);
    assertEquals(phi, f.orientation(), 4 * f.orientationError() + 1e-3);
    assertEquals(kappa, f.kappa(), 4 * f.kappaError() + 1e-3);
    assertTrue(f.amplitudeError() < 0.01 * b, "error " + f.amplitudeError());
    assertEquals(1e-3, f.background()[3], 1e-4, "G_xy");
    // relative near-field residual c / (b r^2 sqrt(1 + kappa^2)) = 0.05 at r = 8.7
    double expected = Math.sqrt(c / (b * 0.05 * Math.sqrt(1 + kappa * kappa)));
    assertEquals(expected, f.rStar(), 1.5, "r*");
  }

  @Test
  void farFieldOfAnEigenstrainInATriangularSpringLatticeIsTheEshelbyField() {
    int l = 64;
    double k = 1.0;
    double[] a1 = {1, 0};
    double[] a2 = {0.5, Math.sqrt(3) / 2};
    int[][] nb = {{1, 0}, {0, 1}, {-1, 1}};
    int n = l * l;
    // eigenstrain eps0 [[cos 2p, sin 2p], [sin 2p, -cos 2p]] on the bonds whose midpoint lies
    // within 1.6 of the site at the origin
    double eps0 = 0.05;
    double p = 0.4;
    double exx = eps0 * Math.cos(2 * p);
    double exy = eps0 * Math.sin(2 * p);
    double[] f = new double[2 * n];
    double pxx = 0;
    double pxy = 0;
    double pyy = 0;
    int[] bi = new int[3 * n];
    int[] bj = new int[3 * n];
    double[] bx = new double[3 * n];
    double[] by = new double[3 * n];
    int m = 0;
    for (int j = 0; j < l; j++) {
      for (int i = 0; i < l; i++) {
        for (int[] d : nb) {
          double nx = d[0] * a1[0] + d[1] * a2[0];
          double ny = d[0] * a1[1] + d[1] * a2[1];
          int s = j * l + i;
          int t = Math.floorMod(j + d[1], l) * l + Math.floorMod(i + d[0], l);
          bi[m] = s;
          bj[m] = t;
          bx[m] = nx;
          by[m] = ny;
          m++;
          int di = i >= l / 2 ? i - l : i;
          int dj = j >= l / 2 ? j - l : j;
          double mx = di * a1[0] + dj * a2[0] + 0.5 * nx;
          double my = di * a1[1] + dj * a2[1] + 0.5 * ny;
          if (Math.hypot(mx, my) < 1.6) {
            double dl = nx * nx * exx + 2 * nx * ny * exy - ny * ny * exx; // a n.eps.n, a = 1
            f[2 * s] -= k * dl * nx;
            f[2 * s + 1] -= k * dl * ny;
            f[2 * t] += k * dl * nx;
            f[2 * t + 1] += k * dl * ny;
            pxx += k * dl * nx * nx;
            pxy += k * dl * nx * ny;
            pyy += k * dl * ny * ny;
          }
        }
      }
    }
    assertEquals(0, pxx + pyy, 1e-12, "a traceless dipole");
    double[] u = solve(bi, bj, bx, by, k, f);
    double[] rel = new double[2 * n];
    for (int j = 0; j < l; j++) {
      for (int i = 0; i < l; i++) {
        int di = i >= l / 2 ? i - l : i;
        int dj = j >= l / 2 ? j - l : j;
        rel[2 * (j * l + i)] = di * a1[0] + dj * a2[0];
        rel[2 * (j * l + i) + 1] = di * a1[1] + dj * a2[1];
      }
    }
    // r_max a quarter of the period: beyond it the periodic images' field is not affine
    EshelbyFit.Result r = EshelbyFit.fit(rel, u, 16, 1.0, 0.05);
    double mu = Math.sqrt(3) * k / 4;
    double p0 = Math.hypot(0.5 * (pxx - pyy), pxy);
    assertEquals(p0 / (2 * Math.PI * mu), r.amplitude(), 0.02 * r.amplitude(), "B");
    assertEquals(0.5 * Math.atan2(pxy, 0.5 * (pxx - pyy)), r.orientation(), 0.01, "phi");
    assertEquals(p, r.orientation(), 0.01, "phi = the eigenstrain's axis");
    assertEquals(1.0 / 3, r.kappa(), 0.02, "kappa = mu / (lambda + 2 mu)");
    assertTrue(
        r.rStar() < 8,
        "continuum beyond a few spacings: r* = "
            + r.rStar()
            + " "
            + java.util.Arrays.toString(r.binResidual()));
  }

  /** Conjugate gradients on the spring lattice K u = f (f sums to zero: consistent). */
  private static double[] solve(
      int[] bi, int[] bj, double[] bx, double[] by, double k, double[] f) {
    int m = f.length;
    double[] u = new double[m];
    double[] res = f.clone();
    double[] d = res.clone();
    double[] kd = new double[m];
    double rr = dot(res, res);
    for (int it = 0; it < 20 * m && rr > 1e-26; it++) {
      java.util.Arrays.fill(kd, 0);
      for (int b = 0; b < bi.length; b++) {
        int i = bi[b];
        int j = bj[b];
        double e = k * (bx[b] * (d[2 * j] - d[2 * i]) + by[b] * (d[2 * j + 1] - d[2 * i + 1]));
        kd[2 * i] -= e * bx[b];
        kd[2 * i + 1] -= e * by[b];
        kd[2 * j] += e * bx[b];
        kd[2 * j + 1] += e * by[b];
      }
      double alpha = rr / dot(d, kd);
      for (int q = 0; q < m; q++) {
        u[q] += alpha * d[q];
        res[q] -= alpha * kd[q];
      }
      double rr1 = dot(res, res);
      for (int q = 0; q < m; q++) {
        d[q] = res[q] + rr1 / rr * d[q];
      }
      rr = rr1;
    }
    assertTrue(rr <= 1e-26, "CG converged: " + rr);
    return u;
  }

  private static double dot(double[] a, double[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += a[i] * b[i];
    }
    return s;
  }

  @Test
  void tooFewParticlesIsAOneLineError() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> EshelbyFit.fit(new double[] {1, 0, 2, 0}, new double[] {0, 0, 0, 0}, 5, 1, 0.1));
    assertTrue(e.getMessage().startsWith("only 0 particles"), e.getMessage());
  }
}
