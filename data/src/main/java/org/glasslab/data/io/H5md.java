package org.glasslab.data.io;

import io.jhdf.HdfFile;
import io.jhdf.WritableHdfFile;
import io.jhdf.api.Attribute;
import io.jhdf.api.Dataset;
import io.jhdf.api.DatasetCreationOptions;
import io.jhdf.api.Group;
import io.jhdf.api.Node;
import io.jhdf.api.WritableGroup;
import io.jhdf.exceptions.HdfException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Array;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.glasslab.data.Box;
import org.glasslab.data.Configuration;
import org.glasslab.data.TimeSeries;
import org.glasslab.data.Trajectory;

/**
 * H5MD 1.1 trajectories (HDF5 through jhdf), laid out so that h5py, MDAnalysis and OVITO open them.
 *
 * <p>Layout written (T frames, N particles):
 *
 * <pre>
 * /h5md                       attrs version=[1,1]; author/name; creator/name, creator/version
 * /particles/trajectory/box   attrs dimension=3, boundary=[periodic, periodic, none]
 * /particles/trajectory/box/edges/{value [T,3,3], step [T], time [T]}
 * /particles/trajectory/position/{value [T,N,3], step, time}     wrapped positions, z = 0
 * /particles/trajectory/image/{value [T,N,3] int32, step, time}   z image = 0
 * /particles/trajectory/velocity/{value [T,N,3], step, time}     when present
 * /particles/trajectory/diameter [N]                              time-independent
 * /particles/trajectory/species [N] int32, .../id [N] int32        when present
 * /observables/NAME/{value [T] or [T,C], step [T], time [T]}
 * /parameters/glasslab        attrs dimension=2, layout="2D embedded in 3D, z = 0"; potential
 *                             (attribute and dataset: pair potential spec) when the trajectory has one;
 *                             attrs run.KEY = the MD run's provenance (dt, T, skin, ...) when it has one
 * </pre>
 *
 * <p>Why 3D: MDAnalysis' H5MD reader accepts only {@code dimension = 3} and a [T,3,3] edge matrix,
 * so a 2D system is stored in the z = 0 plane with a nominal, non-periodic z edge of 1. The reader
 * accepts this layout and plain 2D H5MD files ({@code dimension = 2}); 3D data with a non-zero z is
 * rejected. jhdf writes whole files only, so {@link #write} writes the complete file to a temporary
 * sibling and renames it over the target: a crash leaves either the old file or the new one, never
 * a torn one. Long MD runs write one such file per segment (see the md-engine docs).
 */
public final class H5md {
  /** Prefix of the {@code /parameters/glasslab} attributes holding the MD run's provenance. */
  static final String RUN_PREFIX = "run.";

  /**
   * The particle group written: MDAnalysis builds a Universe without a topology file only from
   * {@code /particles/trajectory} (the name its own writer uses). Files written before used {@code
   * /particles/all}; the reader takes either, or a file's only particle group.
   */
  static final String PARTICLE_GROUP = "trajectory";

  /**
   * The {@code /parameters/glasslab} attribute {@code units}. The data are in reduced units, for
   * which H5MD leaves out the {@code unit} attributes; none are written on the elements also
   * because jhdf writes fixed-length strings only, which h5py returns as bytes, and MDAnalysis 2.4
   * then fails on any {@code unit} attribute (read with {@code convert_units=False}).
   */
  static final String UNITS_NOTE =
      "reduced units: length sigma (mean diameter), energy epsilon, mass m, k_B = 1, time tau ="
          + " sigma sqrt(m/epsilon); no unit attributes (H5MD: reduced); MDAnalysis:"
          + " convert_units=False";

  private H5md() {}

  /** Writes {@code t} (all frames and observables) atomically to {@code file}. */
  public static void write(Path file, Trajectory t) throws IOException {
    // jhdf holds the whole file in memory: refuse up front what cannot fit (per particle-frame:
    // boxed position, image and velocity rows plus their serialised copies). A segment of
    // H5mdWriter is bounded by design and not checked: the free-heap estimate counts garbage not
    // yet collected, so it would refuse a few MB in a busy heap.
    boolean vel = t.frameCount() > 0 && t.frame(0).hasVelocities();
    if ((long) t.frameCount() * t.particleCount() > H5mdWriter.SEGMENT_PARTICLE_FRAMES) {
      checkHeap(file, t, vel);
    }
    AtomicFile.write(
        file,
        tmp -> {
          try (WritableHdfFile h = HdfFile.write(tmp)) {
            fill(h, t);
          } catch (HdfException e) {
            throw new IOException(file + ": cannot write H5MD: " + e.getMessage(), e);
          }
        });
  }

  private static void checkHeap(Path file, Trajectory t, boolean vel) {
    org.glasslab.data.Limits.elements(
        (double) t.frameCount() * t.particleCount(),
        (vel ? 2 : 1) * (48 + 24) + 40 + 12,
        file
            + ": H5MD output of "
            + t.frameCount()
            + " frames x "
            + t.particleCount()
            + " particles (written whole; .xyz and .dump are written frame by frame)");
  }

  private static void fill(WritableHdfFile h, Trajectory t) {
    int nf = t.frameCount();
    int n = t.particleCount();
    WritableGroup h5md = h.putGroup("h5md");
    h5md.putAttribute("version", new int[] {1, 1});
    String v = H5md.class.getPackage().getImplementationVersion();
    named(h5md.putGroup("author"), "name", "GlassLab user");
    WritableGroup creator = named(h5md.putGroup("creator"), "name", "GlassLab");
    creator.putAttribute("version", v == null ? "development" : v);

    long[] steps = new long[nf];
    double[] times = new double[nf];
    double[][][] pos = new double[nf][n][3];
    int[][][] img = new int[nf][n][3];
    boolean hasVel = t.frame(0).hasVelocities();
    double[][][] vel = hasVel ? new double[nf][n][3] : null;
    double[][][] edges = new double[nf][3][3];
    Configuration first = t.frame(0);
    for (int k = 0; k < nf; k++) {
      Configuration c = k == 0 ? first : t.frame(k);
      steps[k] = c.step();
      times[k] = c.time();
      double[] x = c.positions();
      int[] im = c.images();
      double[] vv = c.velocities();
      if (hasVel != (vv != null)) {
        throw new IllegalArgumentException(
            "frame " + k + (hasVel ? " lacks" : " has") + " velocities unlike frame 0");
      }
      for (int i = 0; i < n; i++) {
        pos[k][i][0] = x[2 * i];
        pos[k][i][1] = x[2 * i + 1];
        img[k][i][0] = im[2 * i];
        img[k][i][1] = im[2 * i + 1];
        if (hasVel) {
          vel[k][i][0] = vv[2 * i];
          vel[k][i][1] = vv[2 * i + 1];
        }
      }
      edges[k][0][0] = c.box().lx();
      edges[k][1][1] = c.box().ly();
      edges[k][2][2] = 1.0;
    }
    WritableGroup all = h.putGroup("particles").putGroup(PARTICLE_GROUP);
    WritableGroup box = all.putGroup("box");
    box.putAttribute("dimension", 3);
    box.putAttribute("boundary", new String[] {"periodic", "periodic", "none"});
    putElement(box, "edges", edges, steps, times);
    DatasetCreationOptions perFrame = perFrameChunks(n);
    putElement(all, "position", pos, steps, times, perFrame);
    putElement(all, "image", img, steps, times, perFrame);
    if (hasVel) {
      putElement(all, "velocity", vel, steps, times, perFrame);
    }
    all.putDataset("diameter", t.diameters());
    if (first.types() != null) {
      all.putDataset("species", first.types());
    }
    if (first.ids() != null) {
      all.putDataset("id", first.ids());
    }
    Map<String, TimeSeries> obs = t.observables();
    if (!obs.isEmpty()) {
      WritableGroup og = h.putGroup("observables");
      for (TimeSeries s : obs.values()) {
        Object value = s.components() == 1 ? s.component(0) : s.values();
        putElement(og, s.name(), value, s.steps(), s.times());
      }
    }
    WritableGroup params = h.putGroup("parameters").putGroup("glasslab");
    params.putAttribute("dimension", 2);
    params.putAttribute("layout", "2D embedded in 3D, z = 0");
    params.putAttribute("units", UNITS_NOTE);
    params.putDataset("dimension", new int[] {2});
    if (t.potential() != null) {
      params.putAttribute("potential", t.potential());
      params.putDataset("potential", t.potential());
    }
    for (Map.Entry<String, String> e : new java.util.TreeMap<>(t.provenance()).entrySet()) {
      params.putAttribute(RUN_PREFIX + e.getKey(), e.getValue());
    }
  }

  /**
   * Puts a string attribute on a metadata group and the same value as a dataset. The dataset is a
   * workaround: jhdf 0.9/0.10 writes a corrupt file when a group without any dataset sits next to
   * groups holding datasets, so no leaf group may be dataset-free.
   */
  private static WritableGroup named(WritableGroup g, String key, String value) {
    g.putAttribute(key, value);
    g.putDataset(key, value);
    return g;
  }

  private static void putElement(
      WritableGroup parent, String name, Object value, long[] steps, double[] times) {
    putElement(parent, name, value, steps, times, DatasetCreationOptions.DEFAULT);
  }

  private static void putElement(
      WritableGroup parent,
      String name,
      Object value,
      long[] steps,
      double[] times,
      DatasetCreationOptions valueOptions) {
    WritableGroup g = parent.putGroup(name);
    g.putDataset("value", value, valueOptions);
    g.putDataset("step", steps);
    g.putDataset("time", times);
  }

  /** Deflate level of the per-particle datasets (1: fast; higher levels gain a few percent). */
  static final int DEFLATE_LEVEL = 1;

  /**
   * Storage of a per-particle dataset [T, N, 3]: one frame per chunk (a frame read decompresses
   * exactly that frame), byte shuffle then deflate. Lossless: float64 positions and velocities and
   * int32 images read back bit for bit; the all-zero z column and the mostly-zero images shrink to
   * almost nothing. jhdf 0.13 writes the chunk index and both filters, h5py and MDAnalysis read
   * them with the HDF5 library's built-in filters.
   */
  private static DatasetCreationOptions perFrameChunks(int n) {
    return DatasetCreationOptions.builder()
        .chunkDimensions(1, n, 3)
        .shuffle()
        .deflate(DEFLATE_LEVEL)
        .build();
  }

  /**
   * Opens an H5MD file (or a segmented directory of them, see {@link H5mdWriter}) for lazy,
   * random-access reading; the returned trajectory holds the file open until closed. The header,
   * box and static data are validated now; frames are read on demand.
   */
  public static Trajectory read(Path file, ReadOptions options) throws IOException {
    if (Files.isDirectory(file)) {
      return RunDirectoryFormat.read(file, options); // a segmented trajectory (see H5mdWriter)
    }
    if (!Files.exists(file)) {
      throw new TrajectoryFormatException(file, "", "no such file");
    }
    HdfFile h;
    try {
      h = new HdfFile(file);
    } catch (HdfException | UncheckedIOException e) {
      throw new TrajectoryFormatException(
          file, "", "not a readable HDF5 file (truncated or corrupt?): " + rootMessage(e), e);
    }
    try {
      checkComplete(file, h);
      return new Reader(file, h, options);
    } catch (IOException | RuntimeException e) {
      h.close();
      if (e instanceof TrajectoryFormatException tfe) {
        throw tfe;
      }
      if (e instanceof UncheckedIOException u
          && u.getCause() instanceof TrajectoryFormatException t) {
        throw t; // a frame read while opening: its message already names the file and frame
      }
      throw new TrajectoryFormatException(
          file, "", "cannot read H5MD (truncated or corrupt?): " + rootMessage(e), e);
    }
  }

  /**
   * A file cut short (a copy interrupted, a full disk) may still open and even read its first
   * frames; the superblock records where the file ends, so compare that with the size on disk.
   */
  private static void checkComplete(Path file, HdfFile h) throws IOException {
    long eof =
        h.getHdfBackingStorage().getSuperblock().getEndOfFileAddress() + h.getUserBlockSize();
    long size = Files.size(file);
    if (size < eof) {
      throw new TrajectoryFormatException(
          file,
          "",
          "truncated or corrupt: the HDF5 superblock says the file ends at byte "
              + eof
              + " but it has "
              + size
              + " bytes");
    }
  }

  private static String rootMessage(Throwable e) {
    Throwable c = e;
    while (c.getCause() != null && c.getCause() != c) {
      c = c.getCause();
    }
    String m = c.getMessage() == null ? c.getClass().getSimpleName() : c.getMessage();
    return m.replace('\n', ' ');
  }

  /** Lazy reader over an open HDF5 file. */
  private static final class Reader implements Trajectory {
    private final Path file;
    private final HdfFile h;
    private final ReadOptions options;
    private final int dim;
    private final int nf;
    private final int n;
    private final Box box;
    private final long[] steps;
    private final double[] times;
    private final double[] diameters;
    private final int[] ids;
    private final int[] types;
    private final Dataset position;
    private final Dataset image;
    private final Dataset velocity;
    private final Map<String, TimeSeries> observables = new LinkedHashMap<>();
    private String potential;
    private final Map<String, String> provenance = new java.util.TreeMap<>();

    Reader(Path file, HdfFile h, ReadOptions options) throws IOException {
      this.file = file;
      this.h = h;
      this.options = options;
      if (!(h.getChild("h5md") instanceof Group)) {
        throw err("/h5md", "missing: not an H5MD file");
      }
      Node particles = h.getChild("particles");
      if (!(particles instanceof Group pg) || pg.getChildren().isEmpty()) {
        throw err(
            "/particles",
            "missing or empty: expected a particle group such as /particles/trajectory");
      }
      Group all;
      if (pg.getChild(PARTICLE_GROUP) instanceof Group a) {
        all = a;
      } else if (pg.getChild("all") instanceof Group a) {
        all = a;
      } else if (pg.getChildren().size() == 1
          && pg.getChildren().values().iterator().next() instanceof Group a) {
        all = a;
      } else {
        throw err("/particles", "several particle groups and none named 'trajectory' or 'all'");
      }
      String base = all.getPath();
      if (!(all.getChild("box") instanceof Group boxGroup)) {
        throw err(base + "box", "missing box group");
      }
      Attribute dimAttr = boxGroup.getAttribute("dimension");
      if (dimAttr == null) {
        throw err(base + "box", "missing 'dimension' attribute");
      }
      dim = ((Number) scalar(dimAttr.getData())).intValue();
      if (dim != 2 && dim != 3) {
        throw err(
            base + "box", "dimension must be 2 or 3 (2D data in the z = 0 plane), got " + dim);
      }
      Attribute boundary = boxGroup.getAttribute("boundary");
      if (boundary != null && boundary.getData() instanceof String[] b) {
        for (int a = 0; a < Math.min(2, b.length); a++) {
          if (!b[a].strip().equals("periodic")) {
            throw err(
                base + "box",
                "boundary must be periodic in x and y, got "
                    + java.util.Arrays.toString(b)
                    + " (GlassLab's systems are periodic)");
          }
        }
      }
      position = dataset(all, "position/value");
      int[] pd = position.getDimensions();
      if (pd.length != 3 || pd[2] != dim) {
        throw err(
            position.getPath(),
            "expected shape [T, N, " + dim + "], got " + java.util.Arrays.toString(pd));
      }
      nf = pd[0];
      n = pd[1];
      if (nf < 1 || n < 1) {
        throw err(position.getPath(), "no frames or no particles");
      }
      steps = toLongs(dataset(all, "position/step").getData());
      times = flatten(dataset(all, "position/time").getData());
      if (steps.length != nf || times.length != nf) {
        throw err(base + "position", "step/time length differs from the number of frames " + nf);
      }
      box = readBox(boxGroup);
      Node img = all.getChild("image");
      image = img instanceof Group ? dataset(all, "image/value") : null;
      if (image != null && !java.util.Arrays.equals(image.getDimensions(), pd)) {
        throw err(image.getPath(), "shape differs from position " + java.util.Arrays.toString(pd));
      }
      Node vel = all.getChild("velocity");
      velocity = vel instanceof Group ? dataset(all, "velocity/value") : null;
      if (velocity != null && !java.util.Arrays.equals(velocity.getDimensions(), pd)) {
        throw err(
            velocity.getPath(), "shape differs from position " + java.util.Arrays.toString(pd));
      }
      ids = all.getChild("id") instanceof Dataset di ? toInts(di.getData()) : null;
      types = all.getChild("species") instanceof Dataset ds ? toInts(ds.getData()) : null;
      if (types != null && types.length != n) {
        throw err(base + "species", "expected " + n + " species, got " + types.length);
      }
      Node dn = all.getChild("diameter");
      if (dn instanceof Dataset dd) {
        diameters = flatten(dd.getData());
        if (diameters.length != n) {
          throw err(dd.getPath(), "expected " + n + " diameters, got " + diameters.length);
        }
      } else if (!options.typeDiameters().isEmpty()) {
        diameters = typeDiameters(base, n);
      } else {
        throw err(
            base + "diameter",
            "missing per-particle diameters [N]; pass per-type diameters (--type-diameters),"
                + " by the species dataset or, without one, for type 1");
      }
      if (h.getChild("observables") instanceof Group og) {
        for (Node node : og.getChildren().values()) {
          if (node instanceof Group g && g.getChild("value") instanceof Dataset) {
            observables.put(g.getName(), readSeries(g));
          }
        }
      }
      if (h.getChild("parameters") instanceof Group pgroup
          && pgroup.getChild("glasslab") instanceof Group gl
          && gl.getAttribute("potential") instanceof Attribute pa) {
        potential = String.valueOf(pa.getData());
      }
      if (h.getChild("parameters") instanceof Group pgroup
          && pgroup.getChild("glasslab") instanceof Group gl) {
        for (Map.Entry<String, Attribute> a : gl.getAttributes().entrySet()) {
          if (a.getKey().startsWith(RUN_PREFIX)) {
            provenance.put(
                a.getKey().substring(RUN_PREFIX.length()), String.valueOf(a.getValue().getData()));
          }
        }
      }
      // Validate frame 0 eagerly so that broken data fails at open time.
      frame(0);
    }

    @Override
    public String potential() {
      return potential;
    }

    @Override
    public Map<String, String> provenance() {
      return provenance;
    }

    private TimeSeries readSeries(Group g) throws IOException {
      Dataset v = dataset(g, "value");
      long[] s = toLongs(dataset(g, "step").getData());
      double[] t = flatten(dataset(g, "time").getData());
      Object data = v.getData();
      double[][] values;
      if (data instanceof double[] d1) {
        values = new double[d1.length][];
        for (int k = 0; k < d1.length; k++) {
          values[k] = new double[] {d1[k]};
        }
      } else if (data instanceof double[][] d2) {
        values = d2;
      } else {
        throw err(v.getPath(), "expected float64 values [T] or [T,C]");
      }
      try {
        return new TimeSeries(g.getName(), s, t, values);
      } catch (IllegalArgumentException e) {
        throw err(g.getPath(), e.getMessage());
      }
    }

    private Box readBox(Group boxGroup) throws IOException {
      Node e = boxGroup.getChild("edges");
      double lx;
      double ly;
      if (e instanceof Group eg) {
        Dataset v = dataset(eg, "value");
        Object d = v.getData(new long[v.getDimensions().length], firstFrameShape(v));
        double[] flat = flatten(d);
        if (v.getDimensions().length == 3) {
          int dd = v.getDimensions()[1];
          lx = flat[0];
          ly = flat[dd + 1];
          checkOffDiagonal(flat, dd, v.getPath());
          checkFixedBox(v, flat);
        } else {
          lx = flat[0];
          ly = flat[1];
        }
      } else if (e instanceof Dataset ed) {
        double[] flat = flatten(ed.getData());
        if (ed.getDimensions().length == 2) {
          int dd = ed.getDimensions()[0];
          lx = flat[0];
          ly = flat[dd + 1];
          checkOffDiagonal(flat, dd, ed.getPath());
        } else {
          lx = flat[0];
          ly = flat[1];
        }
      } else {
        throw err(boxGroup.getPath() + "/edges", "missing box edges");
      }
      if (!(lx > 0) || !(ly > 0) || !Double.isFinite(lx) || !Double.isFinite(ly)) {
        throw err(boxGroup.getPath() + "/edges", "box edges must be finite and positive");
      }
      return new Box(lx, ly);
    }

    private void checkOffDiagonal(double[] m, int d, String path) throws IOException {
      for (int a = 0; a < d; a++) {
        for (int b = 0; b < d; b++) {
          if (a != b && m[a * d + b] != 0) {
            throw err(path, "triclinic boxes are not supported; expected a diagonal edge matrix");
          }
        }
      }
    }

    /**
     * A time-dependent edge matrix [T, d, d] must list the frames of the positions, all with the
     * first frame's box: a GlassLab trajectory has one box, and a changing one must not be read as
     * the first.
     */
    private void checkFixedBox(Dataset v, double[] first) throws IOException {
      int[] dims = v.getDimensions();
      if (dims[0] != nf) {
        throw err(v.getPath(), "holds " + dims[0] + " frame(s), the positions " + nf);
      }
      double[] all = flatten(v.getData());
      for (int k = 1; k < nf; k++) {
        for (int j = 0; j < first.length; j++) {
          if (Double.compare(all[k * first.length + j], first[j]) != 0) {
            throw err(
                v.getPath(),
                "the box changes at frame " + k + "; GlassLab reads fixed-box trajectories only");
          }
        }
      }
    }

    /**
     * Diameters of a file that has none (e.g. written by MDAnalysis) from the per-type table: by
     * the {@code species} dataset, or type 1 for every particle when there is no species.
     */
    private double[] typeDiameters(String base, int n) throws IOException {
      double[] d = new double[n];
      for (int i = 0; i < n; i++) {
        int type = types == null ? 1 : types[i];
        Double v = options.typeDiameters().get(type);
        if (v == null) {
          throw err(
              base + (types == null ? "diameter" : "species"),
              "no diameter given for type "
                  + type
                  + (types == null ? " (no species dataset: every particle is type 1)" : "")
                  + " in the per-type table");
        }
        d[i] = v;
      }
      return d;
    }

    private static int[] firstFrameShape(Dataset v) {
      int[] s = v.getDimensions().clone();
      s[0] = 1;
      return s;
    }

    private Dataset dataset(Group g, String path) throws IOException {
      Node node;
      try {
        node = g.getByPath(path);
      } catch (HdfException e) {
        node = null;
      }
      if (!(node instanceof Dataset d)) {
        throw err(g.getPath() + path, "missing dataset");
      }
      return d;
    }

    private TrajectoryFormatException err(String where, String message) {
      return new TrajectoryFormatException(file, "dataset " + where, message);
    }

    @Override
    public int frameCount() {
      return nf;
    }

    @Override
    public int particleCount() {
      return n;
    }

    @Override
    public Box box() {
      return box;
    }

    @Override
    public long step(int k) {
      return steps[k];
    }

    @Override
    public double time(int k) {
      return times[k];
    }

    @Override
    public double[] diameters() {
      return diameters.clone();
    }

    @Override
    public Map<String, TimeSeries> observables() {
      return java.util.Collections.unmodifiableMap(observables);
    }

    @Override
    public Configuration frame(int k) {
      if (k < 0 || k >= nf) {
        throw new IndexOutOfBoundsException(
            "frame " + k + " outside 0.." + (nf - 1) + " of " + file);
      }
      try {
        return readFrame(k);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } catch (HdfException e) {
        throw new UncheckedIOException(
            new TrajectoryFormatException(
                file, "frame " + k, "cannot read (truncated or corrupt?): " + rootMessage(e), e));
      }
    }

    private Configuration readFrame(int k) throws IOException {
      long[] off = {k, 0, 0};
      int[] shape = {1, n, dim};
      double[] p = flatten(position.getData(off, shape));
      double[] x = new double[2 * n];
      int[] img = null;
      double[] v = null;
      int[] im = image == null ? null : toInts(image.getData(off, shape));
      double[] vv = velocity == null ? null : flatten(velocity.getData(off, shape));
      if (im != null) {
        img = new int[2 * n];
      }
      if (vv != null) {
        v = new double[2 * n];
      }
      for (int i = 0; i < n; i++) {
        x[2 * i] = p[dim * i];
        x[2 * i + 1] = p[dim * i + 1];
        if (dim == 3 && p[dim * i + 2] != 0) {
          throw err(
              position.getPath(),
              "non-2D data: z of particle " + i + " in frame " + k + " is " + p[dim * i + 2]);
        }
        if (img != null) {
          img[2 * i] = im[dim * i];
          img[2 * i + 1] = im[dim * i + 1];
        }
        if (v != null) {
          v[2 * i] = vv[dim * i];
          v[2 * i + 1] = vv[dim * i + 1];
          if (dim == 3 && vv[dim * i + 2] != 0) {
            throw err(velocity.getPath(), "non-2D data: z velocity of particle " + i + " is not 0");
          }
        }
      }
      return FrameAssembler.assemble(
          file,
          "frame " + k,
          box,
          x,
          img,
          diameters.clone(),
          v,
          ids,
          types,
          steps[k],
          times[k],
          false,
          options.outsideTolerance());
    }

    @Override
    public void close() {
      h.close();
    }
  }

  private static Object scalar(Object o) {
    return o.getClass().isArray() ? Array.get(o, 0) : o;
  }

  /** Flattens a (possibly nested) numeric array to double[] in C order. */
  static double[] flatten(Object data) {
    int size = count(data);
    double[] out = new double[size];
    fillDoubles(data, out, 0);
    return out;
  }

  private static int count(Object a) {
    if (!a.getClass().isArray()) {
      return 1;
    }
    int len = Array.getLength(a);
    if (len == 0) {
      return 0;
    }
    if (!a.getClass().getComponentType().isArray()) {
      return len;
    }
    int total = 0;
    for (int i = 0; i < len; i++) {
      total += count(Array.get(a, i));
    }
    return total;
  }

  private static int fillDoubles(Object a, double[] out, int pos) {
    if (a instanceof double[] d) {
      System.arraycopy(d, 0, out, pos, d.length);
      return pos + d.length;
    }
    if (a instanceof float[] f) {
      for (float x : f) {
        out[pos++] = x;
      }
      return pos;
    }
    if (a instanceof int[] f) {
      for (int x : f) {
        out[pos++] = x;
      }
      return pos;
    }
    if (a instanceof long[] f) {
      for (long x : f) {
        out[pos++] = x;
      }
      return pos;
    }
    if (a instanceof Number num) {
      out[pos] = num.doubleValue();
      return pos + 1;
    }
    int len = Array.getLength(a);
    for (int i = 0; i < len; i++) {
      pos = fillDoubles(Array.get(a, i), out, pos);
    }
    return pos;
  }

  private static long[] toLongs(Object data) {
    if (data instanceof long[] l) {
      return l;
    }
    double[] d = flatten(data);
    long[] out = new long[d.length];
    for (int i = 0; i < d.length; i++) {
      out[i] = (long) d[i];
    }
    return out;
  }

  private static int[] toInts(Object data) {
    if (data instanceof int[] l) {
      return l;
    }
    double[] d = flatten(data);
    int[] out = new int[d.length];
    for (int i = 0; i < d.length; i++) {
      out[i] = (int) d[i];
    }
    return out;
  }
}
