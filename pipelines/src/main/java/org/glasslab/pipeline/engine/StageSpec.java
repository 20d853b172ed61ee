package org.glasslab.pipeline.engine;

/**
 * One entry of the spec's {@code stages:} list.
 *
 * @param name the registered stage name
 * @param params its parameters (validated by the stage)
 * @param field the spec field, e.g. {@code stages[2]}, for messages
 */
public record StageSpec(String name, Params params, String field) {}
