package org.glasslab.data;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * A random-access sequence of frames of the same N particles in a constant box, with the MD step
 * and time of each frame. Implementations may read frames lazily from disk; the static data
 * (diameters, ids, types) is held once.
 *
 * <p>Frame indices run from 0 to {@link #frameCount()}-1 and follow the order in the file; steps
 * are strictly increasing. Close file-backed trajectories when done.
 */
public interface Trajectory extends AutoCloseable {

  /** Number of frames. */
  int frameCount();

  /** Number of particles (the same in every frame). */
  int particleCount();

  /** The periodic box (constant along the trajectory). */
  Box box();

  /** MD step of frame {@code k}. */
  long step(int k);

  /** Simulation time of frame {@code k} [time]. */
  double time(int k);

  /** Diameters [N] [length], the same in every frame; a copy. */
  double[] diameters();

  /**
   * Frame {@code k}, read on demand.
   *
   * @throws UncheckedIOException if a file-backed frame cannot be read
   */
  Configuration frame(int k);

  /** Per-frame observables stored with the trajectory (may be empty), keyed by name. */
  default Map<String, TimeSeries> observables() {
    return Map.of();
  }

  /**
   * Spec of the pair potential the data was made with (md-engine {@code Potentials} syntax, e.g.
   * {@code "lj:cutoff=2.5"}), or {@code null} when the file records none (readers then assume
   * {@code wca}). H5MD stores it at {@code /parameters/glasslab/potential}, a run directory under
   * {@code provenance.potential} in {@code run.json}.
   */
  default String potential() {
    return null;
  }

  /**
   * Parameters of the MD run that wrote the frames (key to value, as in {@code run.json}'s {@code
   * provenance}: {@code dt}, {@code T}, {@code skin}, {@code seed}, ...), empty when the file
   * records none (imports, LAMMPS dumps, minimized trajectories). A run directory gives its index's
   * provenance; H5MD stores it as attributes {@code run.KEY} of {@code /parameters/glasslab}.
   * Replay of the MD (md-engine {@code Replay}) needs it.
   */
  default Map<String, String> provenance() {
    return Map.of();
  }

  /** Releases file handles; a no-op for in-memory trajectories. */
  @Override
  default void close() throws IOException {}
}
