package org.glasslab.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Progress bars appear only when stderr itself is a terminal. The commands run as separate
 * processes under {@code script} (util-linux), which gives them a pseudo-terminal: with stderr
 * redirected to a file (stdin and stdout still the terminal, the case {@code System.console()} got
 * wrong) the file holds log lines but no bar; with stderr on the terminal the bars are drawn, each
 * ending as one plain line (its clock stopped) with the log lines intact above it. Skipped where
 * {@code script} is missing.
 */
class ProgressBarTerminalTest {
  private static final Pattern BAR = Pattern.compile("(\\w[\\w-]*) +\\d+% \\[");

  @TempDir static Path dir;

  /** Each command with a name for its stderr file. */
  private static final List<String[]> COMMANDS = new ArrayList<>();

  @BeforeAll
  static void commands() {
    String run = dir.resolve("run").toString();
    COMMANDS.add(
        new String[] {
          "simulate",
          "simulate -o "
              + run
              + " --particles 16 --density 0.5 --blocks 1 -B 8 --n-cfg 3"
              + " --equilibration-time 0.3 --waiting-time 0.3 -T 0.3"
        });
    COMMANDS.add(
        new String[] {"minimize", "minimize " + run + " " + dir.resolve("is.h5") + " --jobs 1"});
    COMMANDS.add(new String[] {"betti", "betti " + run + " --all-frames"});
    COMMANDS.add(new String[] {"gillespie", "epm gillespie -T 0.5 --n 50 --events 2000"});
    COMMANDS.add(
        new String[] {
          "lattice", "epm lattice --size 8 --temperature 0.3 --events 2000 -o " + dir.resolve("lat")
        });
  }

  private static String java() {
    return ProcessHandle.current().info().command().orElse("java");
  }

  /** Runs {@code shellScript} under {@code script}; returns what the terminal received. */
  private static String underTerminal(String name, String shellScript) throws Exception {
    Path sh = dir.resolve(name + ".sh");
    Files.writeString(sh, "set -e\n" + shellScript);
    Path typescript = dir.resolve(name + ".typescript");
    ProcessBuilder pb =
        new ProcessBuilder("script", "-q", "-e", "-c", "sh " + sh, typescript.toString())
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve(name + ".out").toFile());
    pb.environment().put("TERM", "xterm");
    pb.environment().remove("CI");
    Process p = pb.start();
    assertTrue(p.waitFor(10, TimeUnit.MINUTES), name + ": timed out");
    String seen = Files.readString(typescript, StandardCharsets.UTF_8);
    StringBuilder errs = new StringBuilder();
    for (String[] c : COMMANDS) {
      Path e = dir.resolve(c[0] + ".err");
      if (Files.exists(e)) {
        errs.append(c[0]).append(": ").append(Files.readString(e)).append('\n');
      }
    }
    assertEquals(0, p.exitValue(), name + " failed:\n" + seen + errs);
    return seen;
  }

  private static String command(String args, String redirect) {
    return "'"
        + java()
        + (Runtime.version().feature() >= 24 ? "' --enable-native-access=ALL-UNNAMED" : "'")
        + " -cp '"
        + System.getProperty("java.class.path")
        + "' "
        + Main.class.getName()
        + " "
        + args
        + redirect
        + "\n";
  }

  private static boolean haveScript() {
    try {
      Process p = new ProcessBuilder("script", "--version").redirectErrorStream(true).start();
      return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (Exception e) {
      return false;
    }
  }

  @Test
  void barsNeverReachARedirectedStderrButDoReachATerminal() throws Exception {
    assumeTrue(haveScript(), "util-linux 'script' is not installed");
    StringBuilder redirected = new StringBuilder();
    for (String[] c : COMMANDS) {
      redirected.append(command(c[1], " 2>'" + dir.resolve(c[0] + ".err") + "'"));
    }
    underTerminal("redirected", redirected.toString());
    for (String[] c : COMMANDS) {
      String err = Files.readString(dir.resolve(c[0] + ".err"), StandardCharsets.UTF_8);
      assertFalse(BAR.matcher(err).find(), c[0] + ": a progress bar in redirected stderr:\n" + err);
      assertFalse(err.contains("\r") || err.contains("\033"), c[0] + ": terminal codes:\n" + err);
    }
    assertTrue(
        Files.readString(dir.resolve("simulate.err")).contains("glasslab simulate: "),
        "the log lines still go to a redirected stderr");

    // the control: on a terminal the same commands draw their bars (fresh outputs)
    Files.walk(dir.resolve("run"))
        .sorted(java.util.Comparator.reverseOrder())
        .forEach(f -> f.toFile().delete());
    Files.deleteIfExists(dir.resolve("is.h5"));
    Files.deleteIfExists(dir.resolve("is.h5.minimize.csv"));
    Files.walk(dir.resolve("is.h5.frames"))
        .sorted(java.util.Comparator.reverseOrder())
        .forEach(f -> f.toFile().delete());
    Files.walk(dir.resolve("lat"))
        .sorted(java.util.Comparator.reverseOrder())
        .forEach(f -> f.toFile().delete());
    StringBuilder shown = new StringBuilder();
    for (String[] c : COMMANDS) {
      shown.append(command(c[1], ""));
    }
    String tty = underTerminal("terminal", shown.toString());
    for (String bar : new String[] {"simulate", "minimize", "epm-gillespie", "epm-lattice"}) {
      assertTrue(tty.contains(bar + " 100% ["), "no finished '" + bar + "' bar in:\n" + tty);
    }
    // a log line starts on a line of its own (the bars were erased before it)
    Matcher log = Pattern.compile("glasslab simulate: ").matcher(tty);
    int logs = 0;
    while (log.find()) {
      logs++;
      String before = tty.substring(Math.max(0, log.start() - 4), log.start());
      assertTrue(
          before.endsWith("\n") || before.endsWith("\033[2K"),
          "log line written into a bar: ..." + before + "|" + tty.substring(log.start()));
    }
    assertTrue(logs > 0, "simulate's notes missing:\n" + tty);
    // a closed bar is printed once more as a plain line and never redrawn (its clock stopped)
    int end = tty.lastIndexOf("simulate 100% [");
    String after = tty.substring(end);
    int nl = after.indexOf('\n');
    assertTrue(nl > 0, "the finished simulate bar does not end its line");
    Matcher later = BAR.matcher(after.substring(nl));
    while (later.find()) {
      assertFalse(
          later.group(1).equals("simulate"), "simulate's bar drawn again after it finished");
    }
  }
}
