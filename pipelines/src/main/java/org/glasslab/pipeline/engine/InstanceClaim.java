package org.glasslab.pipeline.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.glasslab.data.io.AtomicFile;
import org.glasslab.pipeline.store.JsonFiles;

/**
 * Who is computing a stage instance right now, across processes and nodes sharing a run directory:
 * the directory {@code cache/.claim-KEY}, created by one atomic {@code mkdir} (which NFS and the
 * usual cluster filesystems provide; no {@code fcntl} locks). It holds {@code owner.json} (host,
 * PID, process start, Slurm job) whose modification time the owner refreshes every {@value
 * #HEARTBEAT_S} s. A claim is stale when its owner process is gone (same host) or its heartbeat is
 * older than {@link #staleSeconds()} (another host); a stale claim is taken over, and only then are
 * the temporary files of that key deleted.
 */
public final class InstanceClaim implements AutoCloseable {
  /** Seconds between heartbeats. */
  static final int HEARTBEAT_S = 10;

  private static final String OWNER = "owner.json";
  private static final Set<Path> HELD = ConcurrentHashMap.newKeySet();
  private static final ScheduledExecutorService BEAT =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "glasslab-claim-heartbeat");
            t.setDaemon(true);
            return t;
          });

  static {
    BEAT.scheduleAtFixedRate(
        () -> {
          FileTime now = FileTime.from(Instant.now());
          for (Path p : HELD) {
            try {
              Files.setLastModifiedTime(p.resolve(OWNER), now);
            } catch (IOException | RuntimeException e) {
              // the claim was released meanwhile, or the file system hiccupped: next beat
            }
          }
        },
        HEARTBEAT_S,
        HEARTBEAT_S,
        TimeUnit.SECONDS);
    // A job ended by SIGTERM (scancel, time limit) releases its claims so that a rerun need not
    // wait for them to go stale; the attempt's files are left for the next owner to delete.
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  for (Path p : HELD) {
                    try {
                      AtomicFile.deleteTree(p);
                    } catch (IOException | RuntimeException e) {
                      // best effort while the JVM exits
                    }
                  }
                }));
  }

  private final Path dir;

  private InstanceClaim(Path dir) {
    this.dir = dir;
  }

  /** The claim directory of {@code key} in cache directory {@code cacheDir}. */
  static Path dirOf(Path cacheDir, String key) {
    return cacheDir.resolve(".claim-" + key);
  }

  /**
   * Claims {@code key}, waiting while a live owner holds it. Returns null, without claiming, as
   * soon as {@code done} holds (the other owner published the instance).
   */
  public static InstanceClaim acquire(Path cacheDir, String key, BooleanSupplier done)
      throws IOException, InterruptedException {
    Path d = dirOf(cacheDir, key);
    while (true) {
      if (done.getAsBoolean()) {
        return null;
      }
      try {
        Files.createDirectory(d);
        writeOwner(d);
        HELD.add(d);
        return new InstanceClaim(d);
      } catch (FileAlreadyExistsException held) {
        if (isStale(d)) {
          breakStale(d);
          continue;
        }
      } catch (NoSuchFileException gone) {
        // the cache directory is being created by someone else, or the claim vanished: retry
      }
      Thread.sleep(200);
    }
  }

  /** Whether a live owner (not stale) holds a claim on {@code key}. */
  static boolean isHeld(Path cacheDir, String key) {
    Path d = dirOf(cacheDir, key);
    return Files.isDirectory(d) && !isStale(d);
  }

  /** Releases the claim (deletes its directory). */
  @Override
  public void close() throws IOException {
    HELD.remove(dir);
    AtomicFile.deleteTree(dir);
  }

  /** Seconds without heartbeat after which another host's claim is stale (env override). */
  static long staleSeconds() {
    String s = System.getenv("GLASSLAB_CLAIM_STALE_SECONDS");
    try {
      return s == null ? 6L * HEARTBEAT_S : Math.max(2L * HEARTBEAT_S, Long.parseLong(s));
    } catch (NumberFormatException e) {
      return 6L * HEARTBEAT_S;
    }
  }

  private static void writeOwner(Path d) throws IOException {
    ObjectNode o = JsonNodeFactory.instance.objectNode();
    ProcessHandle me = ProcessHandle.current();
    o.put("host", host());
    o.put("pid", me.pid());
    o.put("start", me.info().startInstant().map(Instant::toString).orElse(""));
    String job = System.getenv("SLURM_JOB_ID");
    if (job != null) {
      o.put("slurm_job", job);
    }
    o.put("time", Instant.now().toString());
    JsonFiles.write(d.resolve(OWNER), o);
  }

  static boolean isStale(Path d) {
    try {
      Path owner = d.resolve(OWNER);
      if (!Files.exists(owner)) {
        // created but its owner not yet written: stale only if that never happens
        return age(d) > staleSeconds();
      }
      JsonNode o = JsonFiles.read(owner);
      if (o.path("host").asText().equals(host())) {
        Optional<ProcessHandle> p = ProcessHandle.of(o.path("pid").asLong());
        String start = o.path("start").asText();
        return p.isEmpty()
            || !p.get().isAlive()
            || !start.equals(p.get().info().startInstant().map(Instant::toString).orElse(""));
      }
      return age(owner) > staleSeconds();
    } catch (NoSuchFileException gone) {
      return false; // released while we looked: the next mkdir decides
    } catch (IOException e) {
      return false; // torn owner file of a claim being made: look again
    }
  }

  private static long age(Path p) throws IOException {
    return Instant.now().getEpochSecond()
        - Files.getLastModifiedTime(p).toInstant().getEpochSecond();
  }

  /** Removes a stale claim: renamed away first, so that two takers never delete a fresh one. */
  private static void breakStale(Path d) throws IOException {
    Path away = d.resolveSibling(".stale" + d.getFileName() + "-" + UUID.randomUUID());
    try {
      Files.move(d, away, StandardCopyOption.ATOMIC_MOVE);
    } catch (NoSuchFileException gone) {
      return;
    }
    if (!isStale(away)) {
      // Another taker replaced it with a fresh claim between our look and the rename: give it back.
      try {
        Files.move(away, d, StandardCopyOption.ATOMIC_MOVE);
        return;
      } catch (IOException e) {
        // d exists again; the fresh owner lost its claim: publication stays atomic and identical
      }
    }
    AtomicFile.deleteTree(away);
  }

  private static String host() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (IOException e) {
      return "unknown";
    }
  }
}
