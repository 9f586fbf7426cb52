package dev.druidtasks.server.api;

import static dev.druidtasks.server.TestServer.API;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.druidtasks.server.TestServer;
import io.dropwizard.testing.ConfigOverride;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogType;

/**
 * The tasks page in headless Chromium, Debian's (installed by {@code src/test/browser/install-chromium.sh}
 * before the tests run), driven through Debian's chromedriver: nothing is downloaded at run time.
 */
class ConsoleBrowserTest {
  static final String CHROMIUM = "/usr/bin/chromium";
  static final String CHROMEDRIVER = "/usr/bin/chromedriver";
  private static final Duration PATIENCE = Duration.ofSeconds(30);
  private static final TestServer server = TestServer.shared();
  private static ChromeDriver browser;

  @BeforeAll
  static void openBrowser() {
    browser = headlessChromium();
  }

  @AfterAll
  static void closeBrowser() {
    if (browser != null) {
      browser.quit();
    }
  }

  static ChromeDriver headlessChromium() {
    ChromeDriverService driver = new ChromeDriverService.Builder()
        .usingDriverExecutable(new File(CHROMEDRIVER)).usingAnyFreePort().build();
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM);
    options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
        "--window-size=1440,1000", "--lang=en-US");
    options.setCapability("goog:loggingPrefs", java.util.Map.of(LogType.BROWSER, "ALL"));
    return new ChromeDriver(driver, options);
  }

  private static void openConsole(String datasourceFilter) {
    browser.get(server.base().resolve("/console").toString());
    if (datasourceFilter != null) {
      WebElement ds = browser.findElement(By.id("f-datasource"));
      ds.sendKeys(datasourceFilter);
      ds.sendKeys(org.openqa.selenium.Keys.ENTER);
    }
  }

  /** The status shown in the task's row, if the row is there. */
  private static Optional<String> shownStatus(String id) {
    try {
      for (WebElement row : browser.findElements(By.cssSelector("#tasks tbody tr"))) {
        if (id.equals(row.getDomAttribute("data-id"))) {
          return Optional.of(row.findElement(By.cssSelector(".status")).getText());
        }
      }
    } catch (StaleElementReferenceException e) {
      return Optional.empty(); // the table was redrawn while read
    }
    return Optional.empty();
  }

  private static WebElement openButtonOf(String id) {
    return browser.findElements(By.cssSelector("#tasks td.id button")).stream()
        .filter(b -> id.equals(b.getDomAttribute("data-id"))).findFirst().orElseThrow();
  }

  private static final List<String> usedDataSources = new ArrayList<>();

  /** A data source of the test's own, whose tasks are stopped after it. */
  private static String ds() {
    String ds = "console-" + UUID.randomUUID().toString().substring(0, 8);
    usedDataSources.add(ds);
    usedDataSources.add(ds + "-filler");
    return ds;
  }

  @AfterEach
  void stopWhatTheTestLeftRunning() {
    usedDataSources.forEach(ds -> server.post(API + "/datasources/" + ds + "/shutdownAllTasks", null, null));
    usedDataSources.clear();
  }

  @AfterEach
  void printTheBrowsersConsoleOnFailure() {
    browser.manage().logs().get(LogType.BROWSER).getAll().forEach(e -> System.out.println("browser: " + e));
  }

  @Test
  void theTableShowsASubmittedTaskAndItsTransitions() throws Exception {
    String ds = ds();
    openConsole(ds);
    String id = server.submit("{\"type\":\"noop\",\"runTime\":5000,\"dataSource\":\"" + ds + "\"}");
    List<String> seen = new ArrayList<>();
    await().atMost(PATIENCE).pollInterval(Duration.ofMillis(100)).until(() -> {
      shownStatus(id).filter(s -> seen.isEmpty() || !seen.get(seen.size() - 1).equals(s)).ifPresent(seen::add);
      return seen.contains("SUCCESS");
    });
    assertThat(seen).contains("RUNNING");
    assertThat(seen.indexOf("RUNNING")).isLessThan(seen.indexOf("SUCCESS"));
    assertThat(seen).doesNotContain("FAILED");
    WebElement row = browser.findElement(By.cssSelector("#tasks tbody tr"));
    assertThat(row.findElements(By.tagName("td")).get(1).getText()).isEqualTo("noop");
    assertThat(row.findElements(By.tagName("td")).get(2).getText()).isEqualTo(ds);
  }

  @Test
  void activeTasksComeFirstThenNewestFirstAsDruidSorts() {
    String ds = ds();
    String done = server.submit("{\"type\":\"noop\",\"runTime\":1,\"dataSource\":\"" + ds + "\"}");
    server.awaitComplete(done);
    String older = server.submit("{\"type\":\"noop\",\"runTime\":1,\"dataSource\":\"" + ds + "\"}");
    server.awaitComplete(older);
    String running = server.submit("{\"type\":\"noop\",\"runTime\":600000,\"dataSource\":\"" + ds + "\"}");
    server.awaitRunner(running, "RUNNING");
    openConsole(ds);
    await().atMost(PATIENCE).until(() -> rowIds().size() == 3);
    assertThat(rowIds()).containsExactly(running, older, done);
    server.post(API + "/task/" + running + "/shutdown", null, null);
  }

  private static List<String> rowIds() {
    try {
      return browser.findElements(By.cssSelector("#tasks tbody tr")).stream().map(r -> r.getDomAttribute("data-id"))
          .toList();
    } catch (StaleElementReferenceException e) {
      return List.of();
    }
  }

  @Test
  void theLogTailGrowsAsTheTaskRuns() {
    String ds = ds();
    String id = server.submit("{\"type\":\"noop\",\"runTime\":4000,\"dataSource\":\"" + ds + "\"}");
    server.awaitRunner(id, "RUNNING");
    openConsole(ds);
    await().atMost(PATIENCE).until(() -> shownStatus(id).isPresent());
    openButtonOf(id).sendKeys(org.openqa.selenium.Keys.ENTER); // by keyboard
    WebElement log = browser.findElement(By.id("detail-log"));
    await().atMost(PATIENCE).until(() -> log.getText().contains("Running No-Op task[" + id + "]"));
    String early = log.getText();
    assertThat(early).doesNotContain("Woke up after");
    await().atMost(PATIENCE).until(() -> log.getText().contains("Woke up after 4000 ms"));
    assertThat(log.getText()).startsWith(early.substring(0, Math.min(early.length(), 40)))
        .hasSizeGreaterThan(early.length());
    await().atMost(PATIENCE).until(() -> browser.findElement(By.id("detail-status")).getText().contains("SUCCESS"));
  }

  @Test
  void stopStopsATask() {
    String ds = ds();
    String id = server.submit("{\"type\":\"noop\",\"runTime\":600000,\"dataSource\":\"" + ds + "\"}");
    server.awaitRunner(id, "RUNNING");
    openConsole(ds);
    await().atMost(PATIENCE).until(() -> shownStatus(id).filter("RUNNING"::equals).isPresent());
    openButtonOf(id).click();
    await().atMost(PATIENCE).until(() -> browser.findElement(By.id("detail-stop")).isDisplayed());
    browser.findElement(By.id("detail-stop")).click();
    browser.switchTo().alert().accept(); // "Stop task …?"
    await().atMost(PATIENCE).until(() -> shownStatus(id).filter("FAILED"::equals).isPresent());
    assertThat(server.status(id).get("errorMsg").asText()).isEqualTo("Shutdown request from user");
    // the table and the open detail refresh on their own timers: the detail follows within its next poll
    await().atMost(PATIENCE).untilAsserted(() -> assertThat(browser.findElement(By.id("detail-status")).getText())
        .contains("FAILED").contains("Shutdown request from user"));
  }

  @Test
  void stopAllStopsEveryActiveTaskOfTheDatasource() {
    String ds = ds();
    String a = server.submit("{\"type\":\"noop\",\"runTime\":600000,\"dataSource\":\"" + ds + "\"}");
    String b = server.submit("{\"type\":\"noop\",\"runTime\":600000,\"dataSource\":\"" + ds + "\"}");
    openConsole(ds);
    await().atMost(PATIENCE).until(() -> shownStatus(a).isPresent() && shownStatus(b).isPresent());
    browser.findElement(By.id("stop-datasource")).click();
    browser.switchTo().alert().accept();
    await().atMost(PATIENCE).until(() -> shownStatus(a).filter("FAILED"::equals).isPresent()
        && shownStatus(b).filter("FAILED"::equals).isPresent());
  }

  @Test
  void pendingAndWaitingTasksSayWhatTheyWaitFor() {
    String ds = ds();
    // every worker slot busy: the first kill takes its lock and stays PENDING, the second WAITS for that lock
    int slots = server.json(server.get(API + "/totalWorkerCapacity")).get("currentClusterCapacity").asInt();
    List<String> fillers = new ArrayList<>();
    for (int i = 0; i < slots; i++) {
      fillers.add(server.submit("{\"type\":\"noop\",\"runTime\":600000,\"dataSource\":\"" + ds + "-filler\"}"));
    }
    fillers.forEach(f -> server.awaitRunner(f, "RUNNING"));
    String kill = "{\"type\":\"kill\",\"dataSource\":\"" + ds + "\",\"interval\":\"2021-03-01/2021-03-02\"}";
    String pending = server.submit(kill);
    server.awaitRunner(pending, "PENDING");
    String waiting = server.submit(kill);
    try {
      server.awaitRunner(waiting, "WAITING");
      openConsole(ds);
      await().atMost(PATIENCE).until(() -> shownStatus(waiting).filter("WAITING"::equals).isPresent());
      openButtonOf(waiting).click();
      WebElement reason = browser.findElement(By.id("wait-reason"));
      await().atMost(PATIENCE).until(() -> reason.isDisplayed() && reason.getText().contains("Locked now"));
      assertThat(reason.getText()).contains("time-chunk locks of datasource " + ds,
          "It needs 2021-03-01T00:00:00.000Z/2021-03-02T00:00:00.000Z",
          "Locked now: 2021-03-01T00:00:00.000Z/2021-03-02T00:00:00.000Z", pending);
      openButtonOf(pending).click();
      await().atMost(PATIENCE).until(() -> reason.isDisplayed() && reason.getText().contains("worker slot"));
      assertThat(reason.getText()).contains("It waits for a worker slot: " + slots + " of " + slots + " slots are busy");
    } finally {
      server.post(API + "/datasources/" + ds + "/shutdownAllTasks", null, null);
      server.post(API + "/datasources/" + ds + "-filler/shutdownAllTasks", null, null);
    }
  }

  @Test
  void hostileIdsAndLogLinesRenderAsText() {
    String ds = ds();
    String hostile = "<img src=x onerror=\"window.__injected=1\"> '\"&amp; <svg onload=window.__injected=2> "
        + UUID.randomUUID();
    String id = server.submit("{\"type\":\"noop\",\"id\":" + quote(hostile) + ",\"runTime\":1500,\"dataSource\":\""
        + ds + "\"}");
    assertThat(id).isEqualTo(hostile);
    openConsole(ds);
    await().atMost(PATIENCE).until(() -> shownStatus(id).isPresent());
    openButtonOf(id).click();
    WebElement log = browser.findElement(By.id("detail-log"));
    // the log's lines name the task: hostile lines too
    await().atMost(PATIENCE).until(() -> log.getText().contains("Running No-Op task[" + hostile + "]"));
    await().atMost(PATIENCE).until(() -> shownStatus(id).filter("SUCCESS"::equals).isPresent());
    assertThat(openButtonOf(id).getText()).isEqualTo(hostile);
    assertThat(browser.findElement(By.id("detail-id")).getText()).isEqualTo(hostile);
    assertThat(browser.findElement(By.id("detail-payload")).getText()).contains("<img src=x onerror=");
    assertThat(browser.findElements(By.tagName("img"))).isEmpty();
    assertThat(browser.findElements(By.cssSelector("body script"))).hasSize(0);
    assertThat(((JavascriptExecutor) browser).executeScript("return window.__injected === undefined")).isEqualTo(true);
    assertThat(alertShown()).isFalse();
  }

  private static boolean alertShown() {
    try {
      browser.switchTo().alert();
      return true;
    } catch (NoAlertPresentException e) {
      return false;
    }
  }

  private static String quote(String s) {
    return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }

  /** Inline rows of hours 1 and 2 of 2024-01-01, and one outside the spec's interval (thrown away). */
  private static String ingestion(String ds) {
    String rows = row("2024-01-01T01:10:00Z", "Main_Page", 12) + row("2024-01-01T01:20:00Z", "Druid", 3)
        + row("2024-01-01T02:05:00Z", "Main_Page", 7) + row("2023-06-01T00:00:00Z", "Elsewhere", 1);
    return "{\"type\":\"index_parallel\",\"spec\":{\"dataSchema\":{\"dataSource\":\"" + ds + "\","
        + "\"timestampSpec\":{\"column\":\"ts\",\"format\":\"iso\"},\"dimensionsSpec\":{\"dimensions\":[\"page\"]},"
        + "\"metricsSpec\":[{\"type\":\"count\",\"name\":\"count\"},{\"type\":\"longSum\",\"name\":\"added\","
        + "\"fieldName\":\"added\"}],\"granularitySpec\":{\"segmentGranularity\":\"HOUR\","
        + "\"intervals\":[\"2024-01-01/2024-01-02\"]}},\"ioConfig\":{\"type\":\"index_parallel\",\"inputSource\":"
        + "{\"type\":\"inline\",\"data\":\"" + rows + "\"},\"inputFormat\":{\"type\":\"json\"}},"
        + "\"tuningConfig\":{\"type\":\"index_parallel\"}}}";
  }

  private static String row(String time, String page, int added) {
    return "{\\\"ts\\\":\\\"" + time + "\\\",\\\"page\\\":\\\"" + page + "\\\",\\\"added\\\":" + added + "}\\n";
  }

  /** The cells of the report's row-stats table, by phase and counter. */
  private static String reportCell(String phase, String counter) {
    WebElement table = browser.findElement(By.cssSelector("#detail-report table"));
    List<String> counters = table.findElements(By.cssSelector("thead th")).stream().map(WebElement::getText).toList();
    for (WebElement tr : table.findElements(By.cssSelector("tbody tr"))) {
      if (tr.findElement(By.tagName("th")).getText().equals(phase)) {
        return tr.findElements(By.tagName("td")).get(counters.indexOf(counter) - 1).getText();
      }
    }
    throw new AssertionError("no phase " + phase + " in the report");
  }

  @Test
  void anIngestionShowsItsRowCountsAndSegments() {
    String ds = ds();
    String id = server.submit(ingestion(ds));
    server.awaitComplete(id);
    openConsole(ds);
    await().atMost(PATIENCE).until(() -> shownStatus(id).filter("SUCCESS"::equals).isPresent());
    openButtonOf(id).click();
    await().atMost(PATIENCE).until(() -> !browser.findElements(By.cssSelector("#detail-report table")).isEmpty()
        && !browser.findElements(By.cssSelector("#detail-segments table")).isEmpty());
    assertThat(browser.findElement(By.id("detail-report")).getText()).contains("Ingestion state: COMPLETED");
    assertThat(reportCell("buildSegments", "processed")).isEqualTo("3");
    assertThat(reportCell("buildSegments", "thrownAway")).isEqualTo("1");
    assertThat(reportCell("buildSegments", "unparseable")).isEqualTo("0");
    List<WebElement> segments = browser.findElements(By.cssSelector("#detail-segments tbody tr"));
    assertThat(segments).hasSize(2);
    assertThat(segments.get(0).getText()).contains("2024-01-01T01:00:00.000Z/2024-01-01T02:00:00.000Z");
  }

  @Test
  void aScreenshotOfThePageIsKept() throws Exception {
    String ds = "wikipedia";
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      ids.add(server.submit("{\"type\":\"noop\",\"runTime\":" + (300 + i * 200) + ",\"dataSource\":\"" + ds + "\"}"));
    }
    String ingested = server.submit(ingestion(ds));
    ids.forEach(server::awaitComplete);
    server.awaitComplete(ingested);
    String running = server.submit("{\"type\":\"noop\",\"runTime\":600000,\"dataSource\":\"" + ds + "\"}");
    try {
      server.awaitRunner(running, "RUNNING");
      openConsole(ds);
      await().atMost(PATIENCE).until(() -> shownStatus(running).isPresent());
      openButtonOf(ingested).click();
      await().atMost(PATIENCE).until(() -> !browser.findElements(By.cssSelector("#detail-segments table")).isEmpty());
      Path shot = Path.of("server/target/console.png");
      Files.createDirectories(shot.getParent());
      Files.write(shot, browser.getScreenshotAs(OutputType.BYTES));
      assertThat(Files.size(shot)).isGreaterThan(10_000);
      // -Dconsole.screenshot.docs=true refreshes the one the README shows
      if (Boolean.getBoolean("console.screenshot.docs")) {
        Files.createDirectories(Path.of("docs"));
        Files.copy(shot, Path.of("docs/console.png"), StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      server.post(API + "/task/" + running + "/shutdown", null, null);
    }
  }

  @Test
  void theApiDocsPageRendersTheServedDocumentOffline() {
    browser.get(server.base().resolve("/docs").toString());
    await().atMost(PATIENCE).until(() -> browser.findElements(By.cssSelector(".opblock-summary-path")).stream()
        .anyMatch(e -> e.getText().replace("\u200b", "").equals("/druid/indexer/v1/task/{taskId}/status")));
    assertThat(browser.findElement(By.cssSelector(".info .title")).getText()).contains("Apache Druid Tasks API");
    // every file the page loaded came from this server
    @SuppressWarnings("unchecked")
    List<String> loaded = (List<String>) ((JavascriptExecutor) browser).executeScript(
        "return performance.getEntriesByType('resource').map(r => r.name)");
    assertThat(loaded).isNotEmpty().allMatch(url -> url.startsWith(server.base().toString()));
  }

  @Test
  void withBasicSecurityTheBrowsersLoginIsEnough() throws Exception {
    try (TestServer secured = TestServer.start(Files.createTempDirectory("druid-tasks-console-secured"),
        ConfigOverride.config("auth.type", "basic"), ConfigOverride.config("auth.adminPassword", "console-secret"))) {
      String login = "Basic " + java.util.Base64.getEncoder().encodeToString("admin:console-secret".getBytes());
      var submitted = secured.send(java.net.http.HttpRequest.newBuilder(secured.base().resolve(API + "/task"))
          .header("Authorization", login).header("Content-Type", "application/json")
          .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"type\":\"noop\",\"runTime\":1}")));
      assertThat(submitted.statusCode()).isEqualTo(200);
      String id = secured.json(submitted).get("task").asText();
      ChromeDriver other = headlessChromium();
      try {
        // the browser's basic auth: credentials given once, then sent with every call of the page
        other.get("http://admin:console-secret@localhost:" + secured.base().getPort() + "/console");
        await().atMost(PATIENCE).until(() -> other.findElements(By.cssSelector("#tasks tbody tr")).stream()
            .anyMatch(r -> id.equals(r.getDomAttribute("data-id"))));
        assertThat(other.findElement(By.id("notice")).getText()).isEmpty();
      } finally {
        other.quit();
      }
    }
  }
}
