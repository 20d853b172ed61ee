package org.glasslab.pipeline.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.jhdf.HdfFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Units and dtypes recorded with results: the CSV sidecar, HDF5 attributes, the registry. */
class UnitsTest {
  @TempDir Path dir;

  private static Table sample() {
    return Table.of(
        List.of(
            "id", "step", "time", "potential_energy", "sxy", "d2min_median", "label", "mystery"),
        new int[] {1, 2},
        new long[] {10, 20},
        new double[] {0.03, 0.06},
        new double[] {-1.5, -2.5},
        new double[] {0.25, 0.5},
        new double[] {0.1, 0.2},
        new String[] {"a", "b"},
        new double[] {7, 8});
  }

  @Test
  void csvSidecarGivesEveryColumnsDatatypeAndUnit() throws Exception {
    Path f = dir.resolve("t.csv");
    Csv.write(f, sample());
    List<String> lines = Files.readAllLines(f);
    assertEquals(
        "id,step,time,potential_energy,sxy,d2min_median,label,mystery", lines.get(0), "plain CSV");
    assertEquals("1,10,0.03,-1.5,0.25,0.1,a,7.0", lines.get(1), "integers as integers");
    JsonNode m = JsonFiles.read(dir.resolve("t.csv-metadata.json"));
    assertEquals("http://www.w3.org/ns/csvw", m.get("@context").asText());
    assertEquals("t.csv", m.get("url").asText());
    JsonNode cols = m.get("tableSchema").get("columns");
    String[][] expected = {
      {"id", "int", "int32", "1"},
      {"step", "long", "int64", "steps"},
      {"time", "double", "float64", "tau"},
      {"potential_energy", "double", "float64", "epsilon"},
      {"sxy", "double", "float64", "epsilon/sigma^2"},
      {"d2min_median", "double", "float64", "sigma^2"},
      {"label", "string", "string", null},
      {"mystery", "double", "float64", null},
    };
    assertEquals(expected.length, cols.size());
    for (int c = 0; c < expected.length; c++) {
      JsonNode col = cols.get(c);
      assertEquals(expected[c][0], col.get("name").asText());
      assertEquals(expected[c][1], col.get("datatype").asText(), expected[c][0]);
      assertEquals(expected[c][2], col.get("dtype").asText(), expected[c][0]);
      if (expected[c][3] == null) {
        assertNull(col.get("unit"), "no guessed unit for " + expected[c][0]);
      } else {
        assertEquals(expected[c][3], col.get("unit").asText(), expected[c][0]);
      }
    }
    assertTrue(m.get("dc:description").asText().contains("total over N particles"));
  }

  @Test
  void hdf5DatasetsCarryUnitAttributesAndIntegerDtypes() throws Exception {
    Path f = dir.resolve("t.h5");
    Fields.write(f, sample().withUnits(Map.of("mystery", "sigma")), Map.of("k", 1));
    try (HdfFile h = new HdfFile(f)) {
      assertEquals(
          "epsilon/sigma^2", h.getDatasetByPath("fields/sxy").getAttribute("unit").getData());
      assertEquals("sigma", h.getDatasetByPath("fields/mystery").getAttribute("unit").getData());
      assertEquals(int.class, h.getDatasetByPath("fields/id").getJavaType());
      assertEquals(long.class, h.getDatasetByPath("fields/step").getJavaType());
      assertTrue(String.valueOf(h.getAttribute("units").getData()).contains("reduced"));
    }
    Path g = dir.resolve("local.h5");
    Hdf5Arrays.write(
        g,
        Map.of("at/d2min", new double[] {1}, "at/flag", new int[] {0}, "at/odd", new double[] {2}),
        Map.of());
    try (HdfFile h = new HdfFile(g)) {
      assertEquals("sigma^2", h.getDatasetByPath("at/d2min").getAttribute("unit").getData());
      assertEquals("1", h.getDatasetByPath("at/flag").getAttribute("unit").getData());
      assertNull(h.getDatasetByPath("at/odd").getAttribute("unit"));
    }
  }

  @Test
  void preformattedTablesGetInferredDtypes() throws Exception {
    Path f = dir.resolve("avalanches.csv");
    Csv.writeText(f, "S,x_min,kind,count\n1,0.5,a,3\n12,NaN,b,4\n", Units.EPM);
    assertEquals("S,x_min,kind,count", Files.readAllLines(f).get(0));
    JsonNode cols = JsonFiles.read(Csv.metadataFile(f)).get("tableSchema").get("columns");
    assertEquals("int64", cols.get(0).get("dtype").asText());
    assertEquals("epm", cols.get(0).get("unit").asText());
    assertEquals("float64", cols.get(1).get("dtype").asText());
    assertEquals("string", cols.get(2).get("dtype").asText());
    assertNull(cols.get(2).get("unit"));
    assertEquals("1", cols.get(3).get("unit").asText());
  }

  @Test
  void epmTablesAreLabelledInEpmUnits() {
    Table t =
        Units.EPM.annotate(
            Table.of(
                List.of("branch", "avalanches", "x", "sigma", "count"),
                new String[] {"b"},
                new int[] {3},
                new double[] {0.1},
                new double[] {0.2},
                new long[] {4}));
    assertFalse(t.units().containsKey("branch"), "labels have no unit");
    assertEquals("1", t.units().get("avalanches"));
    assertEquals("epm", t.units().get("x"), "x is a local stability, not a position");
    assertEquals("epm", t.units().get("sigma"));
    assertEquals("1", t.units().get("count"));
    assertEquals("sigma", Units.PARTICLE.of("x"));
    assertEquals("1", Units.PARTICLE.of("lambda=0.5"));
    assertEquals("1", Units.PARTICLE.of("softness_at"));
  }
}
