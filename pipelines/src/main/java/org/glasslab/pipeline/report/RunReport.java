package org.glasslab.pipeline.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.glasslab.pipeline.engine.Engine;
import org.glasslab.pipeline.store.Csv;
import org.glasslab.pipeline.store.JsonFiles;

/**
 * Builds {@code RUN/report/} from a run directory: a summary (pipeline, GlassLab version and
 * commit, seed, timings), the inputs, and one section per stage with its parameters and the figures
 * and tables its instances wrote (from each cache entry's {@code figures.json}), plus failures.
 */
public final class RunReport {
  /** Rows of a stage's table shown in the report (the file has them all). */
  static final int MAX_ROWS = 60;

  private RunReport() {}

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
    r.section("Run").table("", summary);
    HtmlReport.Section inputs = r.section("Inputs");
    for (JsonNode b : m.path("branches")) {
      Map<String, String> row = new LinkedHashMap<>();
      if (b.has("file")) {
        row.put("file", b.path("file").asText());
        row.put("format", b.path("format").asText());
        row.put("read options", b.path("read_options").toString());
        row.put("content hash", b.path("input_hash").asText());
      } else {
        row.put("generator", b.path("generator").asText());
        row.put("parameters", b.path("params").toString());
      }
      inputs.table("branch " + b.path("id").asText(), row);
    }
    Map<String, HtmlReport.Section> byStage = new LinkedHashMap<>();
    Map<String, JsonNode> problems = new LinkedHashMap<>();
    for (JsonNode s : m.path("stages")) {
      String stage = s.path("stage").asText();
      HtmlReport.Section sec = byStage.get(stage);
      if (sec == null) {
        sec = r.section("Stage " + stage);
        Map<String, String> params = new LinkedHashMap<>();
        s.path("params")
            .fields()
            .forEachRemaining(e -> params.put(e.getKey(), e.getValue().toString()));
        params.put("(version)", s.path("version").asText());
        sec.table("Parameters", params);
        byStage.put(stage, sec);
      }
      String status = s.path("status").asText();
      if (!status.equals("RAN") && !status.equals("CACHED")) {
        problems.put(s.path("label").asText(), s);
        continue;
      }
      Path dir = runDir.resolve(s.path("dir").asText());
      Path figs = dir.resolve(Engine.FIGURES);
      if (!Files.exists(figs)) {
        continue;
      }
      for (JsonNode f : JsonFiles.read(figs)) {
        if (f.hasNonNull("table")) {
          Csv.Table t = Csv.read(dir.resolve(f.path("table").asText()));
          sec.grid(
              f.path("caption").asText() + " [" + s.path("label").asText() + "]",
              t.header(),
              t.rows().subList(0, Math.min(t.rows().size(), MAX_ROWS)));
          continue;
        }
        Path png = dir.resolve(f.path("png").asText());
        Path svg = f.hasNonNull("svg") ? dir.resolve(f.path("svg").asText()) : null;
        if (Files.exists(png)) {
          sec.figure(png, svg, f.path("caption").asText() + " [" + s.path("label").asText() + "]");
        }
      }
    }
    if (!problems.isEmpty()) {
      HtmlReport.Section p = r.section("Failures");
      Map<String, String> rows = new LinkedHashMap<>();
      problems.forEach(
          (label, s) ->
              rows.put(
                  label,
                  s.path("status").asText().toLowerCase() + ": " + s.path("message").asText()));
      p.table("", rows);
    }
    return r.write(runDir.resolve("report"));
  }
}
