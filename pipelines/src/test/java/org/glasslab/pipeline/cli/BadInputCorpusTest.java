package org.glasslab.pipeline.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bad-input corpus (src/test/resources/badinput: one small file per malformed input of every
 * format, made by its make_bad_inputs.py, and cases.tsv, one case per line): every case run through
 * the in-process CLI must exit with its code, print each required fragment (file, line or field,
 * what was expected) on stderr, print no stack trace or usage text, leave no file in its output
 * directory and change nothing beside its inputs. A new reader or command adds its cases there.
 */
class BadInputCorpusTest {
  @TempDir Path tmp;

  /** One line of cases.tsv. */
  record Case(String id, int exit, List<String> fragments, String args) {}

  static List<Case> cases() throws IOException {
    List<Case> cases = new ArrayList<>();
    for (String line : Files.readAllLines(corpus().resolve("cases.tsv"))) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      String[] f = line.split("\t", -1);
      if (f.length != 4) {
        throw new IllegalStateException("cases.tsv: expected 4 tab-separated fields: " + line);
      }
      cases.add(
          new Case(f[0], Integer.parseInt(f[1]), List.of(f[2].split(" && ", -1)), f[3].strip()));
    }
    return cases;
  }

  static Path corpus() {
    try {
      return Path.of(BadInputCorpusTest.class.getResource("/badinput").toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  @Tag("validation")
  @Test
  void everyCaseFailsCleanlyWithItsMessage() throws Exception {
    List<Case> all = cases();
    assertTrue(all.size() >= 200, "the corpus keeps at least 200 cases, has " + all.size());
    check(all);
  }

  /** The first case of every group (xyz_, data_, dump_, h5md_, ...): the fast tier's sample. */
  @Test
  void oneCaseOfEveryGroupFailsCleanly() throws Exception {
    Map<String, Case> first = new LinkedHashMap<>();
    for (Case c : cases()) {
      first.putIfAbsent(c.id().substring(0, c.id().indexOf('_') + 1), c);
    }
    check(new ArrayList<>(first.values()));
  }

  private void check(List<Case> cases) throws IOException {
    Path in = tmp.resolve("in");
    copy(corpus(), in);
    Map<String, Long> before = snapshot(in);
    List<String> failures = new ArrayList<>();
    StringBuilder report = new StringBuilder();
    Set<String> ids = new LinkedHashSet<>();
    for (Case c : cases) {
      if (!ids.add(c.id())) {
        failures.add(c.id() + ": duplicate case id");
      }
      Path out = tmp.resolve("out").resolve(c.id());
      Files.createDirectories(out);
      String inText = in.toString();
      String[] args = c.args().replace("{in}", inText).replace("{out}", out.toString()).split(" +");
      CliRunner r = CliRunner.run(args);
      String err = r.err();
      report
          .append(c.id())
          .append('\t')
          .append(r.exit())
          .append('\t')
          .append(err.strip().replace("\n", " | ").replace(inText, "{in}"))
          .append('\n');
      List<String> wrong = new ArrayList<>();
      if (r.exit() != c.exit()) {
        wrong.add("exit " + r.exit() + " (expected " + c.exit() + ")");
      }
      for (String fragment : c.fragments()) {
        if (!err.contains(fragment.replace("{in}", inText))) {
          wrong.add("no '" + fragment + "'");
        }
      }
      if (err.contains("Exception") || err.contains("\tat ") || err.contains("Usage:")) {
        wrong.add("stack trace, exception name or usage text");
      }
      if (!err.lines().anyMatch(l -> l.startsWith("glasslab"))) {
        wrong.add("no 'glasslab COMMAND: message' line");
      }
      List<String> left = leftBehind(out);
      if (!left.isEmpty()) {
        wrong.add("left behind " + left);
      }
      Map<String, Long> after = snapshot(in);
      if (!after.equals(before)) {
        Set<String> changed = new LinkedHashSet<>(after.keySet());
        changed.removeAll(before.keySet());
        wrong.add("changed the input directory " + (changed.isEmpty() ? "" : changed));
        before = after;
      }
      if (!wrong.isEmpty()) {
        failures.add(
            c.id()
                + ": "
                + String.join("; ", wrong)
                + "\n    stderr: "
                + err.strip().replace("\n", "\n            "));
      }
    }
    Path log = Path.of("target", "badinput-report.tsv");
    if (Files.isDirectory(log.getParent())) {
      Files.writeString(log, report);
    }
    assertTrue(
        failures.isEmpty(),
        failures.size() + " of " + cases.size() + " cases failed:\n" + String.join("\n", failures));
  }

  /** Regular files under {@code dir} other than a directory lock's {@code .lock}. */
  private static List<String> leftBehind(Path dir) throws IOException {
    try (Stream<Path> s = Files.walk(dir)) {
      return s.filter(Files::isRegularFile)
          .filter(p -> !p.getFileName().toString().equals(".lock"))
          .map(p -> dir.relativize(p).toString())
          .toList();
    }
  }

  private static Map<String, Long> snapshot(Path dir) throws IOException {
    Map<String, Long> m = new TreeMap<>();
    try (Stream<Path> s = Files.walk(dir)) {
      s.forEach(
          p -> {
            try {
              m.put(dir.relativize(p).toString(), Files.isDirectory(p) ? -1 : Files.size(p));
            } catch (IOException e) {
              throw new UncheckedIOException(e);
            }
          });
    }
    return m;
  }

  private static void copy(Path from, Path to) throws IOException {
    try (Stream<Path> s = Files.walk(from)) {
      for (Path p : (Iterable<Path>) s::iterator) {
        Path t = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(t);
        } else {
          Files.copy(p, t);
        }
      }
    }
  }
}
