package org.glasslab.epm.lattice;

import org.glasslab.data.random.Rng;

/**
 * Complete state of a {@link LatticeEpm} (checkpoint): restoring it replays the run bit for bit.
 * Arrays are defensive copies, each [N = L^2], site (x, y) at index y*L + x.
 *
 * @param params model parameters
 * @param seed the seed the run was started from (provenance)
 * @param sigma local stresses σ_i [stress]
 * @param thresholds yield thresholds σ_th,i [stress]
 * @param plasticStrain accumulated released stress ε_p,i [stress]
 * @param time clock [1/f0]
 * @param events plastic events since the end of the initial relaxation
 * @param steps protocol steps (KMC: events; discrete: Δt steps, skipped empty steps included)
 * @param relaxationEvents events spent in the initial athermal relaxation
 * @param targetMean mean stress that re-centring restores [stress]
 * @param nextRecenter event count at which the next re-centring happens
 * @param rngState generator state ({@link Rng#saveState()})
 */
public record LatticeState(
    LatticeParams params,
    long seed,
    double[] sigma,
    double[] thresholds,
    double[] plasticStrain,
    double time,
    long events,
    long steps,
    long relaxationEvents,
    double targetMean,
    long nextRecenter,
    byte[] rngState) {

  /** Validates array lengths and copies the arrays. */
  public LatticeState {
    int n = params.size() * params.size();
    if (sigma.length != n || thresholds.length != n || plasticStrain.length != n) {
      throw new IllegalArgumentException(
          "state arrays must have N = L^2 = " + n + " entries for L = " + params.size());
    }
    if (rngState.length != Rng.STATE_BYTES) {
      throw new IllegalArgumentException(
          "rng state must have " + Rng.STATE_BYTES + " bytes, got " + rngState.length);
    }
    sigma = sigma.clone();
    thresholds = thresholds.clone();
    plasticStrain = plasticStrain.clone();
    rngState = rngState.clone();
  }

  @Override
  public double[] sigma() {
    return sigma.clone();
  }

  @Override
  public double[] thresholds() {
    return thresholds.clone();
  }

  @Override
  public double[] plasticStrain() {
    return plasticStrain.clone();
  }

  @Override
  public byte[] rngState() {
    return rngState.clone();
  }
}
