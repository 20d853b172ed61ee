package org.glasslab.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A trajectory held in memory: a list of configurations of the same particles in the same box, with
 * strictly increasing steps, plus optional observables.
 */
public final class MemoryTrajectory implements Trajectory {
  private final List<Configuration> frames;
  private final Map<String, TimeSeries> observables;
  private final String potential;
  private final Map<String, String> provenance;

  /**
   * Checks that every frame has the same N, box and diameters and that steps increase.
   *
   * @throws IllegalArgumentException naming the first offending frame
   */
  public MemoryTrajectory(List<Configuration> frames, Map<String, TimeSeries> observables) {
    this(frames, observables, null);
  }

  /**
   * As {@link #MemoryTrajectory(List, Map)}, labelled with the spec of the pair potential the
   * frames were made with ({@code null}: none recorded); H5MD writers record it.
   */
  public MemoryTrajectory(
      List<Configuration> frames, Map<String, TimeSeries> observables, String potential) {
    if (frames.isEmpty()) {
      throw new IllegalArgumentException("a trajectory needs at least one frame");
    }
    Configuration first = frames.get(0);
    for (int k = 1; k < frames.size(); k++) {
      checkFrame(k, first, frames.get(k - 1).step(), frames.get(k));
    }
    this.frames = List.copyOf(frames);
    this.observables = new LinkedHashMap<>(observables);
    this.potential = potential;
    this.provenance = Map.of();
  }

  /**
   * Checks that frame {@code k} ({@code c}) has frame 0's N, box and diameters and a step above the
   * previous frame's {@code previousStep}: the conditions of a {@link Trajectory}, for readers that
   * index frames without holding them.
   *
   * @throws IllegalArgumentException naming frame {@code k} and what differs
   */
  public static void checkFrame(int k, Configuration first, long previousStep, Configuration c) {
    if (c.size() != first.size()) {
      throw new IllegalArgumentException(
          "frame " + k + " has N = " + c.size() + " particles, frame 0 has " + first.size());
    }
    if (!c.box().equals(first.box())) {
      throw new IllegalArgumentException(
          "frame " + k + " box " + c.box() + " differs from frame 0 box " + first.box());
    }
    if (!Arrays.equals(c.diameters(), first.diameters())) {
      throw new IllegalArgumentException("frame " + k + " diameters differ from frame 0");
    }
    if (c.step() <= previousStep) {
      throw new IllegalArgumentException(
          "frame "
              + k
              + " step "
              + c.step()
              + " does not increase over frame "
              + (k - 1)
              + " step "
              + previousStep);
    }
  }

  private MemoryTrajectory(MemoryTrajectory t, String potential, Map<String, String> provenance) {
    this.frames = t.frames;
    this.observables = t.observables;
    this.potential = potential;
    this.provenance = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(provenance));
  }

  /** A copy labelled with the pair potential spec {@code spec} ({@code null}: none). */
  public MemoryTrajectory withPotential(String spec) {
    return new MemoryTrajectory(this, spec, provenance);
  }

  /**
   * A copy carrying the MD run's parameters {@code run} (see {@link Trajectory#provenance()}), so
   * that a selection of frames keeps them.
   */
  public MemoryTrajectory withProvenance(Map<String, String> run) {
    return new MemoryTrajectory(this, potential, run);
  }

  @Override
  public Map<String, String> provenance() {
    return provenance;
  }

  @Override
  public String potential() {
    return potential;
  }

  /** A trajectory of the given frames without observables. */
  public static MemoryTrajectory of(List<Configuration> frames) {
    return new MemoryTrajectory(frames, Map.of());
  }

  /** Reads every frame of {@code source} into memory. */
  public static MemoryTrajectory copyOf(Trajectory source) {
    List<Configuration> list = new ArrayList<>(source.frameCount());
    for (int k = 0; k < source.frameCount(); k++) {
      list.add(source.frame(k));
    }
    return new MemoryTrajectory(list, source.observables(), source.potential())
        .withProvenance(source.provenance());
  }

  @Override
  public int frameCount() {
    return frames.size();
  }

  @Override
  public int particleCount() {
    return frames.get(0).size();
  }

  @Override
  public Box box() {
    return frames.get(0).box();
  }

  @Override
  public long step(int k) {
    return frames.get(k).step();
  }

  @Override
  public double time(int k) {
    return frames.get(k).time();
  }

  @Override
  public double[] diameters() {
    return frames.get(0).diameters();
  }

  @Override
  public Configuration frame(int k) {
    return frames.get(k);
  }

  @Override
  public Map<String, TimeSeries> observables() {
    return java.util.Collections.unmodifiableMap(observables);
  }
}
