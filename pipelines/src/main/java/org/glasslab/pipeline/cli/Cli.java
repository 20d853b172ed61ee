package org.glasslab.pipeline.cli;

import java.io.PrintWriter;
import org.glasslab.data.Limits;
import org.glasslab.pipeline.engine.Bars;
import org.glasslab.pipeline.task.Tasks;
import picocli.CommandLine;

/** Builds the picocli command line with GlassLab's exit codes and one-line error messages. */
public final class Cli {
  /** Exit code for a failure while running (bad input file, failed computation). */
  public static final int EXIT_FAILURE = 1;

  /** Exit code for a usage error (unknown option, missing argument, impossible parameter). */
  public static final int EXIT_USAGE = 2;

  private Cli() {}

  /**
   * A usage error found while running, where no picocli command line is at hand (e.g. an input file
   * whose name names no format): exit {@link #EXIT_USAGE} with one line, as a bad option value.
   */
  public static final class UsageError extends IllegalArgumentException {
    /** The error {@code message} (one line, naming the option or file). */
    public UsageError(String message, Throwable cause) {
      super(message, cause);
    }
  }

  /**
   * A command line for {@link GlasslabCommand} and one {@link TaskCommand} per entry of {@link
   * Tasks#ALL}, writing data to {@code out}, logs to {@code err}.
   *
   * @param extraSubcommands further top-level commands (picocli command objects) registered after
   *     the built-in ones, e.g. the {@code bench} tree of the benchmarks module, which sits above
   *     this module; they get the same streams, exit codes and error handling
   */
  public static CommandLine commandLine(
      PrintWriter out, PrintWriter err, Object... extraSubcommands) {
    CommandLine cl = new CommandLine(new GlasslabCommand());
    TaskCommand.addAll(cl, Tasks.ALL);
    for (Object sub : extraSubcommands) {
      cl.addSubcommand(sub);
    }
    cl.setOut(out);
    cl.setErr(err);
    cl.setExitCodeExceptionMapper(
        e ->
            e instanceof CommandLine.ParameterException || e instanceof UsageError
                ? EXIT_USAGE
                : EXIT_FAILURE);
    cl.setParameterExceptionHandler(
        (pe, args) -> {
          CommandLine cmd = pe.getCommandLine();
          usageError(cmd, pe.getMessage());
          return EXIT_USAGE;
        });
    cl.setExecutionExceptionHandler(
        (e, cmd, parseResult) -> {
          if (e instanceof CommandLine.ParameterException || e instanceof UsageError) {
            usageError(cmd, e.getMessage());
            return EXIT_USAGE;
          }
          String msg = Limits.outOfMemory(e) != null ? Limits.outOfMemory(e) : message(e);
          cmd.getErr().println(cmd.getCommandSpec().qualifiedName() + ": " + firstLine(msg));
          if (System.getenv("GLASSLAB_DEBUG") != null) {
            e.printStackTrace(cmd.getErr());
          }
          cmd.getErr().flush();
          return cmd.getExitCodeExceptionMapper().getExitCode(e);
        });
    return cl;
  }

  /**
   * Runs the CLI (with {@code extraSubcommands}, see {@link #commandLine}) on {@code args} with
   * stdout/stderr and returns the exit code.
   */
  public static int execute(String[] args, Object... extraSubcommands) {
    Bars.install(); // on a terminal, log lines go above the progress bars
    PrintWriter out = new PrintWriter(System.out, true);
    PrintWriter err = new PrintWriter(System.err, true);
    try {
      return commandLine(out, err, extraSubcommands).execute(args);
    } catch (OutOfMemoryError e) { // thrown on the main thread: picocli passes errors through
      err.println("glasslab: " + Limits.outOfMemory(e));
      err.flush();
      return EXIT_FAILURE;
    }
  }

  /**
   * A usage error in two lines: what is wrong (naming the option or argument) and where help is;
   * the full usage text would bury the one line that matters.
   */
  private static void usageError(CommandLine cmd, String message) {
    String name = cmd.getCommandSpec().qualifiedName();
    cmd.getErr().println(name + ": " + firstLine(message));
    cmd.getErr().println("Try '" + name + " --help'.");
    cmd.getErr().flush();
  }

  private static String firstLine(String s) {
    int i = s.indexOf('\n');
    return i < 0 ? s : s.substring(0, i);
  }

  /**
   * The one-line message of a failure: file-system errors carry only a path as their message, so
   * they get what went wrong in front of it.
   */
  static String message(Throwable e) {
    // a wrapper (UncheckedIOException, ExecutionException, ...) made from its cause says
    // "pkg.Class: message"; the cause's own message is the one for the user
    while (e.getCause() != null
        && (e.getMessage() == null || e.getMessage().equals(e.getCause().toString()))) {
      e = e.getCause();
    }
    if (e instanceof java.nio.file.FileAlreadyExistsException f) {
      return f.getFile() + ": exists already";
    }
    if (e instanceof java.nio.file.NoSuchFileException f) {
      return f.getFile() + ": no such file or directory";
    }
    if (e instanceof java.nio.file.AccessDeniedException f) {
      return f.getFile() + ": permission denied";
    }
    if (e instanceof java.nio.file.NotDirectoryException f) {
      return f.getFile() + ": not a directory";
    }
    if (e instanceof java.nio.file.FileSystemException f && f.getReason() != null) {
      // e.g. "Not a directory", "No space left on device", "Read-only file system"
      return f.getFile()
          + ": "
          + f.getReason().substring(0, 1).toLowerCase(java.util.Locale.ROOT)
          + f.getReason().substring(1);
    }
    return e.getMessage() == null ? e.toString() : e.getMessage();
  }
}
