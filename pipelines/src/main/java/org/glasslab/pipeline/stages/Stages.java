package org.glasslab.pipeline.stages;

import java.util.List;
import java.util.Map;
import org.glasslab.pipeline.engine.StageRegistry;
import org.glasslab.pipeline.task.EpmElasticResponseTask;
import org.glasslab.pipeline.task.EpmLocalYieldTask;
import org.glasslab.pipeline.task.GofrTask;
import org.glasslab.pipeline.task.ModesTask;
import org.glasslab.pipeline.task.MsdTask;
import org.glasslab.pipeline.task.ThermoTask;

/**
 * The stages GlassLab ships. To add a stage, add one {@code .register(...)} line here: a {@link
 * TaskStage} over a task (no class of its own), or a class implementing {@code Stage}.
 */
public final class Stages {
  private Stages() {}

  /** A registry of every built-in stage. */
  public static StageRegistry builtin() {
    return new StageRegistry()
        .register(new ImportStage())
        .register(new ObservablesStage())
        .register(new SnapshotStage())
        .register(new CompareObservablesStage())
        .register(new SimulateStage())
        .register(new MinimizeStage())
        .register(new StressStage())
        .register(
            new TaskStage<>(
                ThermoTask.INSTANCE,
                1,
                ImportStage.TRAJECTORY,
                "potential energy, pressure and stress tensor of a frame (eqs 3-5)"))
        .register(
            new TaskStage<>(
                MsdTask.INSTANCE,
                1,
                ImportStage.TRAJECTORY,
                "mean-squared displacement from frame 0 against time (Fig 1 a)"))
        .register(
            new TaskStage<>(
                GofrTask.INSTANCE,
                1,
                ImportStage.TRAJECTORY,
                "radial distribution g(r) of a frame"))
        .register(new EventsStage())
        .register(new SignaturesStage())
        .register(new RefineStage())
        .register(
            new TaskStage<>(
                "modes",
                ModesTask.INSTANCE,
                2,
                List.of(MinimizeStage.IS),
                List.of("modes.csv"),
                "lambda_smallest, zero and negative modes of every inherent structure (Fig 1 e)",
                Map.of()))
        .register(new BettiStage())
        .register(new Fig1Stage())
        .register(new LocalStage())
        .register(new SoftnessStage())
        .register(new CorrelateStage())
        .register(new LagFieldsStage())
        .register(new TemperatureEnsembleStage())
        .register(new MlSoftnessStage())
        .register(new EventFieldsStage())
        .register(TemperatureEnsembleStage.events())
        .register(new EpmMeanfieldStage())
        .register(new EpmGillespieStage())
        .register(new EpmLatticeStage())
        .register(new EpmTcScanStage())
        .register(new EpmGammaCompareStage())
        .register(new EpmCompareStage())
        .register(
            new TaskStage<>(
                "epm-local-yield",
                EpmLocalYieldTask.INSTANCE,
                1,
                List.of(MinimizeStage.IS),
                ParticleLatticeStage.LOCAL_YIELD,
                "local yield stress and x of patches of the last IS by the frozen-matrix method,"
                    + " theta of P(x) (read by particle-lattice)",
                Map.of()))
        .register(
            new TaskStage<>(
                "epm-elastic-response",
                EpmElasticResponseTask.INSTANCE,
                1,
                List.of(MinimizeStage.IS),
                ParticleLatticeStage.ELASTIC,
                "Eshelby fit of the response to imposed shear transformations in an IS; r* sets"
                    + " the particle-lattice cell size",
                Map.of()))
        .register(new ParticleLatticeStage());
  }
}
