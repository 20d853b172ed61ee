package org.glasslab.pipeline.cli;

import picocli.CommandLine;

/** Reports the GlassLab version from the jar manifest (or "development" in an IDE). */
public final class VersionProvider implements CommandLine.IVersionProvider {
  @Override
  public String[] getVersion() {
    String v = GlasslabCommand.class.getPackage().getImplementationVersion();
    return new String[] {
      "glasslab " + (v == null ? "development" : v),
      "Java " + Runtime.version() + " (" + System.getProperty("java.vendor") + ")"
    };
  }
}
