package org.glasslab.md;

import java.util.random.RandomGenerator;

/**
 * A seeded, splittable SplitMix64 generator whose whole state is two longs, so a checkpoint can
 * store it and a restored copy replays identically ({@link #state()} / {@link #restore}). Same
 * algorithm as {@link java.util.SplittableRandom} (Steele, Lea &amp; Flood 2014), made explicit
 * because the JDK generators do not expose their state.
 */
public final class SplitMix64 implements RandomGenerator {
  private static final long GOLDEN_GAMMA = 0x9e3779b97f4a7c15L;

  private long seed;
  private final long gamma;

  /** A generator seeded with {@code seed}. */
  public SplitMix64(long seed) {
    this(seed, GOLDEN_GAMMA);
  }

  private SplitMix64(long seed, long gamma) {
    this.seed = seed;
    this.gamma = gamma;
  }

  /** Restores a generator from {@link #state()}: [seed, gamma]. */
  public static SplitMix64 restore(long[] state) {
    if (state.length != 2 || (state[1] & 1L) == 0) {
      throw new IllegalArgumentException("SplitMix64 state must be [seed, odd gamma]");
    }
    return new SplitMix64(state[0], state[1]);
  }

  /** The complete state [seed, gamma]. */
  public long[] state() {
    return new long[] {seed, gamma};
  }

  private static long mix64(long z) {
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }

  private static long mixGamma(long z) {
    z = (z ^ (z >>> 33)) * 0xff51afd7ed558ccdL;
    z = (z ^ (z >>> 33)) * 0xc4ceb9fe1a85ec53L;
    z = (z ^ (z >>> 33)) | 1L;
    int n = Long.bitCount(z ^ (z >>> 1));
    return (n < 24) ? z ^ 0xaaaaaaaaaaaaaaaaL : z;
  }

  @Override
  public long nextLong() {
    seed += gamma;
    return mix64(seed);
  }

  /** An independent child generator; advances this one by two draws. */
  public SplitMix64 split() {
    long s = nextLong();
    seed += gamma;
    long g = mixGamma(seed);
    return new SplitMix64(s, g);
  }
}
