package org.glasslab.pipeline.task;

/**
 * A figure a task offers for a pipeline's report (stages draw it; commands do not).
 *
 * @param name file stem inside the stage's output directory
 * @param figure the plot
 * @param caption one sentence for the report
 */
public record Figure(String name, org.glasslab.pipeline.plot.Figure figure, String caption) {}
