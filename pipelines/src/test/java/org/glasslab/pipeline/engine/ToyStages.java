package org.glasslab.pipeline.engine;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.glasslab.data.random.Rng;
import org.glasslab.pipeline.stages.Stages;

/**
 * Test-only stages on small text files: a stochastic generator {@code count} (numbers.txt), {@code
 * square} (squares.txt, optionally slow per frame), {@code sum}, {@code stats} (independent of
 * square) and an ensemble {@code total}.
 */
public final class ToyStages {
  private ToyStages() {}

  /** A registry with the toy stages and the built-in ones. */
  public static StageRegistry registry() {
    return Stages.builtin()
        .register(new Count())
        .register(new Square())
        .register(new Sum())
        .register(new Stats())
        .register(new Total())
        .register(new Grand());
  }

  static double[] readNumbers(Path p) throws Exception {
    List<String> lines = Files.readAllLines(p);
    double[] out = new double[lines.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = Double.parseDouble(lines.get(i));
    }
    return out;
  }

  static void writeNumbers(Path p, double[] v) throws Exception {
    StringBuilder sb = new StringBuilder();
    for (double x : v) {
      sb.append(x).append('\n');
    }
    Files.writeString(p, sb.toString());
  }

  /** Generator: n random numbers from the stage's seed. */
  static final class Count extends AbstractStage {
    Count() {
      super(
          "count",
          1,
          Scope.BRANCH,
          List.of(),
          List.of("numbers.txt"),
          "",
          Map.of("n", "how many numbers", "scale", "multiplier", "fail", "throw instead"));
    }

    @Override
    public boolean stochastic() {
      return true;
    }

    @Override
    public void validate(Params p) {
      p.getInt("n", 10, 1, 100000);
      p.getDouble("scale", 1);
    }

    @Override
    public void run(StageContext ctx) throws Exception {
      if (ctx.params().getBoolean("fail", false)) {
        throw new IllegalStateException("count was asked to fail");
      }
      Rng r = ctx.rng();
      int n = ctx.params().getInt("n", 10);
      double s = ctx.params().getDouble("scale", 1);
      double[] v = new double[n];
      for (int i = 0; i < n; i++) {
        v[i] = s * r.nextDouble();
      }
      writeNumbers(ctx.output("numbers.txt"), v);
    }
  }

  /** Squares each number plus an offset, frame by frame in parallel (optionally slowly). */
  static final class Square extends AbstractStage {
    Square() {
      super(
          "square",
          1,
          Scope.BRANCH,
          List.of("numbers.txt"),
          List.of("squares.txt"),
          "",
          Map.of("offset", "added to each square", "sleep_ms", "delay per frame"));
    }

    @Override
    public void validate(Params p) {
      p.getDouble("offset", 0);
      p.getInt("sleep_ms", 0, 0, 10000);
    }

    @Override
    public void run(StageContext ctx) throws Exception {
      double[] v = readNumbers(ctx.input("numbers.txt"));
      double off = ctx.params().getDouble("offset", 0);
      int sleep = ctx.params().getInt("sleep_ms", 0);
      double[][] r =
          ctx.mapFrames(
              "squares",
              v.length,
              k -> {
                if (sleep > 0) {
                  Thread.sleep(sleep);
                }
                return new double[] {v[k] * v[k] + off};
              });
      double[] out = new double[r.length];
      for (int k = 0; k < r.length; k++) {
        out[k] = r[k][0];
      }
      writeNumbers(ctx.output("squares.txt"), out);
    }
  }

  /** Sum of squares. */
  static final class Sum extends AbstractStage {
    Sum() {
      super("sum", 1, Scope.BRANCH, List.of("squares.txt"), List.of("sum.txt"), "", Map.of());
    }

    @Override
    public void run(StageContext ctx) throws Exception {
      double s = 0;
      for (double x : readNumbers(ctx.input("squares.txt"))) {
        s += x;
      }
      writeNumbers(ctx.output("sum.txt"), new double[] {s});
    }
  }

  /** Mean and max of the numbers (independent of square). */
  static final class Stats extends AbstractStage {
    Stats() {
      super("stats", 1, Scope.BRANCH, List.of("numbers.txt"), List.of("stats.txt"), "", Map.of());
    }

    @Override
    public void run(StageContext ctx) throws Exception {
      double[] v = readNumbers(ctx.input("numbers.txt"));
      double m = 0;
      double mx = Double.NEGATIVE_INFINITY;
      for (double x : v) {
        m += x / v.length;
        mx = Math.max(mx, x);
      }
      writeNumbers(ctx.output("stats.txt"), new double[] {m, mx});
    }
  }

  /** Ensemble: the sums of every branch, in branch order. */
  static final class Total extends AbstractStage {
    Total() {
      super("total", 1, Scope.ENSEMBLE, List.of("sum.txt"), List.of("total.txt"), "", Map.of());
    }

    @Override
    public void run(StageContext ctx) throws Exception {
      StringBuilder sb = new StringBuilder();
      double t = 0;
      List<String> seen = new ArrayList<>();
      for (Map.Entry<String, Path> e : ctx.inputsByBranch("sum.txt").entrySet()) {
        double s = readNumbers(e.getValue())[0];
        t += s;
        seen.add(e.getKey());
        sb.append(e.getKey()).append(' ').append(s).append('\n');
      }
      sb.append("total ").append(t).append('\n');
      Files.writeString(ctx.output("total.txt"), sb.toString());
    }
  }

  /** Ensemble after ensemble: reads total.txt (one producer) and every branch's numbers.txt. */
  static final class Grand extends AbstractStage {
    Grand() {
      super(
          "grand",
          1,
          Scope.ENSEMBLE,
          List.of("total.txt", "numbers.txt"),
          List.of("grand.txt"),
          "",
          Map.of());
    }

    @Override
    public void run(StageContext ctx) throws Exception {
      String last = Files.readAllLines(ctx.input("total.txt")).getLast();
      int count = 0;
      for (Path p : ctx.inputsByBranch("numbers.txt").values()) {
        count += readNumbers(p).length;
      }
      Files.writeString(ctx.output("grand.txt"), last + " over " + count + " numbers\n");
    }
  }
}
