package org.glasslab.pipeline.cli;

import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.glasslab.analysis.mechanics.Hessian;
import org.glasslab.analysis.mechanics.HessianSpectrum;
import org.glasslab.analysis.mechanics.LowestModes;
import org.glasslab.analysis.mechanics.ModeOptions;
import org.glasslab.data.Configuration;
import org.glasslab.data.Trajectory;
import org.glasslab.data.io.AtomicFile;
import org.glasslab.data.io.TrajectoryIO;
import org.glasslab.md.PairPotential;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code glasslab modes FILE}: the lowest vibrational modes of one (inherent-structure) frame — the
 * m smallest positive Hessian eigenvalues, lambda_smallest (Jha &amp; Sengupta eq. 6), zero and
 * negative modes — by shift-invert Lanczos on the sparse WCA Hessian.
 */
@Command(
    name = "modes",
    mixinStandardHelpOptions = true,
    description = {
      "Lowest Hessian eigenvalues of one frame (an inherent structure): the m smallest positive"
          + " ones, lambda_smallest = their mean (eq. 6), zero modes, negative modes."
    })
public final class ModesCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "FILE", description = "Trajectory or configuration file.")
  Path file;

  @Option(
      names = "--frame",
      paramLabel = "K",
      defaultValue = "0",
      description = "Frame index (negative counts from the end; default ${DEFAULT-VALUE}).")
  int frame;

  @Option(
      names = "--count",
      paramLabel = "M",
      defaultValue = "30",
      description = "Number m of smallest positive eigenvalues (default ${DEFAULT-VALUE}).")
  int count;

  @Option(
      names = "--zero-tolerance",
      paramLabel = "TOL",
      defaultValue = "1e-8",
      description = "|lambda| <= TOL counts as a zero mode (default ${DEFAULT-VALUE}).")
  double zeroTolerance;

  @Option(
      names = "--block",
      paramLabel = "B",
      defaultValue = "1",
      description =
          "Lanczos block size (default ${DEFAULT-VALUE}); use at least the multiplicity of exactly"
              + " degenerate eigenvalues (perfect crystals), not needed for glasses.")
  int block;

  @Option(
      names = "--vectors",
      paramLabel = "OUT",
      description = "Write the m eigenvectors as CSV (particle, component, one column per mode).")
  Path vectors;

  @Option(names = "--json", description = "Print JSON instead of text.")
  boolean json;

  @Mixin InputOptions input;

  @Mixin PotentialOption potential;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    ModeOptions options;
    try {
      options =
          new ModeOptions(
              count,
              zeroTolerance,
              ModeOptions.DEFAULT.relativeShift(),
              block,
              ModeOptions.DEFAULT.convergenceTolerance(),
              0,
              vectors != null,
              ModeOptions.DEFAULT.seed());
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
    }
    Configuration c;
    int index;
    PairPotential pot;
    try (Trajectory t = input.open(file)) {
      pot = potential.resolve(t, file);
      index = TrajectoryIO.frameIndex(t, frame, file);
      c = t.frame(index);
    }
    long t0 = System.nanoTime();
    Hessian h = Hessian.compute(c, pot);
    double assembly = (System.nanoTime() - t0) * 1e-9;
    HessianSpectrum s = new LowestModes(options).compute(h);
    double total = (System.nanoTime() - t0) * 1e-9;
    var err = spec.commandLine().getErr();
    if (!s.stable()) {
      err.printf(
          "WARNING: %d negative Hessian eigenvalue(s), lowest %.6g: frame %d of %s is not a"
              + " converged inherent structure; lambda_smallest is not meaningful%n",
          s.negativeEigenvalues().length, s.negativeEigenvalues()[0], index, file);
      err.flush();
    }
    if (vectors != null) {
      writeVectors(vectors, s);
    }
    Map<String, Object> r = new LinkedHashMap<>();
    r.put("file", file.toString());
    r.put("frame", index);
    r.put("step", c.step());
    r.put("particles", c.size());
    r.put("count", count);
    r.put("eigenvalues", s.eigenvalues());
    r.put("participation_ratios", s.participationRatios());
    r.put("lambda_smallest", s.lambdaSmallest());
    r.put("zero_modes", s.zeroModes());
    r.put("zero_tolerance", zeroTolerance);
    r.put("rattlers", s.rattlers());
    r.put("single_contact_particles", h.singleContactParticles());
    r.put("negative_eigenvalues", s.negativeEigenvalues());
    r.put("stable", s.stable());
    r.put("max_residual", s.maxResidual());
    r.put("shift", s.shift());
    r.put("solves", s.operatorApplications());
    r.put("factor_nonzeros", s.factorNonZeros());
    r.put("hessian_nonzeros", h.matrix().nz_length);
    r.put("assembly_seconds", assembly);
    r.put("solve_seconds", s.seconds());
    r.put("total_seconds", total);
    if (vectors != null) {
      r.put("vectors_file", vectors.toString());
    }
    var out = spec.commandLine().getOut();
    if (json) {
      Json.print(out, r);
      return 0;
    }
    out.printf(
        "file              %s (frame %d, step %d, N = %d)%n", file, index, c.step(), c.size());
    double[] pr = s.participationRatios();
    out.printf(
        "eigenvalues       m = %d smallest above %.3g, ascending%s%n",
        count, zeroTolerance, pr == null ? "" : " (participation ratio)");
    for (int i = 0; i < count; i++) {
      if (pr == null) {
        out.printf("  %3d  %.15g%n", i + 1, s.eigenvalues()[i]);
      } else {
        out.printf("  %3d  %.15g  (%.4f)%n", i + 1, s.eigenvalues()[i], pr[i]);
      }
    }
    out.printf("lambda_smallest   %.15g%n", s.lambdaSmallest());
    out.printf(
        "zero_modes        %d (translations 2, rattlers %d x 2, single-contact particles %d)%n",
        s.zeroModes(), s.rattlers(), h.singleContactParticles());
    out.printf("negative          %d%n", s.negativeEigenvalues().length);
    out.printf("max_residual      %.3g%n", s.maxResidual());
    out.printf(
        "time              %.3f s (assembly %.3f s, factorization + Lanczos %.3f s, %d solves)%n",
        total, assembly, s.seconds(), s.operatorApplications());
    out.flush();
    return 0;
  }

  private static void writeVectors(Path target, HessianSpectrum s) throws java.io.IOException {
    double[][] v = s.vectors();
    AtomicFile.write(
        target,
        tmp -> {
          try (BufferedWriter w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
            StringBuilder line = new StringBuilder("particle,component");
            for (double e : s.eigenvalues()) {
              line.append(",lambda=").append(e);
            }
            w.write(line.append('\n').toString());
            int n = v[0].length / 2;
            for (int i = 0; i < n; i++) {
              for (int a = 0; a < 2; a++) {
                line.setLength(0);
                line.append(i).append(',').append(a == 0 ? 'x' : 'y');
                for (double[] mode : v) {
                  line.append(',').append(mode[2 * i + a]);
                }
                w.write(line.append('\n').toString());
              }
            }
          }
        });
  }
}
