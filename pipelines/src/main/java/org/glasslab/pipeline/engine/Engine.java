package org.glasslab.pipeline.engine;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Consumer;
import org.glasslab.data.io.AtomicFile;
import org.glasslab.data.io.DirectoryLock;
import org.glasslab.pipeline.engine.RunResult.NodeResult;
import org.glasslab.pipeline.engine.RunResult.Status;
import org.glasslab.pipeline.store.JsonFiles;

/**
 * Runs a planned pipeline: walks the DAG, skips instances whose cache entry exists, runs the rest
 * on a bounded worker pool (branches and frames share it), publishes each instance's outputs
 * atomically and records provenance and the manifest. This class schedules; the cache layout and
 * publication are {@link ResultCache}'s, the manifest and provenance lines {@link Manifest}'s.
 *
 * <p>Run directory layout:
 *
 * <pre>
 * RUN/cache/KEY/            outputs of one stage instance + done.json (written last)
 * RUN/cache/.tmp-...        an attempt in progress (deleted on failure and at the next start)
 * RUN/cache/.partial-KEY/   per-frame results and stage checkpoints of an unfinished attempt
 * RUN/results/BRANCH/STAGE  symbolic link to the current cache entry (ensemble: results/ensemble)
 * RUN/manifest.json         version, commit, spec, parameters, seeds, hashes, timings
 * RUN/provenance.jsonl      one line per stage instance run
 * </pre>
 *
 * A cache entry is the directory {@code cache/KEY} holding {@code done.json}; it appears by one
 * atomic rename, so a crash at any point leaves either no entry or a complete one.
 */
public final class Engine {
  /** Name of the done record inside a cache entry. */
  public static final String DONE = "done.json";

  /** Name of the figure list inside a cache entry. */
  public static final String FIGURES = "figures.json";

  /** Name of the manifest in the run directory. */
  public static final String MANIFEST = "manifest.json";

  /**
   * How to run.
   *
   * @param jobs worker threads (at least 1)
   * @param dryRun plan and report cache state only, write nothing
   * @param progressBars draw progress bars on stderr
   * @param log where log lines go (stderr)
   * @param shared null for a whole run by this process; else this process is one of several jobs
   *     sharing the run directory (a cluster job, or a status query of such a run)
   * @param quiet log only failures and skips (not "running", "done", stages' notes): {@code -q}
   */
  public record Options(
      int jobs,
      boolean dryRun,
      boolean progressBars,
      PrintWriter log,
      Shared shared,
      boolean quiet) {
    /** Validates. */
    public Options {
      if (jobs < 1) {
        throw new IllegalArgumentException("jobs must be at least 1, got " + jobs);
      }
    }

    /** A run that logs everything. */
    public Options(int jobs, boolean dryRun, boolean progressBars, PrintWriter log, Shared shared) {
      this(jobs, dryRun, progressBars, log, shared, false);
    }

    /** A whole run by this process. */
    public Options(int jobs, boolean dryRun, boolean progressBars, PrintWriter log) {
      this(jobs, dryRun, progressBars, log, null);
    }
  }

  /**
   * One job among several sharing a run directory (e.g. Slurm jobs on a shared filesystem): it runs
   * only the instances {@code labels}; every other instance must already be in the cache (it is
   * never recomputed here), else the job waits up to {@code latencyWaitSeconds} for the shared
   * filesystem to show it and then counts it failed. No run-wide lock is taken; instances are
   * claimed one by one ({@link InstanceClaim}); provenance goes to {@code
   * provenance.d/JOB/provenance.jsonl}. A dry run with {@code Shared} also reports the failure
   * records other jobs left ({@code glasslab status}).
   *
   * @param submission the submission this job belongs to (recorded in provenance)
   * @param job a name unique to this job (e.g. the Slurm job and array task ids)
   * @param labels the {@code branch/stage} labels this job runs
   * @param latencyWaitSeconds how long to wait for another job's result to appear [s]
   * @param finish merge the jobs' provenance and write the manifest at the end (last job of a run)
   */
  public record Shared(
      String submission,
      String job,
      Set<String> labels,
      double latencyWaitSeconds,
      boolean finish) {
    /** Copies the set. */
    public Shared {
      labels = Set.copyOf(labels);
    }
  }

  private final StageRegistry registry;

  /** An engine running stages from {@code registry}. */
  public Engine(StageRegistry registry) {
    this.registry = registry;
  }

  /** Plans and runs {@code spec}. */
  public RunResult run(PipelineSpec spec, Options options) throws IOException {
    return new Run(Plan.of(spec, registry), options).execute();
  }

  private static final class State {
    Status status;
    String key;
    String message;
    double seconds;
    Map<String, String> inputs = new LinkedHashMap<>();
    Map<String, String> outputs = new LinkedHashMap<>();
    boolean submitted;
  }

  /** A finished instance; {@code byOther}: another process published it while this one waited. */
  private record Done(
      Plan.Node node, Map<String, String> outputs, Throwable error, double s, boolean byOther) {}

  private static final class Run {
    private final Plan plan;
    private final Options opt;
    private final PipelineSpec spec;
    private final Path runDir;
    private final ResultCache cache;
    private final Map<Plan.Node, State> states = new HashMap<>();
    private final Consumer<String> log;
    private final Consumer<String> info;
    private final Shared shared;
    private final long latencyDeadline;
    private final Set<Plan.Node> needed;

    Run(Plan plan, Options opt) {
      this.plan = plan;
      this.opt = opt;
      this.spec = plan.spec();
      this.runDir = spec.runDir();
      this.cache = new ResultCache(runDir);
      this.shared = opt.shared();
      this.latencyDeadline =
          System.nanoTime() + (shared == null ? 0 : (long) (shared.latencyWaitSeconds() * 1e9));
      PrintWriter w = opt.log();
      this.log =
          line -> {
            synchronized (w) {
              w.println(line);
              w.flush();
            }
          };
      this.info = opt.quiet() ? line -> {} : log;
      for (Plan.Node n : plan.nodes()) {
        states.put(n, new State());
      }
      this.needed = shared == null || shared.finish() ? null : closure(plan, shared.labels());
    }

    /** The instances labelled {@code labels} and everything upstream of them. */
    private static Set<Plan.Node> closure(Plan plan, Set<String> labels) {
      Set<Plan.Node> out = new HashSet<>();
      ArrayDeque<Plan.Node> pending = new ArrayDeque<>();
      for (Plan.Node n : plan.nodes()) {
        if (labels.contains(n.label())) {
          pending.add(n);
        }
      }
      while (!pending.isEmpty()) {
        Plan.Node n = pending.poll();
        if (out.add(n)) {
          pending.addAll(n.deps());
        }
      }
      return out;
    }

    RunResult execute() throws IOException {
      long t0 = System.nanoTime();
      if (opt.dryRun()) {
        schedule(null, null);
        return result(t0);
      }
      Files.createDirectories(cache.dir());
      if (shared != null) {
        // Several jobs share the run directory: no run-wide lock, per-instance claims only.
        runPool();
        RunResult r = result(t0);
        if (shared.finish()) {
          r = Manifest.mergeJobs(runDir, shared.submission(), r);
          Manifest.write(plan, r, opt.jobs(), cache);
        }
        return r;
      }
      try (DirectoryLock lock = DirectoryLock.acquire(runDir, "glasslab run")) {
        cache.cleanTemporaries();
        runPool();
        RunResult r = result(t0);
        Manifest.write(plan, r, opt.jobs(), cache);
        return r;
      }
    }

    private void runPool() throws IOException {
      ForkJoinPool pool = new ForkJoinPool(opt.jobs());
      try (ProgressBars bars = new ProgressBars(opt.progressBars())) {
        schedule(pool, bars);
      } finally {
        pool.shutdownNow();
      }
    }

    /**
     * Settles an instance this job does not run (shared mode): cached, failed per another job's
     * record, missing after the latency wait, or (dry run) would run.
     */
    private void settleForeign(Plan.Node n, State st, boolean dry) throws IOException {
      String key = st.key;
      while (true) {
        if (key != null && cache.has(key)) {
          st.status = Status.CACHED;
          st.outputs = cache.readOutputs(key);
          if (!dry) {
            cache.link(n.branchId(), n.stage().name(), key);
          }
          return;
        }
        String failed = key == null ? null : cache.failure(key);
        if (failed != null) {
          st.status = Status.FAILED;
          st.message = failed;
          return;
        }
        if (dry) {
          st.status = Status.WOULD_RUN;
          return;
        }
        if (System.nanoTime() >= latencyDeadline) {
          st.status = Status.FAILED;
          st.message =
              String.format(
                  Locale.ROOT,
                  "no result of %s in the cache after waiting %.0f s (its job did not finish it)",
                  n.label(),
                  shared.latencyWaitSeconds());
          log.accept("[" + n.label() + "] " + st.message);
          return;
        }
        try {
          Thread.sleep(250);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IOException("interrupted", e);
        }
      }
    }

    private void schedule(ForkJoinPool pool, ProgressBars bars) throws IOException {
      LinkedBlockingQueue<Done> finished = new LinkedBlockingQueue<>();
      int running = 0;
      int open = plan.nodes().size();
      while (open > 0) {
        boolean changed = false;
        for (Plan.Node n : plan.nodes()) {
          State st = states.get(n);
          if (st.status != null || st.submitted || !depsTerminal(n)) {
            continue;
          }
          changed = true;
          if (needed != null && pool != null && !needed.contains(n)) {
            // a job of a shared run: instances neither selected nor upstream of them are others'
            st.status = Status.SKIPPED;
            st.message = "not part of this job";
            open--;
            continue;
          }
          String blocked = blocked(n);
          if (blocked != null) {
            st.status = Status.SKIPPED;
            st.message = blocked;
            open--;
            if (pool != null) {
              log.accept("[" + n.label() + "] skipped: " + blocked);
            }
            continue;
          }
          String key;
          try {
            key = key(n, st);
          } catch (IOException | RuntimeException e) {
            st.status = Status.FAILED;
            st.message = oneLine(e);
            open--;
            log.accept("[" + n.label() + "] failed: " + st.message);
            continue;
          }
          st.key = key;
          if (shared != null && !shared.labels().contains(n.label())) {
            settleForeign(n, st, pool == null);
            open--;
            continue;
          }
          if (key != null && cache.has(key)) {
            st.status = Status.CACHED;
            st.outputs = cache.readOutputs(key);
            open--;
            if (pool != null) {
              cache.link(n.branchId(), n.stage().name(), key);
            }
            continue;
          }
          if (pool == null) {
            st.status = Status.WOULD_RUN;
            open--;
            continue;
          }
          st.submitted = true;
          running++;
          final String k = key;
          ProgressBars.Tracker tracker = bars.start(n.stage().name());
          pool.submit(
              () -> {
                long s0 = System.nanoTime();
                try {
                  Done d = execute(n, k, pool, tracker, s0);
                  finished.add(d);
                } catch (Throwable e) {
                  finished.add(new Done(n, null, e, (System.nanoTime() - s0) * 1e-9, false));
                } finally {
                  tracker.finish();
                }
              });
        }
        if (changed) {
          continue;
        }
        if (running == 0) {
          throw new IllegalStateException("pipeline scheduler stalled with " + open + " open");
        }
        Done d;
        try {
          d = finished.take();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IOException("interrupted", e);
        }
        running--;
        open--;
        State st = states.get(d.node());
        st.seconds = d.s();
        if (d.error() == null && d.byOther()) {
          st.status = Status.CACHED;
          st.seconds = 0;
          st.outputs = d.outputs();
          cache.link(d.node().branchId(), d.node().stage().name(), st.key);
          info.accept("[" + d.node().label() + "] published meanwhile by another process");
          continue;
        } else if (d.error() == null) {
          st.status = Status.RAN;
          st.outputs = d.outputs();
          cache.link(d.node().branchId(), d.node().stage().name(), st.key);
          if (!opt.progressBars()) {
            info.accept(String.format("[%s] done in %.2f s", d.node().label(), d.s()));
          }
        } else {
          st.status = Status.FAILED;
          st.message = oneLine(d.error());
          log.accept("[" + d.node().label() + "] failed: " + st.message);
          if (st.key != null) {
            cache.markFailed(st.key, d.node().label(), st.message);
          }
          if (System.getenv("GLASSLAB_DEBUG") != null) {
            d.error().printStackTrace(opt.log());
          }
        }
        Manifest.provenance(
            shared == null ? runDir : Manifest.jobDir(runDir, shared.job()),
            shared,
            spec,
            d.node(),
            st.status,
            st.key,
            st.seconds,
            st.inputs,
            st.outputs,
            st.message);
      }
    }

    private boolean depsTerminal(Plan.Node n) {
      for (Plan.Node d : n.deps()) {
        if (states.get(d).status == null) {
          return false;
        }
      }
      return true;
    }

    private static boolean usable(Status s) {
      return s == Status.RAN || s == Status.CACHED || s == Status.WOULD_RUN;
    }

    /** Why {@code n} cannot run, or null. */
    private String blocked(Plan.Node n) {
      for (Plan.Node p : n.single().values()) {
        if (p != null && !usable(states.get(p).status)) {
          return "needs " + p.label() + ", which " + states.get(p).status.name().toLowerCase();
        }
      }
      for (Map.Entry<String, List<Plan.Node>> e : n.gathered().entrySet()) {
        if (n.stage().optionalInputs().contains(e.getKey())) {
          continue;
        }
        if (e.getValue().stream().noneMatch(p -> usable(states.get(p).status))) {
          return "no branch produced '" + e.getKey() + "'";
        }
      }
      return null;
    }

    /** The cache key, or null if an upstream output is not known yet (dry run). */
    private String key(Plan.Node n, State st) throws IOException {
      Stage s = n.stage();
      StringBuilder sb = new StringBuilder("glasslab-stage-key-v1\n");
      sb.append(s.name()).append('\n').append(s.version()).append('\n');
      sb.append(n.params().canonicalJson()).append('\n');
      if (s.stochastic()) {
        sb.append("seed ").append(n.seed()).append('\n');
      }
      for (Path f : s.parameterFiles(n.params())) {
        sb.append("file ")
            .append(f)
            .append(' ')
            .append(Files.isRegularFile(f) ? Hashes.ofFile(f) : "missing")
            .append('\n');
      }
      boolean unknown = false;
      for (String in : s.inputs()) {
        String h;
        if (n.single().containsKey(in)) {
          Plan.Node p = n.single().get(in);
          h = p == null ? cache.inputHash(n.branch()) : states.get(p).outputs.get(in);
        } else {
          StringBuilder g = new StringBuilder();
          for (Plan.Node p : n.gathered().get(in)) {
            State ps = states.get(p);
            if (!usable(ps.status)) {
              continue;
            }
            String ph = ps.outputs.get(in);
            g.append(p.branchId()).append('=').append(ph).append(';');
            unknown |= ph == null;
          }
          h = g.toString();
        }
        unknown |= h == null;
        st.inputs.put(in, h);
        sb.append(in).append(' ').append(h).append('\n');
      }
      return unknown ? null : Hashes.of(sb.toString());
    }

    /**
     * Claims the instance, runs it in a private directory and publishes it. If another process
     * holds the claim, waits for it and returns its outputs instead.
     */
    private Done execute(Plan.Node n, String key, ForkJoinPool pool, Progress progress, long s0)
        throws Exception {
      InstanceClaim claim = InstanceClaim.acquire(cache.dir(), key, () -> cache.has(key));
      if (claim == null) {
        return new Done(n, cache.readOutputs(key), null, 0, true);
      }
      try (claim) {
        if (cache.has(key)) {
          return new Done(n, cache.readOutputs(key), null, 0, true);
        }
        cache.cleanAttempts(key);
        Map<String, String> outs = attempt(n, key, pool, progress);
        return new Done(n, outs, null, (System.nanoTime() - s0) * 1e-9, false);
      }
    }

    /** Runs one instance in a private directory and publishes it; returns output hashes. */
    private Map<String, String> attempt(
        Plan.Node n, String key, ForkJoinPool pool, Progress progress) throws Exception {
      Path tmp = cache.newAttempt(key);
      Path scratch = cache.scratch(key);
      boolean published = false;
      try {
        Map<String, Path> inputs = new LinkedHashMap<>();
        for (Map.Entry<String, Plan.Node> e : n.single().entrySet()) {
          Plan.Node p = e.getValue();
          inputs.put(
              e.getKey(),
              p == null ? n.branch().file() : cache.entry(states.get(p).key).resolve(e.getKey()));
        }
        Map<String, Map<String, Path>> gathered = new LinkedHashMap<>();
        for (Map.Entry<String, List<Plan.Node>> e : n.gathered().entrySet()) {
          Map<String, Path> m = new LinkedHashMap<>();
          for (Plan.Node p : e.getValue()) {
            State ps = states.get(p);
            if (usable(ps.status)) {
              m.put(p.branchId(), cache.entry(ps.key).resolve(e.getKey()));
            }
          }
          gathered.put(e.getKey(), m);
        }
        if (!opt.progressBars()) {
          info.accept("[" + n.label() + "] running");
        }
        StageContext ctx =
            new StageContext(n, tmp, scratch, pool, inputs, gathered, info, progress);
        n.stage().run(ctx);
        Map<String, String> outs = new LinkedHashMap<>();
        for (String out : n.stage().outputs()) {
          Path p = tmp.resolve(out);
          if (!Files.exists(p)) {
            throw new IllegalStateException(
                "stage '" + n.stage().name() + "' did not write its declared output '" + out + "'");
          }
          outs.put(out, Hashes.ofPath(p));
        }
        List<StageContext.FigureEntry> figs = ctx.figures();
        if (!figs.isEmpty()) {
          JsonFiles.write(tmp.resolve(FIGURES), figs);
        }
        cache.publish(tmp, key, n, states.get(n).inputs, outs);
        published = true;
        return outs;
      } finally {
        if (!published) {
          AtomicFile.deleteTree(tmp);
        }
      }
    }

    private RunResult result(long t0) {
      List<NodeResult> out = new ArrayList<>();
      for (Plan.Node n : plan.nodes()) {
        State st = states.get(n);
        String dir =
            st.key != null && (st.status == Status.RAN || st.status == Status.CACHED)
                ? "cache/" + st.key
                : null;
        out.add(
            new NodeResult(
                n.label(),
                n.branchId(),
                n.stage().name(),
                n.stage().version(),
                st.status,
                st.key,
                dir,
                st.seconds,
                st.message,
                n.seed(),
                Map.copyOf(
                    st.inputs.entrySet().stream()
                        .filter(e -> e.getValue() != null)
                        .collect(
                            java.util.stream.Collectors.toMap(
                                Map.Entry::getKey, Map.Entry::getValue))),
                Map.copyOf(st.outputs)));
      }
      return new RunResult(runDir, out, (System.nanoTime() - t0) * 1e-9);
    }
  }

  static String oneLine(Throwable e) {
    String oom = org.glasslab.data.Limits.outOfMemory(e);
    if (oom != null) {
      return oom;
    }
    Throwable c = e;
    while ((c.getMessage() == null || c instanceof java.util.concurrent.CompletionException)
        && c.getCause() != null) {
      c = c.getCause();
    }
    if (c instanceof java.io.UncheckedIOException u && u.getCause() != null) {
      c = u.getCause();
    }
    String m = c.getMessage() == null ? c.getClass().getSimpleName() : c.getMessage();
    int i = m.indexOf('\n');
    return i < 0 ? m : m.substring(0, i);
  }
}
