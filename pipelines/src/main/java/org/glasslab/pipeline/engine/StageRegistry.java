package org.glasslab.pipeline.engine;

import java.util.Collection;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import org.glasslab.pipeline.stages.AvalanchesStage;
import org.glasslab.pipeline.stages.BettiStage;
import org.glasslab.pipeline.stages.CompareLocalStage;
import org.glasslab.pipeline.stages.CompareObservablesStage;
import org.glasslab.pipeline.stages.CorrelateStage;
import org.glasslab.pipeline.stages.EpmCompareStage;
import org.glasslab.pipeline.stages.EpmLatticeStage;
import org.glasslab.pipeline.stages.EpmMeanfieldStage;
import org.glasslab.pipeline.stages.EpmTcScanStage;
import org.glasslab.pipeline.stages.Fig1Stage;
import org.glasslab.pipeline.stages.ImportStage;
import org.glasslab.pipeline.stages.LocalStage;
import org.glasslab.pipeline.stages.MinimizeStage;
import org.glasslab.pipeline.stages.ModesStage;
import org.glasslab.pipeline.stages.MsdStage;
import org.glasslab.pipeline.stages.ObservablesStage;
import org.glasslab.pipeline.stages.ParticleLatticeStage;
import org.glasslab.pipeline.stages.SimulateStage;
import org.glasslab.pipeline.stages.SnapshotStage;
import org.glasslab.pipeline.stages.SoftnessStage;
import org.glasslab.pipeline.stages.StressStage;

/**
 * Stages by name. {@link #builtin()} lists every stage GlassLab ships: to add a stage, write one
 * class implementing {@link Stage} and add one {@code .register(new MyStage())} line there.
 */
public final class StageRegistry {
  private final Map<String, Stage> stages = new TreeMap<>();

  /** An empty registry (tests register their own stages). */
  public StageRegistry() {}

  /** The stages GlassLab ships. */
  public static StageRegistry builtin() {
    return new StageRegistry()
        .register(new ImportStage())
        .register(new ObservablesStage())
        .register(new SnapshotStage())
        .register(new CompareObservablesStage())
        .register(new SimulateStage())
        .register(new MinimizeStage())
        .register(new StressStage())
        .register(new MsdStage())
        .register(new AvalanchesStage())
        .register(new ModesStage())
        .register(new BettiStage())
        .register(new Fig1Stage())
        .register(new LocalStage())
        .register(new SoftnessStage())
        .register(new CorrelateStage())
        .register(new CompareLocalStage())
        .register(new EpmMeanfieldStage())
        .register(new EpmLatticeStage())
        .register(new EpmTcScanStage())
        .register(new EpmCompareStage())
        .register(new ParticleLatticeStage());
  }

  /**
   * Adds {@code stage}; returns this registry for chaining.
   *
   * @throws IllegalArgumentException if the name is taken or malformed
   */
  public StageRegistry register(Stage stage) {
    String n = stage.name();
    if (n == null || !n.matches("[a-z][a-z0-9_-]*")) {
      throw new IllegalArgumentException(
          "stage name '" + n + "' must be lower case letters, digits, '_' or '-'");
    }
    if (stages.containsKey(n)) {
      throw new IllegalArgumentException("stage '" + n + "' is registered twice");
    }
    if (stage.outputs().isEmpty()) {
      throw new IllegalArgumentException("stage '" + n + "' declares no outputs");
    }
    for (String out : stage.outputs()) {
      if (out.equals(Stage.INPUT) || out.contains("/") || out.startsWith(".")) {
        throw new IllegalArgumentException(
            "stage '" + n + "': output name '" + out + "' must be a plain file name, not 'input'");
      }
    }
    stages.put(n, stage);
    return this;
  }

  /** The stage named {@code name}, or null. */
  public Stage get(String name) {
    return stages.get(name);
  }

  /** All stages, sorted by name. */
  public Collection<Stage> all() {
    return Collections.unmodifiableCollection(stages.values());
  }
}
