package org.glasslab.data;

import java.util.Map;

/**
 * A view of another trajectory that forwards every method to it; subclasses override what they
 * change (binned diameters, added provenance). The view does not own its source: {@link #close()}
 * leaves it open, so the source must outlive the view.
 */
public abstract class ForwardingTrajectory implements Trajectory {
  /** The trajectory viewed. */
  protected final Trajectory source;

  /** A view of {@code source}. */
  protected ForwardingTrajectory(Trajectory source) {
    this.source = source;
  }

  @Override
  public int frameCount() {
    return source.frameCount();
  }

  @Override
  public int particleCount() {
    return source.particleCount();
  }

  @Override
  public Box box() {
    return source.box();
  }

  @Override
  public long step(int k) {
    return source.step(k);
  }

  @Override
  public double time(int k) {
    return source.time(k);
  }

  @Override
  public double[] diameters() {
    return source.diameters();
  }

  @Override
  public Configuration frame(int k) {
    return source.frame(k);
  }

  @Override
  public Map<String, TimeSeries> observables() {
    return source.observables();
  }

  @Override
  public String potential() {
    return source.potential();
  }

  @Override
  public Map<String, String> provenance() {
    return source.provenance();
  }
}
