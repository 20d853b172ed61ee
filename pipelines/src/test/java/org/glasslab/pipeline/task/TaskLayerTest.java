package org.glasslab.pipeline.task;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.glasslab.pipeline.cli.Cli;
import org.glasslab.pipeline.cli.CliRunner;
import org.glasslab.pipeline.engine.ParamException;
import org.glasslab.pipeline.engine.Params;
import org.glasslab.pipeline.engine.Stage;
import org.glasslab.pipeline.engine.StageRegistry;
import org.glasslab.pipeline.stages.Stages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import picocli.CommandLine;

/**
 * The task declarations drive both adapters: every declared parameter is a stage parameter and a
 * command option, each task has a command, a bad value is reported by the stage under the spec key
 * and by the command under the option name, and task names are unique.
 */
class TaskLayerTest {
  static CommandLine command(Task<?, ?, ?> t) {
    CommandLine cl =
        Cli.commandLine(new java.io.PrintWriter(System.out), new java.io.PrintWriter(System.err));
    for (String w : t.command().split(" ")) {
      cl = cl.getSubcommands().get(w);
      assertNotNull(cl, t.command());
    }
    return cl;
  }

  @Test
  void everyDeclaredParameterIsAStageParameterAndAnOption() {
    StageRegistry reg = Stages.builtin();
    Set<String> names = new HashSet<>();
    for (Task<?, ?, ?> t : Tasks.ALL) {
      assertTrue(names.add(t.name()), "task name " + t.name() + " twice");
      CommandLine cl = command(t);
      for (Param<?> p : t.params()) {
        assertNotNull(cl.getCommandSpec().findOption(p.option()), t.name() + " " + p.option());
        assertTrue(
            cl.getCommandSpec()
                .findOption(p.option())
                .description()[0]
                .startsWith(p.help().substring(0, 10)),
            p.name());
      }
      Stage s = reg.get(t.name().equals("strain") ? "local" : t.name());
      if (s != null) {
        for (Param<?> p : t.params()) {
          assertEquals(p.help(), s.parameters().get(p.name()), t.name() + " " + p.name());
        }
      }
      // the declared defaults make a valid record, unless a parameter without default is required
      // (stress: the run temperature), which the error names
      try {
        assertNotNull(t.parameters(Values.DEFAULTS), t.name());
      } catch (InvalidParam e) {
        assertNull(e.param().defaultValue(), t.name() + ": " + e.getMessage());
        assertTrue(
            t.params().contains(e.param()) || e.param().equals(t.outputArgument()),
            t.name() + ": " + e.getMessage());
      }
    }
  }

  @Test
  void badValuesAreNamedByBothAdapters() {
    Stage msd = Stages.builtin().get("msd");
    Params bad =
        Params.empty().with("origin_stride", new com.fasterxml.jackson.databind.node.IntNode(0));
    ParamException e = assertThrowsParam(() -> msd.validate(bad));
    assertEquals("origin_stride", e.key());
    assertTrue(e.getMessage().contains(">= 1"), e.getMessage());
    CliRunner r = CliRunner.run("msd", "x.h5", "--origin-stride", "0");
    assertEquals(Cli.EXIT_USAGE, r.exit());
    assertTrue(r.err().contains("--origin-stride: must be >= 1"), r.err());
    Stage local = Stages.builtin().get("local");
    Params mode =
        Params.empty().with("displacement", new com.fasterxml.jackson.databind.node.TextNode("x"));
    assertEquals("displacement", assertThrowsParam(() -> local.validate(mode)).key());
  }

  static ParamException assertThrowsParam(Executable body) {
    return org.junit.jupiter.api.Assertions.assertThrows(ParamException.class, body);
  }
}
