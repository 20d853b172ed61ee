package org.glasslab.pipeline.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.glasslab.pipeline.engine.Engine;
import org.glasslab.pipeline.engine.ParamDoc;
import org.glasslab.pipeline.engine.Stage;
import org.glasslab.pipeline.engine.StageRegistry;
import org.glasslab.pipeline.report.HtmlReport.Cell;
import org.glasslab.pipeline.stages.Stages;
import org.glasslab.pipeline.store.Csv;
import org.glasslab.pipeline.store.JsonFiles;

/**
 * Builds {@code RUN/report/} from a run directory's manifest: an index (run summary, every stage
 * with its parameters and outcome counts, failures, the figures of ensemble stages as thumbnails, a
 * table of temperature ensembles and one of branches), one page per branch ({@code branch/ID.html}:
 * its input and the figures of its stage instances) and one per temperature ensemble ({@code
 * ensemble/T=VALUE.html}: its replicas and, when the {@code temperature-ensemble} or {@code
 * event-ensemble} stage ran, its rows of their means tables). Temperatures come from the first of
 * those stages' records, else from the generators' {@code temperature} parameter.
 */
public final class RunReport {
  /** Rows of a stage's table shown in the report (the file has them all). */
  static final int MAX_ROWS = 60;

  private RunReport() {}

  /**
   * The ensemble stages whose groups and means the report shows: stage, record, means table,
   * section title, what the means are over.
   */
  static final String[][] ENSEMBLE_STAGES = {
    {
      "temperature-ensemble",
      "ensemble.json",
      "ensemble_means.csv",
      "Per-particle fields: pooled means",
      "Means over every particle and equal-lag IS frame pair of every replica at this temperature;"
    },
    {
      "event-ensemble",
      "event_ensemble.json",
      "event_ensemble_means.csv",
      "Per-particle fields over catalogued events: pooled means",
      "Means over every particle of the before/after IS pair of every catalogued event of every"
          + " replica at this temperature;"
    }
  };

  /**
   * Writes the report of {@code runDir} into {@code runDir/report}; returns the index.html path.
   *
   * @throws IOException if the run has no manifest (never ran) or a file cannot be read
   */
  public static Path build(Path runDir) throws IOException {
    Path manifestFile = runDir.resolve(Engine.MANIFEST);
    if (!Files.exists(manifestFile)) {
      throw new IOException(
          runDir + ": no " + Engine.MANIFEST + " (not a run directory, or the run never finished)");
    }
    JsonNode m = JsonFiles.read(manifestFile);
    HtmlReport r =
        new HtmlReport(m.path("title").asText(m.path("pipeline").asText("GlassLab run")));
    HtmlReport.Page index = r.index();

    Map<String, String> summary = new LinkedHashMap<>();
    summary.put("pipeline", m.path("pipeline").asText());
    summary.put("spec file", m.path("spec_file").asText());
    summary.put("GlassLab", m.path("glasslab").path("version").asText());
    summary.put("commit", m.path("glasslab").path("commit").asText());
    summary.put("Java", m.path("glasslab").path("java").asText());
    summary.put("created", m.path("created").asText());
    summary.put("seed", m.path("seed").asText());
    summary.put("jobs", m.path("jobs").asText());
    summary.put("wall time [s]", m.path("seconds").asText());
    summary.put("branches", String.valueOf(m.path("branches").size()));
    int ran = 0;
    int cached = 0;
    int failed = 0;
    for (JsonNode s : m.path("stages")) {
      switch (s.path("status").asText()) {
        case "RAN" -> ran++;
        case "CACHED" -> cached++;
        default -> failed++;
      }
    }
    summary.put("stage instances", ran + " ran, " + cached + " cached, " + failed + " not done");
    index
        .section("Run")
        .table("", summary)
        .text(
            "Figures are linked where the run stored them (RUN/cache); the report holds the"
                + " pages and thumbnails only, so keep it inside its run directory.");

    // Stages: parameters and outcomes; branch and ensemble figures
    Map<String, JsonNode> firstOfStage = new LinkedHashMap<>();
    Map<String, int[]> outcome = new LinkedHashMap<>();
    Map<String, List<JsonNode>> byBranch = new LinkedHashMap<>();
    List<JsonNode> ensemble = new ArrayList<>();
    Map<String, JsonNode> problems = new LinkedHashMap<>();
    for (JsonNode s : m.path("stages")) {
      String stage = s.path("stage").asText();
      firstOfStage.putIfAbsent(stage, s);
      int[] o = outcome.computeIfAbsent(stage, k -> new int[3]);
      String status = s.path("status").asText();
      o[status.equals("RAN") ? 0 : status.equals("CACHED") ? 1 : 2]++;
      if (!status.equals("RAN") && !status.equals("CACHED")) {
        problems.put(s.path("label").asText(), s);
      }
      String b = s.path("branch").asText();
      if (b.equals("ensemble")) {
        ensemble.add(s);
      } else {
        byBranch.computeIfAbsent(b, k -> new ArrayList<>()).add(s);
      }
    }
    List<List<Cell>> stageRows = new ArrayList<>();
    for (var e : firstOfStage.entrySet()) {
      int[] o = outcome.get(e.getKey());
      Stage st = stage(e.getKey());
      stageRows.add(
          List.of(
              Cell.of(e.getKey()),
              Cell.of(e.getValue().path("version").asText()),
              Cell.of(st == null ? "" : st.description()),
              Cell.of(o[0] + " / " + o[1] + " / " + o[2])));
    }
    HtmlReport.Section stagesSection =
        index
            .section("Stages")
            .text(UNITS)
            .table(
                "",
                List.of("stage", "version", "what it computes", "ran / cached / not done"),
                stageRows)
            .text(
                "Every parameter of every stage, with the defaults used where the spec set none"
                    + " (the same for all branches unless a branch page says otherwise):");
    for (var e : firstOfStage.entrySet()) {
      parameters(stagesSection, e.getKey(), e.getValue().path("params"));
    }
    if (!problems.isEmpty()) {
      Map<String, String> rows = new LinkedHashMap<>();
      problems.forEach(
          (label, s) ->
              rows.put(
                  label,
                  s.path("status").asText().toLowerCase() + ": " + s.path("message").asText()));
      index.section("Failures").table("", rows);
    }
    for (JsonNode s : ensemble) {
      figures(runDir, s, index.section("Ensemble stage " + s.path("stage").asText()), true);
    }

    // Temperature ensembles: groups from the equal-lag ensemble's record, else the event one's
    TreeMap<Double, List<String>> groups = new TreeMap<>();
    Map<String, Csv.Table> meansOf = new LinkedHashMap<>();
    for (String[] st : ENSEMBLE_STAGES) {
      for (JsonNode s : ensemble) {
        if (!s.path("stage").asText().equals(st[0]) || !done(s)) {
          continue;
        }
        Path dir = runDir.resolve(s.path("dir").asText());
        meansOf.put(st[0], Csv.read(dir.resolve(st[2])));
        if (!groups.isEmpty()) {
          continue;
        }
        JsonNode rec = JsonFiles.read(dir.resolve(st[1]));
        for (String key : List.of("temperatures", "temperatures_without_pairs")) {
          for (JsonNode g : rec.path(key)) {
            List<String> ids = new ArrayList<>();
            g.path("branches").forEach(b -> ids.add(b.asText()));
            g.path("without_pairs").forEach(b -> ids.add(b.asText()));
            groups.put(g.path("temperature").asDouble(), ids);
          }
        }
      }
    }
    if (groups.isEmpty()) {
      for (JsonNode b : m.path("branches")) {
        JsonNode t = b.path("params").path("temperature");
        if (t.isNumber()) {
          groups.computeIfAbsent(t.asDouble(), k -> new ArrayList<>()).add(b.path("id").asText());
        }
      }
    }
    Map<String, String> temperatureOf = new LinkedHashMap<>();
    List<List<Cell>> tRows = new ArrayList<>();
    for (var g : groups.entrySet()) {
      String t = num(g.getKey());
      String page = "ensemble/T=" + t + ".html";
      tRows.add(List.of(Cell.link("T = " + t, page), Cell.of(String.valueOf(g.getValue().size()))));
      HtmlReport.Page p = r.page(page, "Temperature ensemble T = " + t);
      List<List<Cell>> reps = new ArrayList<>();
      for (String id : g.getValue()) {
        temperatureOf.put(id, t);
        reps.add(List.of(Cell.link(id, branchPage(id))));
      }
      p.section("Replicas").table("", List.of("branch"), reps);
      for (String[] st : ENSEMBLE_STAGES) {
        Csv.Table means = meansOf.get(st[0]);
        if (means == null) {
          continue;
        }
        List<List<Cell>> rows = new ArrayList<>();
        double[] tt = means.doubles("temperature");
        for (int i = 0; i < tt.length; i++) {
          if (tt[i] == g.getKey()) {
            String[] row = means.rows().get(i);
            List<Cell> cells = new ArrayList<>();
            for (String c : row) {
              cells.add(Cell.of(c));
            }
            rows.add(cells);
          }
        }
        p.section(st[3])
            .text(
                st[4]
                    + " stderr: standard deviation of the bootstrap means over replicas;"
                    + " mean_lo/mean_hi: 68 % bootstrap interval."
                    + (rows.isEmpty() ? " No replica at this temperature had such a pair." : ""))
            .table("", means.header(), rows);
      }
    }
    if (!tRows.isEmpty()) {
      index.section("Temperature ensembles").table("", List.of("ensemble", "replicas"), tRows);
    }

    // Branches
    List<List<Cell>> bRows = new ArrayList<>();
    for (JsonNode b : m.path("branches")) {
      String id = b.path("id").asText();
      List<JsonNode> stages = byBranch.getOrDefault(id, List.of());
      int figs = 0;
      int bad = 0;
      HtmlReport.Page p = r.page(branchPage(id), "Branch " + id);
      Map<String, String> row = new LinkedHashMap<>();
      if (b.has("file")) {
        row.put("file", b.path("file").asText());
        row.put("format", b.path("format").asText());
        row.put("read options", text(b.path("read_options")));
        row.put("content hash", b.path("input_hash").asText());
      } else {
        row.put("generator", b.path("generator").asText());
        row.put("parameters", "in the section of its stage below");
      }
      p.section("Input").table("", row);
      for (JsonNode s : stages) {
        if (!done(s)) {
          bad++;
          p.section("Stage " + s.path("stage").asText())
              .text(s.path("status").asText().toLowerCase() + ": " + s.path("message").asText());
          continue;
        }
        HtmlReport.Section sec = p.section("Stage " + s.path("stage").asText());
        parameters(sec, s.path("stage").asText(), s.path("params"));
        figs += figures(runDir, s, sec, false);
      }
      bRows.add(
          List.of(
              Cell.link(id, branchPage(id)),
              Cell.of(temperatureOf.getOrDefault(id, "")),
              Cell.of(String.valueOf(stages.size())),
              Cell.of(String.valueOf(bad)),
              Cell.of(String.valueOf(figs))));
    }
    index
        .section("Branches")
        .table("", List.of("branch", "T", "stages", "not done", "figures"), bRows);
    return r.write(runDir.resolve("report"));
  }

  /** How the report's numbers are to be read (reduced units). */
  static final String UNITS =
      "Reduced units throughout: lengths in mean diameters d, energies in epsilon, masses in m,"
          + " time in tau = d sqrt(m/epsilon), temperatures in epsilon/k_B, stresses in"
          + " epsilon/d^2; time steps and lags in MD steps. EPM quantities are in lattice units.";

  private static final StageRegistry REGISTRY = Stages.builtin();

  private static Stage stage(String name) {
    try {
      return REGISTRY.get(name);
    } catch (RuntimeException e) {
      return null; // a stage this build does not know (an older run): no descriptions
    }
  }

  /**
   * Adds the folded table of every parameter of stage {@code name}: the value the spec set, else
   * the default used (or "not set" where the stage decides, as its meaning says), with unit and
   * meaning.
   */
  static void parameters(HtmlReport.Section sec, String name, JsonNode given) {
    Stage st = stage(name);
    List<List<Cell>> rows = new ArrayList<>();
    java.util.Set<String> shown = new java.util.HashSet<>();
    if (st != null) {
      for (ParamDoc d : st.parameterDocs()) {
        String value;
        if (given.has(d.name())) {
          value = text(given.get(d.name()));
        } else if (d.defaultText() != null) {
          value = d.defaultText() + " (default)";
        } else {
          value = "not set (see meaning)";
        }
        rows.add(
            List.of(
                Cell.of(d.name()), Cell.of(value), Cell.of(d.unit()), Cell.of(d.description())));
        shown.add(d.name());
      }
    }
    given
        .fields()
        .forEachRemaining(
            f -> {
              if (!shown.contains(f.getKey())) {
                rows.add(
                    List.of(
                        Cell.of(f.getKey()),
                        Cell.of(text(f.getValue())),
                        Cell.of(""),
                        Cell.of("")));
              }
            });
    if (rows.isEmpty()) {
      return;
    }
    long set = given.size();
    sec.foldedTable(
        "Parameters of " + name + " (" + rows.size() + ", " + set + " set by the spec)",
        List.of("parameter", "value", "unit", "meaning"),
        rows);
  }

  /** A spec value as text: numbers and words as written, lists joined by commas. */
  static String text(JsonNode v) {
    if (v.isArray()) {
      List<String> parts = new ArrayList<>();
      v.forEach(x -> parts.add(text(x)));
      return String.join(", ", parts);
    }
    if (v.isObject()) {
      List<String> parts = new ArrayList<>();
      v.fields().forEachRemaining(f -> parts.add(f.getKey() + " = " + text(f.getValue())));
      return String.join("; ", parts);
    }
    return v.asText();
  }

  private static boolean done(JsonNode s) {
    String status = s.path("status").asText();
    return status.equals("RAN") || status.equals("CACHED");
  }

  /** Adds the figures of stage instance {@code s} to {@code sec}; returns how many. */
  private static int figures(Path runDir, JsonNode s, HtmlReport.Section sec, boolean thumbnails)
      throws IOException {
    if (!done(s)) {
      return 0;
    }
    Path dir = runDir.resolve(s.path("dir").asText());
    Path figs = dir.resolve(Engine.FIGURES);
    if (!Files.exists(figs)) {
      return 0;
    }
    int n = 0;
    for (JsonNode f : JsonFiles.read(figs)) {
      if (f.hasNonNull("table")) {
        Csv.Table t = Csv.read(dir.resolve(f.path("table").asText()));
        sec.grid(
            f.path("caption").asText() + " [" + s.path("label").asText() + "]",
            t.header(),
            t.rows().subList(0, Math.min(t.rows().size(), MAX_ROWS)));
        n++;
        continue;
      }
      Path png = dir.resolve(f.path("png").asText());
      Path svg = f.hasNonNull("svg") ? dir.resolve(f.path("svg").asText()) : null;
      if (Files.exists(png)) {
        sec.figure(png, svg, f.path("caption").asText(), thumbnails);
        n++;
      }
    }
    return n;
  }

  static String branchPage(String id) {
    return "branch/" + id + ".html";
  }

  private static String num(double t) {
    String s = Double.toString(t);
    return s.endsWith(".0") ? s.substring(0, s.length() - 2) : s;
  }
}
