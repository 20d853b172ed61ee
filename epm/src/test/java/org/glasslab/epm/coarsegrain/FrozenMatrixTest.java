package org.glasslab.epm.coarsegrain;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import org.glasslab.data.Box;
import org.glasslab.data.Configuration;
import org.glasslab.md.Wca;
import org.glasslab.minimize.ConjugateGradient;
import org.glasslab.minimize.MinimizerOptions;
import org.junit.jupiter.api.Test;

/**
 * The frozen-matrix local yield stress against a known answer: a perfect triangular WCA crystal
 * (spacing 1) sheared along a close-packed direction.
 *
 * <p>Every site of the affinely sheared lattice is an inversion centre, so the affine state has
 * zero forces at every strain and the relaxed patch follows it exactly, with the stress of the
 * lattice sum, until that state stops being a minimum of the patch's free particles. The right
 * comparator for the yield strain is therefore the strain where the Hessian of the free particles
 * (the frozen ones held at their affine positions) loses positive definiteness, {@code
 * gamma_patch}, computed independently in numpy (reference/coarsegrain/make_crystal_yield.py, numpy
 * 1.24.2, scipy brentq). Neither the stress peak of the affine curve (the long-wavelength limit:
 * this compressed crystal's stress still rises at gamma = 0.3) nor the bulk phonon instability
 * ({@code gamma_phonon} = 0.160, the limit of an infinite patch) is the comparator of a finite
 * patch with a frozen boundary: the boundary suppresses the long wavelengths, so {@code
 * gamma_patch} (0.182 at R = 4.2) lies above the bulk value, as the fixture checks.
 */
class FrozenMatrixTest {

  private static JsonNode fixture() throws Exception {
    try (InputStream in =
        FrozenMatrixTest.class.getResourceAsStream("/reference/coarsegrain/crystal_yield.json")) {
      return new ObjectMapper().readTree(in);
    }
  }

  /** A 16 x 16 triangular crystal of spacing a (rows along x), all diameters 1. */
  static Configuration crystal(int nx, int ny, double a) {
    Box box = new Box(nx * a, ny * a * Math.sqrt(3) / 2);
    double[] p = new double[2 * nx * ny];
    double[] d = new double[nx * ny];
    for (int j = 0; j < ny; j++) {
      for (int i = 0; i < nx; i++) {
        int k = j * nx + i;
        p[2 * k] = box.wrapX((i + 0.5 * j) * a);
        p[2 * k + 1] = j * a * Math.sqrt(3) / 2;
        d[k] = 1.0;
      }
    }
    return Configuration.of(box, p, d);
  }

  static FrozenMatrix.Options options(double radius, int orientations, double maxStrain) {
    return new FrozenMatrix.Options(
        radius,
        0.01,
        1e-5,
        orientations,
        1,
        maxStrain,
        0.05,
        1e-5,
        7L,
        new ConjugateGradient(Wca.INSTANCE),
        MinimizerOptions.defaults().withFtol(1e-11));
  }

  @Test
  void crystalPatchYieldsAtTheAnalyticStrainWithTheAffineStress() throws Exception {
    JsonNode ref = fixture();
    double gPatch = ref.get("gamma_patch").asDouble();
    assertTrue(gPatch > ref.get("gamma_phonon").asDouble(), "a frozen boundary stabilises");
    Configuration c = crystal(16, 16, 1.0);
    FrozenMatrix fm = new FrozenMatrix(c, Wca.INSTANCE, options(4.2, 1, 0.3));
    // centre on site (8, 8)
    FrozenMatrix.Shear s = fm.shear(c.x(8 * 16 + 8), c.y(8 * 16 + 8), 0.0, 1L);
    assertTrue(s.yielded());
    assertEquals(ref.get("free_sites").asInt(), freeSites(fm, c));
    assertEquals(gPatch, s.yieldStrain(), 2e-4, "yield strain");
    assertTrue(s.stressDrop() > 1.0, "a stress drop at the instability: " + s.stressDrop());
    // before the instability the stress is the affine lattice sum, scaled by the number of sites
    // in the patch area (free sites * half virial per site / (pi R^2))
    double scale = ref.get("free_sites").asDouble() / (Math.PI * 4.2 * 4.2) / (2 / Math.sqrt(3));
    double[] g = s.strain();
    JsonNode gg = ref.get("gamma");
    JsonNode tt = ref.get("tau_affine");
    for (int k = 0; k < g.length; k++) {
      int i = (int) Math.round(g[k] / 0.001);
      if (Math.abs(gg.get(i).asDouble() - g[k]) < 1e-9) {
        assertEquals(tt.get(i).asDouble() * scale, s.stress()[k], 1e-6, "tau at gamma " + g[k]);
      }
    }
    assertEquals(s.tauC(), s.stress()[g.length - 1]);
    assertEquals(
        ref.get("tau_at_patch_yield").asDouble() * scale, s.tauC(), 0.05, "tau_c at gamma_c");
  }

  private static int freeSites(FrozenMatrix fm, Configuration c) {
    return fm.patch(c.x(8 * 16 + 8), c.y(8 * 16 + 8), 0).free();
  }

  @Test
  void patchLargerThanHalfTheBoxIsAOneLineError() {
    Configuration c = crystal(16, 16, 1.0);
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> new FrozenMatrix(c, Wca.INSTANCE, options(7.0, 1, 0.3)));
    assertTrue(e.getMessage().startsWith("radius 7.0"), e.getMessage());
    assertTrue(!e.getMessage().contains("\n"));
  }

  /** A small WCA glass inherent structure: N = 300 at rho = 1, T = 1 for 2,000 steps, then CG. */
  static Configuration glassIs() {
    Configuration c =
        org.glasslab.testsupport.BenchmarkSystem.prepare(300, 1.0, 1.0, 0.005, 2000, 11L);
    return new ConjugateGradient(Wca.INSTANCE)
        .minimize(c.withVelocities(null), MinimizerOptions.defaults())
        .configuration();
  }

  @Test
  void glassPatchYieldsAtAFiniteStrainWithAStressDropAndIsDeterministic() {
    Configuration is = glassIs();
    FrozenMatrix fm = new FrozenMatrix(is, Wca.INSTANCE, options(4.0, 1, 0.3));
    double cx = 0.5 * is.box().lx();
    double cy = 0.5 * is.box().ly();
    FrozenMatrix.Shear a = fm.shear(cx, cy, 0.3, 5L);
    assertTrue(a.yielded(), "no instability below strain 0.3");
    assertTrue(a.yieldStrain() > 1e-4 && a.yieldStrain() < 0.3, "gamma_c " + a.yieldStrain());
    assertTrue(a.stressDrop() > 0, "stress drop " + a.stressDrop());
    assertTrue(a.deltaTau() > 0, "tau_c - tau_0 " + a.deltaTau());
    FrozenMatrix.Shear b =
        new FrozenMatrix(is, Wca.INSTANCE, options(4.0, 1, 0.3)).shear(cx, cy, 0.3, 5L);
    assertEquals(a.tauC(), b.tauC());
    assertArrayEquals(a.stress(), b.stress());
  }
}
