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
import org.glasslab.data.io.AtomicFile;

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
  /** Width of thumbnails and of figures shown scaled down, in CSS pixels. */
  static final int THUMB_WIDTH = 360;

  /** Width of a figure shown itself on a branch page, in CSS pixels. */
  static final int FULL_WIDTH = 520;

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

  private record Grid(
      String title, List<String> header, List<List<Cell>> rows, boolean collapsed) {}

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
      tables.add(new Grid(title, List.of(), r, false));
      return this;
    }

    /** Adds a table with a header row; cells may link to other pages. */
    public Section table(String title, List<String> header, List<List<Cell>> rows) {
      tables.add(new Grid(title, List.copyOf(header), List.copyOf(rows), false));
      return this;
    }

    /**
     * Adds a table with a header row, folded under its {@code title} (a click shows it): long
     * reference tables such as every parameter of a stage.
     */
    public Section foldedTable(String title, List<String> header, List<List<Cell>> rows) {
      tables.add(new Grid(title, List.copyOf(header), List.copyOf(rows), true));
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
        AtomicFile.deleteTree(old);
      }
      return abs.resolve("index.html");
    } finally {
      if (Files.exists(tmp)) {
        AtomicFile.deleteTree(tmp);
      }
    }
  }

  private static final String CSS =
      "body{font-family:sans-serif;margin:0;color:#222;line-height:1.35}"
          + "header.site{background:#0072b2;color:#fff;padding:0.5em 1.5em}"
          + "header.site a{color:#fff;font-weight:bold;text-decoration:none}"
          + ".layout{display:flex;align-items:flex-start;max-width:1500px;margin:0 auto}"
          + "nav.side{position:sticky;top:0;flex:0 0 230px;max-height:100vh;overflow-y:auto;"
          + "box-sizing:border-box;padding:1em 0.8em;font-size:85%;border-right:1px solid #ddd}"
          + "nav.side h4{margin:0.8em 0 0.3em;color:#555;text-transform:uppercase;font-size:90%}"
          + "nav.side a{display:block;padding:1px 0;text-decoration:none;color:#0060a0}"
          + "nav.side a:hover{text-decoration:underline}"
          + "nav.side a.here{font-weight:bold;color:#222}"
          + "main{flex:1 1 auto;min-width:0;padding:0 1.5em 3em}"
          + "h1{border-bottom:2px solid #0072b2}h2{margin-top:1.6em;border-bottom:1px solid #ccc}"
          + "h2 a.top{float:right;font-size:60%;font-weight:normal;color:#888}"
          + "figure{display:inline-block;margin:0.5em;vertical-align:top;width:"
          + THUMB_WIDTH
          + "px}figure.full{width:"
          + FULL_WIDTH
          + "px}figure img{width:100%;border:1px solid #ddd}"
          + "figcaption{font-size:80%;color:#444}"
          + "table{border-collapse:collapse;margin:0.5em 0}"
          + "td,th{border:1px solid #ccc;padding:2px 8px;text-align:left;font-size:90%;"
          + "vertical-align:top}td{font-family:monospace}"
          + "details{margin:0.4em 0}summary{cursor:pointer;color:#0060a0}"
          + "div.wide{overflow-x:auto;max-width:100%}";

  private String render(Page p, Path finalDir, Path tmp, int[] thumbs) throws IOException {
    Path pageDir = finalDir.resolve(p.path).getParent();
    StringBuilder h = new StringBuilder();
    h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
    h.append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    h.append("<title>").append(esc(p.title)).append("</title>\n<style>\n").append(CSS);
    h.append("\n</style>\n</head>\n<body>\n<header class=\"site\"><a href=\"");
    h.append(href(pageDir, finalDir.resolve("index.html"))).append("\">").append(esc(title));
    h.append("</a></header>\n<div class=\"layout\">\n<nav class=\"side\">\n");
    // every page carries the whole navigation: this page's sections, then the other pages
    h.append("<h4>On this page</h4>\n");
    for (int i = 0; i < p.sections.size(); i++) {
      h.append("<a href=\"#s").append(i).append("\">");
      h.append(esc(p.sections.get(i).heading)).append("</a>\n");
    }
    String group = null;
    for (Page q : pages.values()) {
      String g = q.path.contains("/") ? q.path.substring(0, q.path.indexOf('/')) : "report";
      if (!g.equals(group)) {
        group = g;
        h.append("<h4>").append(esc(GROUPS.getOrDefault(g, g))).append("</h4>\n");
      }
      h.append("<a href=\"").append(href(pageDir, finalDir.resolve(q.path))).append("\"");
      h.append(q == p ? " class=\"here\"" : "").append(">");
      h.append(esc(q == index() ? "Overview" : q.title)).append("</a>\n");
    }
    h.append("</nav>\n<main>\n<h1 id=\"top\">").append(esc(p.title)).append("</h1>\n");
    for (int i = 0; i < p.sections.size(); i++) {
      Section s = p.sections.get(i);
      h.append("<section id=\"s").append(i).append("\">\n<h2>").append(esc(s.heading));
      h.append("<a class=\"top\" href=\"#top\">top</a></h2>\n");
      for (String para : s.paragraphs) {
        h.append("<p>").append(esc(para)).append("</p>\n");
      }
      for (Grid g : s.tables) {
        if (g.collapsed()) {
          h.append("<details><summary>").append(esc(g.title())).append("</summary>\n");
        } else if (!g.title().isEmpty()) {
          h.append("<h3>").append(esc(g.title())).append("</h3>\n");
        }
        h.append("<div class=\"wide\"><table>\n");
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
        h.append("</table></div>\n");
        if (g.collapsed()) {
          h.append("</details>\n");
        }
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
        h.append(f.thumbnail() ? "<figure>\n" : "<figure class=\"full\">\n");
        h.append("<a href=\"").append(full).append("\"><img src=\"").append(shown);
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
    h.append("</main>\n</div>\n</body>\n</html>\n");
    return h.toString();
  }

  /** Headings of the page groups in the navigation, by the pages' folder. */
  private static final Map<String, String> GROUPS =
      Map.of("report", "Report", "branch", "Branches", "ensemble", "Temperature ensembles");

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

  /**
   * Writes a PNG of {@code png} scaled to twice {@link #THUMB_WIDTH} pixels across (shown at {@link
   * #THUMB_WIDTH} CSS pixels: sharp on high-density screens).
   */
  static void thumbnail(Path png, Path out) throws IOException {
    BufferedImage src = ImageIO.read(png.toFile());
    if (src == null) {
      throw new IOException(png + ": not a readable image");
    }
    int w = Math.min(2 * THUMB_WIDTH, src.getWidth());
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
