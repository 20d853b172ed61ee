package org.glasslab.pipeline.report;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import javax.imageio.ImageIO;

/**
 * A static HTML report of several pages (an index and any number of sub-pages, e.g. one per branch)
 * that link to each other. Figures are not copied: a page links to the figure files where they lie
 * (relative links, so the report works inside its run directory wherever that is moved) and shows
 * either a small generated thumbnail (figures that stand for many branches, on the index and
 * ensemble pages) or the figure itself scaled down by the browser (branch pages). So the report's
 * own size is a few kB per page plus the thumbnails, and does not grow with the figures of every
 * branch. The folder is built aside and swapped in, so a reader never sees half a report.
 */
public final class HtmlReport {
  /** Width of generated thumbnails and of figures shown scaled down [px]. */
  static final int THUMB_WIDTH = 360;

  /** A table cell: text, and a page of this report (path from the report folder) it links to. */
  public record Cell(String text, String page) {
    /** Plain text. */
    public static Cell of(String text) {
      return new Cell(text, null);
    }

    /** Text linking to {@code page} (a path from the report folder, e.g. {@code branch/a.html}). */
    public static Cell link(String text, String page) {
      return new Cell(text, page);
    }
  }

  private record FigureRef(Path png, Path svg, String caption, boolean thumbnail) {}

  private record Grid(String title, List<String> header, List<List<Cell>> rows) {}

  /** A section: a heading, text paragraphs, tables and figures. */
  public static final class Section {
    private final String heading;
    private final List<String> paragraphs = new ArrayList<>();
    private final List<Grid> tables = new ArrayList<>();
    private final List<FigureRef> figures = new ArrayList<>();

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
      List<List<Cell>> r = new ArrayList<>();
      rows.forEach((k, v) -> r.add(List.of(Cell.of(k), Cell.of(v))));
      tables.add(new Grid(title, List.of(), r));
      return this;
    }

    /** Adds a table with a header row; cells may link to other pages. */
    public Section table(String title, List<String> header, List<List<Cell>> rows) {
      tables.add(new Grid(title, List.copyOf(header), List.copyOf(rows)));
      return this;
    }

    /**
     * Adds a result table (e.g. a stage's CSV) with a header row and a caption; numbers with a
     * fraction are shown with 4 significant digits.
     */
    public Section grid(String caption, List<String> header, List<String[]> rows) {
      List<List<Cell>> r = new ArrayList<>();
      for (String[] row : rows) {
        List<Cell> cells = new ArrayList<>(row.length);
        for (String c : row) {
          cells.add(Cell.of(number(c)));
        }
        r.add(cells);
      }
      return table(caption, header, r);
    }

    /**
     * Adds a figure: the PNG {@code png} shown (as a generated thumbnail if {@code thumbnail}, else
     * scaled by the browser), linking to itself, and the {@code svg} linked when it exists.
     */
    public Section figure(Path png, Path svg, String caption, boolean thumbnail) {
      figures.add(new FigureRef(png, svg, caption, thumbnail));
      return this;
    }
  }

  /** A page of the report. */
  public static final class Page {
    private final String path;
    private final String title;
    private final List<Section> sections = new ArrayList<>();

    Page(String path, String title) {
      this.path = path;
      this.title = title;
    }

    /** Adds and returns a new section. */
    public Section section(String heading) {
      Section s = new Section(heading);
      sections.add(s);
      return s;
    }
  }

  private final String title;
  private final Map<String, Page> pages = new LinkedHashMap<>();

  /** A report titled {@code title}; its first page is {@code index.html}. */
  public HtmlReport(String title) {
    this.title = title;
    page("index.html", title);
  }

  /** The index page. */
  public Page index() {
    return pages.get("index.html");
  }

  /**
   * Adds (or returns) the page at {@code path} (relative to the report folder, '/'-separated,
   * ending in {@code .html}).
   */
  public Page page(String path, String pageTitle) {
    if (!path.endsWith(".html") || path.startsWith("/") || path.contains("..")) {
      throw new IllegalArgumentException(
          "report page '" + path + "' must be a relative .html path");
    }
    return pages.computeIfAbsent(path, p -> new Page(p, pageTitle));
  }

  /** Writes the report folder {@code dir} (replacing it); returns {@code dir/index.html}. */
  public Path write(Path dir) throws IOException {
    Path abs = dir.toAbsolutePath().normalize();
    Path parent = abs.getParent();
    Files.createDirectories(parent);
    Path tmp = parent.resolve("." + abs.getFileName() + ".tmp-" + UUID.randomUUID());
    Files.createDirectories(tmp);
    try {
      int[] thumbs = {0};
      for (Page p : pages.values()) {
        Path file = tmp.resolve(p.path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, render(p, abs, tmp, thumbs), StandardCharsets.UTF_8);
      }
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

  private String render(Page p, Path finalDir, Path tmp, int[] thumbs) throws IOException {
    Path pageDir = finalDir.resolve(p.path).getParent();
    StringBuilder h = new StringBuilder();
    h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
    h.append("<title>").append(esc(p.title)).append("</title>\n<style>\n");
    h.append(
        "body{font-family:sans-serif;max-width:1100px;margin:2em auto;padding:0 1em;color:#222}"
            + "h1{border-bottom:2px solid #0072b2}h2{margin-top:2em;border-bottom:1px solid #ccc}"
            + "figure{display:inline-block;margin:0.5em;vertical-align:top;width:"
            + THUMB_WIDTH
            + "px}figure img{width:100%;border:1px solid #ddd}"
            + "figcaption{font-size:80%;color:#444}"
            + "table{border-collapse:collapse;margin:0.5em 0}"
            + "td,th{border:1px solid #ccc;padding:2px 8px;text-align:left;font-size:90%}"
            + "td{font-family:monospace}nav a{margin-right:1em}\n");
    h.append("</style>\n</head>\n<body>\n");
    if (!p.path.equals("index.html")) {
      h.append("<p><a href=\"").append(href(pageDir, finalDir.resolve("index.html")));
      h.append("\">").append(esc(title)).append("</a></p>\n");
    }
    h.append("<h1>").append(esc(p.title)).append("</h1>\n<nav>");
    for (int i = 0; i < p.sections.size(); i++) {
      h.append("<a href=\"#s").append(i).append("\">");
      h.append(esc(p.sections.get(i).heading)).append("</a>");
    }
    h.append("</nav>\n");
    for (int i = 0; i < p.sections.size(); i++) {
      Section s = p.sections.get(i);
      h.append("<section id=\"s").append(i).append("\">\n<h2>").append(esc(s.heading));
      h.append("</h2>\n");
      for (String para : s.paragraphs) {
        h.append("<p>").append(esc(para)).append("</p>\n");
      }
      for (Grid g : s.tables) {
        if (!g.title().isEmpty()) {
          h.append("<h3>").append(esc(g.title())).append("</h3>\n");
        }
        h.append("<table>\n");
        if (!g.header().isEmpty()) {
          h.append("<tr>");
          for (String c : g.header()) {
            h.append("<th>").append(esc(c)).append("</th>");
          }
          h.append("</tr>\n");
        }
        for (List<Cell> row : g.rows()) {
          h.append("<tr>");
          for (int c = 0; c < row.size(); c++) {
            Cell cell = row.get(c);
            boolean key = g.header().isEmpty() && c == 0;
            h.append(key ? "<th>" : "<td>");
            if (cell.page() != null) {
              h.append("<a href=\"").append(href(pageDir, finalDir.resolve(cell.page())));
              h.append("\">").append(esc(cell.text())).append("</a>");
            } else {
              h.append(esc(cell.text()));
            }
            h.append(key ? "</th>" : "</td>");
          }
          h.append("</tr>\n");
        }
        h.append("</table>\n");
      }
      for (FigureRef f : s.figures) {
        Path png = f.png().toAbsolutePath().normalize();
        String full = href(pageDir, png);
        String shown = full;
        if (f.thumbnail()) {
          thumbs[0]++;
          String name = String.format(Locale.ROOT, "thumbs/t%04d.png", thumbs[0]);
          Path t = tmp.resolve(name);
          Files.createDirectories(t.getParent());
          thumbnail(png, t);
          shown = href(pageDir, finalDir.resolve(name));
        }
        h.append("<figure>\n<a href=\"").append(full).append("\"><img src=\"").append(shown);
        h.append("\" loading=\"lazy\" alt=\"").append(esc(f.caption())).append("\"></a>\n");
        h.append("<figcaption>").append(esc(f.caption()));
        if (f.svg() != null && Files.exists(f.svg())) {
          h.append(" <a href=\"").append(href(pageDir, f.svg().toAbsolutePath().normalize()));
          h.append("\">[SVG]</a>");
        }
        h.append("</figcaption>\n</figure>\n");
      }
      h.append("</section>\n");
    }
    h.append("</body>\n</html>\n");
    return h.toString();
  }

  /** A relative URL from directory {@code from} to {@code to} (both absolute, normalised). */
  static String href(Path from, Path to) {
    String rel = from.relativize(to).toString().replace('\\', '/');
    StringBuilder b = new StringBuilder(rel.length());
    for (int i = 0; i < rel.length(); i++) {
      char c = rel.charAt(i);
      switch (c) {
        case ' ' -> b.append("%20");
        case '#' -> b.append("%23");
        case '?' -> b.append("%3F");
        case '%' -> b.append("%25");
        case '"' -> b.append("%22");
        case '&' -> b.append("&amp;");
        case '<' -> b.append("%3C");
        case '>' -> b.append("%3E");
        default -> b.append(c);
      }
    }
    return b.toString();
  }

  /** Writes a PNG of {@code png} scaled to {@link #THUMB_WIDTH} pixels across. */
  static void thumbnail(Path png, Path out) throws IOException {
    BufferedImage src = ImageIO.read(png.toFile());
    if (src == null) {
      throw new IOException(png + ": not a readable image");
    }
    int w = Math.min(THUMB_WIDTH, src.getWidth());
    int hgt = Math.max(1, (int) Math.round(src.getHeight() * (double) w / src.getWidth()));
    BufferedImage dst = new BufferedImage(w, hgt, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = dst.createGraphics();
    g.setRenderingHint(
        RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
    g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
    g.drawImage(src, 0, 0, w, hgt, null);
    g.dispose();
    ImageIO.write(dst, "png", out.toFile());
  }

  static void deleteTree(Path p) throws IOException {
    try (var s = Files.walk(p)) {
      for (Path q : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(q);
      }
    }
  }

  /** HTML-escapes text. */
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

  /** A number with a fraction to 4 significant digits; anything else as it is. */
  static String number(String c) {
    if (c.indexOf('.') < 0 && c.indexOf('e') < 0 && c.indexOf('E') < 0) {
      return c;
    }
    try {
      return String.format(Locale.ROOT, "%.4g", Double.parseDouble(c));
    } catch (NumberFormatException e) {
      return c;
    }
  }
}
