package org.glasslab.data.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.glasslab.data.Configuration;
import org.glasslab.data.MemoryTrajectory;
import org.glasslab.data.TestConfigs;
import org.glasslab.data.Trajectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Round trips through the real readers and writers of other tools: ASE (extended XYZ), LAMMPS
 * ({@code read_data}, {@code rerun} of a dump) and the python {@code gsd} module (GSD, both ways).
 * Each test skips when its tool is absent; {@code .ci/run} installs them from Debian ({@code
 * python3-ase}, {@code lammps}, {@code python3-gsd}).
 */
class ToolInteropTest {
  @TempDir Path dir;

  private JsonNode python(String script, String... args) throws Exception {
    Path s = dir.resolve(script);
    try (var in = getClass().getResourceAsStream("/interop/" + script)) {
      Files.write(s, in.readAllBytes());
    }
    List<String> cmd = new ArrayList<>(List.of(H5mdInteropTest.PYTHON.toString(), s.toString()));
    cmd.addAll(List.of(args));
    Path err = dir.resolve(script + ".err");
    Process p = new ProcessBuilder(cmd).redirectError(err.toFile()).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, p.waitFor(), script + " failed: " + Files.readString(err));
    return new ObjectMapper().readTree(out);
  }

  private static double d(JsonNode n) {
    return Double.parseDouble(n.asText());
  }

  private static double[] doubles(JsonNode a) {
    return H5mdInteropTest.doubles(a);
  }

  private static int[] ints(JsonNode a) {
    int[] r = new int[a.size()];
    for (int i = 0; i < r.length; i++) {
      r[i] = a.get(i).asInt();
    }
    return r;
  }

  // ---------------------------------------------------------------- ASE

  @Test
  void aseReadsEveryExtendedXyzVariantAndWeReadWhatAseWrites() throws Exception {
    assumeTrue(H5mdInteropTest.hasModule("ase"), "python3-ase not installed");
    for (boolean extras : new boolean[] {false, true}) {
      // untyped without velocities or ids; typed with velocities and ids; 3 frames each
      MemoryTrajectory t =
          TestConfigs.trajectory(40, 3, 5, extras)
              .withPotential("lj:cutoff=2.5")
              .withProvenance(Map.of("T", "0.3", "seed", "7", "thermostat", "isokinetic, 2N-2"));
      Path f = dir.resolve((extras ? "typed" : "plain") + ".xyz");
      Path back = dir.resolve((extras ? "typed" : "plain") + "-ase.xyz");
      ExtendedXyz.write(f, t);
      JsonNode j = python("ase_xyz.py", f.toString(), back.toString());
      assertEquals(3, j.size(), "ase.io.read(file, ':') reads every frame");
      JsonNode info = j.get(0).get("info");
      assertEquals("lj:cutoff=2.5", info.get("glasslab_potential").asText());
      assertEquals(0.3, info.get("run.T").asDouble());
      assertEquals(7, info.get("run.seed").asInt());
      assertEquals("isokinetic, 2N-2", info.get("run.thermostat").asText());
      for (int k = 0; k < 3; k++) {
        Configuration c = t.frame(k);
        JsonNode a = j.get(k);
        assertEquals(40, a.get("n").asInt());
        assertEquals("X", a.get("symbols").get(0).asText());
        assertEquals(c.box().lx(), d(a.get("cell").get(0)));
        assertEquals(c.box().ly(), d(a.get("cell").get(1)));
        assertTrue(a.get("pbc").get(0).asBoolean() && !a.get("pbc").get(2).asBoolean());
        assertArrayEquals(c.positions(), doubles(a.get("positions")), "positions bit for bit");
        assertArrayEquals(c.diameters(), doubles(a.get("diameters")));
        assertArrayEquals(c.images(), ints(a.get("images")));
        assertEquals(c.step(), a.get("step").asLong());
        assertEquals(c.time(), d(a.get("time")));
        if (extras) {
          assertArrayEquals(c.types(), ints(a.get("type")), "types in the integer type column");
          assertArrayEquals(c.ids(), ints(a.get("id")));
          assertArrayEquals(c.velocities(), doubles(a.get("velocities")));
        } else {
          assertNull(a.get("type"));
        }
      }
      // ASE's writer (8 decimals) read back by GlassLab
      try (Trajectory r = TrajectoryIO.read(back)) {
        assertEquals(3, r.frameCount());
        for (int k = 0; k < 3; k++) {
          Configuration c = t.frame(k);
          Configuration b = r.frame(k);
          assertEquals(c.step(), b.step());
          assertArrayEquals(c.diameters(), b.diameters(), 5e-9);
          double[] u0 = c.unwrappedPositions();
          double[] u1 = b.unwrappedPositions();
          assertArrayEquals(u0, u1, 5e-8, "unwrapped positions to ASE's 8 decimals");
          assertArrayEquals(c.types(), b.types());
          assertArrayEquals(c.ids(), b.ids());
        }
      }
    }
  }

  // ---------------------------------------------------------------- GSD

  @Test
  void gsdModuleReadsOurGsdFiles() throws Exception {
    assumeTrue(H5mdInteropTest.hasModule("gsd.hoomd"), "python3-gsd not installed");
    MemoryTrajectory t = TestConfigs.trajectory(30, 3, 8, true);
    Path f = dir.resolve("t.gsd");
    Gsd.write(f, t);
    JsonNode j = python("gsd_hoomd.py", "read", f.toString());
    assertEquals(3, j.size());
    double lx = t.box().lx();
    double ly = t.box().ly();
    for (int k = 0; k < 3; k++) {
      Configuration c = t.frame(k);
      JsonNode s = j.get(k);
      assertEquals(c.step(), s.get("step").asLong());
      assertEquals(2, s.get("dimensions").asInt());
      assertEquals((float) lx, (float) d(s.get("box").get(0)));
      assertEquals((float) ly, (float) d(s.get("box").get(1)));
      assertEquals(30, s.get("n").asInt());
      assertEquals(List.of("1", "2", "3"), strings(s.get("types")));
      double[] p = doubles(s.get("positions"));
      double[] v = doubles(s.get("velocities"));
      int[] img = ints(s.get("images"));
      double[] dia = doubles(s.get("diameters"));
      int[] typeid = ints(s.get("typeid"));
      for (int i = 0; i < 30; i++) {
        // HOOMD boxes are centred on the origin; the schema stores single precision
        assertEquals((float) (c.x(i) - 0.5 * lx), (float) p[3 * i]);
        assertEquals((float) (c.y(i) - 0.5 * ly), (float) p[3 * i + 1]);
        assertEquals(0.0, p[3 * i + 2]);
        assertEquals(c.images()[2 * i], img[3 * i]);
        assertEquals(c.images()[2 * i + 1], img[3 * i + 1]);
        assertEquals((float) c.velocities()[2 * i], (float) v[3 * i]);
        assertEquals((float) c.diameter(i), (float) dia[i]);
        assertEquals(c.types()[i] - 1, typeid[i]);
      }
      assertEquals(c.time(), d(s.get("log").get("glasslab/time").get(0)));
      assertArrayEquals(c.ids(), ints(s.get("log").get("glasslab/id")));
    }
  }

  @Test
  void weReadGsdFilesTheGsdModuleWrites() throws Exception {
    assumeTrue(H5mdInteropTest.hasModule("gsd.hoomd"), "python3-gsd not installed");
    Path f = dir.resolve("py.gsd");
    JsonNode j = python("gsd_hoomd.py", "write", f.toString());
    try (Trajectory t = TrajectoryIO.read(f)) {
      assertEquals(3, t.frameCount());
      assertEquals(6.5, t.box().lx());
      assertEquals(5.25, t.box().ly());
      for (int k = 0; k < 3; k++) {
        JsonNode s = j.get(k);
        Configuration c = t.frame(k);
        assertEquals(s.get("step").asLong(), c.step());
        assertEquals(c.step() * ReadOptions.DEFAULTS.dt(), c.time(), 1e-15, "time = step * dt");
        double[] p = doubles(s.get("positions"));
        int[] img = ints(s.get("images"));
        double[] dia = doubles(s.get("diameters"));
        int[] typeid = ints(s.get("typeid"));
        for (int i = 0; i < 5; i++) {
          assertEquals(p[3 * i] + 3.25, c.x(i), 1e-12);
          assertEquals(p[3 * i + 1] + 2.625, c.y(i), 1e-12);
          assertEquals(img[3 * i], c.images()[2 * i]);
          assertEquals(img[3 * i + 1], c.images()[2 * i + 1]);
          assertEquals(dia[i], c.diameter(i));
          assertEquals(typeid[i] + 1, c.types()[i]);
        }
        assertNull(c.velocities(), "gsd.hoomd wrote no velocities");
      }
    }
  }

  private static List<String> strings(JsonNode a) {
    List<String> r = new ArrayList<>();
    a.forEach(x -> r.add(x.asText()));
    return r;
  }

  // ---------------------------------------------------------------- LAMMPS

  static Path lmp() {
    for (String dirName : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
      Path p = Path.of(dirName, "lmp");
      if (Files.isExecutable(p)) {
        return p;
      }
    }
    return null;
  }

  /** LAMMPS input lines printing "MASSES min max" of the per-atom masses. */
  private static final String MASSES =
      """
      compute m all property/atom mass
      compute mmin all reduce min c_m
      compute mmax all reduce max c_m
      thermo_style custom step c_mmin c_mmax
      run 0
      variable lo equal c_mmin
      variable hi equal c_mmax
      print "MASSES ${lo} ${hi}"
      """;

  private String runLammps(String input) throws Exception {
    Path lmp = lmp();
    Files.writeString(dir.resolve("in.test"), input);
    Process p =
        new ProcessBuilder(lmp.toString(), "-in", "in.test", "-log", "none", "-echo", "none")
            .directory(dir.toFile())
            .redirectErrorStream(true)
            .start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, p.waitFor(), "lmp failed:\n" + out);
    return out;
  }

  private static String printed(String out, String tag) {
    for (String line : out.split("\n")) {
      if (line.startsWith(tag + " ")) {
        return line.substring(tag.length() + 1).strip();
      }
    }
    throw new AssertionError("lmp printed no '" + tag + "' line:\n" + out);
  }

  @Test
  void lammpsReadsOurDataWithUnitMassesAndRerunsOurDump() throws Exception {
    assumeTrue(lmp() != null, "LAMMPS (lmp) not installed");
    MemoryTrajectory t = TestConfigs.trajectory(50, 3, 12, true);
    LammpsData.write(dir.resolve("c.data"), t.frame(0), LammpsData.Style.SPHERE);
    LammpsDump.write(dir.resolve("t.dump"), t);
    String out =
        runLammps(
            """
            units lj
            dimension 2
            atom_style sphere
            boundary p p p
            read_data c.data
            %s
            pair_style zero 1.0
            pair_coeff * *
            dump d all custom 1 rerun.dump id type x y ix iy diameter
            dump_modify d format float %%.17g sort id
            rerun t.dump dump x y ix iy box yes
            """
                .formatted(MASSES));
    String[] m = printed(out, "MASSES").split("\\s+");
    // mass = density * (4/3) pi r^3 with density 6/(pi d^3): 1 up to rounding
    assertEquals(1.0, Double.parseDouble(m[0]), 1e-14);
    assertEquals(1.0, Double.parseDouble(m[1]), 1e-14);
    try (Trajectory r = LammpsDump.read(dir.resolve("rerun.dump"), ReadOptions.DEFAULTS)) {
      assertEquals(3, r.frameCount(), "rerun visited every frame of our dump");
      for (int k = 0; k < 3; k++) {
        Configuration a = t.frame(k);
        Configuration b = r.frame(k);
        assertEquals(a.step(), b.step());
        assertArrayEquals(a.positions(), b.positions(), "positions through LAMMPS, %.17g");
        assertArrayEquals(a.images(), b.images());
        assertArrayEquals(a.diameters(), b.diameters());
        assertArrayEquals(a.ids(), b.ids());
        assertArrayEquals(a.types(), b.types());
      }
    }
  }

  @Test
  void continuousDiametersBinnedIntoLammpsTypesWithinHalfABin() throws Exception {
    assumeTrue(lmp() != null, "LAMMPS (lmp) not installed");
    Configuration c = TestConfigs.random(200, 3, false);
    int bins = 6;
    DiameterBins b = DiameterBins.of(c.diameters(), bins);
    Trajectory binned = b.apply(MemoryTrajectory.of(List.of(c)));
    Configuration cb = binned.frame(0);
    double worst = 0;
    for (int i = 0; i < c.size(); i++) {
      worst = Math.max(worst, Math.abs(cb.diameter(i) - c.diameter(i)));
    }
    assertTrue(worst <= b.maxError() * (1 + 1e-12), worst + " > " + b.maxError());
    Path data = dir.resolve("b.data");
    LammpsData.write(data, cb, LammpsData.Style.ATOMIC);
    String out =
        runLammps(
            """
            units lj
            dimension 2
            atom_style atomic
            boundary p p p
            read_data b.data
            group last type %d
            variable nlast equal count(last)
            print "LAST ${nlast}"
            %s
            """
                .formatted(bins, MASSES));
    String[] m = printed(out, "MASSES").split("\\s+");
    assertEquals(1.0, Double.parseDouble(m[0]));
    assertEquals(1.0, Double.parseDouble(m[1]));
    long inLast = java.util.Arrays.stream(cb.types()).filter(ty -> ty == bins).count();
    assertTrue(inLast > 0);
    assertEquals(inLast, (long) Double.parseDouble(printed(out, "LAST")), "type " + bins);
    // the side table gives each type its bin-centre diameter: read back exactly
    Map<Integer, Double> table = LammpsData.readTypeTable(dir.resolve("b.data.diameters"));
    Configuration back = LammpsData.read(data, ReadOptions.DEFAULTS.withTypeDiameters(table));
    assertArrayEquals(cb.diameters(), back.diameters());
    assertArrayEquals(cb.types(), back.types());
  }
}
