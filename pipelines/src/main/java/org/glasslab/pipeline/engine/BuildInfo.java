package org.glasslab.pipeline.engine;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** GlassLab's version (jar manifest) and git commit (of the checkout the code runs from). */
public final class BuildInfo {
  private static volatile String commit;

  private BuildInfo() {}

  /** The version from the jar manifest, or {@code development}. */
  public static String version() {
    String v = BuildInfo.class.getPackage().getImplementationVersion();
    return v == null ? "development" : v;
  }

  /**
   * The commit of the git checkout holding the running classes ({@code git rev-parse HEAD}, with
   * {@code -dirty} if the work tree has changes), or {@code unknown} without git.
   */
  public static String commit() {
    String c = commit;
    if (c == null) {
      c = lookUp();
      commit = c;
    }
    return c;
  }

  private static String lookUp() {
    try {
      Path where =
          Path.of(BuildInfo.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      File dir = (java.nio.file.Files.isDirectory(where) ? where : where.getParent()).toFile();
      String head = git(dir, "rev-parse", "HEAD");
      if (head == null || head.isBlank()) {
        return "unknown";
      }
      String status = git(dir, "status", "--porcelain", "--untracked-files=no");
      return head.strip() + (status != null && !status.isBlank() ? "-dirty" : "");
    } catch (Exception e) {
      return "unknown";
    }
  }

  private static String git(File dir, String... args) throws Exception {
    String[] cmd = new String[args.length + 1];
    cmd[0] = "git";
    System.arraycopy(args, 0, cmd, 1, args.length);
    Process p = new ProcessBuilder(cmd).directory(dir).redirectErrorStream(false).start();
    p.getOutputStream().close();
    byte[] out = p.getInputStream().readAllBytes();
    if (!p.waitFor(10, TimeUnit.SECONDS) || p.exitValue() != 0) {
      p.destroyForcibly();
      return null;
    }
    return new String(out, StandardCharsets.UTF_8);
  }
}
