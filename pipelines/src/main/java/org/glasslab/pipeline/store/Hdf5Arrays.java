package org.glasslab.pipeline.store;

import io.jhdf.HdfFile;
import io.jhdf.WritableHdfFile;
import io.jhdf.api.Dataset;
import io.jhdf.api.Node;
import io.jhdf.api.WritableGroup;
import io.jhdf.exceptions.HdfException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.glasslab.data.io.AtomicFile;

/**
 * Per-particle result arrays in HDF5 (through jhdf), e.g. {@code d2min [T][N]} or {@code stress/xy
 * [N]}. Dataset names may contain '/' to nest groups; every group is created only to hold datasets,
 * which avoids jhdf's corrupt-file bug with dataset-free leaf groups (see docs/FORMATS.md). Written
 * atomically; readable with h5py.
 */
public final class Hdf5Arrays {
  private Hdf5Arrays() {}

  /**
   * Writes {@code datasets} (name to Java array: double[], double[][], int[], long[], ...) and
   * string/number {@code attributes} on the root group; each dataset whose name is registered in
   * {@link Units#PARTICLE} gets its {@code unit} attribute, the root the attribute {@code units}
   * ({@link Csv#UNITS_NOTE}).
   */
  public static void write(Path file, Map<String, Object> datasets, Map<String, Object> attributes)
      throws IOException {
    write(file, datasets, attributes, Units.PARTICLE.of(datasets.keySet()));
  }

  /**
   * As {@link #write(Path, Map, Map)} with the {@code unit} attribute of each dataset given
   * (dataset name to unit; datasets not named have none). The dtype is the dataset's own: int32,
   * int64 or float64 as the Java array.
   */
  public static void write(
      Path file,
      Map<String, Object> datasets,
      Map<String, Object> attributes,
      Map<String, String> units)
      throws IOException {
    if (datasets.isEmpty()) {
      throw new IllegalArgumentException(file + ": no datasets to write");
    }
    Map<String, Object> sorted = new TreeMap<>(datasets);
    AtomicFile.write(
        file,
        tmp -> {
          try (WritableHdfFile h = HdfFile.write(tmp)) {
            Map<String, WritableGroup> groups = new LinkedHashMap<>();
            for (Map.Entry<String, Object> e : sorted.entrySet()) {
              String name = e.getKey();
              if (name.isEmpty() || name.startsWith("/") || name.endsWith("/")) {
                throw new IllegalArgumentException("bad dataset name '" + name + "'");
              }
              int slash = name.lastIndexOf('/');
              WritableGroup parent = slash < 0 ? null : group(h, groups, name.substring(0, slash));
              String leaf = name.substring(slash + 1);
              var d =
                  parent == null
                      ? h.putDataset(leaf, e.getValue())
                      : parent.putDataset(leaf, e.getValue());
              String unit = units.get(name);
              if (unit != null) {
                d.putAttribute("unit", unit);
              }
            }
            Map<String, Object> root = new TreeMap<>(attributes);
            root.putIfAbsent("units", Csv.UNITS_NOTE);
            for (Map.Entry<String, Object> a : root.entrySet()) {
              h.putAttribute(a.getKey(), a.getValue());
            }
          } catch (HdfException e) {
            throw new IOException(file + ": cannot write HDF5: " + e.getMessage(), e);
          }
        });
  }

  private static WritableGroup group(
      WritableHdfFile h, Map<String, WritableGroup> groups, String path) {
    WritableGroup g = groups.get(path);
    if (g != null) {
      return g;
    }
    int slash = path.lastIndexOf('/');
    String leaf = path.substring(slash + 1);
    if (slash < 0) {
      g = h.putGroup(leaf);
    } else {
      WritableGroup parent = group(h, groups, path.substring(0, slash));
      g = parent.putGroup(leaf);
    }
    groups.put(path, g);
    return g;
  }

  /** Reads dataset {@code name} (e.g. {@code stress/xy}) as the Java array jhdf returns. */
  public static Object read(Path file, String name) throws IOException {
    try (HdfFile h = new HdfFile(file)) {
      Node n = h.getByPath(name);
      if (!(n instanceof Dataset d)) {
        throw new IOException(file + ": '" + name + "' is not a dataset");
      }
      return d.getData();
    } catch (HdfException e) {
      throw new IOException(file + ": cannot read '" + name + "': " + e.getMessage(), e);
    }
  }

  /** Reads root attribute {@code name} (as jhdf returns it: a boxed scalar or a String). */
  public static Object attribute(Path file, String name) throws IOException {
    try (HdfFile h = new HdfFile(file)) {
      var a = h.getAttribute(name);
      if (a == null) {
        throw new IOException(file + ": no attribute '" + name + "'");
      }
      return a.getData();
    } catch (HdfException e) {
      throw new IOException(file + ": cannot read attribute '" + name + "': " + e.getMessage(), e);
    }
  }
}
