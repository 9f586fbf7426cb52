package dev.druidtasks.server;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The layering of the server, stated as rules over its compiled classes. */
class ArchitectureTest {
  private static JavaClasses classes;

  @BeforeAll
  static void load() {
    classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages("dev.druidtasks.server");
  }

  @Test
  void layersDependDownwardOnly() {
    layeredArchitecture().consideringOnlyDependenciesInLayers()
        .layer("app").definedBy("dev.druidtasks.server.app..")
        .layer("api").definedBy("dev.druidtasks.server.api..")
        .layer("auth").definedBy("dev.druidtasks.server.auth..")
        .layer("engine").definedBy("dev.druidtasks.server.engine..")
        .layer("metrics").definedBy("dev.druidtasks.server.metrics..")
        .layer("ingest").definedBy("dev.druidtasks.server.ingest..")
        .layer("store").definedBy("dev.druidtasks.server.store..")
        .layer("task").definedBy("dev.druidtasks.server.task..")
        .whereLayer("app").mayNotBeAccessedByAnyLayer()
        .whereLayer("api").mayOnlyBeAccessedByLayers("app")
        .whereLayer("auth").mayOnlyBeAccessedByLayers("app", "api")
        .whereLayer("engine").mayOnlyBeAccessedByLayers("app", "api", "metrics")
        .whereLayer("metrics").mayOnlyBeAccessedByLayers("app")
        .whereLayer("ingest").mayOnlyBeAccessedByLayers("app")
        .whereLayer("store").mayOnlyBeAccessedByLayers("app", "api", "auth", "engine", "metrics")
        .allowEmptyShould(true)
        .check(classes);
  }

  @Test
  void theDomainKnowsNeitherHttpNorSql() {
    noClasses().that().resideInAnyPackage("dev.druidtasks.server.task..", "dev.druidtasks.server.ingest..")
        .should().dependOnClassesThat().resideInAnyPackage("jakarta.ws.rs..", "org.glassfish.jersey..",
            "org.jdbi..", "java.sql..", "javax.sql..", "io.dropwizard..", "org.eclipse.jetty..", "liquibase..")
        .check(classes);
  }

  @Test
  void theSpecKnowsNotTheRun() {
    noClasses().that().resideInAPackage("dev.druidtasks.server.ingest.spec..")
        .should().dependOnClassesThat().resideInAPackage("dev.druidtasks.server.ingest")
        .check(classes);
  }

  @Test
  void sqlStaysInTheStore() {
    noClasses().that().resideOutsideOfPackage("dev.druidtasks.server.store..")
        .and().resideOutsideOfPackage("dev.druidtasks.server.app..")
        .should().dependOnClassesThat().resideInAnyPackage("org.jdbi..", "java.sql..", "liquibase..",
            "org.postgresql..", "io.zonky..")
        .check(classes);
  }

  @Test
  void theEngineDoesNotKnowHttp() {
    noClasses().that().resideInAnyPackage("dev.druidtasks.server.engine..", "dev.druidtasks.server.store..",
            "dev.druidtasks.server.auth..")
        .should().dependOnClassesThat().resideInAnyPackage("jakarta.ws.rs..", "org.glassfish.jersey..",
            "org.eclipse.jetty..", "io.dropwizard..")
        .check(classes);
  }

  @Test
  void segmentWritingKnowsNeitherTheSpecNorTheReaders() {
    noClasses().that().resideInAPackage("dev.druidtasks.server.ingest.segment..")
        .should().dependOnClassesThat().resideInAnyPackage("dev.druidtasks.server.ingest",
            "dev.druidtasks.server.ingest.read..")
        .check(classes);
  }

  @Test
  void simulatedTypesAreReachedOnlyByTheApplicationAndTheControlApi() {
    noClasses().that().resideOutsideOfPackages("dev.druidtasks.server.task.simulated..",
            "dev.druidtasks.server.app..", "dev.druidtasks.server.api..")
        .should().dependOnClassesThat().resideInAPackage("dev.druidtasks.server.task.simulated..")
        .check(classes);
  }

  @Test
  void readingKnowsNeitherTheRunNorSegments() {
    noClasses().that().resideInAPackage("dev.druidtasks.server.ingest.read..")
        .should().dependOnClassesThat().resideInAnyPackage("dev.druidtasks.server.ingest",
            "dev.druidtasks.server.ingest.segment..")
        .check(classes);
  }
}
