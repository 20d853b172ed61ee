package org.glasslab.md;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.glasslab.data.Trajectory;

/**
 * The registry of pair potentials by name, and the one place where a potential spec string becomes
 * a {@link PairPotential} and where a requested potential is checked against the one a file
 * records. Every command and stage goes through {@link #resolve}.
 *
 * <p>Spec strings: {@code name} or {@code name:key=value,key=value} (no spaces needed; values are
 * numbers; omitted keys take their defaults). Registered: {@code wca} (no parameters), {@code lj}
 * ({@code cutoff}, default 2.5, in units of sigma_ij), {@code harmonic} ({@code k}, default 1) and
 * {@code ka} ({@code cutoff}, default 2.5, in units of sigma_ab). {@link PairPotential#spec()} is
 * the canonical form with every parameter, e.g. {@code lj:cutoff=2.5}; it is what run metadata
 * records under {@link #METADATA_KEY}. Adding a potential: write the class and add one {@code
 * register} line below.
 */
public final class Potentials {
  /** The potential of files that record none, and of commands given none. */
  public static final String DEFAULT = "wca";

  /** Key of the potential spec in run provenance ({@code run.json}) and H5MD parameters. */
  public static final String METADATA_KEY = "potential";

  private record Entry(
      Map<String, Double> defaults, Function<Map<String, Double>, PairPotential> make) {}

  private static final Map<String, Entry> REGISTRY = new LinkedHashMap<>();

  static {
    register("wca", Map.of(), p -> Wca.INSTANCE);
    register(
        "lj",
        Map.of("cutoff", LennardJones.DEFAULT_CUTOFF),
        p -> new LennardJones(p.get("cutoff")));
    register("harmonic", Map.of("k", 1.0), p -> new HarmonicSoftDisk(p.get("k")));
    register(
        "ka", Map.of("cutoff", KobAndersen.DEFAULT_CUTOFF), p -> new KobAndersen(p.get("cutoff")));
  }

  private Potentials() {}

  private static void register(
      String name,
      Map<String, Double> defaults,
      Function<Map<String, Double>, PairPotential> make) {
    REGISTRY.put(name, new Entry(defaults, make));
  }

  /** The registered names, in registration order. */
  public static List<String> names() {
    return List.copyOf(REGISTRY.keySet());
  }

  /**
   * The potential of a spec string ({@code name} or {@code name:key=value,...}).
   *
   * @throws IllegalArgumentException naming the spec and what was expected (known names, known
   *     keys, a number)
   */
  public static PairPotential byName(String spec) {
    if (spec == null || spec.isBlank()) {
      throw new IllegalArgumentException("potential spec is empty; expected one of " + names());
    }
    String s = spec.strip();
    int colon = s.indexOf(':');
    String name =
        (colon < 0 ? s : s.substring(0, colon)).strip().toLowerCase(java.util.Locale.ROOT);
    Entry e = REGISTRY.get(name);
    if (e == null) {
      throw new IllegalArgumentException(
          "unknown potential '"
              + name
              + "' in '"
              + spec
              + "'; known: "
              + String.join(", ", names()));
    }
    Map<String, Double> params = new LinkedHashMap<>();
    for (String k : new java.util.TreeSet<>(e.defaults().keySet())) {
      params.put(k, e.defaults().get(k));
    }
    if (colon >= 0) {
      for (String kv : s.substring(colon + 1).split(",")) {
        int eq = kv.indexOf('=');
        if (eq < 0) {
          throw new IllegalArgumentException(
              "potential spec '" + spec + "': expected key=value after ':', got '" + kv + "'");
        }
        String key = kv.substring(0, eq).strip();
        if (!params.containsKey(key)) {
          throw new IllegalArgumentException(
              "potential "
                  + name
                  + ": unknown parameter '"
                  + key
                  + "'; known: "
                  + (params.isEmpty() ? "none" : String.join(", ", params.keySet())));
        }
        String value = kv.substring(eq + 1).strip();
        try {
          params.put(key, Double.parseDouble(value));
        } catch (NumberFormatException ex) {
          throw new IllegalArgumentException(
              "potential " + name + ": parameter " + key + "=" + value + " is not a number", ex);
        }
      }
    }
    return e.make().apply(Collections.unmodifiableMap(params));
  }

  /** The canonical spec {@code name[:k=v,...]} ({@link Double#toString} values, given order). */
  static String format(String name, Map<String, Double> parameters) {
    if (parameters.isEmpty()) {
      return name;
    }
    List<String> kv = new ArrayList<>();
    parameters.forEach((k, v) -> kv.add(k + "=" + v));
    return name + ":" + String.join(",", kv);
  }

  /**
   * The potential a file records: its spec string, or {@code null} when it records none. Files
   * written before potentials were recorded in this form carry the description {@code "wca
   * polydisperse, ..."} under the same key; that reads as {@code wca}.
   */
  public static PairPotential recorded(String recordedSpec) {
    if (recordedSpec == null) {
      return null;
    }
    if (recordedSpec.startsWith("wca polydisperse")) {
      return Wca.INSTANCE;
    }
    return byName(recordedSpec);
  }

  /**
   * The potential to compute with: the requested one (a spec, or {@code null} for none), checked
   * against the one the input records ({@code null} when it records none). Without a request it is
   * the recorded one, else {@link #DEFAULT}.
   *
   * @param source the input, named in the error (file or stage)
   * @throws IllegalArgumentException when the request differs from the recorded potential (the file
   *     is never silently analysed with another potential), or a spec is invalid
   */
  public static PairPotential resolve(String requested, String recordedSpec, String source) {
    PairPotential rec;
    try {
      rec = recorded(recordedSpec);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(source + ": recorded " + e.getMessage(), e);
    }
    if (requested == null || requested.isBlank()) {
      return rec == null ? byName(DEFAULT) : rec;
    }
    PairPotential req = byName(requested);
    if (rec != null && !rec.spec().equals(req.spec())) {
      throw new IllegalArgumentException(
          source
              + " was made with potential "
              + rec.spec()
              + " but potential "
              + req.spec()
              + " was requested; omit the potential option to use the recorded one");
    }
    return req;
  }

  /** {@link #resolve(String, String, String)} with the potential recorded by {@code t}. */
  public static PairPotential resolve(String requested, Trajectory t, String source) {
    return resolve(requested, t.potential(), source);
  }
}
