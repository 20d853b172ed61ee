package org.glasslab.analysis.mechanics;

/**
 * Fill-reducing ordering of a sparse graph by recursive level-structure nested dissection (George
 * and Liu): a breadth-first search from a pseudo-peripheral vertex cuts the part at its median
 * level; the vertices of that level that touch the far side form the separator, numbered after both
 * halves, which are ordered recursively. Small parts (and parts whose level structure is too short
 * to cut) are numbered in breadth-first order. EJML's sparse Cholesky offers no nested-dissection
 * or minimum-degree ordering, so this is the fill-reducing ordering used before factorizing the
 * Hessian; on the 2D contact network it keeps the Cholesky factor near {@code O(n log n)}.
 */
final class NestedDissection {
  /** Parts up to this many vertices are numbered directly. */
  static final int LEAF = 16;

  /** Smallest fraction of a part that each side of a separator must keep. */
  static final double BALANCE = 0.4;

  private NestedDissection() {}

  /**
   * Orders the vertices of an undirected graph.
   *
   * @param adjStart [n+1] CSR offsets, not modified
   * @param adj neighbour indices (both directions, no self loops), not modified
   * @return order [n]: {@code order[k]} is the vertex placed at position k
   */
  static int[] order(int[] adjStart, int[] adj) {
    final int n = adjStart.length - 1;
    int[] order = new int[n];
    int[] part = new int[n]; // part id of each vertex still to be placed
    int[] level = new int[n];
    java.util.Arrays.fill(level, -1);
    int[] queue = new int[n];
    int[] tmp = new int[n];
    // explicit stack of parts: (vertex list, first position)
    java.util.ArrayDeque<int[]> lists = new java.util.ArrayDeque<>();
    java.util.ArrayDeque<Integer> firsts = new java.util.ArrayDeque<>();
    int[] all = new int[n];
    for (int i = 0; i < n; i++) {
      all[i] = i;
    }
    lists.push(all);
    firsts.push(0);
    int nextId = 1;
    while (!lists.isEmpty()) {
      int[] v = lists.pop();
      int lo = firsts.pop();
      int id = nextId++;
      for (int x : v) {
        part[x] = id;
      }
      // connected component of v[0]
      int compSize = bfs(v[0], id, adjStart, adj, part, level, queue);
      if (compSize < v.length) {
        // split off the component; the rest becomes another part
        int[] comp = java.util.Arrays.copyOf(queue, compSize);
        int[] rest = new int[v.length - compSize];
        int r = 0;
        for (int x : v) {
          if (level[x] < 0) {
            rest[r++] = x;
          }
        }
        clearLevels(comp, level);
        lists.push(comp);
        firsts.push(lo);
        lists.push(rest);
        firsts.push(lo + compSize);
        continue;
      }
      if (v.length <= LEAF) {
        System.arraycopy(queue, 0, order, lo, compSize);
        clearLevels(v, level);
        continue;
      }
      // pseudo-peripheral start: two extra sweeps from the last vertex reached
      int far = queue[compSize - 1];
      clearLevels(v, level);
      bfs(far, id, adjStart, adj, part, level, queue);
      far = queue[compSize - 1];
      clearLevels(v, level);
      bfs(far, id, adjStart, adj, part, level, queue);
      int maxLevel = level[queue[compSize - 1]];
      if (maxLevel < 2) {
        System.arraycopy(queue, 0, order, lo, compSize);
        clearLevels(v, level);
        continue;
      }
      // separator level: the smallest level among those leaving both sides with at least
      // BALANCE of the part (the median level when none qualifies)
      int half = compSize / 2;
      int m = level[queue[half]];
      m = Math.max(1, Math.min(maxLevel - 1, m));
      int[] levelSize = new int[maxLevel + 1];
      for (int k = 0; k < compSize; k++) {
        levelSize[level[queue[k]]]++;
      }
      int below = levelSize[0];
      int best = Integer.MAX_VALUE;
      for (int l = 1; l < maxLevel; l++) {
        int above = compSize - below - levelSize[l];
        if (below >= BALANCE * compSize && above >= BALANCE * compSize && levelSize[l] < best) {
          best = levelSize[l];
          m = l;
        }
        below += levelSize[l];
      }
      // separator: level-m vertices adjacent to level m+1
      int na = 0;
      int nb = 0;
      int ns = 0;
      for (int k = 0; k < compSize; k++) {
        int x = queue[k];
        int lx = level[x];
        if (lx < m) {
          na++;
        } else if (lx > m) {
          nb++;
        } else {
          boolean touches = false;
          for (int a = adjStart[x]; a < adjStart[x + 1]; a++) {
            int y = adj[a];
            if (part[y] == id && level[y] == m + 1) {
              touches = true;
              break;
            }
          }
          if (touches) {
            tmp[ns++] = x;
          } else {
            na++;
          }
        }
      }
      int[] sideA = new int[na];
      int[] sideB = new int[nb];
      int ia = 0;
      int ib = 0;
      int sepCursor = 0;
      for (int k = 0; k < compSize; k++) {
        int x = queue[k];
        int lx = level[x];
        if (lx > m) {
          sideB[ib++] = x;
        } else if (lx < m) {
          sideA[ia++] = x;
        } else if (sepCursor < ns && tmp[sepCursor] == x) {
          sepCursor++;
        } else {
          sideA[ia++] = x;
        }
      }
      assert ia == na && ib == nb && sepCursor == ns;
      System.arraycopy(tmp, 0, order, lo + na + nb, ns);
      clearLevels(v, level);
      for (int k = 0; k < ns; k++) {
        part[tmp[k]] = 0;
      }
      if (na > 0) {
        lists.push(sideA);
        firsts.push(lo);
      }
      if (nb > 0) {
        lists.push(sideB);
        firsts.push(lo + na);
      }
    }
    return order;
  }

  private static void clearLevels(int[] v, int[] level) {
    for (int x : v) {
      level[x] = -1;
    }
  }

  /**
   * Breadth-first search inside part {@code id} from {@code s}; levels must be -1 on entry for the
   * part's vertices.
   *
   * @return number of vertices reached; they are in {@code queue[0..count)} in BFS order
   */
  private static int bfs(
      int s, int id, int[] adjStart, int[] adj, int[] part, int[] level, int[] queue) {
    int head = 0;
    int tail = 0;
    queue[tail++] = s;
    level[s] = 0;
    while (head < tail) {
      int x = queue[head++];
      int lx = level[x] + 1;
      for (int a = adjStart[x]; a < adjStart[x + 1]; a++) {
        int y = adj[a];
        if (part[y] == id && level[y] < 0) {
          level[y] = lx;
          queue[tail++] = y;
        }
      }
    }
    return tail;
  }
}
