package org.glasslab.md;

import java.util.List;
import org.glasslab.data.Configuration;

/**
 * The complete state of a {@link ProtocolRun}: parameters, RNG state, engine state, quench flag,
 * and the already recorded frames of the unfinished production block.
 *
 * @param protocol the parameters
 * @param rngState the {@link org.glasslab.data.random.Rng} state ({@code Rng.saveState()})
 * @param state the engine state (internal particle order)
 * @param quenched whether the quench to T has happened
 * @param nextFrame index of the next frame to record
 * @param pendingFrames recorded frames of the current block
 * @param pendingRaw per pending frame (U, K, T, W_xx, W_yy, W_xy)
 */
public record ProtocolCheckpoint(
    Protocol protocol,
    byte[] rngState,
    SimulationState state,
    boolean quenched,
    int nextFrame,
    List<Configuration> pendingFrames,
    List<double[]> pendingRaw) {

  /** Checks consistency. */
  public ProtocolCheckpoint {
    if (pendingFrames.size() != pendingRaw.size()) {
      throw new IllegalArgumentException("pending frames and observables differ in number");
    }
    rngState = rngState.clone();
    pendingFrames = List.copyOf(pendingFrames);
    pendingRaw = List.copyOf(pendingRaw);
  }
}
