package org.glasslab.analysis.events;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.glasslab.data.Box;
import org.glasslab.data.Configuration;
import org.glasslab.data.Trajectory;
import org.glasslab.data.geometry.CellList;

/**
 * The event catalogue of an inherent-structure (IS) trajectory: what changed between every pair of
 * consecutive inherent structures, judged against what the same elapsed time produces elsewhere in
 * the trajectory.
 *
 * <p>For the interval between IS frames f and f+1 (steps S(f), S(f+1), lag S(f+1) − S(f) steps):
 * the displacement d_i of every particle (minimum image between the two frames, so it must stay
 * below half the box), the particles that moved (d_i &gt; {@link EventOptions#moveThreshold} mean
 * diameters), and the clusters they form (moved particles closer than {@link
 * EventOptions#linkDistance} in frame f, across periodic boundaries). A cluster's strength is Σ
 * d_i² over its particles.
 *
 * <p>Judging by elapsed time, not frame index: on the log-block schedule the lags grow as 2^j
 * within a block, and aging creep moves more particles across a longer lag. An interval is compared
 * only with the other intervals of exactly the same lag (every block has one of each): its largest
 * cluster's log strength against their median, in units of 1.4826 × their median absolute deviation
 * (floored at 0.25 in log units so that identical quiet intervals do not make any movement
 * infinitely significant). Quiet intervals are never events however long they are, and a block-end
 * interval is an event only if it stands out from the block ends of the other blocks.
 *
 * <p>Kinds: {@code QUIET} (nothing moved), {@code CREEP} (the IS changed, but only in clusters
 * smaller than {@link EventOptions#minClusterSize} or no more than intervals of the same lag
 * usually change), {@code AVALANCHE} (exactly one significant connected cluster), {@code MULTIPLE}
 * (several separate significant clusters in one interval: several events or spatially spread creep,
 * never one avalanche), {@code UNJUDGED} (too few other intervals of this lag to compare with).
 * Frames are read one at a time; memory is O(N) plus the catalogue.
 */
public final class EventCatalog {
  /** How an interval is classified. */
  public enum Kind {
    /** No particle moved more than the threshold. */
    QUIET,
    /**
     * The IS changed, but not more than intervals of the same lag usually do, or only in specks.
     */
    CREEP,
    /** One significant connected cluster. */
    AVALANCHE,
    /** Several separate significant clusters. */
    MULTIPLE,
    /** Too few intervals of the same lag to judge. */
    UNJUDGED
  }

  /** The MAD floor in units of ln(strength). */
  static final double LOG_SPREAD_FLOOR = 0.25;

  /** How many of the strongest clusters of an interval are kept. */
  static final int KEPT_CLUSTERS = 8;

  /**
   * One interval between consecutive IS frames.
   *
   * @param frame the first frame f (the interval is [f, f+1])
   * @param stepA S(f) [steps]
   * @param stepB S(f+1) [steps]
   * @param timeA t(f) [time]
   * @param timeB t(f+1) [time]
   * @param moved particles with d_i above the threshold
   * @param sumSquares Σ_i d_i² over all particles [length²]
   * @param participation (Σ d_i²)² / (N Σ d_i⁴): 1/N for one particle, 1 for uniform motion (0 when
   *     nothing moved)
   * @param maxDisplacement max_i d_i [length]
   * @param clusterSizes sizes of the (up to {@value #KEPT_CLUSTERS}) strongest clusters, strongest
   *     first
   * @param clusterStrengths their Σ d_i² [length²]
   * @param largestMembers particle indices of the strongest cluster (sorted)
   * @param sameLag how many other intervals have exactly this lag
   * @param z the robust z-score of the strongest cluster against intervals of the same lag (NaN if
   *     not judged)
   * @param significantClusters clusters of at least the minimum size whose own strength is
   *     significant at this lag
   * @param kind the classification
   */
  public record Interval(
      int frame,
      long stepA,
      long stepB,
      double timeA,
      double timeB,
      int moved,
      double sumSquares,
      double participation,
      double maxDisplacement,
      int[] clusterSizes,
      double[] clusterStrengths,
      int[] largestMembers,
      int sameLag,
      double z,
      int significantClusters,
      Kind kind) {

    /** The lag S(f+1) − S(f) [steps]. */
    public long lag() {
      return stepB - stepA;
    }

    /** Size of the strongest cluster (0 when nothing moved). */
    public int largestCluster() {
      return clusterSizes.length == 0 ? 0 : clusterSizes[0];
    }

    /** Strength Σ d_i² of the strongest cluster [length²] (0 when nothing moved). */
    public double largestStrength() {
      return clusterStrengths.length == 0 ? 0.0 : clusterStrengths[0];
    }

    /** This interval with the outcome of the same-lag comparison. */
    Interval judged(int sameLagCount, double score, int significant, Kind newKind) {
      return new Interval(
          frame,
          stepA,
          stepB,
          timeA,
          timeB,
          moved,
          sumSquares,
          participation,
          maxDisplacement,
          clusterSizes,
          clusterStrengths,
          largestMembers,
          sameLagCount,
          score,
          significant,
          newKind);
    }

    /** True for {@code AVALANCHE} and {@code MULTIPLE}. */
    public boolean isEvent() {
      return kind == Kind.AVALANCHE || kind == Kind.MULTIPLE;
    }
  }

  /**
   * The catalogue.
   *
   * @param intervals one per consecutive frame pair, in frame order
   * @param meanDiameter the length unit of the thresholds [length]
   * @param options the parameters used
   */
  public record Result(List<Interval> intervals, double meanDiameter, EventOptions options) {
    /** The intervals classified as events ({@code AVALANCHE} or {@code MULTIPLE}). */
    public List<Interval> events() {
      return intervals.stream().filter(Interval::isEvent).toList();
    }
  }

  private final EventOptions options;

  /** A catalogue builder with {@code options}. */
  public EventCatalog(EventOptions options) {
    this.options = options;
  }

  /**
   * Builds the catalogue of {@code is}, an inherent-structure trajectory (frames read in order, one
   * pair at a time).
   *
   * @throws IllegalArgumentException if it has fewer than two frames, the box or N changes, or
   *     steps do not increase
   */
  public Result compute(Trajectory is) {
    int nf = is.frameCount();
    if (nf < 2) {
      throw new IllegalArgumentException(
          "the event catalogue needs at least 2 inherent structures, got " + nf);
    }
    Configuration a = is.frame(0);
    double meanDiameter = mean(a.diameters());
    double link = options.linkDistance() * meanDiameter;
    double threshold = options.moveThreshold() * meanDiameter;
    CellList cells = CellList.of(a.box(), link);
    List<Interval> raw = new ArrayList<>(nf - 1);
    Clusters clusters = new Clusters(a.size());
    for (int f = 0; f + 1 < nf; f++) {
      Configuration b = is.frame(f + 1);
      check(a, b, is.step(f), is.step(f + 1), f);
      raw.add(measure(f, a, b, is, cells, threshold, clusters));
      a = b;
    }
    return new Result(judge(raw, threshold), meanDiameter, options);
  }

  private static void check(Configuration a, Configuration b, long sa, long sb, int f) {
    if (a.size() != b.size()) {
      throw new IllegalArgumentException(
          "frame " + (f + 1) + " has N = " + b.size() + ", frame " + f + " has " + a.size());
    }
    if (!a.box().equals(b.box())) {
      throw new IllegalArgumentException(
          "the box changes between frames "
              + f
              + " and "
              + (f + 1)
              + ": an IS catalogue needs one box");
    }
    if (sb <= sa) {
      throw new IllegalArgumentException(
          "steps must increase: frame "
              + f
              + " at step "
              + sa
              + ", frame "
              + (f + 1)
              + " at "
              + sb);
    }
  }

  /** The measurements of interval [f, f+1], not yet judged ({@code UNJUDGED}, z NaN). */
  private Interval measure(
      int f,
      Configuration a,
      Configuration b,
      Trajectory is,
      CellList cells,
      double threshold,
      Clusters clusters) {
    int n = a.size();
    Box box = a.box();
    double[] xa = a.positions();
    double[] xb = b.positions();
    double[] d2 = new double[n];
    boolean[] moved = new boolean[n];
    double sum2 = 0;
    double sum4 = 0;
    double max = 0;
    int count = 0;
    double t2 = threshold * threshold;
    for (int i = 0; i < n; i++) {
      double dx = box.minImage(xb[2 * i] - xa[2 * i], 0);
      double dy = box.minImage(xb[2 * i + 1] - xa[2 * i + 1], 1);
      double s = dx * dx + dy * dy;
      d2[i] = s;
      sum2 += s;
      sum4 += s * s;
      max = Math.max(max, s);
      if (s > t2) {
        moved[i] = true;
        count++;
      }
    }
    double pr = sum4 > 0 ? sum2 * sum2 / (n * sum4) : 0.0;
    clusters.reset();
    if (count > 1) {
      cells.forEachPair(
          xa,
          (i, j, dx, dy, r2) -> {
            if (moved[i] && moved[j]) {
              clusters.union(i, j);
            }
          });
    }
    // Cluster sizes and strengths accumulated at their roots (the union-find's scratch arrays).
    int roots = 0;
    for (int i = 0; i < n; i++) {
      if (moved[i]) {
        int r = clusters.find(i);
        if (clusters.count[r] == 0) {
          clusters.roots[roots++] = r;
        }
        clusters.count[r]++;
        clusters.strength[r] += d2[i];
      }
    }
    // The strongest KEPT_CLUSTERS, strongest first (selection: clusters are few).
    int kept = Math.min(KEPT_CLUSTERS, roots);
    int[] sizes = new int[kept];
    double[] strengths = new double[kept];
    int[] keptRoots = new int[kept];
    for (int c = 0; c < kept; c++) {
      int best = -1;
      for (int q = 0; q < roots; q++) {
        int r = clusters.roots[q];
        if (r >= 0
            && (best < 0 || clusters.strength[r] > clusters.strength[clusters.roots[best]])) {
          best = q;
        }
      }
      int r = clusters.roots[best];
      keptRoots[c] = r;
      sizes[c] = clusters.count[r];
      strengths[c] = clusters.strength[r];
      clusters.roots[best] = -1;
    }
    int[] members = new int[0];
    if (kept > 0) {
      int root = keptRoots[0];
      members = new int[sizes[0]];
      int m = 0;
      for (int i = 0; i < n; i++) {
        if (moved[i] && clusters.find(i) == root) {
          members[m++] = i;
        }
      }
    }
    return new Interval(
        f,
        is.step(f),
        is.step(f + 1),
        is.time(f),
        is.time(f + 1),
        count,
        sum2,
        pr,
        Math.sqrt(max),
        sizes,
        strengths,
        members,
        0,
        Double.NaN,
        0,
        Kind.UNJUDGED);
  }

  /** Classifies every interval against the others of the same lag. */
  private List<Interval> judge(List<Interval> raw, double threshold) {
    double eps = threshold * threshold; // one barely moved particle
    Map<Long, List<Integer>> byLag = new HashMap<>();
    for (int k = 0; k < raw.size(); k++) {
      Interval r = raw.get(k);
      byLag.computeIfAbsent(r.lag(), l -> new ArrayList<>()).add(k);
    }
    List<Interval> out = new ArrayList<>(raw.size());
    for (int k = 0; k < raw.size(); k++) {
      Interval r = raw.get(k);
      List<Integer> group = byLag.get(r.lag());
      int others = group.size() - 1;
      double z = Double.NaN;
      int significant = 0;
      double[] reference = new double[others];
      int m = 0;
      for (int q : group) {
        if (q != k) {
          reference[m++] = Math.log(eps + raw.get(q).largestStrength());
        }
      }
      if (r.moved() > 0 && others >= options.minSameLag()) {
        double med = EqualLagJumps.median(reference);
        double[] dev = new double[others];
        for (int q = 0; q < others; q++) {
          dev[q] = Math.abs(reference[q] - med);
        }
        double spread = 1.4826 * Math.max(EqualLagJumps.median(dev), LOG_SPREAD_FLOOR);
        z = (Math.log(eps + r.largestStrength()) - med) / spread;
        for (int c = 0; c < r.clusterSizes().length; c++) {
          double zc = (Math.log(eps + r.clusterStrengths()[c]) - med) / spread;
          if (r.clusterSizes()[c] >= options.minClusterSize() && zc >= options.zThreshold()) {
            significant++;
          }
        }
      }
      out.add(r.judged(others, z, significant, kindOf(r.moved(), !Double.isNaN(z), significant)));
    }
    return out;
  }

  /**
   * The classification of an interval: {@code QUIET} if nothing moved, {@code UNJUDGED} if it was
   * not compared, else by its number of significant clusters (0 {@code CREEP}, 1 {@code AVALANCHE},
   * more {@code MULTIPLE}). Readers of a stored catalogue use it to recover the kind from the
   * numbers.
   */
  public static Kind kindOf(int moved, boolean judged, int significant) {
    if (moved == 0) {
      return Kind.QUIET;
    }
    if (!judged) {
      return Kind.UNJUDGED;
    }
    return significant == 0 ? Kind.CREEP : significant == 1 ? Kind.AVALANCHE : Kind.MULTIPLE;
  }

  private static double mean(double[] v) {
    double s = 0;
    for (double x : v) {
      s += x;
    }
    return s / v.length;
  }

  /** Union-find over particle indices (path halving, union by size), reused across intervals. */
  private static final class Clusters {
    private final int[] parent;
    private final int[] size;

    /** Per root: moved particles in its cluster, their Σ d², and the list of roots seen. */
    final int[] count;

    final double[] strength;
    final int[] roots;

    Clusters(int n) {
      parent = new int[n];
      size = new int[n];
      count = new int[n];
      strength = new double[n];
      roots = new int[n];
    }

    void reset() {
      for (int i = 0; i < parent.length; i++) {
        parent[i] = i;
        size[i] = 1;
        count[i] = 0;
        strength[i] = 0.0;
      }
    }

    int find(int i) {
      while (parent[i] != i) {
        parent[i] = parent[parent[i]];
        i = parent[i];
      }
      return i;
    }

    void union(int i, int j) {
      int a = find(i);
      int b = find(j);
      if (a == b) {
        return;
      }
      if (size[a] < size[b]) {
        int t = a;
        a = b;
        b = t;
      }
      parent[b] = a;
      size[a] += size[b];
    }
  }
}
