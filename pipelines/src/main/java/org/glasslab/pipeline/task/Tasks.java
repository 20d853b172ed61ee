package org.glasslab.pipeline.task;

import java.util.List;

/**
 * Every task GlassLab ships. The CLI makes one command per entry ({@code glasslab NAME}); the
 * pipeline's stages over tasks are registered in {@code stages/Stages}. To add an analysis: write
 * the task class and add it here (and, for a pipeline stage, one line in {@code Stages}).
 */
public final class Tasks {
  private Tasks() {}

  /** The tasks with a top-level command, in help order. */
  public static final List<Task<?, ?, ?>> ALL =
      List.of(
          SimulateTask.INSTANCE,
          ThermoTask.INSTANCE,
          StressTask.INSTANCE,
          ModesTask.INSTANCE,
          MinimizeTask.INSTANCE,
          MsdTask.INSTANCE,
          GofrTask.INSTANCE,
          CorrelateTask.INSTANCE,
          SoftnessTask.INSTANCE,
          MlSoftnessTask.INSTANCE,
          StrainTask.INSTANCE,
          EventsTask.INSTANCE,
          SignaturesTask.INSTANCE,
          RefineTask.INSTANCE,
          BettiTask.INSTANCE,
          EpmMeanfieldTask.INSTANCE,
          EpmGillespieTask.INSTANCE,
          EpmLatticeTask.INSTANCE,
          EpmTcScanTask.INSTANCE,
          EpmLocalYieldTask.INSTANCE,
          EpmElasticResponseTask.INSTANCE);
}
