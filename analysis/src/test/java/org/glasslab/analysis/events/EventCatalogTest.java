package org.glasslab.analysis.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.glasslab.analysis.events.EventCatalog.Interval;
import org.glasslab.analysis.events.EventCatalog.Kind;
import org.glasslab.data.Box;
import org.glasslab.data.Configuration;
import org.glasslab.data.FrameSchedule;
import org.glasslab.data.MemoryTrajectory;
import org.glasslab.data.random.Rng;
import org.glasslab.testsupport.SyntheticFrames;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Planted ground truth: a synthetic IS trajectory on a log-block schedule whose creep noise grows
 * with the lag (IS positions scattered about their sites by 0.14 (lag/512)^1/2 per axis, the lag
 * being the one that led to the frame) (at the block ends about a fifth of the particles move more
 * than the threshold, in clusters large enough to fool a per-interval size criterion), with compact
 * clusters of particles displaced at known intervals, block ends included.
 */
class EventCatalogTest {
  static final int NX = 30;
  static final int NCFG = 11; // lags 1, 2, ..., 512 within a block
  static final long B = 1100; // cross-block lag 1100 + 1 - 1024 = 77
  static final int BLOCKS = 8;
  static final int EVENT_SIZE = 20;

  /** Planted events as {block, j}: the interval from frame (block, j) to (block, j+1). */
  static final int[][] PLANTED = {{1, 3}, {2, 6}, {3, 0}, {4, 8}, {5, 9}, {6, 2}, {7, 5}};

  record Planted(MemoryTrajectory is, Map<Integer, Set<Integer>> events) {}

  static Planted plant(long seed) {
    double[][] lat = SyntheticFrames.lattice(NX, NX, 0.9, 0.05, seed);
    Box box = new Box(lat[1][0], lat[1][1]);
    double[] u = lat[0];
    double[] site = u.clone(); // creep scatters IS positions about these; an event moves them
    int n = u.length / 2;
    FrameSchedule.LogBlock s = new FrameSchedule.LogBlock(B, NCFG, 0.003, BLOCKS);
    Map<Integer, Set<Integer>> events = new HashMap<>();
    for (int[] p : PLANTED) {
      events.put(p[0] * NCFG + p[1], null);
    }
    Rng rng = new Rng(seed).derive(7);
    List<Configuration> frames = new ArrayList<>();
    frames.add(SyntheticFrames.fromUnwrapped(box, u, s.step(0), s.step(0) * 0.003));
    for (int f = 0; f + 1 < s.frameCount(); f++) {
      long lag = s.step(f + 1) - s.step(f);
      double sigma = 0.14 * Math.sqrt(Math.min(lag, 512) / 512.0);
      final double[] before = u; // frame f, where the catalogue links moved particles
      u = u.clone();
      for (int k = 0; k < u.length; k++) {
        u[k] = site[k] + sigma * rng.nextGaussian();
      }
      if (events.containsKey(f)) {
        int centre = (int) (rng.nextDouble() * n);
        // A connected patch: grown from the centre through neighbours closer than 1.4 (below the
        // default link distance 1.5) in the frame before the event, nearest to the centre first.
        Set<Integer> patch = new TreeSet<>();
        patch.add(centre);
        while (patch.size() < EVENT_SIZE) {
          int best = -1;
          double bestDist = Double.MAX_VALUE;
          for (int i = 0; i < n; i++) {
            if (patch.contains(i) || !touches(box, before, i, patch)) {
              continue;
            }
            double dx = box.minImage(before[2 * i] - before[2 * centre], 0);
            double dy = box.minImage(before[2 * i + 1] - before[2 * centre + 1], 1);
            if (dx * dx + dy * dy < bestDist) {
              bestDist = dx * dx + dy * dy;
              best = i;
            }
          }
          patch.add(best);
        }
        double angle = 2 * Math.PI * rng.nextDouble();
        Set<Integer> members = new TreeSet<>();
        for (int i : patch) {
          u[2 * i] += 0.8 * Math.cos(angle);
          u[2 * i + 1] += 0.8 * Math.sin(angle);
          // Ground truth is what moved beyond the threshold: at the block ends the creep can, very
          // rarely, cancel most of a member's 0.8 kick.
          if (Math.hypot(u[2 * i] - before[2 * i], u[2 * i + 1] - before[2 * i + 1]) > 0.3) {
            members.add(i);
          }
          site[2 * i] += 0.8 * Math.cos(angle);
          site[2 * i + 1] += 0.8 * Math.sin(angle);
        }
        events.put(f, members);
      }
      frames.add(SyntheticFrames.fromUnwrapped(box, u, s.step(f + 1), s.step(f + 1) * 0.003));
    }
    return new Planted(MemoryTrajectory.of(frames), events);
  }

  static boolean touches(Box box, double[] x, int i, Set<Integer> patch) {
    for (int j : patch) {
      double dx = box.minImage(x[2 * i] - x[2 * j], 0);
      double dy = box.minImage(x[2 * i + 1] - x[2 * j + 1], 1);
      if (dx * dx + dy * dy < 1.4 * 1.4) {
        return true;
      }
    }
    return false;
  }

  @Test
  void everyPlantedEventIsFoundWithItsClusterAndNoBlockEndIsAnEvent() {
    checkSeeds(1, 3);
  }

  /** 7 planted events and 80 unplanted intervals per seed: 392 events, 4480 intervals. */
  @Tag("validation")
  @Test
  void plantedEventsOverManySeeds() {
    checkSeeds(4, 59);
  }

  private static void checkSeeds(long first, long last) {
    for (long seed = first; seed <= last; seed++) {
      Planted p = plant(seed);
      EventCatalog.Result r = new EventCatalog(EventOptions.defaults()).compute(p.is());
      int naiveBlockEnds = 0;
      for (Interval iv : r.intervals()) {
        Set<Integer> planted = p.events().get(iv.frame());
        String where = "seed " + seed + " interval " + iv.frame() + " lag " + iv.lag();
        if (planted != null) {
          assertEquals(
              Kind.AVALANCHE,
              iv.kind(),
              where
                  + " z "
                  + iv.z()
                  + " sizes "
                  + Arrays.toString(iv.clusterSizes())
                  + " strengths "
                  + Arrays.toString(iv.clusterStrengths())
                  + " moved "
                  + iv.moved());
          Set<Integer> found = new TreeSet<>();
          for (int i : iv.largestMembers()) {
            found.add(i);
          }
          assertTrue(found.containsAll(planted), where + ": cluster " + found);
          // Creep adds the moved neighbours that touch the cluster: a few at short lags; at the
          // block ends, where a fifth of all particles move, the event's cluster absorbs more.
          int allowed = iv.lag() < 512 ? EVENT_SIZE + 8 : 3 * EVENT_SIZE;
          assertTrue(found.size() <= allowed, where + ": cluster of " + found.size());
        } else {
          assertFalse(iv.isEvent(), where + " flagged " + iv.kind() + " z " + iv.z());
        }
        if (iv.lag() == 512 && iv.largestCluster() >= EventOptions.defaults().minClusterSize()) {
          naiveBlockEnds++;
        }
      }
      // The test is meaningful: a size criterion alone would flag most block ends.
      assertTrue(naiveBlockEnds >= BLOCKS / 2, "seed " + seed + ": " + naiveBlockEnds);
    }
  }

  @Test
  void quietIntervalsAreNeverEventsAndTooFewBlocksAreNotJudged() {
    double[][] lat = SyntheticFrames.lattice(10, 10, 0.9, 0.05, 5);
    Box box = new Box(lat[1][0], lat[1][1]);
    List<Configuration> frames = new ArrayList<>();
    for (int f = 0; f < 6; f++) {
      double[] u = lat[0].clone();
      if (f >= 3) {
        for (int i = 0; i < 10; i++) {
          u[2 * i] += 0.5; // the first row moves once, between frames 2 and 3
        }
      }
      frames.add(SyntheticFrames.fromUnwrapped(box, u, 1L << f, 0.003 * (1L << f)));
    }
    EventCatalog.Result r =
        new EventCatalog(EventOptions.defaults()).compute(MemoryTrajectory.of(frames));
    assertEquals(5, r.intervals().size());
    for (Interval iv : r.intervals()) {
      if (iv.frame() == 2) {
        assertEquals(Kind.UNJUDGED, iv.kind()); // each lag occurs once: nothing to compare with
        assertEquals(10, iv.moved());
        assertEquals(10, iv.largestCluster());
        assertEquals(10 * 0.25, iv.largestStrength(), 1e-12);
        assertEquals(0.1, iv.participation(), 1e-12); // 10 of 100 particles, equal moves
      } else {
        assertEquals(Kind.QUIET, iv.kind());
        assertEquals(0, iv.sumSquares(), 1e-24);
      }
    }
  }

  @Test
  void inconsistentTrajectoriesAndParametersAreRefused() {
    Configuration[] pair = SyntheticFrames.framePair(64, 1);
    MemoryTrajectory one = MemoryTrajectory.of(List.of(pair[0]));
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> new EventCatalog(EventOptions.defaults()).compute(one));
    assertTrue(e.getMessage().contains("at least 2 inherent structures"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> new EventOptions(0.3, 1.5, 5, 4.0, 1));
    assertTrue(e.getMessage().contains("min same-lag"), e.getMessage());
  }
}
