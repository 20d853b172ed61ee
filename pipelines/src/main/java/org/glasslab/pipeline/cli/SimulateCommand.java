package org.glasslab.pipeline.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.glasslab.data.io.DirectoryLock;
import org.glasslab.md.Protocol;
import org.glasslab.md.ProtocolDriver;
import org.glasslab.md.ProtocolRun;
import org.glasslab.md.RunDirectory;
import org.glasslab.md.StressConvention;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code glasslab simulate}: the paper's MD protocol (prepare, equilibrate at T_p, quench to T, age
 * t_w, produce log-block frames) into a run directory of H5MD blocks with checkpoints; {@code
 * --resume} continues an interrupted run bit for bit.
 */
@Command(
    name = "simulate",
    mixinStandardHelpOptions = true,
    description = {
      "Polydisperse WCA MD with the Brown-Clarke isokinetic thermostat (Jha & Sengupta §II).",
      "Writes OUTPUT/block-NNNNNN.h5 (H5MD, one file per block), OUTPUT/run.json (provenance)",
      "and OUTPUT/checkpoint.bin. Frame f is at production step S(f) = i*B + 2^j."
    })
public final class SimulateCommand implements java.util.concurrent.Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--config", paramLabel = "FILE.yaml", description = "YAML file with parameters")
  Path config;

  @Option(
      names = {"-N", "--particles"},
      description = "number of particles (default 2000)")
  Integer n;

  @Option(names = "--density", description = "number density rho (default 0.9)")
  Double density;

  @Option(names = "--polydispersity", description = "diameter std, mean 1 (default 0.11)")
  Double polydispersity;

  @Option(
      names = {"-T", "--temperature"},
      description = "temperature T after the quench")
  Double temperature;

  @Option(names = "--parent-temperature", description = "T_p (default 0.5)")
  Double parentTemperature;

  @Option(names = "--equilibration-time", description = "time at T_p (default 1000)")
  Double equilibrationTime;

  @Option(names = "--waiting-time", description = "aging time t_w at T (default 9.45e5)")
  Double waitingTime;

  @Option(names = "--dt", description = "time step (default 0.003)")
  Double dt;

  @Option(
      names = {"-B", "--block-size"},
      description = "B, steps per block (default 1050000)")
  Long blockSize;

  @Option(names = "--n-cfg", description = "N_cfg, frames per block (default 21)")
  Integer nCfg;

  @Option(names = "--blocks", description = "number of blocks (default 1)")
  Integer blocks;

  @Option(names = "--seed", description = "random seed (default 1)")
  Long seed;

  @Option(names = "--skin", description = "Verlet skin (default 0.3)")
  Double skin;

  @Option(
      names = "--stress-convention",
      description = "CONSISTENT (1/A, default) or PAPER_HALF (1/(2A) as printed in eq. 3)")
  StressConvention convention;

  @Option(
      names = {"-o", "--output"},
      description = "output directory")
  Path output;

  @Option(names = "--resume", description = "continue the run in OUTPUT from its checkpoint")
  boolean resume;

  @Option(
      names = "--checkpoint-every",
      description = "engine steps between checkpoints besides every frame (default 1000000)")
  long checkpointEvery = 1_000_000L;

  @Option(names = "--json", description = "print the summary as JSON")
  boolean json;

  @Option(names = "--no-progress", description = "no progress bar on stderr")
  boolean noProgress;

  @Mixin PotentialOption potential;

  private static final Set<String> KEYS =
      Set.of(
          "particles",
          "density",
          "polydispersity",
          "temperature",
          "parent_temperature",
          "equilibration_time",
          "waiting_time",
          "dt",
          "block_size",
          "n_cfg",
          "blocks",
          "seed",
          "skin",
          "stress_convention",
          "potential",
          "output");

  private CommandLine.ParameterException usage(String msg) {
    return new CommandLine.ParameterException(spec.commandLine(), msg);
  }

  private void loadConfig() throws IOException {
    if (config == null) {
      return;
    }
    if (!Files.isRegularFile(config)) {
      throw usage("config file " + config + " does not exist");
    }
    JsonNode root = new ObjectMapper(new YAMLFactory()).readTree(config.toFile());
    if (!(root instanceof ObjectNode)) {
      throw usage(config + ": expected a YAML mapping of parameters");
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
      var e = it.next();
      String k = e.getKey();
      JsonNode v = e.getValue();
      if (!KEYS.contains(k)) {
        throw usage(config + ": unknown key '" + k + "'; known keys: " + String.join(", ", KEYS));
      }
      // command-line options win over the file
      switch (k) {
        case "particles" -> n = n != null ? n : v.asInt();
        case "density" -> density = density != null ? density : v.asDouble();
        case "polydispersity" ->
            polydispersity = polydispersity != null ? polydispersity : v.asDouble();
        case "temperature" -> temperature = temperature != null ? temperature : v.asDouble();
        case "parent_temperature" ->
            parentTemperature = parentTemperature != null ? parentTemperature : v.asDouble();
        case "equilibration_time" ->
            equilibrationTime = equilibrationTime != null ? equilibrationTime : v.asDouble();
        case "waiting_time" -> waitingTime = waitingTime != null ? waitingTime : v.asDouble();
        case "dt" -> dt = dt != null ? dt : v.asDouble();
        case "block_size" -> blockSize = blockSize != null ? blockSize : v.asLong();
        case "n_cfg" -> nCfg = nCfg != null ? nCfg : v.asInt();
        case "blocks" -> blocks = blocks != null ? blocks : v.asInt();
        case "seed" -> seed = seed != null ? seed : v.asLong();
        case "skin" -> skin = skin != null ? skin : v.asDouble();
        case "stress_convention" ->
            convention =
                convention != null
                    ? convention
                    : StressConvention.valueOf(v.asText().toUpperCase(Locale.ROOT));
        case "output" -> output = output != null ? output : Path.of(v.asText());
        case "potential" -> potential.spec = potential.spec != null ? potential.spec : v.asText();
        default -> throw new IllegalStateException(k);
      }
    }
  }

  private boolean anyPhysicsGiven() {
    return n != null
        || density != null
        || polydispersity != null
        || temperature != null
        || parentTemperature != null
        || equilibrationTime != null
        || waitingTime != null
        || dt != null
        || blockSize != null
        || nCfg != null
        || blocks != null
        || seed != null
        || skin != null
        || convention != null;
  }

  @Override
  public Integer call() throws Exception {
    loadConfig();
    if (output == null) {
      throw usage("missing --output DIR (or 'output:' in the config file)");
    }
    // One writer per run directory; a killed run's temporary files go once we own it.
    try (DirectoryLock lock = DirectoryLock.acquire(output, "glasslab simulate")) {
      lock.deleteStaleTemporaries(output);
      return simulate();
    }
  }

  private Integer simulate() throws Exception {
    if (checkpointEvery < 1) {
      throw usage("--checkpoint-every must be >= 1, got " + checkpointEvery);
    }
    RunDirectory dir = new RunDirectory(output);
    ProtocolRun run;
    if (resume) {
      if (!dir.hasCheckpoint()) {
        throw usage("--resume: " + output + " holds no " + RunDirectory.CHECKPOINT);
      }
      if (anyPhysicsGiven()) {
        throw usage("--resume takes every parameter from the checkpoint; pass only --output");
      }
      run = ProtocolRun.restore(dir.readCheckpoint());
      potential.resolve(run.protocol().potential().spec(), output.resolve(RunDirectory.CHECKPOINT));
      System.err.printf(
          Locale.ROOT,
          "glasslab simulate: resuming at engine step %d, frame %d%n",
          run.engineStep(),
          run.nextFrame());
    } else {
      if (dir.hasCheckpoint() || Files.exists(output.resolve(RunDirectory.INDEX))) {
        throw usage(
            output + " already holds a run; use --resume to continue it or another --output");
      }
      if (temperature == null) {
        throw usage("missing --temperature T (the temperature after the quench)");
      }
      Protocol p;
      try {
        p =
            new Protocol(
                n == null ? 2000 : n,
                density == null ? 0.9 : density,
                polydispersity == null ? 0.11 : polydispersity,
                parentTemperature == null ? 0.5 : parentTemperature,
                temperature,
                equilibrationTime == null ? 1000.0 : equilibrationTime,
                waitingTime == null ? 9.45e5 : waitingTime,
                dt == null ? 0.003 : dt,
                blockSize == null ? 1_050_000L : blockSize,
                nCfg == null ? 21 : nCfg,
                blocks == null ? 1 : blocks,
                seed == null ? 1L : seed,
                skin == null ? 0.3 : skin,
                convention == null ? StressConvention.CONSISTENT : convention,
                potential.resolve((String) null, "simulate"));
      } catch (IllegalArgumentException e) {
        throw usage(e.getMessage());
      }
      System.err.println("glasslab simulate: preparing " + p.n() + " particles, seed " + p.seed());
      run = ProtocolRun.prepare(p);
    }
    Protocol p = run.protocol();
    long total = p.totalSteps();
    long startStep = run.engineStep();
    long t0 = System.nanoTime();
    ProgressBar bar =
        noProgress
            ? null
            : new ProgressBarBuilder()
                .setTaskName("simulate")
                .setInitialMax(total)
                .setStyle(ProgressBarStyle.ASCII)
                .setConsumer(new ConsoleProgressBarConsumer(System.err))
                .setUpdateIntervalMillis(500)
                .startsFrom(startStep, Duration.ZERO)
                .build();
    try {
      ProtocolDriver.run(
          run,
          dir,
          checkpointEvery,
          (step, tot) -> {
            if (bar != null) {
              bar.stepTo(step);
              double sec = (System.nanoTime() - t0) * 1e-9;
              bar.setExtraMessage(
                  String.format(
                      Locale.ROOT, "%.3g atom-steps/s", (step - startStep) * (double) p.n() / sec));
            }
          },
          null);
    } finally {
      if (bar != null) {
        bar.close();
      }
    }
    double sec = (System.nanoTime() - t0) * 1e-9;
    double rate = (run.engineStep() - startStep) * (double) p.n() / sec;
    ObjectNode summary = new ObjectMapper().createObjectNode();
    summary.put("output", output.toString());
    summary.put("frames", run.nextFrame());
    summary.put("engine_steps", run.engineStep());
    summary.put("wall_seconds", sec);
    summary.put("atom_steps_per_second", rate);
    summary.put("seed", p.seed());
    if (json) {
      spec.commandLine().getOut().println(summary.toPrettyString());
    } else {
      spec.commandLine()
          .getOut()
          .printf(
              Locale.ROOT,
              "output %s%nframes %d%nengine steps %d%nwall %.2f s%natom-steps/s %.4g%n",
              output,
              run.nextFrame(),
              run.engineStep(),
              sec,
              rate);
    }
    return 0;
  }
}
