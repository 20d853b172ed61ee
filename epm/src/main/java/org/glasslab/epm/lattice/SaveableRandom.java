package org.glasslab.epm.lattice;

import java.util.random.RandomGenerator;

/**
 * xoshiro256** pseudo-random generator (Blackman &amp; Vigna) with a readable and restorable state,
 * so that a lattice-EPM checkpoint replays bit for bit. Seeded through SplitMix64 from one {@code
 * long}. Gaussian and exponential variates use the {@link RandomGenerator} defaults, which are
 * deterministic functions of {@link #nextLong()}.
 */
public final class SaveableRandom implements RandomGenerator {
  private long s0;
  private long s1;
  private long s2;
  private long s3;

  /** A generator seeded from {@code seed} (SplitMix64 expansion to 256 bits). */
  public SaveableRandom(long seed) {
    long z = seed;
    long[] s = new long[4];
    for (int i = 0; i < 4; i++) {
      z += 0x9E3779B97F4A7C15L;
      long x = z;
      x = (x ^ (x >>> 30)) * 0xBF58476D1CE4E5B9L;
      x = (x ^ (x >>> 27)) * 0x94D049BB133111EBL;
      s[i] = x ^ (x >>> 31);
    }
    setState(s);
  }

  /** A generator in the given state [4] (not modified). */
  public static SaveableRandom fromState(long[] state) {
    SaveableRandom r = new SaveableRandom(0);
    r.setState(state);
    return r;
  }

  /** The full generator state [4]; a generator restored from it continues identically. */
  public long[] state() {
    return new long[] {s0, s1, s2, s3};
  }

  /**
   * Restores a state previously returned by {@link #state()}.
   *
   * @param state [4], not modified
   */
  public void setState(long[] state) {
    if (state == null || state.length != 4) {
      throw new IllegalArgumentException("generator state must have 4 longs");
    }
    if ((state[0] | state[1] | state[2] | state[3]) == 0) {
      throw new IllegalArgumentException("the all-zero xoshiro256** state is invalid");
    }
    s0 = state[0];
    s1 = state[1];
    s2 = state[2];
    s3 = state[3];
  }

  @Override
  public long nextLong() {
    long result = Long.rotateLeft(s1 * 5, 7) * 9;
    long t = s1 << 17;
    s2 ^= s0;
    s3 ^= s1;
    s1 ^= s2;
    s0 ^= s3;
    s2 ^= t;
    s3 = Long.rotateLeft(s3, 45);
    return result;
  }
}
