package org.glasslab.pipeline.stages;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.glasslab.data.Trajectory;
import org.glasslab.data.io.H5md;
import org.glasslab.data.io.ReadOptions;
import org.glasslab.data.io.TrajectoryIO;
import org.glasslab.pipeline.engine.AbstractStage;
import org.glasslab.pipeline.engine.ParamDoc;
import org.glasslab.pipeline.engine.ParamException;
import org.glasslab.pipeline.engine.Params;
import org.glasslab.pipeline.engine.StageContext;
import org.glasslab.pipeline.store.Csv;
import org.glasslab.pipeline.store.Fields;
import org.glasslab.pipeline.task.Figure;
import org.glasslab.pipeline.task.Input;
import org.glasslab.pipeline.task.InvalidParam;
import org.glasslab.pipeline.task.Param;
import org.glasslab.pipeline.task.Task;
import org.glasslab.pipeline.task.Values;

/**
 * The pipeline stage of a {@link Task}: its accepted parameters and their validation are the task's
 * declared ones (plus {@code frame} for a single-frame task), it reads one artifact as the task's
 * {@link Input}, writes the task's table as {@code NAME.csv} through the store and draws the task's
 * figures. Stages that combine several task runs (e.g. softness before and after an avalanche)
 * extend it and override {@link #run}, still reading their parameters with {@link #parameters}.
 */
public class TaskStage<P extends Record, I, R> extends AbstractStage {
  /** The single-frame input's frame parameter (negative counts from the end). */
  static final String FRAME = "frame";

  /** The task run by this stage. */
  protected final Task<P, I, R> task;

  /** Prefix of a directory task's file names among the stage's artifacts (e.g. {@code epm_}). */
  private final String prefix;

  /**
   * The generic stage: {@code inputArtifact} in, {@code NAME.csv} out.
   *
   * @param version the stage's output version (part of the cache key)
   */
  public TaskStage(Task<P, I, R> task, int version, String inputArtifact, String description) {
    this(
        task.name(),
        task,
        version,
        List.of(inputArtifact),
        List.of(task.name() + ".csv"),
        description,
        task.input() == Input.FRAME
            ? Map.of(FRAME, "frame to analyse, negative counts from the end (default 0)")
            : Map.of());
  }

  /**
   * A stage with its own name (usually the task's; {@code local} runs {@code strain}), artifacts
   * and extra (stage-only) parameters, e.g. plot sizes.
   *
   * @param extra parameter name to one-line description, besides the task's
   */
  public TaskStage(
      String name,
      Task<P, I, R> task,
      int version,
      List<String> inputs,
      List<String> outputs,
      String description,
      Map<String, String> extra) {
    super(name, version, Scope.BRANCH, inputs, outputs, description, merge(task, extra));
    this.task = task;
    this.prefix = "";
  }

  /**
   * The stage of a directory task (see {@link Task#files}) without input: its artifacts are the
   * task's files, each named {@code prefix + file} (so that, e.g., a lattice's {@code
   * avalanches.csv} is not taken for a particle branch's).
   */
  protected TaskStage(
      String name,
      Task<P, I, R> task,
      int version,
      String prefix,
      String description,
      Map<String, String> extra) {
    this(name, task, version, List.of(), prefix, description, extra);
  }

  /**
   * The stage of a directory task reading {@code inputs} (the first is the task's input), its
   * artifacts the task's files, each named {@code prefix + file} (e.g. the local-yield
   * calibration's {@code local_yield_summary.json}).
   */
  TaskStage(
      String name,
      Task<P, I, R> task,
      int version,
      List<String> inputs,
      String prefix,
      String description,
      Map<String, String> extra) {
    super(
        name,
        version,
        Scope.BRANCH,
        inputs,
        task.files().stream().map(f -> prefix + f).toList(),
        description,
        merge(task, extra));
    this.task = task;
    this.prefix = prefix;
  }

  private static Map<String, String> merge(Task<?, ?, ?> task, Map<String, String> extra) {
    Map<String, String> m = new LinkedHashMap<>();
    for (Param<?> p : task.params()) {
      m.put(p.name(), p.help());
    }
    m.putAll(extra);
    return m;
  }

  /** The task's parameters with their defaults and units, then the stage's own keys. */
  @Override
  public List<ParamDoc> parameterDocs() {
    List<ParamDoc> docs = new java.util.ArrayList<>();
    java.util.Set<String> seen = new java.util.HashSet<>();
    for (Param<?> q : task.params()) {
      docs.add(new ParamDoc(q.name(), q.defaultText(), q.unit(), q.description()));
      seen.add(q.name());
    }
    parameters()
        .forEach(
            (k, v) -> {
              if (!seen.contains(k)) {
                docs.add(ParamDoc.fromHelp(k, v));
              }
            });
    return docs;
  }

  @Override
  public void validate(Params p) {
    parameters(p);
    if (task.input() == Input.FRAME) {
      p.getInt(FRAME, 0);
    }
  }

  /** A task with a {@link Param#seed} parameter is stochastic (its seed is in the cache key). */
  @Override
  public boolean stochastic() {
    return task.params().stream().anyMatch(q -> q.name().equals(Param.SEED));
  }

  /** The task's parameter record from the spec's {@code params:}, errors naming the key. */
  public P parameters(Params p) {
    return parameters(values(p, null));
  }

  /**
   * The task's parameter record from {@code v}, errors as {@link ParamException}s naming the key.
   */
  protected P parameters(Values v) {
    try {
      return task.parameters(v);
    } catch (InvalidParam e) {
      throw new ParamException(e.param().name(), e.reason());
    } catch (ParamException e) {
      throw e;
    } catch (IllegalArgumentException e) {
      throw new ParamException("", e.getMessage());
    }
  }

  /** The spec's parameters as task {@link Values} (absent keys give the declared defaults). */
  static Values values(Params p) {
    return values(p, null);
  }

  /**
   * The spec's parameters as task {@link Values} (absent keys give the declared defaults, the seed
   * parameter {@code seed} when not null).
   */
  static Values values(Params p, Long seed) {
    return new Values() {
      @Override
      public boolean given(Param<?> q) {
        return p.has(q.name());
      }

      @Override
      public <T> T get(Param<T> q) {
        String k = q.name();
        if (!p.has(k)) {
          return seed != null && k.equals(Param.SEED) ? q.type().cast(seed) : q.defaultValue();
        }
        Object v;
        if (q.type() == Integer.class) {
          v = p.getInt(k, 0);
        } else if (q.type() == Long.class) {
          v = p.getLong(k, 0);
        } else if (q.type() == Double.class) {
          v = p.requireDouble(k);
        } else if (q.type() == Boolean.class) {
          v = p.getBoolean(k, false);
        } else if (q.type() == double[].class) {
          v = p.getDoubles(k, null);
        } else if (q.type() == List.class) {
          v = p.getStrings(k);
        } else {
          v = p.getString(k, null);
        }
        return q.type().cast(v);
      }
    };
  }

  @Override
  public void run(StageContext ctx) throws Exception {
    P p = parameters(ctx);
    I in =
        task.input() == Input.NONE
            ? null
            : read(ctx.input(inputs().get(0)), ctx.params().getInt(FRAME, 0));
    try {
      R r = compute(ctx, p, in);
      String failure = task.failure(p, r);
      if (failure != null) {
        throw new IllegalStateException(failure);
      }
      if (task.files().isEmpty()) {
        Csv.write(ctx.output(outputs().get(0)), task.units().annotate(task.table(p, r)));
      } else {
        task.write(p, r, f -> ctx.output(prefix + f));
      }
      for (Figure f : task.figures(p, r)) {
        ctx.figure(f.name(), f.figure(), f.caption());
      }
    } finally {
      if (in instanceof AutoCloseable c) {
        c.close();
      }
    }
  }

  /**
   * The parameter record of a run: the spec's parameters, with the stage seed where the task has a
   * seed parameter and the spec does not set it; a stage may fill in values from its branch (e.g.
   * the generator's temperature).
   */
  protected P parameters(StageContext ctx) {
    return parameters(values(ctx.params(), stochastic() ? ctx.seed() : null));
  }

  /**
   * Runs the task; a stage may hand it the engine's resumable parallel frame loop (see {@link
   * org.glasslab.pipeline.task.FrameMap}).
   */
  protected R compute(StageContext ctx, P p, I in) throws Exception {
    return task.mapsFrames()
        ? task.run(p, in, (first, n, key, f) -> ctx.mapFrames(name(), first, n, f::apply))
        : task.run(p, in, ctx.progress());
  }

  /** Reads {@code file} as the task's input ({@code frame} for a single-frame task). */
  @SuppressWarnings("unchecked")
  protected I read(Path file, int frame) throws Exception {
    Input<I> kind = task.input();
    if (kind == Input.TABLE) {
      return (I) Fields.readCsv(file);
    }
    Trajectory t = H5md.read(file, ReadOptions.DEFAULTS);
    if (kind == Input.TRAJECTORY) {
      return (I) t;
    }
    try (t) {
      return (I) t.frame(TrajectoryIO.frameIndex(t, frame, file));
    }
  }
}
