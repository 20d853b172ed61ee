package org.glasslab.pipeline.slurm;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.glasslab.pipeline.engine.PipelineSpec;
import org.glasslab.pipeline.engine.SpecException;
import org.glasslab.pipeline.engine.StageRegistry;

/**
 * What a Slurm job asks for: partition, account, wall time, memory and CPUs per task; null fields
 * are left to the cluster's defaults. The command line gives run-wide values; the spec's {@code
 * resources:} mapping (stage name to these fields) overrides them per stage, and a job running
 * several stages asks for the largest value of each field among them.
 *
 * @param partition Slurm partition ({@code --partition})
 * @param account account to charge ({@code --account})
 * @param time wall-time limit in Slurm's syntax, e.g. {@code 2:00:00} or {@code 1-12:00:00}
 * @param mem memory per node, e.g. {@code 4G} or {@code 2000M} ({@code --mem})
 * @param cpus CPUs per task ({@code --cpus-per-task}); GlassLab's worker threads inside the job
 */
public record Resources(String partition, String account, String time, String mem, Integer cpus) {
  private static final Set<String> FIELDS = Set.of("partition", "account", "time", "mem", "cpus");

  /** Nothing asked for: the cluster's defaults. */
  public static final Resources NONE = new Resources(null, null, null, null, null);

  /** Validates time, memory and CPUs. */
  public Resources {
    if (time != null) {
      minutes(time, "time");
    }
    if (mem != null) {
      megabytes(mem, "mem");
    }
    if (cpus != null && cpus < 1) {
      throw new IllegalArgumentException("cpus must be at least 1, got " + cpus);
    }
  }

  /** This with the non-null fields of {@code o} replacing its own. */
  public Resources with(Resources o) {
    return new Resources(
        o.partition != null ? o.partition : partition,
        o.account != null ? o.account : account,
        o.time != null ? o.time : time,
        o.mem != null ? o.mem : mem,
        o.cpus != null ? o.cpus : cpus);
  }

  /** Field by field the larger of this and {@code o} (partition and account: this, else o). */
  public Resources max(Resources o) {
    return new Resources(
        partition != null ? partition : o.partition,
        account != null ? account : o.account,
        time == null
            ? o.time
            : o.time == null || minutes(time, "") >= minutes(o.time, "") ? time : o.time,
        mem == null
            ? o.mem
            : o.mem == null || megabytes(mem, "") >= megabytes(o.mem, "") ? mem : o.mem,
        cpus == null ? o.cpus : o.cpus == null ? cpus : Integer.valueOf(Math.max(cpus, o.cpus)));
  }

  /**
   * This with the wall time multiplied by {@code timeFactor} and the memory by {@code memFactor} (a
   * resubmission after TIMEOUT or OUT_OF_MEMORY asks for more); unset fields stay unset.
   */
  public Resources scaled(double timeFactor, double memFactor) {
    return new Resources(
        partition,
        account,
        time == null || timeFactor == 1
            ? time
            : Long.toString((long) Math.ceil(minutes(time, "time") * timeFactor)),
        mem == null || memFactor == 1
            ? mem
            : (long) Math.ceil(megabytes(mem, "mem") * memFactor) + "M",
        cpus);
  }

  /** The {@code sbatch} options. */
  public List<String> sbatchArgs() {
    List<String> a = new ArrayList<>();
    if (partition != null) {
      a.add("--partition=" + partition);
    }
    if (account != null) {
      a.add("--account=" + account);
    }
    if (time != null) {
      a.add("--time=" + time);
    }
    if (mem != null) {
      a.add("--mem=" + mem);
    }
    a.add("--cpus-per-task=" + (cpus == null ? 1 : cpus));
    return a;
  }

  /**
   * The per-stage overrides of a spec's {@code resources:} mapping, by stage name.
   *
   * @throws SpecException naming the field when a stage is unknown or a value is malformed
   */
  public static Map<String, Resources> ofSpec(PipelineSpec spec, StageRegistry registry) {
    Map<String, Resources> m = new LinkedHashMap<>();
    JsonNode r = spec.tree().get("resources");
    if (r == null || r.isNull()) {
      return m;
    }
    String file = spec.fileName();
    if (!r.isObject()) {
      throw new SpecException(file, "resources", "expected a mapping from stage name to resources");
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = r.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      String f = "resources." + e.getKey();
      if (registry.all().stream().noneMatch(st -> st.name().equals(e.getKey()))) {
        throw new SpecException(file, f, "no stage named '" + e.getKey() + "'");
      }
      JsonNode v = e.getValue();
      if (!v.isObject()) {
        throw new SpecException(file, f, "expected {partition, account, time, mem, cpus}");
      }
      for (Iterator<String> k = v.fieldNames(); k.hasNext(); ) {
        String key = k.next();
        if (!FIELDS.contains(key)) {
          throw new SpecException(file, f + "." + key, "unknown; expected one of " + FIELDS);
        }
      }
      try {
        m.put(
            e.getKey(),
            new Resources(
                text(v, "partition"),
                text(v, "account"),
                text(v, "time"),
                text(v, "mem"),
                v.has("cpus") ? v.get("cpus").asInt(0) : null));
      } catch (IllegalArgumentException bad) {
        throw new SpecException(file, f, bad.getMessage());
      }
    }
    return m;
  }

  private static String text(JsonNode v, String k) {
    return v.hasNonNull(k) ? v.get(k).asText() : null;
  }

  /**
   * Minutes of a Slurm time: {@code M}, {@code M:S}, {@code H:M:S}, {@code D-H}, {@code D-H:M:S}.
   */
  static double minutes(String t, String what) {
    try {
      int days = 0;
      String rest = t;
      int dash = t.indexOf('-');
      if (dash >= 0) {
        days = Integer.parseInt(t.substring(0, dash));
        rest = t.substring(dash + 1);
      }
      String[] p = rest.split(":");
      double m;
      if (dash >= 0) {
        m = Integer.parseInt(p[0]) * 60.0;
        m += p.length > 1 ? Integer.parseInt(p[1]) : 0;
        m += p.length > 2 ? Integer.parseInt(p[2]) / 60.0 : 0;
      } else if (p.length == 1) {
        m = Integer.parseInt(p[0]);
      } else if (p.length == 2) {
        m = Integer.parseInt(p[0]) + Integer.parseInt(p[1]) / 60.0;
      } else if (p.length == 3) {
        m = Integer.parseInt(p[0]) * 60.0 + Integer.parseInt(p[1]) + Integer.parseInt(p[2]) / 60.0;
      } else {
        throw new NumberFormatException();
      }
      return days * 1440.0 + m;
    } catch (NumberFormatException | ArrayIndexOutOfBoundsException e) {
      throw new IllegalArgumentException(
          what + ": expected a Slurm time (MINUTES, H:MM:SS or D-HH:MM:SS), got '" + t + "'");
    }
  }

  /**
   * Megabytes of a Slurm memory size: a number with an optional K, M, G or T suffix (default M).
   */
  static long megabytes(String s, String what) {
    if (!s.matches("[0-9]+[KkMmGgTt]?")) {
      throw new IllegalArgumentException(
          what + ": expected a memory size such as 4G or 2000M, got '" + s + "'");
    }
    char u = Character.toUpperCase(s.charAt(s.length() - 1));
    long n = Long.parseLong(Character.isDigit(u) ? s : s.substring(0, s.length() - 1));
    return switch (u) {
      case 'K' -> Math.max(1, n / 1024);
      case 'G' -> n * 1024;
      case 'T' -> n * 1024 * 1024;
      default -> n;
    };
  }
}
