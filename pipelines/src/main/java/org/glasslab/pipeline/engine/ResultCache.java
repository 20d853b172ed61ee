package org.glasslab.pipeline.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.glasslab.data.io.AtomicFile;
import org.glasslab.data.io.Format;
import org.glasslab.data.io.RunDirectoryFormat;
import org.glasslab.pipeline.store.JsonFiles;

/**
 * The content-addressed cache of one run directory: {@code cache/KEY} entries (outputs + {@code
 * done.json}, published by one atomic rename), attempt and scratch directories, the input-file
 * hashes that enter keys, and the {@code results/BRANCH/STAGE} links. The {@link Engine} decides
 * what runs; this class only knows where things are and how they are made durable.
 */
final class ResultCache {
  private final Path runDir;
  private final Path dir;
  private final Map<String, String> inputHashes = new ConcurrentHashMap<>();

  /** The cache of {@code runDir} (directory {@code runDir/cache}). */
  ResultCache(Path runDir) {
    this.runDir = runDir;
    this.dir = runDir.resolve("cache");
  }

  /** The cache directory. */
  Path dir() {
    return dir;
  }

  /** The entry of {@code key}. */
  Path entry(String key) {
    return dir.resolve(key);
  }

  /** Whether {@code key} has a complete entry. */
  boolean has(String key) {
    return Files.exists(entry(key).resolve(Engine.DONE));
  }

  /** A fresh attempt directory for {@code key} (created). */
  Path newAttempt(String key) throws IOException {
    Path tmp = dir.resolve(".tmp-" + key.substring(0, 16) + "-" + UUID.randomUUID());
    Files.createDirectories(tmp);
    return tmp;
  }

  /**
   * Deletes the attempt directories of {@code key} left by dead attempts; call only while holding
   * its {@link InstanceClaim} (then no live attempt of {@code key} exists).
   */
  void cleanAttempts(String key) throws IOException {
    String prefix = ".tmp-" + key.substring(0, 16) + "-";
    try (Stream<Path> s = Files.list(dir)) {
      for (Path p : s.toList()) {
        if (p.getFileName().toString().startsWith(prefix)) {
          AtomicFile.deleteTree(p);
        }
      }
    }
  }

  /** The failure record of {@code key}: written when an attempt fails, removed on publication. */
  Path failureFile(String key) {
    return dir.resolve(".failed-" + key + ".json");
  }

  /** Records that the instance {@code label} with {@code key} failed with {@code message}. */
  void markFailed(String key, String label, String message) throws IOException {
    ObjectNode o = JsonNodeFactory.instance.objectNode();
    o.put("label", label);
    o.put("key", key);
    o.put("message", message);
    o.put("time", java.time.Instant.now().toString());
    String job = System.getenv("SLURM_JOB_ID");
    if (job != null) {
      o.put("slurm_job", job);
    }
    JsonFiles.write(failureFile(key), o);
  }

  /** The message of {@code key}'s failure record, or null if it has none. */
  String failure(String key) {
    try {
      return JsonFiles.read(failureFile(key)).path("message").asText(null);
    } catch (IOException e) {
      return null;
    }
  }

  /** The scratch directory of {@code key}'s unfinished attempts (per-frame results). */
  Path scratch(String key) {
    return dir.resolve(".partial-" + key);
  }

  /**
   * Removes what a killed run can leave: attempt directories in the cache, temporary files of
   * atomic writes and half-swapped links or reports in the run directory.
   */
  void cleanTemporaries() throws IOException {
    Files.createDirectories(dir);
    java.util.Set<String> live = new java.util.HashSet<>();
    try (Stream<Path> s = Files.list(dir)) {
      for (Path p : s.toList()) {
        String name = p.getFileName().toString();
        if (name.startsWith(".claim-") && !InstanceClaim.isStale(p)) {
          live.add(name.substring(".claim-".length()));
        }
      }
    }
    try (Stream<Path> s = Files.list(dir)) {
      for (Path p : s.toList()) {
        String name = p.getFileName().toString();
        // an attempt of an instance that another process (e.g. a cluster job) is computing stays
        if (name.startsWith(".tmp-")
            && live.stream().noneMatch(k -> name.startsWith(".tmp-" + k.substring(0, 16)))) {
          AtomicFile.deleteTree(p);
        }
      }
    }
    try (Stream<Path> s = Files.list(runDir)) {
      for (Path p : s.toList()) {
        String name = p.getFileName().toString();
        if (name.startsWith(".")
            && (name.endsWith(".tmp") || name.contains(".tmp-") || name.contains(".old-"))) {
          AtomicFile.deleteTree(p);
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

  /** The content hash of a branch's input file (format and read options included), memoised. */
  String inputHash(BranchSpec b) throws IOException {
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

  /** The hash computed for input file {@code file}, or null if none was. */
  String knownInputHash(Path file) {
    return inputHashes.get(file.toString());
  }

  /**
   * Writes the done record into attempt {@code tmp} and renames it to the entry of {@code key} (an
   * identical instance published first wins), then drops the scratch directory.
   */
  void publish(
      Path tmp, String key, Plan.Node n, Map<String, String> inputs, Map<String, String> outs)
      throws IOException {
    ObjectNode done = JsonNodeFactory.instance.objectNode();
    done.put("format", "glasslab-done-1");
    done.put("stage", n.stage().name());
    done.put("version", n.stage().version());
    done.put("key", key);
    done.set("params", Hashes.canonical(n.params().tree()));
    if (n.stage().stochastic()) {
      done.put("seed", n.seed());
    }
    done.set("inputs", JsonFiles.mapper().valueToTree(inputs));
    done.set("outputs", JsonFiles.mapper().valueToTree(outs));
    JsonFiles.write(tmp.resolve(Engine.DONE), done);
    Path target = entry(key);
    try {
      Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      if (!Files.exists(target.resolve(Engine.DONE))) {
        throw e;
      }
      // An identical instance (same key, e.g. in another branch) published first.
      AtomicFile.deleteTree(tmp);
    }
    AtomicFile.deleteTree(scratch(key));
    Files.deleteIfExists(failureFile(key));
  }

  /** The output hashes recorded in the done record of {@code key}. */
  Map<String, String> readOutputs(String key) throws IOException {
    JsonNode done = JsonFiles.read(entry(key).resolve(Engine.DONE));
    Map<String, String> m = new LinkedHashMap<>();
    done.path("outputs").fields().forEachRemaining(e -> m.put(e.getKey(), e.getValue().asText()));
    return m;
  }

  /** Points results/BRANCH/STAGE at the entry of {@code key} (atomic symlink swap). */
  void link(String branchId, String stageName, String key) throws IOException {
    Path link = runDir.resolve("results").resolve(branchId).resolve(stageName);
    Files.createDirectories(link.getParent());
    Path target = link.getParent().relativize(entry(key));
    Path tmp = link.resolveSibling("." + stageName + "." + UUID.randomUUID() + ".lnk");
    try {
      Files.createSymbolicLink(tmp, target);
      Files.move(tmp, link, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (UnsupportedOperationException | IOException e) {
      Files.deleteIfExists(tmp);
      // No symlinks on this file system: the manifest still maps instances to cache entries.
    }
  }
}
