package dev.druidtasks.reference;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The three JVMs of the reference Druid and how each is launched. */
enum DruidService {
  ZOOKEEPER("zookeeper", null, "-Xmx128m"),
  COORDINATOR("coordinator-overlord", "coordinator", "-Xms256m", "-Xmx768m"),
  MIDDLE_MANAGER("middleManager", "middleManager", "-Xms64m", "-Xmx192m");

  /** The module openings of Druid's own start scripts (its Java 11+ strong-encapsulation list). */
  private static final List<String> OPENINGS = List.of(
      "--add-exports=java.base/jdk.internal.misc=ALL-UNNAMED",
      "--add-exports=java.base/jdk.internal.ref=ALL-UNNAMED",
      "--add-opens=java.base/java.nio=ALL-UNNAMED",
      "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
      "--add-opens=java.base/jdk.internal.ref=ALL-UNNAMED",
      "--add-opens=java.base/java.io=ALL-UNNAMED",
      "--add-opens=java.base/java.lang=ALL-UNNAMED",
      "--add-opens=jdk.management/com.sun.management.internal=ALL-UNNAMED");

  private final String confName;
  private final String cliName;
  private final List<String> heap;

  DruidService(String confName, String cliName, String... heap) {
    this.confName = confName;
    this.cliName = cliName;
    this.heap = List.of(heap);
  }

  String label() {
    return confName;
  }

  /** The command line; run with the work dir as current directory. */
  List<String> command(ReferenceDruidConfig config) {
    Path conf = DruidConf.confDir(config.workDir());
    Path var = config.workDir().resolve("var");
    List<String> cmd = new ArrayList<>();
    cmd.add(config.java().toString());
    cmd.add("-server");
    cmd.addAll(heap);
    cmd.addAll(OPENINGS);
    cmd.add("-XX:+ExitOnOutOfMemoryError");
    cmd.add("-Duser.timezone=UTC");
    cmd.add("-Dfile.encoding=UTF-8");
    cmd.add("-Djava.io.tmpdir=" + var.resolve("tmp"));
    cmd.add("-Djava.util.logging.manager=org.apache.logging.log4j.jul.LogManager");
    cmd.add("-Dlog4j.configurationFile=" + conf.resolve("_common").resolve("log4j2.xml"));
    // Marks the processes of this work dir, so that a later 'stop' knows them.
    cmd.add("-Ddruidtasks.reference.workDir=" + config.workDir());
    String classpath = conf.resolve("_common") + File.pathSeparator
        + (cliName == null ? "" : conf.resolve(confName) + File.pathSeparator)
        + config.libDir().resolve("*");
    cmd.add("-cp");
    cmd.add(classpath);
    if (this == ZOOKEEPER) {
      cmd.add("-Dzookeeper.admin.enableServer=false");
      cmd.add("-Dzookeeper.jmx.log4j.disable=true");
      cmd.add("org.apache.zookeeper.server.ZooKeeperServerMain");
      cmd.add(Integer.toString(config.ports().zooKeeper()));
      cmd.add(var.resolve("zk").toString());
    } else {
      cmd.add("-Dderby.stream.error.file=" + var.resolve("derby.log"));
      cmd.add("org.apache.druid.cli.Main");
      cmd.add("server");
      cmd.add(cliName);
    }
    return cmd;
  }
}
