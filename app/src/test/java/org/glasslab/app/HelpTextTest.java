package org.glasslab.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * Every command's help, as a user reaches it: {@code glasslab ... --help} and {@code glasslab help
 * ...} print the same text on stdout and nothing on stderr (picocli writes its own warnings, e.g.
 * an unescaped '%' in a description, straight to System.err, so that is captured too).
 */
class HelpTextTest {

  private record Run(int code, String out, String err) {}

  private static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    PrintStream oldErr = System.err;
    ByteArrayOutputStream sysErr = new ByteArrayOutputStream();
    System.setErr(new PrintStream(sysErr, true, StandardCharsets.UTF_8));
    int code;
    try {
      code = Main.commandLine(new PrintWriter(out, true), new PrintWriter(err, true)).execute(args);
    } finally {
      System.setErr(oldErr);
    }
    return new Run(code, out.toString(), err + sysErr.toString(StandardCharsets.UTF_8));
  }

  /** The word paths of every command and subcommand below {@code glasslab}. */
  private static List<List<String>> commands() {
    List<List<String>> all = new ArrayList<>();
    walk(
        Main.commandLine(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter())),
        new ArrayList<>(),
        all);
    return all;
  }

  private static void walk(CommandLine c, List<String> path, List<List<String>> all) {
    all.add(List.copyOf(path));
    for (var e : c.getSubcommands().entrySet()) {
      if (e.getValue().getCommandSpec().helpCommand()) {
        continue;
      }
      path.add(e.getKey());
      walk(e.getValue(), path, all);
      path.remove(path.size() - 1);
    }
  }

  @Test
  void everyHelpIsCleanAndHelpCommandReachesEveryDepth() {
    List<List<String>> cmds = commands();
    assertTrue(cmds.size() > 30, "found only " + cmds.size() + " commands");
    for (List<String> path : cmds) {
      List<String> args = new ArrayList<>(path);
      args.add("--help");
      Run r = run(args.toArray(new String[0]));
      String name = String.join(" ", ("glasslab " + String.join(" ", path)).strip().split(" "));
      assertEquals(0, r.code(), name + " --help: exit code; stderr: " + r.err());
      assertEquals("", r.err(), name + " --help wrote to stderr");
      assertTrue(r.out().startsWith("Usage: " + name + " "), name + " --help:\n" + r.out());
      List<String> viaHelp = new ArrayList<>();
      viaHelp.add("help");
      viaHelp.addAll(path);
      Run h = run(viaHelp.toArray(new String[0]));
      assertEquals(0, h.code(), "glasslab help " + path + ": " + h.err());
      assertEquals("", h.err(), "glasslab help " + path + " wrote to stderr");
      assertEquals(r.out(), h.out(), "glasslab help " + String.join(" ", path) + " differs");
    }
  }

  @Test
  void commandListsShowWholeSentences() {
    // a parent lists each subcommand by the first line of its description: a whole sentence
    CommandLine root =
        Main.commandLine(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()));
    List<CommandLine> pending = new ArrayList<>(List.of(root));
    while (!pending.isEmpty()) {
      CommandLine c = pending.remove(0);
      for (CommandLine sub : c.getSubcommands().values()) {
        String[] d = sub.getCommandSpec().usageMessage().description();
        String qn = sub.getCommandSpec().qualifiedName();
        assertTrue(d.length > 0, qn + " has no description");
        assertTrue(
            d[0].strip().endsWith("."), qn + ": listed as '" + d[0] + "' (cut mid-sentence)");
        pending.add(sub);
      }
    }
  }

  @Test
  void helpOfAnUnknownCommandIsAUsageError() {
    Run r = run("help", "bench", "wobble");
    assertEquals(2, r.code());
    assertTrue(r.err().contains("unknown command 'wobble'"), r.err());
    assertTrue(r.err().contains("md"), r.err());
  }
}
