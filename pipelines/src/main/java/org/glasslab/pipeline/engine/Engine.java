package org.glasslab.pipeline.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.glasslab.data.io.Format;
import org.glasslab.data.io.RunDirectoryFormat;
import org.glasslab.pipeline.engine.RunResult.NodeResult;
import org.glasslab.pipeline.engine.RunResult.Status;
import org.glasslab.pipeline.store.JsonFiles;
import org.glasslab.pipeline.store.Provenance;

/**
 * Runs a planned pipeline: walks the DAG, skips instances whose cache entry exists, runs the rest
 * on a bounded worker pool (branches and frames share it), publishes each instance's outputs
 * atomically and records provenance and the manifest.
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
   */
  public record Options(int jobs, boolean dryRun, boolean progressBars, PrintWriter log) {
    /** Validates. */
    public Options {
      if (jobs < 1) {
        throw new IllegalArgumentException("jobs must be at least 1, got " + jobs);
      }
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

  private record Done(Plan.Node node, Map<String, String> outputs, Throwable error, double s) {}

  private static final class Run {
    private final Plan plan;
    private final Options opt;
    private final PipelineSpec spec;
    private final Path runDir;
    private final Path cache;
    private final Map<Plan.Node, State> states = new HashMap<>();
    private final Map<String, String> inputHashes = new HashMap<>();
    private final Consumer<String> log;

    Run(Plan plan, Options opt) {
      this.plan = plan;
      this.opt = opt;
      this.spec = plan.spec();
      this.runDir = spec.runDir();
      this.cache = runDir.resolve("cache");
      PrintWriter w = opt.log();
      this.log =
          line -> {
            synchronized (w) {
              w.println(line);
              w.flush();
            }
          };
      for (Plan.Node n : plan.nodes()) {
        states.put(n, new State());
      }
    }

    RunResult execute() throws IOException {
      long t0 = System.nanoTime();
      if (opt.dryRun()) {
        schedule(null, null);
        return result(t0);
      }
      Files.createDirectories(cache);
      try (FileChannel ch =
              FileChannel.open(
                  runDir.resolve(".lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
          FileLock lock = tryLock(ch)) {
        if (lock == null) {
          throw new IllegalStateException(
              "run directory " + runDir + " is in use by another glasslab run");
        }
        cleanTemporaries();
        ForkJoinPool pool = new ForkJoinPool(opt.jobs());
        try (ProgressBars bars = new ProgressBars(opt.progressBars())) {
          schedule(pool, bars);
        } finally {
          pool.shutdownNow();
        }
        RunResult r = result(t0);
        writeManifest(r);
        return r;
      }
    }

    private static FileLock tryLock(FileChannel ch) throws IOException {
      try {
        return ch.tryLock();
      } catch (OverlappingFileLockException e) {
        return null;
      }
    }

    /**
     * Removes what a killed run can leave: attempt directories in the cache, temporary files of
     * atomic writes and half-swapped links or reports in the run directory.
     */
    private void cleanTemporaries() throws IOException {
      try (Stream<Path> s = Files.list(cache)) {
        for (Path p : s.toList()) {
          if (p.getFileName().toString().startsWith(".tmp-")) {
            deleteTree(p);
          }
        }
      }
      try (Stream<Path> s = Files.list(runDir)) {
        for (Path p : s.toList()) {
          String name = p.getFileName().toString();
          if (name.startsWith(".")
              && (name.endsWith(".tmp") || name.contains(".tmp-") || name.contains(".old-"))) {
            deleteTree(p);
          }
        }
      }
      Path results = runDir.resolve("results");
      if (Files.isDirectory(results)) {
        try (Stream<Path> s = Files.walk(results, 2)) {
          for (Path p : s.toList()) {
            if (p.getFileName().toString().endsWith(".lnk")) {
              Files.deleteIfExists(p);
            }
          }
        }
      }
    }

    /** Walks the DAG; with a null pool (dry run) only decides cached / would run. */
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
          if (key != null && Files.exists(cache.resolve(key).resolve(DONE))) {
            st.status = Status.CACHED;
            st.outputs = readOutputs(cache.resolve(key));
            open--;
            if (pool != null) {
              link(n, key);
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
                  Map<String, String> outs = execute(n, k, pool, tracker);
                  finished.add(new Done(n, outs, null, (System.nanoTime() - s0) * 1e-9));
                } catch (Throwable e) {
                  finished.add(new Done(n, null, e, (System.nanoTime() - s0) * 1e-9));
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
        if (d.error() == null) {
          st.status = Status.RAN;
          st.outputs = d.outputs();
          link(d.node(), st.key);
          if (!opt.progressBars()) {
            log.accept(String.format("[%s] done in %.2f s", d.node().label(), d.s()));
          }
        } else {
          st.status = Status.FAILED;
          st.message = oneLine(d.error());
          log.accept("[" + d.node().label() + "] failed: " + st.message);
          if (System.getenv("GLASSLAB_DEBUG") != null) {
            d.error().printStackTrace(opt.log());
          }
        }
        provenance(d.node(), st);
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
      boolean unknown = false;
      for (String in : s.inputs()) {
        String h;
        if (n.single().containsKey(in)) {
          Plan.Node p = n.single().get(in);
          h = p == null ? inputHash(n.branch()) : states.get(p).outputs.get(in);
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

    private String inputHash(BranchSpec b) throws IOException {
      String k = b.file().toString();
      String h = inputHashes.get(k);
      if (h == null) {
        String content;
        if (b.format() == Format.RUN_DIR) {
          // The run's content is its index and the blocks it lists (a block being written or the
          // checkpoint is not part of it): appending a block changes the hash.
          content = Hashes.ofFiles(b.file(), RunDirectoryFormat.contentFiles(b.file()));
        } else {
          if (!Files.isRegularFile(b.file())) {
            throw new IOException(b.file() + ": no such file");
          }
          content = Hashes.ofFile(b.file());
        }
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("format", b.format().id());
        o.set("options", b.readOptionsJson());
        h = Hashes.of("input\n" + content + "\n" + Hashes.canonicalJson(o));
        inputHashes.put(k, h);
      }
      return h;
    }

    /** Runs one instance in a private directory and publishes it; returns output hashes. */
    private Map<String, String> execute(
        Plan.Node n, String key, ForkJoinPool pool, Progress progress) throws Exception {
      Path tmp = cache.resolve(".tmp-" + key.substring(0, 16) + "-" + UUID.randomUUID());
      Path scratch = cache.resolve(".partial-" + key);
      Files.createDirectories(tmp);
      boolean published = false;
      try {
        Map<String, Path> inputs = new LinkedHashMap<>();
        for (Map.Entry<String, Plan.Node> e : n.single().entrySet()) {
          Plan.Node p = e.getValue();
          inputs.put(
              e.getKey(),
              p == null ? n.branch().file() : cache.resolve(states.get(p).key).resolve(e.getKey()));
        }
        Map<String, Map<String, Path>> gathered = new LinkedHashMap<>();
        for (Map.Entry<String, List<Plan.Node>> e : n.gathered().entrySet()) {
          Map<String, Path> m = new LinkedHashMap<>();
          for (Plan.Node p : e.getValue()) {
            State ps = states.get(p);
            if (usable(ps.status)) {
              m.put(p.branchId(), cache.resolve(ps.key).resolve(e.getKey()));
            }
          }
          gathered.put(e.getKey(), m);
        }
        if (!opt.progressBars()) {
          log.accept("[" + n.label() + "] running");
        }
        StageContext ctx = new StageContext(n, tmp, scratch, pool, inputs, gathered, log, progress);
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
        ObjectNode done = JsonNodeFactory.instance.objectNode();
        done.put("format", "glasslab-done-1");
        done.put("stage", n.stage().name());
        done.put("version", n.stage().version());
        done.put("key", key);
        done.set("params", Hashes.canonical(n.params().tree()));
        if (n.stage().stochastic()) {
          done.put("seed", n.seed());
        }
        done.set("inputs", JsonFiles.mapper().valueToTree(states.get(n).inputs));
        done.set("outputs", JsonFiles.mapper().valueToTree(outs));
        JsonFiles.write(tmp.resolve(DONE), done);
        Path target = cache.resolve(key);
        try {
          Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
          if (!Files.exists(target.resolve(DONE))) {
            throw e;
          }
          // An identical instance (same key, e.g. in another branch) published first.
          deleteTree(tmp);
        }
        published = true;
        deleteTree(scratch);
        return outs;
      } finally {
        if (!published) {
          deleteTree(tmp);
        }
      }
    }

    private Map<String, String> readOutputs(Path entry) throws IOException {
      JsonNode done = JsonFiles.read(entry.resolve(DONE));
      Map<String, String> m = new LinkedHashMap<>();
      done.path("outputs").fields().forEachRemaining(e -> m.put(e.getKey(), e.getValue().asText()));
      return m;
    }

    /** Points results/BRANCH/STAGE at the cache entry (atomic symlink swap). */
    private void link(Plan.Node n, String key) throws IOException {
      Path link = runDir.resolve("results").resolve(n.branchId()).resolve(n.stage().name());
      Files.createDirectories(link.getParent());
      Path target = link.getParent().relativize(cache.resolve(key));
      Path tmp = link.resolveSibling("." + n.stage().name() + "." + UUID.randomUUID() + ".lnk");
      try {
        Files.createSymbolicLink(tmp, target);
        Files.move(tmp, link, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (UnsupportedOperationException | IOException e) {
        Files.deleteIfExists(tmp);
        // No symlinks on this file system: the manifest still maps instances to cache entries.
      }
    }

    private void provenance(Plan.Node n, State st) throws IOException {
      ObjectNode o = JsonNodeFactory.instance.objectNode();
      o.put("time", Instant.now().toString());
      o.put("pipeline", spec.name());
      o.put("branch", n.branchId());
      o.put("stage", n.stage().name());
      o.put("version", n.stage().version());
      o.put("status", st.status.name().toLowerCase());
      o.put("key", st.key);
      o.put("seconds", Math.round(st.seconds * 1000) / 1000.0);
      o.put("seed", n.seed());
      o.set("params", Hashes.canonical(n.params().tree()));
      o.set("inputs", JsonFiles.mapper().valueToTree(st.inputs));
      o.set("outputs", JsonFiles.mapper().valueToTree(st.outputs));
      if (st.message != null) {
        o.put("message", st.message);
      }
      o.put("glasslab", BuildInfo.version());
      Provenance.append(runDir, o);
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

    private void writeManifest(RunResult r) throws IOException {
      ObjectNode m = JsonNodeFactory.instance.objectNode();
      m.put("format", "glasslab-manifest-1");
      ObjectNode gl = m.putObject("glasslab");
      gl.put("version", BuildInfo.version());
      gl.put("commit", BuildInfo.commit());
      gl.put("java", Runtime.version().toString());
      m.put("created", Instant.now().toString());
      m.put("pipeline", spec.name());
      m.put("title", spec.title());
      m.put("spec_file", spec.file().toString());
      m.set("spec", spec.tree());
      m.put("seed", spec.seed());
      m.put("jobs", opt.jobs());
      m.put("seconds", Math.round(r.seconds() * 1000) / 1000.0);
      ArrayNode branches = m.putArray("branches");
      for (BranchSpec b : spec.branches()) {
        ObjectNode o = branches.addObject();
        o.put("id", b.id());
        if (b.file() != null) {
          o.put("file", b.file().toString());
          o.put("format", b.format().id());
          o.set("read_options", b.readOptionsJson());
          o.put("input_hash", inputHashes.get(b.file().toString()));
        } else {
          o.put("generator", b.generator());
          o.set("params", Hashes.canonical(b.params().tree()));
        }
      }
      ArrayNode stages = m.putArray("stages");
      for (NodeResult n : r.nodes()) {
        ObjectNode o = JsonFiles.mapper().valueToTree(n);
        o.set("params", Hashes.canonical(paramsOf(n.label())));
        stages.add(o);
      }
      JsonFiles.write(runDir.resolve(MANIFEST), m);
    }

    private JsonNode paramsOf(String label) {
      for (Plan.Node n : plan.nodes()) {
        if (n.label().equals(label)) {
          return n.params().tree();
        }
      }
      return JsonNodeFactory.instance.objectNode();
    }
  }

  static String oneLine(Throwable e) {
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

  /** Deletes a file or directory tree if present. */
  static void deleteTree(Path p) throws IOException {
    if (!Files.exists(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    try (Stream<Path> s = Files.walk(p)) {
      for (Path q : s.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(q);
      }
    }
  }
}
