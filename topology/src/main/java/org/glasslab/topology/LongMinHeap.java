package org.glasslab.topology;

import java.util.Arrays;

/**
 * Binary min-heap of {@code long} keys holding a chain over GF(2): equal keys cancel in pairs, so
 * the pivot is the smallest key present an odd number of times.
 */
final class LongMinHeap {
  private long[] a = new long[256];
  private int size;

  void clear() {
    size = 0;
  }

  int size() {
    return size;
  }

  void push(long v) {
    if (size == a.length) {
      a = Arrays.copyOf(a, 2 * size);
    }
    int i = size++;
    while (i > 0) {
      int p = (i - 1) >>> 1;
      long pv = a[p];
      if (pv <= v) {
        break;
      }
      a[i] = pv;
      i = p;
    }
    a[i] = v;
  }

  private void pop() {
    long last = a[--size];
    int i = 0;
    int half = size >>> 1;
    while (i < half) {
      int c = 2 * i + 1;
      long cv = a[c];
      int r = c + 1;
      if (r < size && a[r] < cv) {
        c = r;
        cv = a[r];
      }
      if (last <= cv) {
        break;
      }
      a[i] = cv;
      i = c;
    }
    a[i] = last;
  }

  /**
   * The smallest key with odd multiplicity, or -1 when the chain is zero. Cancelled pairs at the
   * top are removed; the pivot stays in the heap.
   */
  long pivot() {
    while (size > 0) {
      long top = a[0];
      // A duplicate of the minimum, if any, sits at a child of the root.
      if ((size > 1 && a[1] == top) || (size > 2 && a[2] == top)) {
        pop();
        pop();
      } else {
        return top;
      }
    }
    return -1L;
  }
}
