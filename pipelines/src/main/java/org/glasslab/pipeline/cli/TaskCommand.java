package org.glasslab.pipeline.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ProgressBar;
import org.glasslab.data.io.AtomicFile;
import org.glasslab.data.io.DirectoryLock;
import org.glasslab.pipeline.engine.Bars;
import org.glasslab.pipeline.engine.BuildInfo;
import org.glasslab.pipeline.engine.Progress;
import org.glasslab.pipeline.store.Fields;
import org.glasslab.pipeline.store.JsonFiles;
import org.glasslab.pipeline.store.TextFiles;
import org.glasslab.pipeline.store.YamlText;
import org.glasslab.pipeline.task.FramePair;
import org.glasslab.pipeline.task.Input;
import org.glasslab.pipeline.task.InvalidParam;
import org.glasslab.pipeline.task.Param;
import org.glasslab.pipeline.task.Task;
import org.glasslab.pipeline.task.Values;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * The command {@code glasslab NAME} of a {@link Task}, built at run time from the task's
 * declaration: the input argument (with {@code --frame} and the {@link InputOptions} where the task
 * reads a trajectory), one option per parameter ({@code --origin-stride} for {@code origin_stride};
 * its help shows unit and default), {@code --out FILE} (the task's table through the store's
 * writers: .csv, or .h5/.hdf5 with the parameters) and {@code --json}. Without {@code --json} the
 * task prints its table (or text) on stdout.
 */
public final class TaskCommand<P extends Record, I, R> implements Callable<Integer> {
  private final Task<P, I, R> task;
  private final CommandSpec spec;
  private final InputOptions input = new InputOptions();

  private TaskCommand(Task<P, I, R> task) {
    this.task = task;
    spec = CommandSpec.wrapWithoutInspection(this);
    String[] words = task.command().split(" ");
    spec.name(words[words.length - 1]).mixinStandardHelpOptions(true);
    spec.usageMessage().description(task.description());
    if (task.input() != Input.NONE) {
      spec.addPositional(
          PositionalParamSpec.builder()
              .index("0")
              .arity("1")
              .required(true)
              .paramLabel(task.input().label())
              .type(Path.class)
              .description(task.input().description())
              .build());
    }
    if (task.outputArgument() != null) {
      Param<String> o = task.outputArgument();
      spec.addPositional(
          PositionalParamSpec.builder()
              .index("1")
              .paramLabel(o.label())
              .type(String.class)
              .description(o.help())
              .build());
    }
    if (task.input() == Input.PAIR) {
      spec.addPositional(
          PositionalParamSpec.builder()
              .index("1")
              .arity("1")
              .required(true)
              .paramLabel("CUR")
              .type(Path.class)
              .description("Current configuration file.")
              .build());
      spec.addOption(frameOption("--ref-frame", "0", "Frame of REF"));
      spec.addOption(frameOption("--cur-frame", "-1", "Frame of CUR (-1: the last)"));
    }
    if (task.input() == Input.FRAME) {
      spec.addOption(frameOption("--frame", "-1", "Frame to analyse (-1: the last)"));
    }
    if (task.input() != Input.TABLE && task.input() != Input.NONE) {
      spec.addMixin("input", CommandSpec.forAnnotatedObject(input));
    }
    for (Param<?> p : task.params()) {
      spec.addOption(option(p));
    }
    for (Param<?> p : task.commandParams()) {
      spec.addOption(option(p));
    }
    if (task.configFile()) {
      spec.addOption(
          OptionSpec.builder("--config")
              .paramLabel("FILE.yaml")
              .type(Path.class)
              .description("YAML mapping of parameters by name (options given here win).")
              .build());
    }
    if (task.mapsFrames()) {
      spec.addOption(
          OptionSpec.builder("-j", "--jobs")
              .paramLabel("N")
              .type(Integer.class)
              .description("Frames computed in parallel (default: number of cores).")
              .build());
    }
    if (spec.findOption("--quiet") == null) {
      spec.addOption(
          OptionSpec.builder("-q", "--quiet")
              .type(boolean.class)
              .arity("0")
              .description("No progress bar and no notes on stderr (errors are still printed).")
              .build());
    }
    if (!task.files().isEmpty()) {
      spec.addOption(
          OptionSpec.builder(task.outOptions().toArray(new String[0]))
              .paramLabel("DIR")
              .type(Path.class)
              .required(true)
              .description(
                  "Output directory (created; files written atomically): "
                      + String.join(", ", task.files())
                      + ", manifest.json.")
              .build());
    } else if (!task.outOptions().isEmpty()) {
      spec.addOption(
          OptionSpec.builder(task.outOptions().toArray(new String[0]))
              .paramLabel("FILE")
              .type(Path.class)
              .description("The result table to FILE (.csv, or .h5/.hdf5 with the parameters).")
              .build());
    }
    spec.addOption(
        OptionSpec.builder("--json")
            .type(boolean.class)
            .arity("0")
            .description("Results and parameters as JSON.")
            .build());
  }

  /** The picocli command line of {@code task}. */
  public static CommandLine commandLine(Task<?, ?, ?> task) {
    return new CommandLine(new TaskCommand<>(task).spec);
  }

  /** Adds the command of every task to {@code root}, under its group (e.g. {@code epm}). */
  public static void addAll(CommandLine root, List<Task<?, ?, ?>> tasks) {
    for (Task<?, ?, ?> t : tasks) {
      String[] words = t.command().split(" ");
      CommandLine parent = root;
      for (int i = 0; i < words.length - 1; i++) {
        parent = parent.getSubcommands().get(words[i]);
        if (parent == null) {
          throw new IllegalStateException(t.command() + ": no command group '" + words[i] + "'");
        }
      }
      parent.addSubcommand(words[words.length - 1], commandLine(t));
    }
  }

  private static OptionSpec frameOption(String name, String def, String what) {
    return OptionSpec.builder(name)
        .paramLabel("K")
        .type(int.class)
        .defaultValue(def)
        .description(what + "; negative counts from the end (default " + def + ").")
        .build();
  }

  private static OptionSpec option(Param<?> p) {
    OptionSpec.Builder b =
        OptionSpec.builder(p.options())
            .description(p.help())
            .paramLabel(p.label().isEmpty() ? "V" : p.label());
    if (p.type() == Boolean.class && Boolean.TRUE.equals(p.defaultValue())) {
      b.type(Boolean.class).arity("0").negatable(true);
    } else if (p.type() == Boolean.class) {
      b.type(boolean.class).arity("0");
    } else if (p.type() == double[].class) {
      b.type(double[].class).splitRegex(",");
    } else if (p.type() == List.class) {
      b.type(List.class).auxiliaryTypes(String.class).splitRegex(",");
    } else {
      b.type(p.type());
    }
    return b.build();
  }

  /** {@code -q, --quiet}: no bar, no notes. */
  private boolean quiet() {
    return Boolean.TRUE.equals(value("--quiet"));
  }

  private <T> T value(String option) {
    OptionSpec o = spec.findOption(option);
    return o == null ? null : o.getValue();
  }

  @Override
  public Integer call() throws Exception {
    CommandLine cl = spec.commandLine();
    P p = parameters(cl);
    // a task without an --out of its own may name a parameter --out (simulate's run directory)
    Path out = task.outOptions().isEmpty() ? null : value("--out");
    boolean directory = !task.files().isEmpty();
    if (out != null && !directory && !Fields.supported(out)) {
      throw new CommandLine.ParameterException(
          cl, "--out " + out + ": use a .csv, .h5 or .hdf5 file");
    }
    if (out != null && directory && Files.exists(out) && !Files.isDirectory(out)) {
      throw new CommandLine.ParameterException(
          cl, "--out " + out + ": exists and is not a directory (an output directory is expected)");
    }
    FrameRunner frames = frames(cl, p);
    Map<String, Object> source = new LinkedHashMap<>();
    I in = read(source);
    // one process per output directory: two runs into the same DIR would mix their files
    boolean created = directory && out != null && !Files.exists(out);
    DirectoryLock lock =
        directory && out != null ? DirectoryLock.acquire(out, "glasslab " + task.command()) : null;
    boolean written = false;
    try (lock) {
      long t0 = System.nanoTime();
      R r;
      try (Bar bar = new Bar(task.name(), !quiet(), task.command(), cl.getErr())) {
        r = frames == null ? task.run(p, in, bar) : task.run(p, in, frames);
      } catch (InvalidParam e) {
        throw new CommandLine.ParameterException(cl, e.param().option() + ": " + e.reason());
      } catch (RuntimeException | IOException e) {
        // a bad frame fails the same way on every rerun: rows of the frames before it would only
        // be left behind (a killed run never gets here and keeps them for its resume)
        Path rows = frames == null ? null : task.frameDirectory(p);
        if (rows != null) {
          AtomicFile.deleteTree(rows);
        }
        throw e;
      }
      double seconds = (System.nanoTime() - t0) * 1e-9;
      Map<String, Object> report = report(p, in, r, source, seconds);
      if (frames != null) {
        report.put("jobs", frames.jobs());
        report.put("resumed_frames", frames.resumed());
        if (frames.resumed() > 0 && !quiet()) {
          cl.getErr()
              .printf(
                  "glasslab %s: resumed %d frame(s) from %s%n",
                  task.command(), frames.resumed(), task.frameDirectory(p));
        }
      }
      if (directory) {
        Files.createDirectories(out);
        task.write(p, r, out::resolve);
        Map<String, Object> manifest = new LinkedHashMap<>();
        manifest.put("glasslab_version", BuildInfo.version());
        manifest.put("java", Runtime.version().toString());
        manifest.put("created", java.time.Instant.now().toString());
        manifest.putAll(report);
        manifest.put("command", "glasslab " + task.command());
        manifest.put("files", task.files());
        JsonFiles.write(out.resolve("manifest.json"), manifest);
      } else if (out != null) {
        @SuppressWarnings("unchecked")
        Map<String, Object> params = (Map<String, Object>) report.get("parameters");
        Fields.write(out, task.units().annotate(task.table(p, r)), params);
      }
      for (Map.Entry<Path, org.glasslab.pipeline.store.Table> f :
          task.commandFiles(p, r).entrySet()) {
        @SuppressWarnings("unchecked")
        Map<String, Object> params = (Map<String, Object>) report.get("parameters");
        Fields.write(f.getKey(), task.units().annotate(f.getValue()), params);
        if (!quiet()) {
          cl.getErr().println("wrote " + f.getKey());
        }
      }
      PrintWriter o = cl.getOut();
      if (Boolean.TRUE.equals(value("--json"))) {
        JsonFiles.print(o, report);
      } else {
        task.print(p, r, describe(source), o);
      }
      o.flush();
      if (out != null && !quiet()) {
        cl.getErr().println("wrote " + out);
      }
      String failure = task.failure(p, r);
      if (failure != null) {
        cl.getErr().println("glasslab " + task.command() + ": " + failure);
        return Cli.EXIT_FAILURE;
      }
      written = true;
    } finally {
      if (in instanceof AutoCloseable c) {
        c.close();
      }
      if (created && !written) {
        removeIfOnlyLock(out);
      }
    }
    return 0;
  }

  /** Removes a directory this command created that holds only its lock (a failed run). */
  private static void removeIfOnlyLock(Path dir) throws IOException {
    try (var s = Files.list(dir)) {
      if (s.allMatch(f -> f.getFileName().toString().equals(DirectoryLock.FILE))) {
        Files.deleteIfExists(dir.resolve(DirectoryLock.FILE));
        Files.deleteIfExists(dir);
      }
    }
  }

  /** A progress bar on stderr, shown once the task announces its total (not with --quiet). */
  private static final class Bar implements Progress, AutoCloseable {
    private final String name;
    private final boolean shown;
    private final String command;
    private final PrintWriter err;
    private ProgressBar bar;

    Bar(String name, boolean shown, String command, PrintWriter err) {
      this.name = name;
      this.shown = shown;
      this.command = command;
      this.err = err;
    }

    /** Printed on stderr when no bar shows (stderr not a terminal) and not quiet. */
    @Override
    public void note(String line) {
      if (shown && bar == null) {
        err.println("glasslab " + command + ": " + line);
        err.flush();
      }
    }

    @Override
    public void total(long units) {
      if (!shown) {
        return;
      }
      if (bar == null) {
        bar = Bars.start(name, units); // null unless stderr is a terminal
      } else {
        bar.maxHint(units);
      }
    }

    @Override
    public void step(long units) {
      if (bar != null) {
        bar.stepBy(units);
      }
    }

    @Override
    public void close() {
      if (bar != null) {
        bar.close();
      }
    }
  }

  /** The {@code --config} file's parameters by name (empty without one), names checked. */
  private Map<String, JsonNode> config(CommandLine cl) {
    Path file = value("--config");
    Map<String, JsonNode> m = new LinkedHashMap<>();
    if (file == null) {
      return m;
    }
    JsonNode root;
    try {
      root = YamlText.read(TextFiles.read(file));
    } catch (YamlText.Invalid e) {
      throw new CommandLine.ParameterException(cl, "--config " + file + ": " + e.getMessage());
    } catch (IOException e) {
      throw new CommandLine.ParameterException(
          cl, "--config " + file + ": cannot read (" + Cli.message(e) + ")");
    }
    if (!(root instanceof ObjectNode o)) {
      throw new CommandLine.ParameterException(
          cl, "--config " + file + ": expected a YAML mapping of parameters");
    }
    List<String> known = new ArrayList<>();
    for (Param<?> p : task.params()) {
      known.add(p.name());
    }
    for (Param<?> p : task.commandParams()) {
      known.add(p.name());
    }
    o.fields()
        .forEachRemaining(
            e -> {
              if (!known.contains(e.getKey())) {
                throw new CommandLine.ParameterException(
                    cl,
                    "--config "
                        + file
                        + ": unknown key '"
                        + e.getKey()
                        + "'; known keys: "
                        + String.join(", ", known));
              }
              m.put(e.getKey(), e.getValue());
            });
    return m;
  }

  /** A config value as the parameter's type; anything else names the file, the key and the type. */
  private <T> T fromConfig(CommandLine cl, Param<T> q, JsonNode v) {
    Object o;
    Class<?> t = q.type();
    if (t == Integer.class && v.canConvertToInt() && v.isIntegralNumber()) {
      o = v.asInt();
    } else if (t == Long.class && v.isIntegralNumber() && v.canConvertToLong()) {
      o = v.asLong();
    } else if (t == Double.class && v.isNumber()) {
      o = v.asDouble();
    } else if (t == Boolean.class && v.isBoolean()) {
      o = v.asBoolean();
    } else if (t == String.class && v.isValueNode()) {
      o = v.asText();
    } else if (t == double[].class && v.isArray() && allNumbers(v)) {
      double[] d = new double[v.size()];
      for (int i = 0; i < d.length; i++) {
        d[i] = v.get(i).asDouble();
      }
      o = d;
    } else if (t == List.class && v.isArray()) {
      List<String> l = new ArrayList<>();
      v.forEach(x -> l.add(x.asText()));
      o = l;
    } else {
      String expected =
          t == Integer.class || t == Long.class
              ? "an integer"
              : t == Double.class
                  ? "a number"
                  : t == Boolean.class
                      ? "true or false"
                      : t == double[].class ? "a list of numbers" : "a " + t.getSimpleName();
      throw new CommandLine.ParameterException(
          cl,
          "--config "
              + value("--config")
              + ": key '"
              + q.name()
              + "': expected "
              + expected
              + ", got "
              + v);
    }
    return q.type().cast(o);
  }

  private static boolean allNumbers(JsonNode array) {
    for (JsonNode x : array) {
      if (!x.isNumber()) {
        return false;
      }
    }
    return true;
  }

  /** The frame loop of a task that maps frames (null otherwise). */
  private FrameRunner frames(CommandLine cl, P p) {
    if (!task.mapsFrames()) {
      return null;
    }
    Integer jobs = value("--jobs");
    int threads = jobs == null ? Runtime.getRuntime().availableProcessors() : jobs;
    if (threads < 1) {
      throw new CommandLine.ParameterException(cl, "--jobs: must be >= 1, got " + threads);
    }
    return new FrameRunner(task.name(), threads, task.frameDirectory(p), !quiet());
  }

  private P parameters(CommandLine cl) {
    Param<String> outArg = task.outputArgument();
    if (outArg != null) {
      Path in = spec.positionalParameters().get(0).getValue();
      String o = spec.positionalParameters().get(1).getValue();
      if (in != null
          && o != null
          && in.toAbsolutePath().normalize().equals(Path.of(o).toAbsolutePath().normalize())) {
        throw new CommandLine.ParameterException(
            cl,
            task.input().label()
                + " and "
                + outArg.label()
                + " are the same file ("
                + in
                + "): the output would overwrite its input");
      }
    }
    Map<String, JsonNode> config = config(cl);
    try {
      return task.parameters(
          new Values() {
            @Override
            public boolean given(Param<?> q) {
              return cl.getParseResult().hasMatchedOption(q.option())
                  || config.containsKey(q.name());
            }

            @Override
            public <T> T get(Param<T> q) {
              if (q.equals(outArg)) {
                return q.type().cast(spec.positionalParameters().get(1).getValue());
              }
              if (cl.getParseResult().hasMatchedOption(q.option())) {
                return value(q.option());
              }
              if (config.containsKey(q.name())) {
                return fromConfig(cl, q, config.get(q.name()));
              }
              return q.defaultValue();
            }
          });
    } catch (InvalidParam e) {
      Param<?> q = e.param();
      if (!cl.getParseResult().hasMatchedOption(q.option()) && config.containsKey(q.name())) {
        throw new CommandLine.ParameterException(
            cl, "--config " + value("--config") + ": key '" + q.name() + "': " + e.reason());
      }
      throw new CommandLine.ParameterException(cl, q.option() + ": " + e.reason());
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(cl, e.getMessage());
    }
  }

  /**
   * Reads the task's input from the arguments, recording in {@code source} what was read (file
   * names and frames, the leading entries of the JSON parameters).
   */
  @SuppressWarnings("unchecked")
  private I read(Map<String, Object> source) throws IOException {
    Input<I> kind = task.input();
    if (kind == Input.NONE) {
      return null;
    }
    Path file = spec.positionalParameters().get(0).getValue();
    if (kind == Input.TRAJECTORY) {
      source.put("file", file.toString());
      return (I) input.open(file);
    }
    if (kind == Input.FRAME) {
      int frame = value("--frame");
      source.put("file", file.toString());
      source.put("frame", frame);
      return (I) input.frame(file, frame);
    }
    if (kind == Input.PAIR) {
      Path cur = spec.positionalParameters().get(1).getValue();
      int refFrame = value("--ref-frame");
      int curFrame = value("--cur-frame");
      source.put("ref", file.toString());
      source.put("ref_frame", refFrame);
      source.put("cur", cur.toString());
      source.put("cur_frame", curFrame);
      return (I) new FramePair(input.frame(file, refFrame), input.frame(cur, curFrame));
    }
    source.put("table", file.toString());
    return (I) Fields.readCsv(file);
  }

  /** The input for humans: {@code traj.h5[3]}, {@code a.h5[0] -> b.h5[-1]}. */
  private String describe(Map<String, Object> s) {
    if (s.containsKey("ref")) {
      return s.get("ref")
          + "["
          + s.get("ref_frame")
          + "] -> "
          + s.get("cur")
          + "["
          + s.get("cur_frame")
          + "]";
    }
    if (s.isEmpty()) {
      return task.command();
    }
    Object name = s.containsKey("file") ? s.get("file") : s.get("table");
    return name + (s.containsKey("frame") ? "[" + s.get("frame") + "]" : "");
  }

  private Map<String, Object> report(P p, I in, R r, Map<String, Object> source, double seconds) {
    Map<String, Object> body = task.report(p, in, r);
    Map<String, Object> params = new LinkedHashMap<>(source);
    if (body.get("parameters") instanceof Map<?, ?> m) {
      m.forEach((k, v) -> params.put((String) k, v));
    }
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("command", task.name());
    doc.put("parameters", params);
    body.forEach(
        (k, v) -> {
          if (!k.equals("parameters")) {
            doc.put(k, v);
          }
        });
    doc.put("seconds", seconds);
    return doc;
  }
}
