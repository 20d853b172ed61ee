package org.glasslab.pipeline.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.glasslab.data.MemoryTrajectory;
import org.glasslab.data.Trajectory;
import org.glasslab.data.io.DiameterBins;
import org.glasslab.data.io.Format;
import org.glasslab.data.io.LammpsData;
import org.glasslab.data.io.TrajectoryIO;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code glasslab convert IN OUT}: between H5MD, extended XYZ, LAMMPS data and LAMMPS dump; IN may
 * also be an MD run directory, converted to one file of all its completed blocks. Text formats
 * carry full double precision, so conversions are exact. The output appears only when complete.
 */
@Command(
    name = "convert",
    mixinStandardHelpOptions = true,
    description = {
      "Convert between trajectory formats (h5md, xyz, lammps-data, lammps-dump, gsd).",
      "Formats come from the extensions unless --from/--to are given.",
      "IN may be a run directory of glasslab simulate (DIR with run.json): its completed blocks"
          + " become one output file."
    })
public final class ConvertCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "IN", description = "Input file or run directory.")
  Path in;

  @Parameters(index = "1", paramLabel = "OUT", description = "Output file (written atomically).")
  Path out;

  @Option(names = "--to", paramLabel = "FMT", description = "Output format (default: from OUT).")
  String to;

  @Option(
      names = "--frame",
      paramLabel = "K",
      description =
          "Convert only frame K (negative counts from the end; required for lammps-data"
              + " output of a multi-frame input).")
  Integer frame;

  @Option(
      names = "--lammps-style",
      paramLabel = "STYLE",
      defaultValue = "sphere",
      description =
          "atom_style of a LAMMPS data output: sphere (per-atom diameter) or atomic"
              + " (types, with a side table OUT.diameters). Default: ${DEFAULT-VALUE}.")
  String lammpsStyle;

  @Option(
      names = "--bin-diameters",
      paramLabel = "N",
      description =
          "Bin the diameters into N equal-width bins and write bin k as particle type k with the"
              + " bin-centre diameter (a continuous polydisperse system as LAMMPS types, e.g. for"
              + " --lammps-style atomic); every diameter moves by at most (max-min)/(2N).")
  Integer binDiameters;

  @Mixin InputOptions input;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    Format outFormat;
    LammpsData.Style style;
    try {
      outFormat = to == null ? Format.of(out) : Format.parse(to);
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), (to == null ? "" : "--to: ") + e.getMessage());
    }
    try {
      style = LammpsData.Style.valueOf(lammpsStyle.toUpperCase(java.util.Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(
          spec.commandLine(),
          "--lammps-style: expected sphere or atomic, got '" + lammpsStyle + "'");
    }
    if (!outFormat.writable()) {
      throw new CommandLine.ParameterException(
          spec.commandLine(),
          "cannot write "
              + outFormat.id()
              + " (run directories are written by glasslab simulate); choose h5md, xyz,"
              + " lammps-dump or lammps-data");
    }
    if (Files.exists(out) && Files.isSameFile(in, out)) {
      throw new CommandLine.ParameterException(
          spec.commandLine(),
          "IN and OUT are the same file (" + in + "): the output would overwrite its input");
    }
    if (binDiameters != null && binDiameters < 1) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "--bin-diameters: expected N >= 1, got " + binDiameters);
    }
    long t0 = System.nanoTime();
    int frames;
    try (Trajectory t = input.open(in)) {
      Trajectory src = t;
      if (frame != null) {
        // one frame keeps the run's potential and parameters (T, seed, dt, ...), not observables
        src =
            MemoryTrajectory.of(List.of(t.frame(TrajectoryIO.frameIndex(t, frame, in))))
                .withPotential(t.potential())
                .withProvenance(t.provenance());
      }
      if (binDiameters != null) {
        DiameterBins bins = DiameterBins.of(src.diameters(), binDiameters);
        src = bins.apply(src);
        spec.commandLine()
            .getErr()
            .printf(
                "glasslab convert: %d diameter bins of width %s from %s; largest diameter change"
                    + " %s%n",
                bins.bins(), bins.width(), bins.lo(), bins.maxError());
      }
      frames = src.frameCount();
      TrajectoryIO.write(out, outFormat, src, style);
    }
    spec.commandLine()
        .getErr()
        .printf(
            "glasslab convert: wrote %d frame(s) to %s (%s) in %.2f s%n",
            frames, out, outFormat.id(), (System.nanoTime() - t0) * 1e-9);
    return 0;
  }
}
