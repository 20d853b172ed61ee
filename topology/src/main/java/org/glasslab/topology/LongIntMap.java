package org.glasslab.topology;

import java.util.Arrays;

/**
 * Open-addressing hash map from non-negative {@code long} keys to {@code int} values, no boxing.
 */
final class LongIntMap {
  /** Returned by {@link #get} for an absent key. */
  static final int MISSING = Integer.MIN_VALUE;

  private long[] keys;
  private int[] vals;
  private int mask;
  private int size;

  LongIntMap(int expected) {
    int cap = Integer.highestOneBit(Math.max(16, expected * 2 - 1)) << 1;
    keys = new long[cap];
    vals = new int[cap];
    Arrays.fill(keys, -1L);
    mask = cap - 1;
  }

  private static int hash(long k) {
    long h = k * 0x9E3779B97F4A7C15L;
    return (int) (h ^ (h >>> 29) ^ (h >>> 41));
  }

  int size() {
    return size;
  }

  int get(long key) {
    int p = hash(key) & mask;
    while (true) {
      long k = keys[p];
      if (k == key) {
        return vals[p];
      }
      if (k == -1L) {
        return MISSING;
      }
      p = (p + 1) & mask;
    }
  }

  void put(long key, int value) {
    assert key >= 0;
    if (2 * (size + 1) > keys.length) {
      grow();
    }
    int p = hash(key) & mask;
    while (true) {
      long k = keys[p];
      if (k == key) {
        vals[p] = value;
        return;
      }
      if (k == -1L) {
        keys[p] = key;
        vals[p] = value;
        size++;
        return;
      }
      p = (p + 1) & mask;
    }
  }

  private void grow() {
    long[] ok = keys;
    int[] ov = vals;
    keys = new long[ok.length * 2];
    vals = new int[ok.length * 2];
    Arrays.fill(keys, -1L);
    mask = keys.length - 1;
    size = 0;
    for (int p = 0; p < ok.length; p++) {
      if (ok[p] != -1L) {
        put(ok[p], ov[p]);
      }
    }
  }
}
