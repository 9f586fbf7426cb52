package dev.druidtasks.clients;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Runs a client profile against a Tasks API target and reports, per call, what passed. */
@Command(name = "client-profiles", mixinStandardHelpOptions = true,
    description = "Drives a Tasks API target with Druid 33's own OverlordClient and reports per call what passed.")
public final class ClientProfilesMain implements Callable<Integer> {
  @Option(names = "--target", required = true, description = "Base URL of the Overlord API, e.g. http://localhost:8888")
  URI target;

  @Option(names = "--profile", split = ",", converter = ProfileName.class,
      description = "Profiles to run (default all): overlord-client, pydruid, airflow-druid-hook")
  List<Profile> profiles = List.of(Profile.values());

  @Option(names = "--data-source", description = "Data source the run owns (default: a fresh one)")
  String dataSource;

  @Option(names = "--timeout-seconds", defaultValue = "120", description = "Bound of each call and each wait")
  long timeoutSeconds;

  @Option(names = "--report", description = "Write the results as JSON to this file")
  Path report;

  /** The clients, in the order their shutdowns run last. */
  enum Profile {
    overlord_client, pydruid, airflow_druid_hook;

    String label() {
      return name().replace('_', '-');
    }
  }

  static final class ProfileName implements CommandLine.ITypeConverter<Profile> {
    @Override
    public Profile convert(String value) {
      for (Profile p : Profile.values()) {
        if (p.label().equals(value)) {
          return p;
        }
      }
      throw new CommandLine.TypeConversionException("no profile [" + value + "]");
    }
  }

  public static void main(String[] args) {
    System.exit(new CommandLine(new ClientProfilesMain()).execute(args));
  }

  @Override
  public Integer call() throws Exception {
    String ds = dataSource != null ? dataSource
        : "client_profile_" + UUID.randomUUID().toString().substring(0, 8);
    ProfileRun run = new ProfileRun(System.out);
    long start = System.nanoTime();
    try (OverlordConnection connection = new OverlordConnection(target)) {
      ProfileContext ctx = new ProfileContext(connection, target, ds, Duration.ofSeconds(timeoutSeconds), run);
      List<ClientProfile> chosen = profiles.stream().distinct().sorted().map(p -> switch (p) {
        case overlord_client -> (ClientProfile) new OverlordClientProfile(ctx);
        case pydruid -> new PydruidProfile(ctx);
        case airflow_druid_hook -> new AirflowHookProfile(ctx);
      }).toList();
      for (ClientProfile p : chosen) {
        run.profile(p.name());
        p.run();
      }
      for (ClientProfile p : chosen) {
        run.profile(p.name());
        p.finish();
      }
    }
    List<CallResult> results = run.results();
    Map<CallOutcome, Long> tally = new LinkedHashMap<>();
    for (CallOutcome o : CallOutcome.values()) {
      tally.put(o, results.stream().filter(r -> r.outcome() == o).count());
    }
    String names = profiles.stream().distinct().sorted().map(Profile::label).collect(Collectors.joining(","));
    System.out.printf(Locale.ROOT, "%s on %s: %d passed, %d failed, %d quirks (%.1f s)%n", names, target,
        tally.get(CallOutcome.PASS), tally.get(CallOutcome.FAIL), tally.get(CallOutcome.QUIRK),
        (System.nanoTime() - start) / 1e9);
    if (report != null) {
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("profiles", names);
      body.put("target", target.toString());
      body.put("dataSource", ds);
      body.put("tally", tally);
      body.put("calls", results);
      if (report.getParent() != null) {
        Files.createDirectories(report.getParent());
      }
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(report.toFile(), body);
    }
    return tally.get(CallOutcome.FAIL) == 0 ? 0 : 1;
  }
}
