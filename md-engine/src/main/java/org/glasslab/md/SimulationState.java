package org.glasslab.md;

import org.glasslab.data.Box;

/**
 * Everything a {@link Simulation} needs to continue bit for bit: arrays in the engine's internal
 * particle order (which may differ from the original order after spatial sorting), the positions
 * the neighbour list was built from, and the counters that decide the next rebuild and sort.
 *
 * @param box the box
 * @param positions [2N] internal positions (continuous since the last list build) [length]
 * @param velocities [2N] [length/time]
 * @param diameters [N] [length]
 * @param images [2N] images as of the last list build
 * @param order [N] original index of each internal slot
 * @param buildPositions [2N] wrapped positions at the last list build [length]
 * @param step current MD step
 * @param rebuilds number of list rebuilds so far
 * @param sortPhase list rebuilds since the last {@link Simulation#resetToSnapshot()} (or start);
 *     the periodic spatial sort happens when it is a multiple of {@code options.sortEvery()}
 * @param thermostat the thermostat in force
 * @param options numerical options
 */
public record SimulationState(
    Box box,
    double[] positions,
    double[] velocities,
    double[] diameters,
    int[] images,
    int[] order,
    double[] buildPositions,
    long step,
    long rebuilds,
    long sortPhase,
    Thermostat thermostat,
    MdOptions options) {

  /** Checks shapes. */
  public SimulationState {
    int n = diameters.length;
    if (positions.length != 2 * n
        || velocities.length != 2 * n
        || images.length != 2 * n
        || order.length != n
        || buildPositions.length != 2 * n) {
      throw new IllegalArgumentException(
          "inconsistent array lengths in simulation state, N = " + n);
    }
  }
}
