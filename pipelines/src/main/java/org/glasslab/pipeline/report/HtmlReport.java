package org.glasslab.pipeline.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A static, self-contained HTML report: a folder with {@code index.html} and an {@code img/}
 * directory holding copies of every figure (PNG shown, SVG linked), with captions and parameter
 * tables. Nothing is loaded from elsewhere. The folder is built aside and swapped in, so a reader
 * never sees half a report.
 */
public final class HtmlReport {
  /** A figure: PNG (shown) and optional SVG (linked) source files with a caption. */
  public record FigureRef(Path png, Path svg, String caption) {}

  /** A table with a header row and a caption. */
  record Grid(String caption, List<String> header, List<String[]> rows) {}

  /** A section: a heading, text paragraphs, key/value tables and figures. */
  public static final class Section {
    private final String heading;
    private final List<String> paragraphs = new ArrayList<>();
    private final List<Map<String, String>> tables = new ArrayList<>();
    private final List<String> tableTitles = new ArrayList<>();
    private final List<FigureRef> figures = new ArrayList<>();
    private final List<Grid> grids = new ArrayList<>();

    Section(String heading) {
      this.heading = heading;
    }

    /** Adds a paragraph of plain text. */
    public Section text(String paragraph) {
      paragraphs.add(paragraph);
      return this;
    }

    /** Adds a two-column table (e.g. parameters); insertion order is kept. */
    public Section table(String title, Map<String, String> rows) {
      tableTitles.add(title);
      tables.add(new LinkedHashMap<>(rows));
      return this;
    }

    /**
     * Adds a table with a header row (e.g. a stage's result table) and a caption; numbers with a
     * fraction are shown with 4 significant digits.
     */
    public Section grid(String caption, List<String> header, List<String[]> rows) {
      grids.add(new Grid(caption, List.copyOf(header), List.copyOf(rows)));
      return this;
    }

    /** Adds a figure. */
    public Section figure(Path png, Path svg, String caption) {
      figures.add(new FigureRef(png, svg, caption));
      return this;
    }
  }

  private final String title;
  private final List<Section> sections = new ArrayList<>();

  /** A report titled {@code title}. */
  public HtmlReport(String title) {
    this.title = title;
  }

  /** Adds and returns a new section. */
  public Section section(String heading) {
    Section s = new Section(heading);
    sections.add(s);
    return s;
  }

  /** Writes the report folder {@code dir} (replacing it); returns {@code dir/index.html}. */
  public Path write(Path dir) throws IOException {
    Path abs = dir.toAbsolutePath();
    Path parent = abs.getParent();
    Files.createDirectories(parent);
    Path tmp = parent.resolve("." + abs.getFileName() + ".tmp-" + UUID.randomUUID());
    Path img = tmp.resolve("img");
    Files.createDirectories(img);
    try {
      StringBuilder h = new StringBuilder();
      h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
      h.append("<title>").append(esc(title)).append("</title>\n<style>\n");
      h.append(
          "body{font-family:sans-serif;max-width:1100px;margin:2em auto;padding:0 1em;color:#222}"
              + "h1{border-bottom:2px solid #0072b2}h2{margin-top:2em;border-bottom:1px solid #ccc}"
              + "figure{display:inline-block;margin:1em;vertical-align:top;max-width:100%}"
              + "figure img{max-width:100%;border:1px solid #ddd}"
              + "figcaption{font-size:90%;color:#444;max-width:640px}"
              + "table{border-collapse:collapse;margin:0.5em 0}"
              + "td,th{border:1px solid #ccc;padding:2px 8px;text-align:left;font-size:90%}"
              + "td.v{font-family:monospace}nav a{margin-right:1em}\n");
      h.append("</style>\n</head>\n<body>\n<h1>").append(esc(title)).append("</h1>\n<nav>");
      for (int i = 0; i < sections.size(); i++) {
        h.append("<a href=\"#s").append(i).append("\">");
        h.append(esc(sections.get(i).heading)).append("</a>");
      }
      h.append("</nav>\n");
      int figNo = 0;
      for (int i = 0; i < sections.size(); i++) {
        Section s = sections.get(i);
        h.append("<section id=\"s").append(i).append("\">\n<h2>").append(esc(s.heading));
        h.append("</h2>\n");
        for (String p : s.paragraphs) {
          h.append("<p>").append(esc(p)).append("</p>\n");
        }
        for (int t = 0; t < s.tables.size(); t++) {
          if (!s.tableTitles.get(t).isEmpty()) {
            h.append("<h3>").append(esc(s.tableTitles.get(t))).append("</h3>\n");
          }
          h.append("<table>\n");
          for (Map.Entry<String, String> e : s.tables.get(t).entrySet()) {
            h.append("<tr><th>").append(esc(e.getKey())).append("</th><td class=\"v\">");
            h.append(esc(e.getValue())).append("</td></tr>\n");
          }
          h.append("</table>\n");
        }
        for (Grid g : s.grids) {
          h.append("<table>\n<tr>");
          for (String c : g.header()) {
            h.append("<th>").append(esc(c)).append("</th>");
          }
          h.append("</tr>\n");
          for (String[] row : g.rows()) {
            h.append("<tr>");
            for (String c : row) {
              h.append("<td class=\"v\">").append(esc(cell(c))).append("</td>");
            }
            h.append("</tr>\n");
          }
          h.append("</table>\n<p><small>").append(esc(g.caption())).append("</small></p>\n");
        }
        for (FigureRef f : s.figures) {
          figNo++;
          String base = String.format(java.util.Locale.ROOT, "fig%03d", figNo);
          Files.copy(f.png(), img.resolve(base + ".png"));
          h.append("<figure>\n<img src=\"img/").append(base).append(".png\" alt=\"");
          h.append(esc(f.caption())).append("\">\n<figcaption><b>Figure ").append(figNo);
          h.append(".</b> ").append(esc(f.caption()));
          if (f.svg() != null && Files.exists(f.svg())) {
            Files.copy(f.svg(), img.resolve(base + ".svg"));
            h.append(" <a href=\"img/").append(base).append(".svg\">[SVG]</a>");
          }
          h.append("</figcaption>\n</figure>\n");
        }
        h.append("</section>\n");
      }
      h.append("</body>\n</html>\n");
      Files.writeString(tmp.resolve("index.html"), h.toString(), StandardCharsets.UTF_8);
      Path old = null;
      if (Files.exists(abs)) {
        old = parent.resolve("." + abs.getFileName() + ".old-" + UUID.randomUUID());
        Files.move(abs, old, StandardCopyOption.ATOMIC_MOVE);
      }
      Files.move(tmp, abs, StandardCopyOption.ATOMIC_MOVE);
      if (old != null) {
        deleteTree(old);
      }
      return abs.resolve("index.html");
    } finally {
      if (Files.exists(tmp)) {
        deleteTree(tmp);
      }
    }
  }

  static void deleteTree(Path p) throws IOException {
    try (var s = Files.walk(p)) {
      for (Path q : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(q);
      }
    }
  }

  /** HTML-escapes text. */
  /** A number with a fraction to 4 significant digits; anything else as it is. */
  static String cell(String c) {
    if (c.indexOf('.') < 0 && c.indexOf('e') < 0 && c.indexOf('E') < 0) {
      return c;
    }
    try {
      return String.format(java.util.Locale.ROOT, "%.4g", Double.parseDouble(c));
    } catch (NumberFormatException e) {
      return c;
    }
  }

  static String esc(String s) {
    if (s == null) {
      return "";
    }
    StringBuilder b = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '&' -> b.append("&amp;");
        case '"' -> b.append("&quot;");
        default -> b.append(c);
      }
    }
    return b.toString();
  }
}
