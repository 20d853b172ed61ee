package org.glasslab.pipeline.plot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.glasslab.data.Box;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Renders every plot type to PNG and SVG and checks size and content. */
class PlotTest {
  @TempDir Path dir;

  /** Writes both files; checks the PNG's size and that it is not blank, and the SVG's size. */
  private BufferedImage check(Figure f, String name, int w, int h) throws Exception {
    assertEquals(w, f.width());
    assertEquals(h, f.height());
    Path png = Figures.writeBoth(f, dir, name);
    if (System.getenv("GLASSLAB_PLOT_DIR") != null) {
      Figures.writePng(f, Path.of(System.getenv("GLASSLAB_PLOT_DIR")).resolve(name + ".png"));
    }
    BufferedImage img = ImageIO.read(png.toFile());
    // PNGs at twice the figure's size (sharp on high-density screens)
    assertEquals(w * Figures.PNG_SCALE, img.getWidth(), name + " width");
    assertEquals(h * Figures.PNG_SCALE, img.getHeight(), name + " height");
    int nonWhite = 0;
    for (int y = 0; y < img.getHeight(); y++) {
      for (int x = 0; x < img.getWidth(); x++) {
        if ((img.getRGB(x, y) & 0xFFFFFF) != 0xFFFFFF) {
          nonWhite++;
        }
      }
    }
    assertTrue(nonWhite > w * h / 100, name + ": only " + nonWhite + " drawn pixels");
    String svg = Files.readString(dir.resolve(name + ".svg"));
    assertTrue(svg.contains("<svg"), name + ".svg is not SVG");
    Matcher m = Pattern.compile("<svg[^>]*viewBox=\"0 0 ([0-9.]+) ([0-9.]+)\"").matcher(svg);
    assertTrue(m.find(), "svg size attributes: " + svg.substring(0, Math.min(600, svg.length())));
    assertEquals(w, Double.parseDouble(m.group(1)), 1e-6);
    assertEquals(h, Double.parseDouble(m.group(2)), 1e-6);
    assertTrue(svg.length() > 1000, name + ".svg is nearly empty");
    // Deterministic: the same figure gives the same bytes (clip ids are renumbered).
    Figures.writeSvg(f, dir.resolve(name + "2.svg"));
    assertEquals(svg, Files.readString(dir.resolve(name + "2.svg")));
    return img;
  }

  @Test
  void longSeriesAreDecimatedKeepingEveryExtreme() {
    int n = 20_011;
    double[] x = new double[n];
    double[] y = new double[n];
    SplittableRandom r = new SplittableRandom(3);
    for (int i = 0; i < n; i++) {
      x[i] = i;
      y[i] = r.nextGaussian();
    }
    y[12_345] = 50; // a spike and a dip must survive
    y[777] = -50;
    double[][] d = LinePlot.decimate(x, y, 1000);
    assertTrue(d[0].length <= 1000, "at most 1000 points, got " + d[0].length);
    assertEquals(0.0, d[0][0]);
    assertEquals(n - 1.0, d[0][d[0].length - 1]);
    double lo = Double.POSITIVE_INFINITY;
    double hi = Double.NEGATIVE_INFINITY;
    for (int k = 0; k < d[0].length; k++) {
      assertEquals(y[(int) d[0][k]], d[1][k]); // real points, in order
      assertTrue(k == 0 || d[0][k] > d[0][k - 1]);
      lo = Math.min(lo, d[1][k]);
      hi = Math.max(hi, d[1][k]);
    }
    assertEquals(50.0, hi);
    assertEquals(-50.0, lo);
    // every run of ~20 points keeps its own min and max: an independent check on one run
    double[] small = {5, 1, 4, 9, 2};
    assertArrayEquals(small, LinePlot.decimate(new double[] {0, 1, 2, 3, 4}, small, 1000)[1]);
  }

  @Test
  void logAxesSpanWholeDecadesAndSparseDistributionsAreMarkersOnly() throws Exception {
    assertArrayEquals(new double[] {1, 100}, LinePlot.decades(1.26, 79.4), 1e-12);
    assertArrayEquals(new double[] {1e-6, 10}, LinePlot.decades(5.5e-6, 1.7), 1e-18);
    assertArrayEquals(new double[] {10, 100}, LinePlot.decades(10, 10), 1e-12);
    Figure f =
        LinePlot.builder("P(S)", "S", "P(S)")
            .series("two bins", new double[] {1.26, 79.4}, new double[] {1.7, 5.5e-6})
            .markersOnly()
            .log(true, true)
            .build();
    check(f, "ps-sparse", 640, 400);
  }

  @Test
  void linePlotWithMarker() throws Exception {
    double[] y = new double[50];
    double[] z = new double[50];
    for (int k = 0; k < 50; k++) {
      y[k] = Math.sin(k / 5.0);
      z[k] = 0.5 * Math.cos(k / 7.0);
    }
    Figure f =
        LinePlot.builder("Fig 1: stress", "frame", "σ_xy")
            .series("shear", y)
            .series("volumetric", z)
            .marker(23, "avalanche")
            .size(700, 420)
            .build();
    BufferedImage img = check(f, "line", 700, 420);
    // The vertical marker is drawn in red somewhere in the plot.
    boolean red = false;
    for (int yy = 0; yy < 420 && !red; yy++) {
      for (int x = 0; x < 700; x++) {
        int c = img.getRGB(x, yy);
        if (((c >> 16) & 0xFF) > 180 && ((c >> 8) & 0xFF) < 40 && (c & 0xFF) < 40) {
          red = true;
          break;
        }
      }
    }
    assertTrue(red, "marker line drawn");
    Figure log =
        LinePlot.builder("MSD", "frame", "MSD")
            .series("msd", new double[] {1, 2, 4, 8}, new double[] {0.1, 0.2, 0.5, 1.1})
            .log(true, true)
            .build();
    check(log, "loglog", 640, 400);
    assertThrows(
        IllegalArgumentException.class,
        () ->
            LinePlot.builder("x", "a", "b")
                .series("s", new double[] {0, 1}, new double[] {1, 2})
                .log(true, false)
                .build());
  }

  @Test
  void overlaidHistograms() throws Exception {
    SplittableRandom r = new SplittableRandom(3);
    double[] before = new double[2000];
    double[] after = new double[2000];
    for (int i = 0; i < before.length; i++) {
      before[i] = r.nextGaussian();
      after[i] = 1 + 1.5 * r.nextGaussian();
    }
    check(
        HistogramPlot.builder("D2min before/after", "D2min", 40)
            .samples("before", before)
            .samples("after", after)
            .build(),
        "hist",
        640,
        400);
    long[] h =
        org.glasslab.data.stats.Histogram.of(new double[] {0, 0.5, 1, 1, 2}, 0, 2, 2).counts();
    assertEquals(2, h[0]);
    assertEquals(3, h[1]);
  }

  @Test
  void scatter() throws Exception {
    SplittableRandom r = new SplittableRandom(4);
    double[] x = new double[300];
    double[] y = new double[300];
    for (int i = 0; i < x.length; i++) {
      x[i] = r.nextGaussian();
      y[i] = 0.7 * x[i] + 0.3 * r.nextGaussian();
    }
    check(
        ScatterPlot.builder("softness vs D2min", "S", "D2min").points("T=0.3", x, y).build(),
        "scatter",
        560,
        480);
  }

  @Test
  void correlationHeatmap() throws Exception {
    String[] labels = {"D2min", "|u|", "strain", "softness"};
    double[][] c = {
      {1, 0.8, 0.6, -0.2},
      {0.8, 1, 0.5, -0.1},
      {0.6, 0.5, 1, Double.NaN},
      {-0.2, -0.1, Double.NaN, 1}
    };
    Heatmap hm = Heatmap.correlation("Pearson", labels, c);
    BufferedImage img = check(hm, "heatmap", hm.width(), hm.height());
    assertTrue(img.getWidth() > 300);
    assertThrows(
        IllegalArgumentException.class,
        () -> Heatmap.correlation("x", labels, new double[][] {{1}}));
  }

  @Test
  void particleSnapshotWithFieldAndArrows() throws Exception {
    int n = 200;
    Box box = Box.square(n, 0.9);
    SplittableRandom r = new SplittableRandom(5);
    double[] x = new double[2 * n];
    double[] d = new double[n];
    double[] field = new double[n];
    double[] u = new double[2 * n];
    for (int i = 0; i < n; i++) {
      x[2 * i] = r.nextDouble() * box.lx();
      x[2 * i + 1] = r.nextDouble() * box.ly();
      d[i] = 1 + 0.1 * r.nextGaussian();
      field[i] = r.nextDouble();
      u[2 * i] = r.nextGaussian() * 0.3;
      u[2 * i + 1] = r.nextGaussian() * 0.3;
    }
    Snapshot s =
        Snapshot.builder(box, x, d)
            .field(field, "D2min")
            .arrows(u, 2)
            .title("avalanche")
            .boxPixels(400)
            .build();
    // Square box of 400 px + margins (12 each side) + colour bar (100) wide; title (32) + 12 high.
    check(s, "snapshot", 400 + 24 + 100, 400 + 44);
    // Disks have their true size: a single particle of diameter 1 in a 10x10 box at 400 px
    // covers about pi * 20^2 pixels.
    Snapshot one =
        Snapshot.builder(new Box(10, 10), new double[] {5, 5}, new double[] {1})
            .boxPixels(400)
            .build();
    BufferedImage img = Figures.render(one);
    int grey = 0;
    // The disk is centred at pixel (12 + 200, 32 + 200); look at a window around it only.
    for (int yy = 232 - 30; yy <= 232 + 30; yy++) {
      for (int xx = 212 - 30; xx <= 212 + 30; xx++) {
        if ((img.getRGB(xx, yy) & 0xFFFFFF) != 0xFFFFFF) {
          grey++;
        }
      }
    }
    assertEquals(Math.PI * 400, grey, 0.1 * Math.PI * 400, "disk area in pixels");
  }

  @Test
  void colorMaps() {
    ColorMap v = ColorMap.viridis(0, 1);
    assertEquals(new java.awt.Color(68, 1, 84), v.color(0));
    assertEquals(new java.awt.Color(253, 231, 37), v.color(1));
    assertEquals(v.color(1), v.color(5), "clamped");
    ColorMap d = ColorMap.divergingFor(new double[] {-2, 1});
    assertEquals(-2, d.min());
    assertEquals(2, d.max());
    assertEquals(new java.awt.Color(247, 247, 247), d.color(0));
  }

  @Test
  void tickLabelsAreReadableOnNarrowAndConstantRanges() {
    assertEquals("0.#####", Style.pattern(0.297, 0.303));
    assertEquals("0.##", Style.pattern(0, 2));
    assertEquals("0.##", Style.pattern(-1.5, 1.5)); // ticks 0.15 apart stay exact
    assertEquals("0", Style.pattern(0, 500));
    assertEquals("0.##E0", Style.pattern(0, 2e6));
    assertEquals("0.##E0", Style.pattern(1e-5, 3e-5));
    double[] t = {0.3, 0.30000000000000004, 0.29999999999999993};
    Figure f = LinePlot.builder("T", "time [tau]", "T [epsilon/k_B]").series("T", t).build();
    var styler = ((org.knowm.xchart.XYChart) ((ChartFigure) f).chart()).getStyler();
    assertTrue(styler.getYAxisMin() < 0.299 && styler.getYAxisMax() > 0.301);
    assertEquals("0.#####", styler.getYAxisDecimalPattern());
  }

  @Test
  void aBandIsOneFilledPolygonUnderItsSeries() {
    double[] x = {1, 2, 3};
    Figure f =
        LinePlot.builder("b", "x", "y")
            .series("mid", x, new double[] {1, 2, 3})
            .band(x, new double[] {0.5, 1.5, 2.5}, x, new double[] {1.5, 2.5, 3.5})
            .build();
    var chart = (org.knowm.xchart.XYChart) ((ChartFigure) f).chart();
    var series = new java.util.ArrayList<>(chart.getSeriesMap().values());
    assertEquals(2, series.size(), "one series and one band, not two extra lines");
    assertEquals(
        org.knowm.xchart.XYSeries.XYSeriesRenderStyle.PolygonArea,
        series.get(0).getXYSeriesRenderStyle());
    assertEquals(6, series.get(0).getXData().length);
    assertEquals("mid", series.get(1).getName());
  }
}
