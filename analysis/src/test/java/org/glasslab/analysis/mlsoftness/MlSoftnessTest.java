package org.glasslab.analysis.mlsoftness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.glasslab.data.Box;
import org.glasslab.data.Configuration;
import org.glasslab.data.MemoryTrajectory;
import org.glasslab.data.Trajectory;
import org.glasslab.testsupport.SyntheticClouds;
import org.junit.jupiter.api.Test;

/** Bad input of the machine-learned softness: no rearrangements, other feature definitions. */
class MlSoftnessTest {
  /** A trajectory whose inherent structure never changes: only quiet labels. */
  static Trajectory still(long seed) {
    int n = 300;
    Box box = Box.square(n, 0.9);
    double[] pos = SyntheticClouds.randomSequentialAddition(n, 0.9, 0.8, seed);
    double[] d = new double[n];
    java.util.Arrays.fill(d, 1.0);
    List<Configuration> frames = new ArrayList<>();
    long[] steps = {0, 1, 2, 4, 8, 16, 32, 64, 100, 101, 102, 104, 108, 116, 132, 164, 200};
    for (long s : steps) {
      frames.add(Configuration.of(box, pos, d).withStepAndTime(s, 0.003 * s));
    }
    return MemoryTrajectory.of(frames);
  }

  @Test
  void tooFewRearrangementsIsOneClearLine() {
    MlSoftness.Options d = MlSoftness.Options.defaults();
    MlSoftness.Options o =
        new MlSoftness.Options(d.features(), 0.3, 0.1, 50, 200, 100, d.cGrid(), 1, 10, 1);
    List<MlSoftness.Run> runs =
        List.of(new MlSoftness.Run("a", 0.3, still(1)), new MlSoftness.Run("b", 0.3, still(2)));
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> new MlSoftness(o).compute(runs, null));
    assertTrue(
        e.getMessage().startsWith("not enough labelled particles (0 of the 100 needed)"),
        e.getMessage());
    assertFalse(e.getMessage().contains("\n"));
  }

  @Test
  void aModelOfOtherFeatureDefinitionsIsRefused() {
    StructureFunctions trained = StructureFunctions.defaults();
    int f = trained.count();
    double[] ones = new double[f];
    java.util.Arrays.fill(ones, 1.0);
    SoftnessModel m = new SoftnessModel(trained, new double[f], ones, ones, 0.5, 1, Map.of());
    StructureFunctions other =
        new StructureFunctions(
            new double[] {1.0, 1.5}, 0.1, new double[] {1.0}, new int[] {-1, 1}, new int[] {1}, 2);
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> m.requireFeatures(other));
    assertTrue(e.getMessage().startsWith("the model was trained on other feature definitions"));
    assertFalse(e.getMessage().contains("\n"));
    MlSoftness.Options d = MlSoftness.Options.defaults();
    MlSoftness.Options o =
        new MlSoftness.Options(other, 0.3, 0.1, 50, 200, 100, d.cGrid(), 1, 10, 1);
    List<MlSoftness.Run> runs = List.of(new MlSoftness.Run("a", 0.3, still(1)));
    assertThrows(IllegalArgumentException.class, () -> new MlSoftness(o).compute(runs, m));
    // the same definitions are accepted, and S is the signed distance (w.z + b)/|w|
    m.requireFeatures(StructureFunctions.defaults());
    double[] x = new double[f];
    assertEquals(0.5 / Math.sqrt(f), m.softness(x, null)[0], 1e-15);
  }
}
