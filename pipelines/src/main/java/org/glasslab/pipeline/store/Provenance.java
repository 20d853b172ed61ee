package org.glasslab.pipeline.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * The run's provenance log: {@code provenance.jsonl}, one JSON object per line, one line per stage
 * instance that ran (or failed). Each line is appended with a single write and forced to disk; a
 * line torn by a crash is the last one and is skipped by {@link #read}.
 */
public final class Provenance {
  /** File name inside the run directory. */
  public static final String FILE = "provenance.jsonl";

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private Provenance() {}

  /** Appends {@code record} as one line to {@code runDir/provenance.jsonl}. */
  public static synchronized void append(Path runDir, JsonNode record) throws IOException {
    byte[] line = (MAPPER.writeValueAsString(record) + "\n").getBytes(StandardCharsets.UTF_8);
    Path f = runDir.resolve(FILE);
    boolean tornTail = false;
    if (Files.exists(f) && Files.size(f) > 0) {
      try (FileChannel rd = FileChannel.open(f, StandardOpenOption.READ)) {
        ByteBuffer last = ByteBuffer.allocate(1);
        rd.read(last, rd.size() - 1);
        tornTail = last.get(0) != '\n';
      }
    }
    try (FileChannel ch =
        FileChannel.open(
            f, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
      if (tornTail) {
        // A previous crash tore the last line: start ours on a fresh line.
        ch.write(ByteBuffer.wrap(new byte[] {'\n'}));
      }
      ByteBuffer b = ByteBuffer.wrap(line);
      while (b.hasRemaining()) {
        ch.write(b);
      }
      ch.force(false);
    }
  }

  /** All complete records of {@code runDir} (empty if there is no log yet). */
  public static List<JsonNode> read(Path runDir) throws IOException {
    Path f = runDir.resolve(FILE);
    List<JsonNode> out = new ArrayList<>();
    if (!Files.exists(f)) {
      return out;
    }
    for (String line : Files.readAllLines(f, StandardCharsets.UTF_8)) {
      if (line.isBlank()) {
        continue;
      }
      try {
        out.add(MAPPER.readTree(line));
      } catch (IOException torn) {
        // a line cut by a crash: not a record
      }
    }
    return out;
  }
}
