package org.glasslab.pipeline.task;

import java.util.List;

/**
 * A {@link Task} whose identity (name, command words, description, input, declared parameters) is
 * fixed by its constructor, so that a task class adds only its parameter record, {@link #run},
 * {@link #table} and {@link #report} (and, optionally, {@link #print} and {@link #figures}).
 * Declare the {@code INSTANCE} singleton after the {@link Param} constants it is built from.
 */
public abstract class AbstractTask<P extends Record, I, R> implements Task<P, I, R> {
  private final String name;
  private final String command;
  private final String description;
  private final Input<I> input;
  private final List<Param<?>> params;

  /**
   * @param name task, command and stage name
   * @param command the command's words under {@code glasslab} (e.g. {@code epm meanfield})
   * @param description one line for help texts
   * @param input what {@link #run} reads
   * @param params the declared parameters, in help order
   */
  protected AbstractTask(
      String name, String command, String description, Input<I> input, List<Param<?>> params) {
    this.name = name;
    this.command = command;
    this.description = description;
    this.input = input;
    this.params = List.copyOf(params);
  }

  /** A task whose command is its name. */
  protected AbstractTask(String name, String description, Input<I> input, List<Param<?>> params) {
    this(name, name, description, input, params);
  }

  @Override
  public final String name() {
    return name;
  }

  @Override
  public final String command() {
    return command;
  }

  @Override
  public final String description() {
    return description;
  }

  @Override
  public final Input<I> input() {
    return input;
  }

  @Override
  public final List<Param<?>> params() {
    return params;
  }
}
