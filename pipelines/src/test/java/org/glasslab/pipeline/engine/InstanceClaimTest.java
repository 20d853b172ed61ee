package org.glasslab.pipeline.engine;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Per-instance claims: one holder at a time, a waiter returns when the instance is published, a
 * claim of a dead process is taken over, and a run's cleanup spares the attempts of a live claim.
 */
class InstanceClaimTest {
  @TempDir Path dir;

  @Test
  void oneHolderAtATimeAndWaitersSeeThePublication() throws Exception {
    InstanceClaim a = InstanceClaim.acquire(dir, "k1", () -> false);
    assertNotNull(a);
    assertTrue(InstanceClaim.isHeld(dir, "k1"));
    AtomicBoolean published = new AtomicBoolean();
    CompletableFuture<InstanceClaim> waiter =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                return InstanceClaim.acquire(dir, "k1", published::get);
              } catch (Exception e) {
                throw new IllegalStateException(e);
              }
            });
    Thread.sleep(500);
    assertFalse(waiter.isDone(), "waits while the holder lives");
    published.set(true);
    assertNull(waiter.get(10, TimeUnit.SECONDS), "returns without claiming once published");
    a.close();
    assertFalse(Files.exists(InstanceClaim.dirOf(dir, "k1")));
  }

  @Test
  void theClaimOfADeadProcessIsTakenOver() throws Exception {
    Process p = new ProcessBuilder("true").start();
    p.waitFor();
    Path d = InstanceClaim.dirOf(dir, "k2");
    Files.createDirectories(d);
    Files.writeString(
        d.resolve("owner.json"),
        "{\"host\": \"%s\", \"pid\": %d, \"start\": \"x\"}"
            .formatted(java.net.InetAddress.getLocalHost().getHostName(), p.pid()));
    assertTrue(InstanceClaim.isStale(d));
    try (InstanceClaim c = InstanceClaim.acquire(dir, "k2", () -> false)) {
      assertNotNull(c);
      assertTrue(InstanceClaim.isHeld(dir, "k2"), "now held by this process");
    }
  }

  @Test
  void cleanupSparesAttemptsOfLiveClaims() throws Exception {
    ResultCache cache = new ResultCache(dir);
    String live = "a".repeat(64);
    String dead = "b".repeat(64);
    Files.createDirectories(cache.dir());
    Path liveTmp = cache.newAttempt(live);
    Path deadTmp = cache.newAttempt(dead);
    try (InstanceClaim c = InstanceClaim.acquire(cache.dir(), live, () -> false)) {
      cache.cleanTemporaries();
      assertTrue(Files.exists(liveTmp), "another process is computing it");
      assertFalse(Files.exists(deadTmp), "nobody claims it: a dead attempt");
      cache.cleanAttempts(live);
      assertFalse(Files.exists(liveTmp), "the claimant clears its own key's dead attempts");
    }
  }
}
