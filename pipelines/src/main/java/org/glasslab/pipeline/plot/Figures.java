package org.glasslab.pipeline.plot;

import de.erichseifert.vectorgraphics2d.VectorGraphics2D;
import de.erichseifert.vectorgraphics2d.svg.SVGProcessor;
import de.erichseifert.vectorgraphics2d.util.PageSize;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.glasslab.data.io.AtomicFile;

/** Saves {@link Figure}s as PNG and SVG files, atomically (temp file, then rename). */
public final class Figures {
  static {
    if (System.getProperty("java.awt.headless") == null) {
      System.setProperty("java.awt.headless", "true");
    }
  }

  private Figures() {}

  /**
   * Pixels per figure unit in written PNGs: 2, so that a 640x400 figure is a 1280x800 image, sharp
   * on high-density screens when shown at its nominal size.
   */
  public static final int PNG_SCALE = 2;

  /** Renders {@code fig} into an RGB image of its size on a white background. */
  public static BufferedImage render(Figure fig) {
    return render(fig, 1);
  }

  /**
   * Renders {@code fig} at {@code scale} image pixels per figure unit, on white. XChart lays a
   * chart out with the font metrics of its previous paint, so a scaled paint is bracketed by
   * unscaled ones: the image has the layout of the SVG, and later paints are unaffected.
   */
  public static BufferedImage render(Figure fig, int scale) {
    if (scale != 1) {
      render(fig, 1);
      BufferedImage img = paint(fig, scale);
      render(fig, 1);
      return img;
    }
    return paint(fig, 1);
  }

  private static BufferedImage paint(Figure fig, int scale) {
    BufferedImage img =
        new BufferedImage(fig.width() * scale, fig.height() * scale, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = img.createGraphics();
    try {
      g.scale(scale, scale);
      g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
      g.setRenderingHint(
          RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
      g.setColor(Color.WHITE);
      g.fillRect(0, 0, fig.width(), fig.height());
      fig.paint(g);
    } finally {
      g.dispose();
    }
    return img;
  }

  /** Writes {@code fig} as a PNG of {@link #PNG_SCALE} {@code x width() x height()} pixels. */
  public static void writePng(Figure fig, Path file) throws IOException {
    BufferedImage img = render(fig, PNG_SCALE);
    AtomicFile.write(
        file,
        tmp -> {
          if (!ImageIO.write(img, "png", tmp.toFile())) {
            throw new IOException(file + ": no PNG writer available");
          }
        });
  }

  /** Writes {@code fig} as an SVG document of the same size (user units = pixels). */
  public static void writeSvg(Figure fig, Path file) throws IOException {
    VectorGraphics2D g = new VectorGraphics2D();
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, fig.width(), fig.height());
    fig.paint(g);
    g.dispose();
    var doc =
        new SVGProcessor()
            .getDocument(g.getCommands(), new PageSize(0, 0, fig.width(), fig.height()));
    java.io.ByteArrayOutputStream buf = new java.io.ByteArrayOutputStream();
    doc.writeTo(buf);
    byte[] bytes = deterministicIds(buf.toString(StandardCharsets.UTF_8));
    AtomicFile.write(
        file,
        tmp -> {
          try (OutputStream out = Files.newOutputStream(tmp)) {
            out.write(bytes);
          }
        });
  }

  /**
   * VectorGraphics2D names clip paths after identity hash codes, which differ between runs;
   * renumbering them in order of appearance makes the same figure give the same bytes.
   */
  private static byte[] deterministicIds(String svg) {
    Matcher m = Pattern.compile("clip(-?\\d+)").matcher(svg);
    Map<String, String> ids = new HashMap<>();
    StringBuilder sb = new StringBuilder(svg.length());
    while (m.find()) {
      String id = ids.computeIfAbsent(m.group(1), k -> Integer.toString(ids.size() + 1));
      m.appendReplacement(sb, "clip" + id);
    }
    m.appendTail(sb);
    return sb.toString().getBytes(StandardCharsets.UTF_8);
  }

  /** Writes {@code base.png} and {@code base.svg} next to each other; returns the PNG path. */
  public static Path writeBoth(Figure fig, Path dir, String base) throws IOException {
    Path png = dir.resolve(base + ".png");
    writePng(fig, png);
    writeSvg(fig, dir.resolve(base + ".svg"));
    return png;
  }
}
