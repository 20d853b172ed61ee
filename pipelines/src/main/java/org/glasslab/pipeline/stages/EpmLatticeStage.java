package org.glasslab.pipeline.stages;

import java.util.Map;
import org.glasslab.pipeline.engine.ParamException;
import org.glasslab.pipeline.engine.Params;
import org.glasslab.pipeline.task.EpmLatticeTask;

/**
 * {@code epm-lattice} (generator, no trajectory): the task {@link EpmLatticeTask} (the same run as
 * {@code glasslab epm lattice}) from a quenched state warmed up until stationary; its files
 * prefixed {@code epm_}: {@code epm_avalanches.csv} (with each avalanche's epicentre and periodic
 * centroid, version 4), {@code epm_ps.csv} (P(S) on logarithmic bins), {@code epm_sites.csv} (σ,
 * σ_th, x = σ_th − |σ| at {@code snapshots} evenly spaced event counts), {@code
 * epm_persistence.csv} (p and χ4, read by {@code particle-lattice}), the other tables and the
 * checkpoint {@code epm_state.bin}, plus the P(S) plot. The undriven model drains its stress after
 * a few sweeps, so avalanches are a property of the transient: keep {@code events} of order a few
 * N. Seeded from the stage seed unless the spec sets {@code seed} (recorded in the manifest).
 */
public final class EpmLatticeStage
    extends TaskStage<EpmLatticeTask.Params, Void, EpmLatticeTask.Result> {
  /** Site-field snapshots: snapshot, events, time, site, sigma, threshold, x. */
  static final String SITES = "epm_sites.csv";

  /** The stage (stateless). */
  public EpmLatticeStage() {
    super(
        "epm-lattice",
        EpmLatticeTask.INSTANCE,
        4,
        "epm_",
        "thermal lattice EPM (kinetic Monte Carlo): avalanches and P(S)",
        Map.of());
  }

  @Override
  public void validate(Params p) {
    if (p.has("restore")) {
      throw new ParamException("restore", "command only: a stage starts from a fresh quench");
    }
    super.validate(p);
  }
}
