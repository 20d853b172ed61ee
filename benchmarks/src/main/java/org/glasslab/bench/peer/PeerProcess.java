package org.glasslab.bench.peer;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The one runner of external peer tools (LAMMPS {@code lmp}, {@code ripser}, Debian's python with
 * numpy/scipy) for the {@code glasslab bench} commands and the live peer tests: starts a command
 * with arguments, an optional working directory and stdin file, captures stdout and stderr,
 * enforces a timeout, and turns every failure into a one-line {@link IOException} naming the tool,
 * its exit code and its last error line. {@link #available} is the "tool installed?" check the
 * commands use to skip a peer and the tests use to skip (JUnit assumptions). Nothing in the product
 * modules starts processes for comparison; peer scripts are resources next to this class.
 */
public final class PeerProcess {
  /**
   * Debian's interpreter, which has numpy, scipy, h5py and gudhi (a pyenv one first on PATH may
   * not).
   */
  public static final String PYTHON = "/usr/bin/python3";

  /** Default limit on one run. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofHours(1);

  /** The exit code of a wrapper (shell, env, time) that could not find the command it wraps. */
  static final int NOT_FOUND_EXIT = 127;

  private static final Map<List<String>, Boolean> AVAILABLE = new ConcurrentHashMap<>();

  /**
   * The outcome of a run that exited with code 0.
   *
   * @param stdout everything the tool wrote to stdout (UTF-8)
   * @param stderr everything it wrote to stderr (UTF-8)
   * @param wallSeconds wall time from start to exit [s]
   */
  public record Result(String stdout, String stderr, double wallSeconds) {}

  /** The tool could not be started at all: not installed, not on PATH, or not executable. */
  public static final class ToolNotFoundException extends IOException {
    private static final long serialVersionUID = 1L;

    ToolNotFoundException(String message, Throwable cause) {
      super(message, cause);
    }
  }

  private final String tool;
  private final List<String> command;
  private Path directory;
  private Path stdin;
  private Path errorLog;
  private Duration timeout = DEFAULT_TIMEOUT;
  private PrintStream echoStderr;
  private String installHint;

  private PeerProcess(String tool, List<String> command) {
    if (command.isEmpty()) {
      throw new IllegalArgumentException("empty command for " + tool);
    }
    this.tool = tool;
    this.command = List.copyOf(command);
  }

  /**
   * A run of {@code command} (executable first), named in messages by the executable's file name.
   */
  public static PeerProcess of(String... command) {
    return of(Path.of(command[0]).getFileName().toString(), List.of(command));
  }

  /**
   * A run of {@code command} (executable first, possibly a wrapper such as {@code /usr/bin/time}).
   *
   * @param tool the name used in error messages, e.g. {@code "ripser"} or {@code "numpy peer"}
   */
  public static PeerProcess of(String tool, List<String> command) {
    return new PeerProcess(tool, command);
  }

  /** Runs in {@code dir} (default: this process's working directory). */
  public PeerProcess directory(Path dir) {
    this.directory = dir;
    return this;
  }

  /** Feeds {@code file} to the tool's stdin (default: empty stdin). */
  public PeerProcess stdin(Path file) {
    this.stdin = file;
    return this;
  }

  /** Gives up (killing the tool) after {@code limit} (default {@link #DEFAULT_TIMEOUT}). */
  public PeerProcess timeout(Duration limit) {
    this.timeout = limit;
    return this;
  }

  /**
   * A log file the tool writes its errors to (LAMMPS with {@code -screen none}); its last line is
   * preferred over stderr's in the failure message.
   */
  public PeerProcess errorLog(Path file) {
    this.errorLog = file;
    return this;
  }

  /** Also copies the tool's stderr, line by line as it comes, to {@code out} (peer progress). */
  public PeerProcess echoStderr(PrintStream out) {
    this.echoStderr = out;
    return this;
  }

  /** Appended to the "not found" message, e.g. {@code "install the Debian package ripser"}. */
  public PeerProcess installHint(String hint) {
    this.installHint = hint;
    return this;
  }

  /**
   * Runs the command to completion.
   *
   * @return its output, when it exits with code 0
   * @throws ToolNotFoundException if the executable cannot be started (or a wrapper exits with 127,
   *     "command not found")
   * @throws IOException if it exits with another code ("{@code tool} exited with 3: last error
   *     line") or exceeds the timeout (it is killed)
   */
  public Result run() throws IOException, InterruptedException {
    ProcessBuilder pb = new ProcessBuilder(command);
    if (directory != null) {
      pb.directory(directory.toFile());
    }
    if (stdin != null) {
      pb.redirectInput(stdin.toFile());
    }
    long t0 = System.nanoTime();
    Process p;
    try {
      p = pb.start();
    } catch (IOException e) {
      throw new ToolNotFoundException(
          tool
              + " not found: cannot run '"
              + command.get(0)
              + "'"
              + (installHint == null ? "" : "; " + installHint),
          e);
    }
    if (stdin == null) {
      p.getOutputStream().close();
    }
    StringBuilder out = new StringBuilder();
    StringBuilder err = new StringBuilder();
    Thread outReader = Thread.ofVirtual().start(() -> drain(p.getInputStream(), out, null));
    Thread errReader = Thread.ofVirtual().start(() -> drain(p.getErrorStream(), err, echoStderr));
    boolean finished = false;
    try {
      finished = p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } finally {
      if (!finished) {
        // timed out or interrupted: kill the tool and whatever it started (they hold its pipes)
        p.descendants().forEach(ProcessHandle::destroyForcibly);
        p.destroyForcibly();
      }
      outReader.join(finished ? 0 : 5000);
      errReader.join(finished ? 0 : 5000);
    }
    if (!finished) {
      throw new IOException(tool + " did not finish within " + timeout.toSeconds() + " s");
    }
    double wall = (System.nanoTime() - t0) * 1e-9;
    int code = p.exitValue();
    if (code == NOT_FOUND_EXIT) {
      // what sh, env and /usr/bin/time return when they cannot run the wrapped command
      throw new ToolNotFoundException(
          tool
              + " not found: "
              + lastErrorLine(out, err)
              + (installHint == null ? "" : "; " + installHint),
          null);
    }
    if (code != 0) {
      throw new IOException(tool + " exited with " + code + ": " + lastErrorLine(out, err));
    }
    return new Result(out.toString(), err.toString(), wall);
  }

  private String lastErrorLine(CharSequence out, CharSequence err) throws IOException {
    if (errorLog != null && Files.exists(errorLog)) {
      String l = lastLine(Files.readString(errorLog, StandardCharsets.UTF_8));
      if (!l.isEmpty()) {
        return l;
      }
    }
    String l = lastLine(err);
    if (l.isEmpty()) {
      l = lastLine(out);
    }
    return l.isEmpty() ? "(no output)" : l;
  }

  /** The last non-blank line of {@code text}, stripped, or "" if none. */
  static String lastLine(CharSequence text) {
    String[] lines = text.toString().split("\n");
    for (int k = lines.length - 1; k >= 0; k--) {
      if (!lines[k].isBlank()) {
        return lines[k].strip();
      }
    }
    return "";
  }

  private static void drain(InputStream in, StringBuilder into, PrintStream echo) {
    try (var r =
        new java.io.BufferedReader(new java.io.InputStreamReader(in, StandardCharsets.UTF_8))) {
      String line;
      while ((line = r.readLine()) != null) {
        into.append(line).append('\n');
        if (echo != null) {
          echo.println(line);
        }
      }
    } catch (IOException e) {
      // the pipe closed under us (tool killed): what was read so far is all there is
    }
  }

  /**
   * True when {@code probe} (e.g. {@code lmp -h}, or {@code python3 -c "import scipy"}) starts and
   * exits with 0 within a minute; remembered per probe for the life of the JVM.
   */
  public static boolean available(String... probe) {
    return AVAILABLE.computeIfAbsent(
        List.of(probe),
        c -> {
          try {
            of(probe).timeout(Duration.ofSeconds(60)).run();
            return true;
          } catch (IOException e) {
            return false;
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
          }
        });
  }

  /** True when {@link #PYTHON} exists and imports every one of {@code modules}. */
  public static boolean pythonHas(String... modules) {
    return available(PYTHON, "-c", "import " + String.join(", ", modules));
  }

  /**
   * Copies the bundled peer script {@code name} (a resource next to this class) into {@code dir}.
   *
   * @return the script's path
   */
  public static Path script(String name, Path dir) throws IOException {
    Path target = dir.resolve(name);
    try (InputStream in = PeerProcess.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IOException("peer script " + name + " missing from the benchmarks jar");
      }
      Files.copy(in, target);
    }
    return target;
  }

  /** A temporary directory for one peer run, deleted with everything in it on close. */
  public record Scratch(Path dir) implements AutoCloseable {
    /** Creates a fresh temporary directory named {@code prefix...}. */
    public static Scratch create(String prefix) throws IOException {
      return new Scratch(Files.createTempDirectory(prefix));
    }

    /** {@code dir.resolve(name)}. */
    public Path resolve(String name) {
      return dir.resolve(name);
    }

    @Override
    public void close() throws IOException {
      try (var files = Files.walk(dir)) {
        for (Path f : files.sorted(Comparator.reverseOrder()).toList()) {
          Files.deleteIfExists(f);
        }
      }
    }
  }
}
