package org.glasslab.data.random;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.random.RandomGenerator;
import org.apache.commons.rng.core.RandomProviderDefaultState;
import org.apache.commons.rng.core.source64.SplitMix64;
import org.apache.commons.rng.core.source64.XoShiRo256PlusPlus;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;

/**
 * The one random source of GlassLab: a seeded, checkpointable xoshiro256++ stream (Apache Commons
 * RNG {@link XoShiRo256PlusPlus}) with Commons RNG samplers for Gaussian and exponential variates,
 * and child streams derived from the seed in one documented way. Every stochastic computation
 * (sample preparation, Monte Carlo engines, random start vectors, sub-sampling, bootstraps) draws
 * from an {@code Rng}; not thread-safe, so use one per simulation or per parallel task ({@link
 * #derive}).
 *
 * <p><b>Seeding.</b> {@code new Rng(seed)} sets the 256-bit xoshiro256++ state to the first four
 * outputs of SplitMix64 started at {@code seed} (Steele, Lea &amp; Flood 2014: output k =
 * mix64(seed + k·γ), γ = 0x9E3779B97F4A7C15, mix64 = Stafford's variant 13 finalizer). This is the
 * expansion Blackman &amp; Vigna recommend, so {@link #nextLong()} equals the reference
 * xoshiro256++ seeded that way.
 *
 * <p><b>Child streams.</b> The stream labelled {@code label} of a generator with seed {@code s} is
 * {@code new Rng(deriveSeed(s, label))} with {@code deriveSeed(s, label) = mix64(s ^ mix64(label +
 * 0xD1B54A32D192ED03))}; several labels apply in turn ({@code deriveSeed(s, a, b) =
 * deriveSeed(deriveSeed(s, a), b)}). The child depends only on the parent's seed and the labels,
 * not on how much the parent has drawn, so children built in any order or in parallel are the same.
 * For a fixed parent, distinct labels give distinct child seeds (both mixes are bijections).
 *
 * <p><b>Variates.</b> {@link #nextDouble()} is {@code (nextLong() >>> 11)·2⁻⁵³} in [0, 1); {@link
 * #nextInt(int)} is Lemire's unbiased bounded draw; {@link #nextGaussian()} and {@link
 * #nextExponential()} (mean 1) are McFarland's modified ziggurat ({@link ZigguratSampler}), which
 * caches nothing between calls.
 *
 * <p><b>Checkpoints.</b> {@link #saveState()} returns the seed and the complete provider state
 * (including Commons RNG's cached bits for {@code nextInt()} / {@code nextBoolean()}); {@link
 * #restoreState(byte[])} continues the stream bit for bit.
 *
 * <p>Streams changed once when GlassLab moved to this class (from hand-written SplitMix64 /
 * xoshiro256** / xoshiro256++ generators and {@code SplittableRandom}): files made by an earlier
 * version with the same seed differ from today's (see docs/random.md).
 */
public final class Rng implements RandomGenerator {
  private static final long DERIVE_KEY = 0xD1B54A32D192ED03L;

  /** Length of {@link #saveState()} in bytes. */
  public static final int STATE_BYTES =
      8 + providerState(new XoShiRo256PlusPlus(1, 2, 3, 4)).length;

  private long seed;
  private final XoShiRo256PlusPlus source;
  private final ZigguratSampler.NormalizedGaussian gaussian;
  private final ZigguratSampler.Exponential exponential;

  /** A generator seeded with {@code seed} (SplitMix64 expansion, see the class comment). */
  public Rng(long seed) {
    this.seed = seed;
    SplitMix64 expand = new SplitMix64(seed);
    this.source =
        new XoShiRo256PlusPlus(
            expand.nextLong(), expand.nextLong(), expand.nextLong(), expand.nextLong());
    this.gaussian = ZigguratSampler.NormalizedGaussian.of(source);
    this.exponential = ZigguratSampler.Exponential.of(source);
  }

  /** A generator continuing exactly from {@code state} (from {@link #saveState()}). */
  public static Rng fromState(byte[] state) {
    Rng r = new Rng(0);
    r.restoreState(state);
    return r;
  }

  /**
   * The seed of child stream {@code labels[0]}, then of its child {@code labels[1]}, and so on:
   * {@code s ← mix64(s ^ mix64(label + 0xD1B54A32D192ED03))} per label (see the class comment).
   */
  public static long deriveSeed(long seed, long... labels) {
    long s = seed;
    for (long label : labels) {
      s = mix64(s ^ mix64(label + DERIVE_KEY));
    }
    return s;
  }

  /** The provider's state bytes (Commons RNG core providers save a default state). */
  private static byte[] providerState(XoShiRo256PlusPlus provider) {
    return ((RandomProviderDefaultState) provider.saveState()).getState();
  }

  /** Stafford's variant 13 of the MurmurHash3 finalizer, as in SplitMix64 (a bijection). */
  private static long mix64(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  /** The seed this generator was created with (after {@link #restoreState}: the saved one). */
  public long seed() {
    return seed;
  }

  /**
   * The child stream {@code label}: {@code new Rng(deriveSeed(seed(), label))}. Does not advance
   * this generator.
   */
  public Rng derive(long label) {
    return new Rng(deriveSeed(seed, label));
  }

  /** The complete state ({@link #STATE_BYTES} bytes: the seed, big-endian, then the provider). */
  public byte[] saveState() {
    byte[] provider = providerState(source);
    return ByteBuffer.allocate(8 + provider.length).putLong(seed).put(provider).array();
  }

  /**
   * Restores a state returned by {@link #saveState()}; the stream then continues bit for bit.
   *
   * @throws IllegalArgumentException if {@code state} is not {@link #STATE_BYTES} long
   */
  public void restoreState(byte[] state) {
    if (state == null || state.length != STATE_BYTES) {
      throw new IllegalArgumentException(
          "random generator state must have "
              + STATE_BYTES
              + " bytes, got "
              + (state == null ? "none" : state.length));
    }
    source.restoreState(new RandomProviderDefaultState(Arrays.copyOfRange(state, 8, state.length)));
    seed = ByteBuffer.wrap(state, 0, 8).getLong();
  }

  @Override
  public long nextLong() {
    return source.nextLong();
  }

  @Override
  public long nextLong(long bound) {
    return source.nextLong(bound);
  }

  @Override
  public int nextInt() {
    return source.nextInt();
  }

  /** Uniform in [0, bound) (Lemire's method, unbiased). */
  @Override
  public int nextInt(int bound) {
    return source.nextInt(bound);
  }

  /** Uniform in [0, 1): the top 53 bits of {@link #nextLong()}. */
  @Override
  public double nextDouble() {
    return source.nextDouble();
  }

  @Override
  public float nextFloat() {
    return source.nextFloat();
  }

  @Override
  public boolean nextBoolean() {
    return source.nextBoolean();
  }

  /** Standard normal deviate (ziggurat). */
  @Override
  public double nextGaussian() {
    return gaussian.sample();
  }

  /** Exponential deviate with mean 1 (ziggurat). */
  @Override
  public double nextExponential() {
    return exponential.sample();
  }
}
