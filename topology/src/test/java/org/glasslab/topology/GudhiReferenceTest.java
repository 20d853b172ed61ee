package org.glasslab.topology;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Barcodes and the paper's beta_1 against GUDHI 3.7.1 (the library Jha &amp; Sengupta used),
 * committed by {@code reference/make_gudhi_fixtures.py}: both in double precision, so the bars
 * agree to 1e-12.
 */
class GudhiReferenceTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource({"glass500_a8.19, 8.19", "uniform300_a2, 2.0"})
  void barcodesAndBeta1EqualGudhi(String name, double alpha) {
    double[] p = Fixtures.points(Fixtures.text(name + ".points.csv"));
    PersistenceResult r = RipsPersistence.compute(p, null, RipsOptions.euclidean(alpha));
    List<List<double[]>> ref = List.of(new ArrayList<>(), new ArrayList<>());
    for (String line : Fixtures.text(name + ".gudhi.csv").split("\n")) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      String[] f = line.split(",");
      double d = f[2].equals("inf") ? Double.POSITIVE_INFINITY : Double.parseDouble(f[2]);
      ref.get(Integer.parseInt(f[0])).add(new double[] {Double.parseDouble(f[1]), d});
    }
    Barcode[] mine = {r.h0(), r.h1()};
    for (int dim = 0; dim <= 1; dim++) {
      List<double[]> g = ref.get(dim);
      double[] b = new double[g.size()];
      double[] d = new double[g.size()];
      for (int i = 0; i < g.size(); i++) {
        b[i] = g.get(i)[0];
        d[i] = g.get(i)[1];
      }
      Barcode expected = new Barcode(dim, b, d);
      assertEquals(expected.size(), mine[dim].size(), "H" + dim + " bars");
      for (int i = 0; i < expected.size(); i++) {
        assertEquals(expected.birth(i), mine[dim].birth(i), 1e-12, "H" + dim + " birth " + i);
        assertEquals(expected.death(i), mine[dim].death(i), 1e-12, "H" + dim + " death " + i);
      }
    }
    assertEquals(ref.get(1).size(), r.betti1(), "the paper's beta_1 as GUDHI counts it");
  }
}
