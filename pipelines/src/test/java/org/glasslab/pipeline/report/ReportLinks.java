package org.glasslab.pipeline.report;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** Test helper: every link and image of every page of a report resolves to an existing file. */
public final class ReportLinks {
  private static final Pattern REF = Pattern.compile("(?:src|href)=\"([^\"#]+)\"");

  private ReportLinks() {}

  /**
   * Checks every page under {@code reportDir}.
   *
   * @param pages the pages found
   * @param links the references checked (images and links)
   * @param images the {@code img src} references among them
   * @param targets every distinct file referenced
   */
  public record Result(List<Path> pages, int links, int images, Set<Path> targets) {}

  /** Asserts that every src/href of every .html page under {@code reportDir} exists. */
  public static Result check(Path reportDir) throws IOException {
    List<Path> pages;
    try (Stream<Path> s = Files.walk(reportDir)) {
      pages = s.filter(p -> p.toString().endsWith(".html")).sorted().toList();
    }
    int links = 0;
    int images = 0;
    Set<Path> targets = new TreeSet<>();
    for (Path page : pages) {
      String html = Files.readString(page);
      Matcher m = REF.matcher(html);
      while (m.find()) {
        String ref = m.group(1).replace("&amp;", "&");
        assertTrue(!ref.contains("://"), page + ": external reference " + ref);
        Path target =
            page.getParent().resolve(URLDecoder.decode(ref, StandardCharsets.UTF_8)).normalize();
        assertTrue(Files.exists(target), page + ": missing " + ref);
        links++;
        targets.add(target);
        if (html.startsWith("src", m.start())) {
          images++;
          assertTrue(Files.size(target) > 0, page + ": empty image " + ref);
        }
      }
    }
    return new Result(pages, links, images, targets);
  }
}
