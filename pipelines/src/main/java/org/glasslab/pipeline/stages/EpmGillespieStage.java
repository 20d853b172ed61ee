package org.glasslab.pipeline.stages;

import java.util.List;
import java.util.Map;
import org.glasslab.pipeline.engine.ParamException;
import org.glasslab.pipeline.engine.Params;
import org.glasslab.pipeline.task.EpmGillespieTask;

/**
 * {@code epm-gillespie} (generator, no trajectory): the task {@link EpmGillespieTask} → {@code
 * epm-gillespie.csv} (P(σ) per bin of the largest N, simulation ± error and Fokker–Planck) and the
 * P(σ) plot; {@code n} may list several N (the 1/N extrapolation of Γ is in the command's report).
 * Seeded from the stage seed unless the spec sets {@code seed}.
 */
public final class EpmGillespieStage
    extends TaskStage<EpmGillespieTask.Params, Void, EpmGillespieTask.Result> {
  /** The stage (stateless). */
  public EpmGillespieStage() {
    super(
        "epm-gillespie",
        EpmGillespieTask.INSTANCE,
        1,
        List.of(),
        List.of("epm-gillespie.csv"),
        "mean-field EPM Gillespie simulation: Gamma and P(sigma) against Fokker-Planck",
        Map.of());
  }

  @Override
  public void validate(Params p) {
    if (p.has("save_state")) {
      throw new ParamException("save_state", "command only; the stage's result is its table");
    }
    super.validate(p);
  }
}
