package org.glasslab.pipeline.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The report's pages: navigation on every page, and parameter tables with the defaults used. */
class HtmlReportTest {
  @TempDir Path dir;

  @Test
  void everyPageNavigatesToItsSectionsAndToEveryOtherPage() throws Exception {
    HtmlReport r = new HtmlReport("Run");
    r.index().section("Summary").text("hello");
    r.page("branch/a.html", "Branch a").section("Stage x").text("x");
    r.page("branch/a.html", "Branch a").section("Stage y").text("y");
    r.page("ensemble/T=0.3.html", "Ensemble T = 0.3").section("Replicas").text("r");
    Path index = r.write(dir.resolve("report"));
    ReportLinks.Result links = ReportLinks.check(index.getParent());
    assertEquals(3, links.pages().size());
    for (Path page : links.pages()) {
      String html = Files.readString(page);
      String name = page.getFileName().toString();
      assertTrue(html.contains("<nav class=\"side\">"), name + ": no navigation");
      for (String target : List.of("index.html", "a.html", "T=0.3.html")) {
        assertTrue(html.contains(target + "\""), name + ": no link to " + target);
      }
      assertTrue(html.contains("href=\"#s0\""), name + ": no link to its first section");
      assertTrue(html.contains("class=\"here\""), name + ": the current page is not marked");
    }
    String a = Files.readString(dir.resolve("report/branch/a.html"));
    assertTrue(a.contains("href=\"#s1\">Stage y</a>"), a);
  }

  @Test
  void parameterTablesShowEveryParameterWithItsDefaultAndUnit() throws Exception {
    HtmlReport r = new HtmlReport("Run");
    HtmlReport.Section s = r.index().section("Stage gofr");
    RunReport.parameters(s, "gofr", new ObjectMapper().readTree("{\"rmax\": 3.5}"));
    Path index = r.write(dir.resolve("report"));
    String html = Files.readString(index);
    assertTrue(html.contains("<details><summary>Parameters of gofr"), html);
    assertTrue(html.contains("<td>rmax</td><td>3.5</td>"), html);
    // a parameter the spec did not set shows the default used, with its unit
    assertTrue(
        html.matches("(?s).*<td>dr</td><td>[0-9.]+ \\(default\\)</td><td>[a-z]+</td>.*"), html);
    assertTrue(!html.contains("{\""), "raw JSON in the report: " + html);
  }
}
