package dev.druidtasks.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.druidtasks.conformance.Divergences;
import dev.druidtasks.conformance.security.MatrixRow;
import dev.druidtasks.conformance.security.MatrixRows;
import dev.druidtasks.conformance.security.PermissionMatrix;
import dev.druidtasks.server.TestServer;
import io.dropwizard.testing.ConfigOverride;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The suite's permission matrix (the one the reference Druid passes) against this server with basic security. */
class PermissionMatrixTest {
  @Test
  void everyCellIsDruidsAnswerOrTheLedgers() throws Exception {
    try (TestServer server = TestServer.start(Files.createTempDirectory("druid-tasks-matrix"),
        ConfigOverride.config("auth.type", "basic"), ConfigOverride.config("auth.adminPassword", "matrix-admin"),
        // the matrix fails dozens of logins on purpose; slowing them is another test's subject
        ConfigOverride.config("auth.failedLoginBurst", "1000"))) {
      List<PermissionMatrix.Cell> cells = new PermissionMatrix(server.base(), "matrix-admin", false,
          Duration.ofSeconds(60)).run();
      System.out.println("Permission matrix on the server: " + cells.size() + " cells, "
          + cells.stream().filter(PermissionMatrix.Cell::passed).count() + " as expected");
      assertThat(cells.stream().filter(c -> !c.passed()).map(Object::toString).toList()).isEmpty();
      assertThat(cells).hasSizeGreaterThan(200);
    }
  }

  @Test
  void theLedgerNamesEveryRowWhereTheServerAnswersOtherwiseAndNothingElse() {
    Set<String> diverging = MatrixRows.all().stream().filter(MatrixRow::diverges).map(MatrixRow::name)
        .collect(Collectors.toSet());
    diverging.add(MatrixRows.REFUSED_LOGIN);
    assertThat(Divergences.load().securityCells()).isEqualTo(diverging);
  }
}
