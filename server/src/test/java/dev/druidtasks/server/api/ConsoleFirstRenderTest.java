package dev.druidtasks.server.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * The page's weight and its time to first render, measured in Chromium with the Navigation, Paint and
 * Resource Timing APIs against a running server, e.g. one seeded with {@code seed --tasks 10000}:
 * {@code -Dconsole.measure.url=http://localhost:8888}. Not part of the build: its numbers depend on the
 * machine; the README gives them.
 */
@EnabledIfSystemProperty(named = "console.measure.url", matches = ".+")
class ConsoleFirstRenderTest {
  private static final String SCRIPT = """
      const nav = performance.getEntriesByType('navigation')[0];
      const paint = Object.fromEntries(performance.getEntriesByType('paint').map(p => [p.name, p.startTime]));
      const rendered = performance.getEntriesByName('tasks-rendered')[0];
      const assets = [nav].concat(performance.getEntriesByType('resource').filter(r => !r.name.includes('/druid/')));
      const api = performance.getEntriesByType('resource').filter(r => r.name.includes('/druid/indexer/v1/tasks'));
      return {
        rows: document.querySelectorAll('#tasks tbody tr').length,
        firstContentfulPaintMs: paint['first-contentful-paint'],
        tableRenderedMs: rendered ? rendered.startTime : null,
        domContentLoadedMs: nav.domContentLoadedEventEnd,
        assetBytes: assets.reduce((n, r) => n + r.decodedBodySize, 0),
        assetTransferBytes: assets.reduce((n, r) => n + r.transferSize, 0),
        assets: assets.map(r => r.name + ' ' + r.decodedBodySize + ' B (' + r.transferSize + ' transferred)'),
        listBytes: api.length ? api[0].decodedBodySize : null,
        listMs: api.length ? api[0].duration : null,
      };""";

  @Test
  void measuresWeightAndFirstRender() {
    String base = System.getProperty("console.measure.url");
    ChromeDriver browser = ConsoleBrowserTest.headlessChromium();
    try {
      for (int run = 1; run <= 5; run++) {
        browser.manage().deleteAllCookies();
        browser.get(base + "/console?run=" + run);
        await().atMost(Duration.ofSeconds(60))
            .until(() -> !browser.findElements(By.cssSelector("#tasks tbody tr")).isEmpty());
        @SuppressWarnings("unchecked")
        Map<String, Object> m = (Map<String, Object>) ((JavascriptExecutor) browser).executeScript(SCRIPT);
        System.out.println("run " + run + ": " + m);
        assertThat((Long) m.get("rows")).isPositive();
        assertThat(((Number) m.get("tableRenderedMs")).doubleValue()).isLessThan(5_000);
        assertThat((List<?>) m.get("assets")).hasSize(7); // the page, its five script modules and its style sheet
      }
    } finally {
      browser.quit();
    }
  }
}
